// Which parts of src/ may import which: the decoder runs in Node and the
// browser alike, so it reaches nothing of the site or the CLI; the CLI reaches
// nothing of the site; a protocol layer reaches neither the analysis above it
// nor the sinks and fast path that consume its output (the Sink interface in
// fields/sink.ts is the port layers write through, shared by both, so it is allowed).

import { posix } from 'node:path';
import { importLines } from './import-lines.ts';

interface Rule {
  /** What the rule keeps apart, for the report. */
  name: string;
  /** Whether the rule applies to a source file (repository-relative path). */
  applies: (file: string) => boolean;
  /** Repository-relative paths (a trailing slash: a folder) the file may not import. */
  forbidden: readonly string[];
}

/** The sink implementations and the fields fast path, which consume the layers' output. */
export const SINKS_AND_FAST_PATH = [
  'src/decoder/fields/tree-sink.ts',
  'src/decoder/fields/wanted-sink.ts',
  'src/decoder/fields/line-sink.ts',
  'src/decoder/fields/plain-frames.ts',
];

const RULES: readonly Rule[] = [
  {
    name: 'the decoder reaches nothing of the site or the CLI',
    applies: (f) => f.startsWith('src/decoder/'),
    forbidden: ['src/widgets/', 'src/components/', 'src/pages/', 'src/layouts/', 'src/content/', 'content/', 'src/cli/'],
  },
  {
    name: 'the CLI reaches nothing of the site',
    applies: (f) => f.startsWith('src/cli/'),
    forbidden: ['src/widgets/', 'src/components/', 'src/pages/'],
  },
  {
    name: 'a protocol layer reaches neither the analysis nor the sinks and fast path',
    applies: (f) => /^src\/decoder\/layers\/[^/]+\.ts$/.test(f) && !f.endsWith('.test.ts'),
    forbidden: ['src/decoder/analysis/', ...SINKS_AND_FAST_PATH],
  },
];

const hits = (target: string, forbidden: string): boolean => (forbidden.endsWith('/') ? target.startsWith(forbidden) : target === forbidden);

/** One import that breaks a rule, as "file:line: import ... (rule)". */
export function layeringViolations(files: ReadonlyMap<string, string>, rules: readonly Rule[] = RULES): string[] {
  const out: string[] = [];
  for (const [file, source] of files) {
    const mine = rules.filter((r) => r.applies(file));
    if (mine.length === 0) continue;
    for (const imp of importLines(source)) {
      if (!imp.specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), imp.specifier));
      for (const rule of mine) {
        if (rule.forbidden.some((f) => hits(target, f))) out.push(`${file}:${imp.line}: ${imp.text} (${rule.name})`);
      }
    }
  }
  return out;
}
