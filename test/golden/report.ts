// A per-field summary of how wirebook's fields agree with the tshark fixtures,
// over every capture: which fields are unknown to wirebook, which differ and
// where. For closing gaps:  node test/golden/report.ts [fields|analysis] [-v]

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWanted } from '../../src/decoder/dissect.ts';
import { runFields } from '../../src/cli/commands/fields.ts';
import { compareTables, FIXTURES, listCaptures, parseTable, readFieldList } from './golden.ts';
import type { Table } from './golden.ts';

const kind = process.argv.includes('analysis') ? 'analysis' : 'fields';
const verbose = process.argv.includes('-v');
const names = readFieldList(kind === 'analysis' ? 'analysis-fields.txt' : 'fields.txt');
const unknown = new Set(compileWanted(names).unknown);
const known = names.filter((n) => !unknown.has(n));

let cells = 0;
let agree = 0;
const perField = new Map<string, { bad: number; where: string[] }>();
for (const cap of listCaptures()) {
  if (!existsSync(join(FIXTURES, `${cap.name}.${kind}.tsv`))) {
    console.log(`${cap.name}: no fixture (run test/golden/regen.sh)`);
    continue;
  }
  const expectedAll = parseTable(readFileSync(join(FIXTURES, `${cap.name}.${kind}.tsv`), 'utf8'));
  // Keep the fixture's columns for the fields wirebook knows.
  const cols = known.map((n) => expectedAll.header.indexOf(n));
  const expected: Table = { header: known, rows: expectedAll.rows.map((r) => cols.map((i) => r[i] ?? '')) };
  const parts: string[] = [];
  runFields(new Uint8Array(readFileSync(cap.path)), known, (t) => void parts.push(t), { twoPass: true });
  const c = compareTables(expected, parseTable(parts.join('')));
  if (c.shape.length) console.log(`${cap.name}: ${c.shape.join('; ')}`);
  cells += c.cells;
  agree += c.agree;
  for (const m of c.mismatches) {
    const e = perField.get(m.field) ?? { bad: 0, where: [] };
    e.bad++;
    if (e.where.length < (verbose ? 400 : 1))
      e.where.push(`${cap.name}#${m.frame}: want ${JSON.stringify(m.expected.slice(0, 90))} got ${JSON.stringify(m.got.slice(0, 90))}`);
    perField.set(m.field, e);
  }
}
console.log(`${kind}: ${agree}/${cells} cells agree (${((100 * agree) / Math.max(1, cells)).toFixed(2)} %) over ${known.length} known fields`);
if (unknown.size) console.log(`unknown to wirebook (${unknown.size}): ${[...unknown].join(' ')}`);
for (const [field, e] of [...perField].sort((a, b) => b[1].bad - a[1].bad)) {
  console.log(`  ${field}: ${e.bad} cell(s) differ`);
  for (const w of e.where) console.log(`      ${w}`);
}
