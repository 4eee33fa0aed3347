// The JavaScript budget of the built site: for every HTML page in dist/, the
// gzip size of the JS it loads without interaction ("at load": module
// scripts, modulepreloads, inline modules, and everything those import
// statically). Chunks reached only through dynamic import() are "on demand":
// the widgets import them when a reader asks for something the server render
// does not hold (another frame, raw sequence numbers, real-time spacing, a
// search) or reaches for the packet list, or when the page is opened with a
// deep link to another frame. They are measured and printed, but the budget
// applies to what loads at load. Each page has its budget (PAGE_BUDGETS_KB,
// else --budget), and the table lists the string sections each page loads
// (string-sections.ts). Prints a table; exits 1 when a page is over.
//
//   node scripts/size.ts [dist] [--budget=60] [--verbose]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadSections, sectionsIn, type SectionPhrases } from './string-sections.ts';

/**
 * Budgets in kB (gzip, at load) of the pages that must stay light: the home
 * page and the pages whose only script is the search box. Others get --budget.
 */
const PAGE_BUDGETS_KB: Readonly<Record<string, number>> = { '/': 3, '/glossary/': 3, '/guide/': 3, '/404.html': 3, '/progress/': 6 };

const base = (process.env.WIREBOOK_BASE ?? '/').replace(/\/?$/, '/');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

/** A URL in a page (absolute under the base, or relative to the page) as a file in dist. */
function fileOf(url: string, from: string, dist: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0];
  if (path.startsWith('/')) return join(dist, path.startsWith(base) ? path.slice(base.length) : path.slice(1));
  return join(dirname(from), path);
}

const gz = new Map<string, number>();
function gzipSize(key: string, text: string | Buffer): number {
  let n = gz.get(key);
  if (n === undefined) {
    n = gzipSync(text, { level: 9 }).length;
    gz.set(key, n);
  }
  return n;
}

/** Static imports of a module: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`; not import(). */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  return out;
}

/** Dynamic imports with a literal specifier: `import("./chunk.js")`; not `import(`${base}x.js`)`, which names no file in the build. */
export function dynamicImports(code: string): string[] {
  const out: string[] = [];
  const re = /\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[2]);
  return out;
}

/** A module and its static imports, into `seen`; the dynamic imports met on the way, into `dynamic`. */
function walkModule(file: string, seen: Set<string>, dist: string, dynamic?: Set<string>, skip?: Set<string>): void {
  if (seen.has(file) || skip?.has(file) || !existsSync(file)) return;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const spec of staticImports(code)) {
    const dep = fileOf(spec, file, dist);
    if (dep) walkModule(dep, seen, dist, dynamic, skip);
  }
  if (dynamic) {
    for (const spec of dynamicImports(code)) {
      const dep = fileOf(spec, file, dist);
      if (dep) dynamic.add(dep);
    }
  }
}

export interface FileSize {
  file: string;
  bytes: number;
}

export interface PageSize {
  page: string;
  /** At load: the files and gzip bytes the page runs without interaction (the budget's measure). */
  files: number;
  bytes: number;
  list: FileSize[];
  /** String sections in what loads (when measurePage was given the sections). */
  strings: string[];
  /** On demand: chunks only dynamic import() reaches, and what they import that is not loaded already. */
  onDemand: { files: number; bytes: number; list: FileSize[]; strings: string[] };
}

/** The eager JavaScript of one built page; with `sections`, the string sections it holds. */
export function measurePage(htmlPath: string, dist: string, sections?: SectionPhrases): PageSize {
  const html = readFileSync(htmlPath, 'utf8');
  const seen = new Set<string>();
  let inline = 0;
  const inlineCode: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs, body] = m;
    if (/type\s*=\s*["']?(application\/(ld\+)?json|text\/template)/i.test(attrs)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    if (src) {
      const file = fileOf(src, htmlPath, dist);
      if (file) walkModule(file, seen, dist);
    } else if (body.trim()) {
      inline += gzipSize(`inline:${body}`, body);
      inlineCode.push(body);
      for (const spec of staticImports(body)) {
        const dep = fileOf(spec, htmlPath, dist);
        if (dep) walkModule(dep, seen, dist);
      }
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']modulepreload["'][^>]*>/gi)) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(m[0])?.[1];
    const file = href && fileOf(href, htmlPath, dist);
    if (file) walkModule(file, seen, dist);
  }
  // On demand: every chunk dynamic import() can reach from what loads, and from those chunks in turn.
  const dynamic = new Set<string>();
  for (const file of seen)
    for (const spec of dynamicImports(readFileSync(file, 'utf8'))) {
      const dep = fileOf(spec, file, dist);
      if (dep) dynamic.add(dep);
    }
  const lazy = new Set<string>();
  for (const file of dynamic) walkModule(file, lazy, dist, dynamic, seen);
  const sizes = (files: Set<string>): FileSize[] =>
    [...files].map((file) => ({ file: relative(dist, file), bytes: gzipSize(file, readFileSync(file)) })).sort((a, b) => b.bytes - a.bytes);
  const list = sizes(seen);
  if (inline) list.push({ file: '(inline scripts)', bytes: inline });
  const lazyList = sizes(lazy);
  const stringsOf = (files: Iterable<string>, extra: string[] = []) =>
    sections ? sectionsIn([...[...files].map((f) => readFileSync(f, 'utf8')), ...extra].join('\n'), sections) : [];
  return {
    page: '/' + relative(dist, htmlPath).replace(/index\.html$/, ''),
    files: seen.size,
    bytes: total(list),
    list: list.sort((a, b) => b.bytes - a.bytes),
    strings: stringsOf(seen, inlineCode),
    onDemand: { files: lazy.size, bytes: total(lazyList), list: lazyList, strings: stringsOf(lazy) },
  };
}

const total = (list: readonly FileSize[]) => list.reduce((sum, f) => sum + f.bytes, 0);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  const verbose = args.includes('--verbose');
  const budgetKb = Number(args.find((a) => a.startsWith('--budget='))?.slice(9) ?? 60);
  if (!existsSync(dist)) {
    console.error(`${dist} does not exist: build the site first (npx astro build).`);
    process.exit(2);
  }
  const sections = await loadSections();
  const budgetOf = (page: string) => (PAGE_BUDGETS_KB[page] ?? budgetKb) * 1000;
  const rows = htmlFiles(dist)
    .filter((f) => !relative(dist, f).startsWith('pagefind'))
    .map((f) => measurePage(f, dist, sections))
    .sort((a, b) => b.bytes - a.bytes);
  const width = Math.max(4, ...rows.map((r) => r.page.length));
  const kb = (n: number) => `${(n / 1000).toFixed(1).padStart(6)} kB`;
  console.log('JS (gzip -9) per page. At load: what runs with no reader input (module scripts, modulepreloads and their static');
  console.log("imports); the budget applies to it. On demand: chunks only import() reaches, fetched on a reader's request.\n");
  console.log(`${'Page'.padEnd(width)}  Files    At load  Files  On demand     Budget`);
  for (const r of rows) {
    const d = r.onDemand;
    const budget = budgetOf(r.page);
    console.log(
      `${r.page.padEnd(width)}  ${String(r.files).padStart(5)}  ${kb(r.bytes)}  ${String(d.files).padStart(5)}  ${kb(d.bytes)}  ${kb(budget)}  ${r.bytes > budget ? 'OVER' : 'ok'}`,
    );
    const lazyOnly = d.strings.filter((s) => !r.strings.includes(s));
    console.log(`${' '.repeat(width)}  strings: ${r.strings.join(', ') || 'none'}${lazyOnly.length ? `; on demand: ${lazyOnly.join(', ')}` : ''}`);
    if (verbose) {
      for (const f of r.list) console.log(`    ${kb(f.bytes)}  ${f.file}`);
      for (const f of d.list) console.log(`    ${kb(f.bytes)}  ${f.file}  (on demand)`);
    }
  }
  const over = rows.filter((r) => r.bytes > budgetOf(r.page));
  if (over.length) {
    console.error(`\n${over.length} page(s) load more JavaScript (gzip) at load than their budget: ${over.map((r) => r.page).join(', ')}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
