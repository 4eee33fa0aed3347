// Golden test: wirebook's `fields` output, cell by cell, against tshark 4.0's
// (fixtures/NAME.fields.tsv and NAME.analysis.tsv, made by regen.sh) for every
// capture under captures/. Runs the CLI's core in-process. Known gaps
// (known-gaps.ts) are skipped visibly; one that has closed fails the test.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareWithWirebook, FIXTURES, formatMismatches, listCaptures, parseTable, readFieldList } from './golden.ts';
import { analysisGaps, fieldGaps, gapsFor } from './known-gaps.ts';
import type { Gap } from './known-gaps.ts';

const captures = listCaptures();

for (const [kind, listFile, gaps] of [
  ['fields', 'fields.txt', fieldGaps],
  ['analysis', 'analysis-fields.txt', analysisGaps],
] as const) {
  describe(`golden ${kind}: wirebook agrees with tshark`, () => {
    const names = readFieldList(listFile);
    /** Per gap entry: did its field agree on every capture it names? */
    const closed = new Map<Gap, boolean>(gaps.map((g) => [g, true]));
    let cells = 0;
    let agree = 0;

    it('has captures and fixtures to compare', () => {
      expect(captures.length).toBeGreaterThan(0);
      const missing = captures.filter((c) => !existsSync(join(FIXTURES, `${c.name}.${kind}.tsv`)));
      expect(
        missing.map((c) => c.name),
        'captures without fixtures: run test/golden/regen.sh',
      ).toEqual([]);
    });

    for (const cap of captures) {
      const fixture = join(FIXTURES, `${cap.name}.${kind}.tsv`);
      it.runIf(existsSync(fixture))(cap.name, () => {
        const expected = parseTable(readFileSync(fixture, 'utf8'));
        expect(expected.header, `${fixture} is stale: run test/golden/regen.sh`).toEqual(names);
        const skip = gapsFor(gaps, cap.name);
        const { c, result, unknown } = compareWithWirebook(expected, cap.path, skip);
        expect(
          unknown.filter((n) => !skip.has(n)),
          'fields wirebook does not define (list them in known-gaps.ts while unsupported)',
        ).toEqual([]);
        expect(result.error?.message).toBeUndefined();
        for (const g of gaps) {
          if (g.captures && !g.captures.includes(cap.name)) continue;
          if (unknown.includes(g.field) || c.skippedAgree.get(g.field) === false) closed.set(g, false);
        }
        cells += c.cells;
        agree += c.agree;
        if (c.shape.length || c.mismatches.length) expect.fail(formatMismatches(cap.name, c));
        expect(c.agree).toBe(c.cells);
      });
    }

    it('lists only gaps that are still open', () => {
      const done = [...closed].filter(([, v]) => v).map(([g]) => `${g.field}${g.captures ? ` (${g.captures.join(', ')})` : ''}`);
      expect(done, 'these now agree with tshark: remove them from known-gaps.ts').toEqual([]);
    });

    afterAll(() => {
      console.log(`golden ${kind}: ${agree}/${cells} cells agree; ${gaps.length} known gap entries skipped`);
    });
  });
}
