import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measurePage, staticImports } from '../../scripts/size.ts';

describe('scripts/size.ts', () => {
  it('finds static imports in minified modules, not dynamic ones', () => {
    const code = 'import{t as e}from"./en.js";import"./side.js";export*from"./re.js";const x=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./en.js', './side.js', './re.js']);
  });

  it('sums the gzip size of a page’s eager scripts and their imports', () => {
    const dist = mkdtempSync(join(tmpdir(), 'size-'));
    mkdirSync(join(dist, '_astro'));
    mkdirSync(join(dist, 'lesson'));
    const files: Record<string, string> = {
      '_astro/a.js': 'import{x}from"./b.js";import("./lazy.js");console.log(x)',
      '_astro/b.js': 'export const x=' + JSON.stringify('b'.repeat(300)),
      '_astro/lazy.js': 'export const big=' + JSON.stringify('z'.repeat(5000)),
      '_astro/pre.js': 'export const p=1',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
    const page = join(dist, 'lesson/index.html');
    writeFileSync(page, '<link rel="modulepreload" href="/_astro/pre.js"><script type="module" src="/_astro/a.js"></script><script type="module">document.title="x"</script>');
    const size = measurePage(page, dist);
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(size.page).toBe('/lesson/');
    expect(size.files).toBe(3);
    expect(size.bytes).toBe(gz(files['_astro/a.js']) + gz(files['_astro/b.js']) + gz(files['_astro/pre.js']) + gz('document.title="x"'));
  });
});
