import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dynamicImports, measurePage, staticImports } from '../../scripts/size.ts';
import { phrasesOf, sectionsIn } from '../../scripts/string-sections.ts';

describe('scripts/size.ts', () => {
  it('finds static imports in minified modules, not dynamic ones', () => {
    const code = 'import{t as e}from"./en.js";import"./side.js";export*from"./re.js";const x=()=>import("./lazy.js");';
    expect(staticImports(code)).toEqual(['./en.js', './side.js', './re.js']);
  });

  it('finds dynamic imports of files, not of computed URLs', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bundle's text, with a template literal in it
    const code = 'const a=()=>import(`./frame-source.js`),b=()=>import("./real-axis.js");import(`${n}pagefind.js`);import{x}from"./y.js"';
    expect(dynamicImports(code)).toEqual(['./frame-source.js', './real-axis.js']);
  });

  it('counts chunks only import() reaches as on demand, apart from what loads', () => {
    const dist = mkdtempSync(join(tmpdir(), 'size-'));
    mkdirSync(join(dist, '_astro'));
    const files: Record<string, string> = {
      // The widget loads at once; the decoder only when asked for, and it shares `shared.js` with the widget.
      '_astro/widget.js': 'import{s}from"./shared.js";const d=()=>import(`./decoder.js`);export{d,s}',
      '_astro/shared.js': 'export const s=' + JSON.stringify('s'.repeat(200)),
      '_astro/decoder.js': 'import{s}from"./shared.js";import{t}from"./tables.js";const m=()=>import("./more.js");export{s,t,m}',
      '_astro/tables.js': 'export const t=' + JSON.stringify('t'.repeat(3000)),
      '_astro/more.js': 'export const more=1',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dist, name), text);
    const page = join(dist, 'index.html');
    writeFileSync(page, '<script type="module" src="/_astro/widget.js"></script>');
    const size = measurePage(page, dist);
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(size.list.map((f) => f.file).sort()).toEqual(['_astro/shared.js', '_astro/widget.js']);
    expect(size.bytes).toBe(gz(files['_astro/widget.js']) + gz(files['_astro/shared.js']));
    expect(size.onDemand.list.map((f) => f.file).sort()).toEqual(['_astro/decoder.js', '_astro/more.js', '_astro/tables.js']);
    expect(size.onDemand.files).toBe(3);
    expect(size.onDemand.bytes).toBe(gz(files['_astro/decoder.js']) + gz(files['_astro/tables.js']) + gz(files['_astro/more.js']));
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
    writeFileSync(
      page,
      '<link rel="modulepreload" href="/_astro/pre.js"><script type="module" src="/_astro/a.js"></script><script type="module">document.title="x"</script>',
    );
    const size = measurePage(page, dist);
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    expect(size.page).toBe('/lesson/');
    expect(size.files).toBe(3);
    expect(size.bytes).toBe(gz(files['_astro/a.js']) + gz(files['_astro/b.js']) + gz(files['_astro/pre.js']) + gz('document.title="x"'));
    expect(size.onDemand.list).toEqual([{ file: '_astro/lazy.js', bytes: gz(files['_astro/lazy.js']) }]);
  });
});

describe('string sections in built code', () => {
  it('recognises a section by its phrases, also inside a longer text, and not by a phrase two sections share', () => {
    const a = { title: 'Open your own capture', count: (n: number) => `${n} frames shown in the list`, short: 'Go' };
    expect(phrasesOf(a).sort()).toEqual(['Open your own capture', 'frames shown in the list']);
    const sections = new Map([
      ['a', phrasesOf(a)],
      ['b', ['Close the search box']],
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bundle's text, with a template literal in it
    expect(sectionsIn('x=`Open your own capture`;y=e=>`${e} frames shown in the list`', sections)).toEqual(['a']);
    expect(sectionsIn('const t="Close the search box"', sections)).toEqual(['b']);
    expect(sectionsIn('const t="Go"', sections)).toEqual([]);
  });
});
