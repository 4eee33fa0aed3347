// Regenerates the stream-graph fixtures: for every capture the golden tests
// compare (golden.ts listCaptures) that holds TCP, tshark's per-frame TCP
// fields (GRAPH_FIELDS) and, for each stream, direction and interval, its
// `-z io,stat,I,"SUM(tcp.len)..."` table. Writes graphs/NAME.json.gz.
//
//   node test/golden/regen-graphs.ts [NAME...]

import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { listCaptures, parseTable } from './golden.ts';
import { GRAPH_FIELDS, GRAPH_FIXTURES, type GraphFixture, graphFixture, IO_INTERVALS, ioStatArg } from './graph-fixtures.ts';
import { tsharkFields, tsharkStat } from './tshark.ts';

const wanted = new Set(process.argv.slice(2));

mkdirSync(GRAPH_FIXTURES, { recursive: true });
for (const cap of listCaptures()) {
  if (wanted.size && !wanted.has(cap.name)) continue;
  const fields = tsharkFields(cap.path, GRAPH_FIELDS, 'tcp');
  const t = parseTable(fields);
  if (t.rows.length === 0) continue;
  const col = (n: string) => t.header.indexOf(n);
  // Each direction once, named by its sender (the innermost address, as tcp.srcport names the port).
  const senders = new Map<string, [number, string, string, string]>();
  for (const r of t.rows) {
    const stream = Number(r[col('tcp.stream')]);
    const v6 = r[col('ipv6.src')];
    const ipField = v6 ? 'ipv6.src' : 'ip.src';
    const address = (v6 || r[col('ip.src')]).split(',').pop() ?? '';
    const port = r[col('tcp.srcport')];
    if (!address) continue;
    senders.set(`${stream}|${address}|${port}`, [stream, ipField, address, port]);
  }
  const io: Record<string, string> = {};
  for (const [stream, ipField, address, port] of senders.values())
    for (const i of IO_INTERVALS) {
      const z = ioStatArg(i, stream, ipField, address, port);
      io[z] = tsharkStat(cap.path, z);
    }
  const fixture: GraphFixture = { fields, io };
  writeFileSync(graphFixture(cap.name), gzipSync(Buffer.from(JSON.stringify(fixture)), { level: 9 }));
  console.error(`regen-graphs: ${cap.name}: ${t.rows.length} frames, ${Object.keys(io).length} io,stat tables`);
}
