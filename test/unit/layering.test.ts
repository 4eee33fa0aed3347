// The import rules of src/ (test/support/layering-rules.ts) hold for every
// .ts, .astro and .mjs file, and a broken rule names the file, line and import.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importLines } from '../support/import-lines.ts';
import { layeringViolations, SINKS_AND_FAST_PATH } from '../support/layering-rules.ts';

const root = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|astro|mjs)$/.test(e.name) ? [path] : [];
  });
}

function read(paths: string[]): Map<string, string> {
  return new Map(paths.map((p) => [relative(root, p).split(sep).join('/'), readFileSync(p, 'utf8')]));
}

describe('layering of src/', () => {
  it('no file imports across a forbidden boundary', () => {
    const files = read(sources(join(root, 'src')));
    expect(files.size).toBeGreaterThan(300);
    expect(layeringViolations(files)).toEqual([]);
  });

  it('names files that exist, so a rename cannot switch a rule off', () => {
    for (const f of SINKS_AND_FAST_PATH) expect(existsSync(join(root, f)), f).toBe(true);
  });

  it('reports the file, line and import of a broken rule', () => {
    const bad = new Map([
      ['src/decoder/layers/udp.ts', "// import { x } from '../analysis/a.ts';\nimport type {\n  Sink,\n} from '../fields/wanted-sink.ts';\n"],
      ['src/decoder/layers/udp.test.ts', "import { a } from '../analysis/a.ts';\n"],
      ['src/cli/lesson-check/checks.ts', "const m = await import('../../widgets/x.ts');\n"],
      ['src/decoder/checksum.ts', "export { y } from '../../content/glossary.ts';\nexport * from './cli/x.ts';\n"],
      ['src/decoder/dissect.ts', "import '../cli/main.ts';\n"],
    ]);
    expect(layeringViolations(bad)).toEqual([
      'src/decoder/layers/udp.ts:2: import type { (a protocol layer reaches neither the analysis nor the sinks and fast path)',
      "src/cli/lesson-check/checks.ts:1: const m = await import('../../widgets/x.ts'); (the CLI reaches nothing of the site)",
      "src/decoder/checksum.ts:1: export { y } from '../../content/glossary.ts'; (the decoder reaches nothing of the site or the CLI)",
      "src/decoder/dissect.ts:1: import '../cli/main.ts'; (the decoder reaches nothing of the site or the CLI)",
    ]);
  });

  it('finds the imports of an .astro file', () => {
    const astro = "---\nimport Foo from '../components/Foo.astro';\n---\n<script>\n  import { bar } from '../widgets/bar.ts';\n</script>\n";
    expect(importLines(astro).map((i) => [i.line, i.specifier])).toEqual([
      [2, '../components/Foo.astro'],
      [5, '../widgets/bar.ts'],
    ]);
  });
});
