// Each heuristic against tshark 4.0 on the payloads of testdata/heuristics.pcap:
// a frame's payload is taken exactly when tshark's frame.protocols ends in
// the heuristic's layer (fixture written by test/golden/regen.sh). The
// connection that a first request bound to HTTP is left to the golden tests:
// there the conversation, not the heuristic, picks HTTP.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/index.ts';
import { heuristicFor, heuristics } from '../bindings.ts';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '../../..');
const CAPTURE = join(HERE, 'testdata/heuristics.pcap');
const FIXTURE = join(ROOT, 'test/golden/fixtures/src__decoder__heuristics__testdata__heuristics.pcap.fields.tsv');

const ETH_IP = 14 + 20;

/** tshark's frame.protocols, frame by frame. */
function tsharkProtocols(): string[] {
  const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
  const col = header.split('\t').indexOf('frame.protocols');
  return rows.map((r) => r.split('\t')[col]);
}

describe('heuristics agree with tshark 4.0', () => {
  const protocols = tsharkProtocols();
  const bytes = new Uint8Array(readFileSync(CAPTURE));
  const frames = readCapture(bytes).frames.map((r) => frameData(bytes, r));
  const ports = (d: Uint8Array) => [(d[ETH_IP] << 8) | d[ETH_IP + 1], (d[ETH_IP + 2] << 8) | d[ETH_IP + 3]].sort().join('-');
  const seen = new Set<string>();
  /** Every UDP datagram, and the first payload of each TCP connection (later ones the conversation routes). */
  const cases = frames.flatMap((d, i) => {
    const udp = d[14 + 9] === 17;
    const start = ETH_IP + (udp ? 8 : (d[ETH_IP + 12] >> 4) * 4);
    if (start >= d.length || (!udp && seen.has(ports(d)))) return [];
    if (!udp) seen.add(ports(d));
    return [{ frame: i + 1, table: udp ? ('udp.port' as const) : ('tcp.port' as const), start, data: d }];
  });

  it('has DNS and HTTP cases, taken and not', () => {
    expect(cases.length).toBeGreaterThan(30);
    expect(protocols.filter((p) => p.endsWith(':dns')).length).toBeGreaterThan(5);
    expect(protocols.filter((p) => p.endsWith(':udp:data') || p.endsWith(':tcp:data')).length).toBeGreaterThan(5);
  });

  for (const table of ['udp.port', 'tcp.port'] as const) {
    it(`${table}: ${heuristics[table].map((h) => h.name).join(', ')}`, () => {
      const got = cases.filter((c) => c.table === table).map((c) => `${c.frame} ${heuristicFor(table, c.data, c.start, c.data.length)?.layer ?? 'data'}`);
      const want = cases.filter((c) => c.table === table).map((c) => `${c.frame} ${protocols[c.frame - 1].split(':').pop()}`);
      expect(got).toEqual(want);
    });
  }
});
