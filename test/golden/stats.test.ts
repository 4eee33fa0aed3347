// Statistics golden test: wirebook's `-z` views (follow, conversations,
// protocol hierarchy) against tshark's output stored in stats/NAME.json.gz
// (regen-stats.ts), on every capture the golden tests compare. Views that
// differ for a known reason are listed in stats-gaps.ts and skipped visibly;
// a listed view that agrees again fails until its entry is removed.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { parseZ, zViewText } from '../../src/decoder/stats/z-view.ts';
import { listCaptures } from './golden.ts';
import { STATS_GAPS } from './stats-gaps.ts';
import { readStatsFixture, statsFixture } from './stats-views.ts';

/** The first line where two texts differ, for the failure message. */
function firstDifference(expected: string, got: string): string {
  const e = expected.split('\n');
  const g = got.split('\n');
  for (let i = 0; i < Math.max(e.length, g.length); i++) {
    if (e[i] !== g[i]) return `line ${i + 1}:\n  expected ${JSON.stringify(e[i]?.slice(0, 200))}\n  got      ${JSON.stringify(g[i]?.slice(0, 200))}`;
  }
  return 'texts differ';
}

const tally = new Map<string, { agree: number; total: number }>();

describe('statistics views agree with tshark -z', () => {
  for (const cap of listCaptures()) {
    if (!existsSync(statsFixture(cap.name))) {
      it.skip(`${cap.name}: no stats fixture (run node test/golden/regen-stats.ts)`, () => {});
      continue;
    }
    const expected = readStatsFixture(cap.name);
    it(cap.name, () => {
      const opened = openCapture(new Uint8Array(readFileSync(cap.path)));
      const failures: string[] = [];
      for (const [z, text] of Object.entries(expected)) {
        const view = parseZ(z);
        if ('error' in view) continue;
        const got = zViewText(opened, view);
        const family = z.startsWith('follow') ? z.split(',').slice(0, 3).join(',') : z;
        const t = tally.get(family) ?? { agree: 0, total: 0 };
        t.total++;
        if (got === text) t.agree++;
        tally.set(family, t);
        const gap = STATS_GAPS[`${cap.name} ${z}`];
        if (gap !== undefined) {
          if (got === text) failures.push(`${z}: listed in stats-gaps.ts (${gap}) but agrees now: remove the entry`);
          continue;
        }
        if (got !== text) failures.push(`${z}: ${firstDifference(text, got)}`);
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
  for (const [key, why] of Object.entries(STATS_GAPS)) it.skip(`known gap: ${key}: ${why}`, () => {});
  it('summary', () => {
    for (const [family, t] of [...tally].sort()) console.log(`stats: ${family}: ${t.agree}/${t.total} agree`);
  });
});
