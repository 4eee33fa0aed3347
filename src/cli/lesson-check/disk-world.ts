// The World of the lesson checker, read from the repository's files: capture
// sidecars under captures/, glossary entries under content/glossary/, and the
// decoder's layer tables. Captures are opened only when a lesson uses them.
import { type Dirent, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { findField, protocolTables } from '../../decoder/dissect.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { captureFacts } from '../../lib/quiz/capture-facts.ts';
import { resolveAnswer } from '../../lib/quiz/resolve.ts';
import { readYaml } from '../../lib/yaml/yaml-data.ts';
import type { GlossaryWords } from './glossary-use.ts';
import type { CaptureView, World } from './world.ts';

/** Every file under dir whose name passes keep (recursive). */
function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, keep, out);
    else if (keep(e.name)) out.push(path);
  }
  return out;
}

/** The glossary's entries under content/glossary/, with the words the lessons write for them. */
export function glossaryWords(root: string): GlossaryWords[] {
  return walk(join(root, 'content/glossary'), (n) => n.endsWith('.yaml')).map((path) => {
    const id = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
    // The build validates entries; the checker needs only the words.
    const data = readYaml(readFileSync(path, 'utf8'), relative(root, path)) as { term?: unknown; aliases?: unknown };
    return { id, term: String(data.term ?? id), aliases: Array.isArray(data.aliases) ? data.aliases.map(String) : [] };
  });
}

/** A lesson's id, as the site's collection names it: lessons/03-tcp-handshake.mdx -> "tcp-handshake". */
const lessonIdOf = (path: string): string => /^(?:\d+-)?([^/]+)\.mdx$/.exec(basename(path))?.[1] ?? path;

export function diskWorld(root: string): World {
  // Sidecars: captures/**/ID.yaml, not rebuild specs, not the recording scenarios.
  const sidecars = new Map<string, string>();
  for (const path of walk(join(root, 'captures'), (n) => n.endsWith('.yaml') && !n.endsWith('.spec.yaml'))) {
    if (relative(join(root, 'captures'), path).startsWith('record/')) continue;
    sidecars.set(path.replace(/^.*\//, '').replace(/\.yaml$/, ''), path);
  }
  const opened = new Map<string, CaptureView | string>();
  const open = (id: string, sidecar: string): CaptureView | string => {
    // The top-level file: key is all the checker needs; the site's build validates the rest.
    const name = /^file:[ \t]*['"]?([^'"\s#]+)/m.exec(readFileSync(sidecar, 'utf8'))?.[1];
    const file = name ? join(dirname(sidecar), name) : undefined;
    if (!file) return `its sidecar ${relative(root, sidecar)} names no file: add file: NAME.pcapng.`;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch {
      return `its sidecar names ${relative(root, file)}, which does not exist.`;
    }
    const capture = openCapture(bytes);
    return {
      id,
      count: capture.frames.length,
      hasField: (frame, name) => findField(capture.dissect(frame).tree, name) !== undefined,
      hasTcp: (frame) => capture.tcpSegment(frame) !== undefined,
      streams: capture.analysis.streamCount(),
      udpStreams: capture.analysis.state.udpStreams,
      keyValue(frame, field, numbering) {
        const r = resolveAnswer({ frame, field }, captureFacts(capture), { numbering });
        return r.ok && r.answer.kind === 'number' ? Number(r.answer.values[0]) : undefined;
      },
    };
  };
  const glossary = glossaryWords(root);
  const glossaryIds = glossary.map((g) => g.id);
  return {
    capture(id) {
      const sidecar = sidecars.get(id);
      if (!sidecar) return undefined;
      let hit = opened.get(id);
      if (!hit) opened.set(id, (hit = open(id, sidecar)));
      return hit;
    },
    captureIds: [...sidecars.keys()],
    glossaryIds,
    glossary,
    layers: Object.keys(protocolTables),
    lessonIds: walk(join(root, 'lessons'), (n) => n.endsWith('.mdx')).map(lessonIdOf),
  };
}
