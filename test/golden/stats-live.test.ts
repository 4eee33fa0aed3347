// Live check of the statistics fixtures: runs tshark now for one view of each
// kind on two small captures and compares with the stored output, so that
// fixtures made by another tshark, or stale, show (a run of every view takes
// minutes: that is regen-stats.ts). Skipped,
// saying why, without tshark 4.0 (the fixture test still runs).

import { describe, expect, it } from 'vitest';
import { listCaptures } from './golden.ts';
import { readStatsFixture } from './stats-views.ts';
import { tsharkStat, tsharkVersion } from './tshark.ts';

const version = tsharkVersion();
const SAMPLES: Readonly<Record<string, readonly string[]>> = {
  'tcp-http': ['conv,tcp', 'io,phs', 'expert', 'follow,tcp,hex,0'],
  'udp-dns': ['conv,udp', 'follow,udp,raw,1'],
};

describe('statistics fixtures are what tshark prints now', () => {
  if (!version?.startsWith('4.0.')) {
    it.skip(`tshark ${version ?? 'is not on PATH'}: not 4.0.x, live check of the statistics fixtures skipped`, () => {});
    return;
  }
  for (const cap of listCaptures().filter((c) => Object.hasOwn(SAMPLES, c.name))) {
    it(cap.name, () => {
      const stored = readStatsFixture(cap.name);
      for (const z of SAMPLES[cap.name]) {
        const text = stored[z];
        const now = Buffer.from(tsharkStat(cap.path, z), 'latin1').toString('utf8');
        expect(now === text, `stats/${cap.name}.json.gz ${z} differs from tshark's output now: run node test/golden/regen-stats.ts`).toBe(true);
      }
    }, 120_000);
  }
});
