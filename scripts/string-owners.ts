// The string sections each custom element (<wb-…>) may bring to a page: the
// doors (src/lib/strings/<section>.ts) its module reaches through relative
// imports, static or dynamic. Read from the source, so the answer follows the
// code; size.test.ts holds every built page to it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const DOORS = resolve('src/lib/strings');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /(?<!\.test)\.ts$/.test(name) ? [path] : [];
  });
}

/** Relative specifiers a module imports: `from './a.ts'`, `import './a.ts'`, `import('./a.ts')`; type-only imports aside. */
function importsOf(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(import|export)\s+(type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/gm;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (m[2]) continue;
    out.push(m[3] ?? m[4]);
  }
  return out;
}

/** The sections a module reaches, into `found`. */
function reach(file: string, found: Set<string>, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  if (dirname(file) === DOORS) {
    found.add(basename(file, '.ts'));
    return;
  }
  for (const spec of importsOf(readFileSync(file, 'utf8'))) reach(resolve(dirname(file), spec), found, seen);
}

/** Tag name → the sections its defining module reaches, for every element defined under `dir`. */
export function sectionsByElement(dir = 'src/widgets'): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sourceFiles(resolve(dir))) {
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/customElements\.define\(\s*['"]([\w-]+)['"]/g)) {
      const found = new Set<string>();
      reach(file, found, new Set());
      out.set(m[1], [...found].sort());
    }
  }
  return out;
}
