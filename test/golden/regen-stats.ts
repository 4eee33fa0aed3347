// Regenerates the statistics fixtures: for every capture the golden tests
// compare (golden.ts listCaptures), tshark's output for each `-z` view of
// stats-views.ts, written to stats/NAME.json.gz.
//
//   node test/golden/regen-stats.ts [NAME...]
//
// The streams followed are those tshark numbers (tcp.stream, udp.stream).

import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { listCaptures } from './golden.ts';
import { followViews, STAT_VIEWS, STATS_FIXTURES, statsFixture } from './stats-views.ts';
import { tsharkFields, tsharkStat } from './tshark.ts';

const wanted = new Set(process.argv.slice(2));

function streams(path: string): { tcp: number[]; udp: number[] } {
  const rows = tsharkFields(path, ['tcp.stream', 'udp.stream']).split('\n').slice(1);
  const tcp = new Set<number>();
  const udp = new Set<number>();
  for (const row of rows) {
    const [t = '', u = ''] = row.split('\t');
    for (const s of t.split(',').filter(Boolean)) tcp.add(Number(s));
    for (const s of u.split(',').filter(Boolean)) udp.add(Number(s));
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { tcp: sorted(tcp), udp: sorted(udp) };
}

mkdirSync(STATS_FIXTURES, { recursive: true });
for (const cap of listCaptures()) {
  if (wanted.size && !wanted.has(cap.name)) continue;
  const { tcp, udp } = streams(cap.path);
  const out: Record<string, string> = {};
  for (const z of [...STAT_VIEWS, ...followViews(tcp, udp)]) out[z] = tsharkStat(cap.path, z);
  writeFileSync(statsFixture(cap.name), gzipSync(Buffer.from(JSON.stringify(out, null, 1), 'latin1'), { level: 9 }));
  console.error(`regen-stats: ${cap.name}: ${Object.keys(out).length} views`);
}
