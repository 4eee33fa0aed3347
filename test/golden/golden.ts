// Shared by the golden tests: which captures exist, their fixture names (the
// same rule as regen.sh), the field lists, and a cell-by-cell comparison of
// two `-T fields` tables with a readable report.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFields } from '../../src/cli/commands/fields.ts';
import { compileWanted } from '../../src/decoder/dissect.ts';

const GOLDEN = dirname(fileURLToPath(import.meta.url));
const ROOT = join(GOLDEN, '..', '..');
export const FIXTURES = join(GOLDEN, 'fixtures');

export interface Capture {
  /** Fixture name, the same rule as regen.sh (see fixtureName). */
  name: string;
  path: string;
}

const isCapture = (name: string) => /\.pcap(ng)?$/.test(name);

/** Capture files under dir; into subfolders when `deep`, and then only those in a folder named `only` when given. */
function walk(dir: string, out: string[], deep: boolean, only?: string): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir).sort()) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (deep) walk(p, out, deep, only);
    } else if (isCapture(entry) && (!only || dirname(p).split(/[\\/]/).includes(only))) out.push(p);
  }
  return out;
}

const repoPath = (path: string) => relative(ROOT, path).split('\\').join('/');

/**
 * Under captures/: the path there without extension, "recorded/" dropped,
 * "/" as "__". Elsewhere: the path from the repository root with "/" as "__"
 * and the extension kept (the decoder's test data has lo-udp.pcap next to lo-udp.pcapng).
 */
export function fixtureName(path: string): string {
  let rel = repoPath(path);
  if (rel.startsWith('captures/'))
    rel = rel
      .slice('captures/'.length)
      .replace(/^recorded\//, '')
      .replace(/\.[^./]+$/, '');
  return rel.split('/').join('__');
}

/** Repository paths of captures damaged on purpose, which tshark cannot read to the end (damaged.txt). */
function damagedCaptures(): Set<string> {
  return new Set(readFieldList('damaged.txt'));
}

/**
 * Every capture the golden tests compare, sorted, as regen.sh finds them:
 * captures/**, test/fixtures/captures/*, src/decoder/.../testdata/*, less damaged.txt.
 */
export function listCaptures(): Capture[] {
  const damaged = damagedCaptures();
  return [
    ...walk(join(ROOT, 'captures'), [], true),
    ...walk(join(ROOT, 'test', 'fixtures', 'captures'), [], false),
    ...walk(join(ROOT, 'src', 'decoder'), [], true, 'testdata'),
  ]
    .filter((path) => !damaged.has(repoPath(path)))
    .sort()
    .map((path) => ({ name: fixtureName(path), path }));
}

/** A field list file: one name per line, '#' comments. */
export function readFieldList(file: string): string[] {
  return readFileSync(join(GOLDEN, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export interface Table {
  header: string[];
  rows: string[][];
}

/** Parses `-T fields -E header=y` output: tab-separated, one line per frame. */
export function parseTable(text: string): Table {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [head = '', ...rest] = lines;
  return { header: head.split('\t'), rows: rest.map((l) => l.split('\t')) };
}

export interface Mismatch {
  frame: number;
  field: string;
  expected: string;
  got: string;
}

export interface Comparison {
  /** Cells compared (fields not skipped, every frame). */
  cells: number;
  agree: number;
  mismatches: Mismatch[];
  /** Problems with the tables' shape (header or frame count). */
  shape: string[];
  /** Per skipped field: whether it would have agreed (to spot gaps that are closed). */
  skippedAgree: Map<string, boolean>;
}

/**
 * Compares `got` with `expected` cell by cell. Fields in `skip` (known gaps)
 * are not counted, but whether they agree is recorded.
 */
export function compareTables(expected: Table, got: Table, skip: ReadonlySet<string> = new Set()): Comparison {
  const c: Comparison = { cells: 0, agree: 0, mismatches: [], shape: [], skippedAgree: new Map() };
  if (expected.header.join('\t') !== got.header.join('\t')) {
    c.shape.push(`header differs:\n  expected ${expected.header.join(' ')}\n  got      ${got.header.join(' ')}`);
    return c;
  }
  if (expected.rows.length !== got.rows.length) {
    c.shape.push(`frame count differs: expected ${expected.rows.length}, got ${got.rows.length}`);
  }
  const n = Math.min(expected.rows.length, got.rows.length);
  expected.header.forEach((field, col) => {
    const skipped = skip.has(field);
    let all = true;
    for (let r = 0; r < n; r++) {
      const e = expected.rows[r][col] ?? '';
      const g = got.rows[r][col] ?? '';
      if (skipped) {
        if (e !== g) all = false;
        continue;
      }
      c.cells++;
      if (e === g) c.agree++;
      else c.mismatches.push({ frame: r + 1, field, expected: e, got: g });
    }
    if (skipped) c.skippedAgree.set(field, all);
  });
  return c;
}

const clip = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s);

/** A readable report: mismatches grouped by field, the first few frames of each. */
export function formatMismatches(capture: string, c: Comparison, perField = 4): string {
  const lines = [`${capture}: ${c.agree}/${c.cells} cells agree`, ...c.shape];
  const byField = new Map<string, Mismatch[]>();
  for (const m of c.mismatches) {
    const list = byField.get(m.field) ?? [];
    list.push(m);
    byField.set(m.field, list);
  }
  for (const [field, list] of byField) {
    lines.push(`  ${field}: ${list.length} frame(s) differ`);
    for (const m of list.slice(0, perField)) {
      lines.push(`    frame ${m.frame}: expected ${JSON.stringify(clip(m.expected))}`);
      lines.push(`    ${' '.repeat(String(m.frame).length + 6)}  got ${JSON.stringify(clip(m.got))}`);
    }
  }
  return lines.join('\n');
}

/** wirebook's table for a capture, two-pass like the fixtures (tshark -2), through the CLI's core in-process. */
export function wirebookTable(path: string, fields: readonly string[]) {
  const parts: string[] = [];
  const result = runFields(new Uint8Array(readFileSync(path)), fields, (t) => void parts.push(t), { twoPass: true });
  return { table: parseTable(parts.join('')), result };
}

/**
 * Runs wirebook on a capture with the expected table's fields and compares.
 * Fields wirebook does not define are left out of the run and reported in
 * `unknown` (their column then holds nothing, and counts as a mismatch unless skipped).
 */
export function compareWithWirebook(expected: Table, path: string, skip: ReadonlySet<string>) {
  const unknown = compileWanted(expected.header).unknown;
  const known = expected.header.filter((n) => !unknown.includes(n));
  const { table, result } = wirebookTable(path, known);
  // Put the unknown columns back, empty, so the tables line up.
  const col = new Map(known.map((n, i) => [n, i]));
  const full: Table = {
    header: expected.header,
    rows: table.rows.map((r) => expected.header.map((n) => (col.has(n) ? (r[col.get(n)!] ?? '') : ''))),
  };
  return { c: compareTables(expected, full, skip), result, unknown: [...unknown] };
}
