// Live golden test: runs tshark now on every capture and compares wirebook's
// fields with it, cell by cell (the fixtures test does the same offline).
// Also tells when a committed fixture no longer matches tshark (run regen.sh).
// Skipped, with the reason, when tshark 4.0 is not installed.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithWirebook, FIXTURES, formatMismatches, listCaptures, parseTable, readFieldList } from './golden.ts';
import { analysisGaps, fieldGaps, gapsFor } from './known-gaps.ts';
import { tsharkFields, tsharkVersion } from './tshark.ts';

const version = tsharkVersion();
const usable = version?.startsWith('4.0.');
const why =
  version === undefined
    ? 'tshark is not on PATH (Debian package tshark): live comparison skipped; the fixture test still runs'
    : `tshark ${version} is not 4.0.x, whose output the fixtures and known gaps describe: live comparison skipped`;

if (!usable) {
  describe('golden live (tshark)', () => {
    it.skip(why, () => {});
  });
  console.warn(`live.test.ts: ${why}`);
} else {
  for (const [kind, listFile, gaps] of [
    ['fields', 'fields.txt', fieldGaps],
    ['analysis', 'analysis-fields.txt', analysisGaps],
  ] as const) {
    describe(`golden live ${kind}: wirebook agrees with tshark ${version}`, () => {
      const names = readFieldList(listFile);
      for (const cap of listCaptures()) {
        it(cap.name, () => {
          const live = tsharkFields(cap.path, names);
          const fixture = join(FIXTURES, `${cap.name}.${kind}.tsv`);
          if (existsSync(fixture)) {
            expect(readFileSync(fixture, 'utf8') === live, `${fixture} differs from tshark's output now: run test/golden/regen.sh`).toBe(true);
          }
          const skip = gapsFor(gaps, cap.name);
          const { c, unknown } = compareWithWirebook(parseTable(live), cap.path, skip);
          expect(
            unknown.filter((n) => !skip.has(n)),
            'fields wirebook does not define',
          ).toEqual([]);
          if (c.shape.length || c.mismatches.length) expect.fail(formatMismatches(cap.name, c));
          expect(c.agree).toBe(c.cells);
        });
      }
    });
  }
}
