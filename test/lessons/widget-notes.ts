// The notes a lesson's widgets show only once JavaScript runs: the ladder's
// note for each segment (sequence diagram) and the "In plain words" sentence
// of each frame a packet viewer lets the reader select. A reader without
// JavaScript never sees them, so the lesson's prose tests never read them;
// these helpers collect them so they can be held to the same standard.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openCapture, type OpenedCapture } from '../../src/decoder/open-capture.ts';
import { buildLadder } from '../../src/widgets/sequence-diagram/ladder-model.ts';
import { explanationText } from '../../src/lib/strings/analysis.ts';
import { sentenceLinesFor } from '../../src/widgets/frame-panes/sentence-for.ts';
import { framesIn, parseFrameRange } from '../../src/lib/frame-range.ts';

const root = join(import.meta.dirname, '../..');

export interface WidgetNote {
  lesson: string;
  widget: 'SequenceDiagram' | 'PacketViewer';
  capture: string;
  frame: number;
  text: string;
}

const opened = new Map<string, OpenedCapture>();

/** A capture by id, decoded once (the same file lookup as the lesson tests). */
function openedCapture(id: string): OpenedCapture {
  const hit = opened.get(id);
  if (hit) return hit;
  for (const dir of ['captures/recorded', 'captures/rebuilt', 'captures']) {
    for (const ext of ['.pcapng', '.pcap']) {
      try {
        const made = openCapture(new Uint8Array(readFileSync(join(root, dir, id + ext))));
        opened.set(id, made);
        return made;
      } catch {
        /* next */
      }
    }
  }
  throw new Error(`no capture file for "${id}" under captures/`);
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`${name}=(?:"([^"]*)"|\\{(\\d+)\\})`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Every JavaScript-only note of one lesson's widgets (lessons/NN-name.mdx). */
export function widgetNotes(file: string): WidgetNote[] {
  const mdx = readFileSync(join(root, 'lessons', file), 'utf8');
  const lesson = file.replace(/\.mdx$/, '');
  const notes: WidgetNote[] = [];
  for (const [tag, kind] of mdx.matchAll(/<(SequenceDiagram|PacketViewer)\s[^>]*\/>/g)) {
    const id = attr(tag, 'capture')!;
    const c = openedCapture(id);
    if (kind === 'SequenceDiagram') {
      const model = buildLadder(c, Number(attr(tag, 'stream') ?? 0));
      for (const seg of model?.segments ?? []) {
        for (const e of seg.explain) notes.push({ lesson, widget: kind, capture: id, frame: seg.frame, text: explanationText(e) });
      }
    } else {
      for (const n of framesIn(parseFrameRange(attr(tag, 'frames'), c.frames.length))) {
        for (const text of sentenceLinesFor(c, n)) notes.push({ lesson, widget: 'PacketViewer', capture: id, frame: n, text });
      }
    }
  }
  return notes;
}

/** The lesson files, in order. */
export const lessonFiles = (): string[] =>
  readdirSync(join(root, 'lessons'))
    .filter((f) => f.endsWith('.mdx'))
    .sort();
