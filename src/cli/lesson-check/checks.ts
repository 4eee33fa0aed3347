// Checks one lesson against the captures, the glossary and the components'
// rules, and says for each problem where it is and what would fix it. Pure:
// the command reads the files and builds the World.
import { parseYaml, toPlain } from '../../lib/yaml/yaml-lite.ts';
import { nearestName } from '../../decoder/text/nearest.ts';
import { frameRangeProblem, parseFrameRange, type FrameRange } from '../../lib/frame-range.ts';
import { fieldsOf, parseExpression } from '../../lib/quiz/expression.ts';
import type { Literal } from './literal.ts';
import { glossaryUseProblems } from './glossary-use.ts';
import { pageLinkProblems } from './page-links.ts';
import { scanLesson, type Tag } from './scan.ts';
import { GRAPH_KINDS } from '../../decoder/graphs/kinds.ts';
import type { CaptureView, Problem, World } from './world.ts';

const FIELD = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/i;
const QUESTIONS = new Set(['Choice', 'Answer', 'Predict', 'FindField', 'Order']);
/** Components that read a capture, and whether the capture prop may be left to the lesson's first capture. */
const READS_CAPTURE: Record<string, 'required' | 'lesson'> = {
  PacketViewer: 'required',
  HeaderDiagram: 'required',
  SequenceDiagram: 'required',
  FollowStream: 'required',
  StreamGraph: 'required',
  FrameLink: 'required',
  ChecksumCalculator: 'required',
  Answer: 'lesson',
  Predict: 'lesson',
  FindField: 'lesson',
};

const hint = (name: string, known: readonly string[]) => {
  const near = nearestName(name, known);
  return near ? ` Did you mean "${near}"?` : '';
};

export function checkLesson(text: string, world: World): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ line, message });
  const scanned = scanLesson(text);

  // Front matter.
  const lessonCaptures = checkFrontMatter(scanned.frontMatter, world, report);

  // Widgets first, so frame links can be checked against what the page shows.
  const shown = new Map<string, FrameRange[]>();
  const seenIds = new Map<string, number>();
  for (const tag of scanned.tags) {
    for (const u of tag.unreadable)
      report(tag.line, `<${tag.name}> ${u.name}={...} cannot be read (${u.error}): write it as "text", {number}, [list] or {{ key: value }}.`);
    if (!scanned.imports.has(tag.name) && !['Fragment'].includes(tag.name)) {
      report(tag.line, `<${tag.name}> is used but not imported: add an import line, e.g. import ${tag.name} from '../src/components/${tag.name}.astro';`);
    }
    const mode = READS_CAPTURE[tag.name];
    let capture: CaptureView | undefined;
    if (mode) {
      const id = typeof tag.attrs.capture === 'string' ? tag.attrs.capture : mode === 'lesson' ? lessonCaptures[0] : undefined;
      if (id === undefined) {
        report(tag.line, `<${tag.name}> needs capture="ID"${mode === 'lesson' ? ' (or a capture in the front matter)' : ''}.`);
      } else {
        const c = world.capture(id);
        if (c === undefined)
          report(
            tag.line,
            `<${tag.name}> capture="${id}": there is no captures/**/${id}.yaml.${hint(id, world.captureIds)} Add the capture with its sidecar, or fix the id.`,
          );
        else if (typeof c === 'string') report(tag.line, `<${tag.name}> capture="${id}": ${c}`);
        else {
          capture = c;
          if (!lessonCaptures.includes(id))
            report(tag.line, `<${tag.name}> reads capture "${id}", which the front matter does not list: add it to captures: [...].`);
        }
      }
    }
    if (QUESTIONS.has(tag.name)) {
      const id = tag.attrs.id;
      if (typeof id !== 'string' || !id) report(tag.line, `<${tag.name}> needs an id="..." (unique in the lesson: it keys the student's progress).`);
      else if (seenIds.has(id)) report(tag.line, `question id "${id}" is already used on line ${seenIds.get(id)}: give each question its own id.`);
      else seenIds.set(id, tag.line);
    }
    if (tag.name === 'Term') {
      const id = tag.attrs.id;
      if (typeof id !== 'string') report(tag.line, '<Term> needs id="..." naming a glossary entry.');
      else if (!world.glossaryIds.includes(id))
        report(tag.line, `<Term id="${id}">: there is no content/glossary/${id}.yaml.${hint(id, world.glossaryIds)} Add the entry or fix the id.`);
    }
    if (capture) checkWidget(tag, capture, world, shown, report);
  }

  // Frame links need a widget of their capture on the page that shows the frame.
  for (const tag of scanned.tags.filter((t) => t.name === 'FrameLink')) {
    const id = tag.attrs.capture;
    const frame = tag.attrs.frame;
    if (typeof id !== 'string' || typeof frame !== 'number') continue;
    const ranges = shown.get(id);
    if (!ranges)
      report(
        tag.line,
        `<FrameLink> to capture "${id}", but no PacketViewer, HeaderDiagram or SequenceDiagram on the page shows it: add one, or the link has nothing to select.`,
      );
    else if (!ranges.some((r) => frame >= r.first && frame <= r.last)) {
      report(
        tag.line,
        `<FrameLink> to frame ${frame} of "${id}", outside every widget of that capture on the page (${ranges.map((r) => `${r.first}-${r.last}`).join(', ')}): widen a PacketViewer's frames, or link another frame.`,
      );
    }
  }
  problems.push(...glossaryUseProblems(text, world.glossary));
  problems.push(...pageLinkProblems(text, world.lessonIds));
  return problems.sort((a, b) => a.line - b.line);
}

function checkFrontMatter(fm: { text: string; line: number } | undefined, world: World, report: (line: number, message: string) => void): string[] {
  if (!fm) {
    report(1, 'no front matter: start the file with ---, then title:, summary:, order:, objectives: and captures:, then ---.');
    return [];
  }
  const parsed = parseYaml(fm.text);
  if (parsed.problem || !parsed.node) {
    report(fm.line + (parsed.problem?.line ?? 1) - 1, `front matter: ${parsed.problem?.message ?? 'unreadable'}.`);
    return [];
  }
  const data = toPlain(parsed.node) as Record<string, unknown>;
  const lineOf = (key: string) => {
    const i = fm.text.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? fm.line : fm.line + i;
  };
  for (const key of ['title', 'summary']) {
    if (typeof data[key] !== 'string' || !(data[key] as string).trim())
      report(lineOf(key), `front matter: ${key}: is missing or empty; give the lesson a ${key}.`);
  }
  if (!/^\d+$/.test(String(data.order ?? '')) || Number(data.order) < 1)
    report(lineOf('order'), 'front matter: order: must be a whole number from 1 (its place in the course).');
  if (!Array.isArray(data.objectives) || data.objectives.length === 0)
    report(lineOf('objectives'), 'front matter: objectives: list at least one thing the student will be able to do.');
  const known = new Set(['title', 'summary', 'order', 'objectives', 'captures', 'lang', 'draft']);
  for (const key of Object.keys(data)) if (!known.has(key)) report(lineOf(key), `front matter: unknown key "${key}".${hint(key, [...known])}`);
  const captures = Array.isArray(data.captures) ? (data.captures as unknown[]).map(String) : [];
  for (const id of captures) {
    const c = world.capture(id);
    if (c === undefined)
      report(
        lineOf('captures'),
        `front matter: capture "${id}" has no captures/**/${id}.yaml.${hint(id, world.captureIds)} Add the capture with its sidecar, or fix the id.`,
      );
    else if (typeof c === 'string') report(lineOf('captures'), `front matter: capture "${id}": ${c}`);
  }
  return captures;
}

function frameProblem(frame: Literal | undefined, c: CaptureView): string | undefined {
  if (frame === undefined) return undefined;
  if (typeof frame !== 'number' || !Number.isInteger(frame) || frame < 1) return `frame={${JSON.stringify(frame)}} is not a frame number (1 or more)`;
  if (frame > c.count) return `frame ${frame} is past the end of "${c.id}", which has ${c.count} frames`;
  return undefined;
}

function checkField(
  tag: Tag,
  c: CaptureView,
  frame: number,
  field: Literal | undefined,
  report: (line: number, message: string) => void,
  what = 'field',
): void {
  if (field === undefined) return;
  if (typeof field !== 'string' || !FIELD.test(field)) {
    report(tag.line, `<${tag.name}> ${what} "${String(field)}" is not a Wireshark field name such as "tcp.ack".`);
  } else if (!c.hasField(frame, field)) {
    report(
      tag.line,
      `<${tag.name}>: frame ${frame} of "${c.id}" has no field ${field}: check the name in the packet viewer (Wireshark's display-filter names), or the frame.`,
    );
  }
}

/** Numbers an explanation states the way the Info column writes them. */
const STATED = [
  ['Seq', 'tcp.seq'],
  ['Ack', 'tcp.ack'],
] as const;

/**
 * A Predict's explanation must agree with the key the site builds from the
 * capture: "Seq=1 Ack=1" over a key expecting other numbers means one of them
 * is wrong (a key counted from the wrong side's initial sequence number did that).
 */
function checkPredictExplain(tag: Tag, c: CaptureView, frame: number, report: (line: number, message: string) => void): void {
  const explain = tag.attrs.explain;
  if (typeof explain !== 'string') return;
  const numbering = tag.attrs.numbering === 'raw' ? 'raw' : 'relative';
  for (const [label, field] of STATED) {
    const stated = new RegExp(`\\b${label}=(\\d+)`).exec(explain)?.[1];
    if (stated === undefined) continue;
    const key = c.keyValue(frame, field, numbering);
    if (key !== undefined && key !== Number(stated)) {
      report(
        tag.line,
        `<Predict>: its explanation says ${label}=${stated}, but the key expects ${key} (${field}, ${numbering} numbers, frame ${frame} of "${c.id}"): fix the explanation or the numbering.`,
      );
    }
  }
}

function checkWidget(tag: Tag, c: CaptureView, world: World, shown: Map<string, FrameRange[]>, report: (line: number, message: string) => void): void {
  const a = tag.attrs;
  const bad = frameProblem(a.frame, c);
  if (bad) {
    report(tag.line, `<${tag.name}> ${bad}.`);
    return;
  }
  const frame = typeof a.frame === 'number' ? a.frame : undefined;
  const show = (range: FrameRange) => shown.set(c.id, [...(shown.get(c.id) ?? []), range]);
  switch (tag.name) {
    case 'PacketViewer': {
      const frames = typeof a.frames === 'string' ? a.frames : undefined;
      const problem = frameRangeProblem(frames, c.count);
      if (problem) return report(tag.line, `<PacketViewer frames="${frames}">: ${problem}`);
      const range = parseFrameRange(frames, c.count);
      if (frame !== undefined && (frame < range.first || frame > range.last))
        report(tag.line, `<PacketViewer> frame={${frame}} is outside frames="${frames}".`);
      show(range);
      break;
    }
    case 'HeaderDiagram': {
      if (frame === undefined) return report(tag.line, '<HeaderDiagram> needs frame={N}.');
      if (typeof a.layer !== 'string' || !world.layers.includes(a.layer)) {
        return report(
          tag.line,
          `<HeaderDiagram> layer="${String(a.layer)}" is not one it draws: use one of ${world.layers.join(', ')}.${hint(String(a.layer), world.layers)}`,
        );
      }
      show({ first: frame, last: frame });
      checkField(tag, c, frame, a.field, report);
      break;
    }
    case 'SequenceDiagram': {
      const stream = a.stream ?? 0;
      if (typeof stream !== 'number' || stream < 0 || stream >= c.streams) {
        return report(
          tag.line,
          `<SequenceDiagram> stream={${String(stream)}}: "${c.id}" has ${c.streams === 0 ? 'no TCP conversation' : `TCP streams 0 to ${c.streams - 1}`}.`,
        );
      }
      show({ first: 1, last: c.count });
      break;
    }
    case 'FollowStream': {
      const proto = a.proto ?? 'tcp';
      if (proto !== 'tcp' && proto !== 'udp') return report(tag.line, `<FollowStream> proto="${String(proto)}": it follows "tcp" or "udp" streams.`);
      const count = proto === 'tcp' ? c.streams : c.udpStreams;
      const stream = a.stream ?? 0;
      if (typeof stream !== 'number' || !Number.isInteger(stream) || stream < 0 || stream >= count) {
        const name = proto.toUpperCase();
        return report(
          tag.line,
          `<FollowStream> stream={${String(stream)}}: "${c.id}" has ${count === 0 ? `no ${name} conversation` : `${name} streams 0 to ${count - 1}`}.`,
        );
      }
      break;
    }
    case 'StreamGraph': {
      const stream = a.stream ?? 0;
      if (typeof stream !== 'number' || stream < 0 || stream >= c.streams) {
        report(
          tag.line,
          `<StreamGraph> stream={${String(stream)}}: "${c.id}" has ${c.streams === 0 ? 'no TCP conversation' : `TCP streams 0 to ${c.streams - 1}`}.`,
        );
      }
      const kind = a.kind ?? 'tcptrace';
      if (typeof kind !== 'string' || !(GRAPH_KINDS as readonly string[]).includes(kind))
        report(
          tag.line,
          `<StreamGraph> kind="${String(kind)}" is not a graph it draws: use one of ${GRAPH_KINDS.join(', ')}.${hint(String(kind), GRAPH_KINDS)}`,
        );
      if (a.dir !== undefined && a.dir !== 'A' && a.dir !== 'B')
        report(tag.line, `<StreamGraph> dir="${String(a.dir)}": use "A" (the side of the first SYN) or "B".`);
      break;
    }
    case 'FrameLink':
      if (frame === undefined) return report(tag.line, '<FrameLink> needs frame={N}.');
      checkField(tag, c, frame, a.field, report);
      break;
    case 'ChecksumCalculator':
      if (frame === undefined) return report(tag.line, '<ChecksumCalculator> needs frame={N}.');
      break;
    case 'Predict':
      if (frame === undefined) return report(tag.line, '<Predict> needs frame={N}: the frame the student predicts.');
      {
        const asked = Array.isArray(a.ask) ? a.ask.map(String) : ['flags', 'seq', 'ack'];
        const byName = asked.filter((x) => x.includes('.'));
        if (asked.length > byName.length && !c.hasTcp(frame)) {
          report(
            tag.line,
            `<Predict>: frame ${frame} of "${c.id}" carries no TCP segment: ask for its fields by name instead, e.g. ask={['arp.opcode', 'eth.dst']}.`,
          );
        }
        for (const f of byName) checkField(tag, c, frame, f, report);
        if (c.hasTcp(frame)) checkPredictExplain(tag, c, frame, report);
      }
      break;
    case 'FindField':
      if (frame === undefined) return report(tag.line, '<FindField> needs frame={N}.');
      checkField(tag, c, frame, a.field ?? '', report);
      break;
    case 'Answer': {
      const answer = a.answer;
      if (answer === undefined) return report(tag.line, '<Answer> needs answer={...}: a value, {{ frame: N, field: "..." }} or {{ expr: "..." }}.');
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return;
      const base = typeof answer.frame === 'number' ? answer.frame : undefined;
      const fb = frameProblem(answer.frame ?? undefined, c);
      if (fb) return report(tag.line, `<Answer> ${fb}.`);
      if (typeof answer.expr === 'string') {
        const parsed = parseExpression(answer.expr, base);
        if (!parsed.ok) return report(tag.line, `<Answer> expr "${answer.expr}": ${parsed.error}.`);
        for (const f of fieldsOf(parsed.expr)) {
          const fp = frameProblem(f.frame, c);
          if (fp) report(tag.line, `<Answer> expr "${answer.expr}": ${fp}.`);
          else checkField(tag, c, f.frame, f.name, report);
        }
      } else if (base !== undefined) {
        checkField(tag, c, base, answer.field, report);
      }
      break;
    }
  }
}
