// The stream-graph fixtures (regen-graphs.ts): per capture, tshark's per-frame
// TCP fields the graph points are read from, and its io,stat payload sums per
// stream, direction and interval. Stored gzipped in graphs/NAME.json.gz.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FIXTURES } from './golden.ts';

export const GRAPH_FIXTURES = join(FIXTURES, '..', 'graphs');

/** The per-frame fields (one -T fields run, only TCP frames). */
export const GRAPH_FIELDS = [
  'frame.number',
  'frame.time_relative',
  'tcp.stream',
  'ip.src',
  'ipv6.src',
  'tcp.srcport',
  'tcp.seq',
  'tcp.len',
  'tcp.ack',
  'tcp.flags.ack',
  'tcp.window_size',
  'tcp.options.sack_le',
  'tcp.options.sack_re',
  'tcp.analysis.ack_rtt',
  'tcp.analysis.acks_frame',
  'tcp.analysis.bytes_in_flight',
  'tcp.analysis.retransmission',
  'tcp.analysis.fast_retransmission',
  'tcp.analysis.spurious_retransmission',
  'tcp.analysis.out_of_order',
  'tcp.analysis.duplicate_ack',
] as const;

/** The throughput intervals the graph chooses from, in seconds. */
export const IO_INTERVALS = [0.1, 1, 10] as const;

/** The io,stat argument for one stream's direction (the sender's address and port). */
export function ioStatArg(interval: number, stream: number, ipField: string, address: string, port: string): string {
  return `io,stat,${interval},SUM(tcp.len)tcp.len && tcp.stream==${stream} && ${ipField}==${address} && tcp.srcport==${port}`;
}

export interface GraphFixture {
  /** `-T fields -E header=y` output for GRAPH_FIELDS, filtered to "tcp". */
  fields: string;
  /** io,stat argument -> tshark's output. */
  io: Record<string, string>;
}

export const graphFixture = (name: string): string => join(GRAPH_FIXTURES, `${name}.json.gz`);

export function readGraphFixture(name: string): GraphFixture {
  return JSON.parse(gunzipSync(readFileSync(graphFixture(name))).toString('utf8'));
}

/** io,stat rows: interval start (seconds, as printed) and the sum. */
export function parseIoStat(text: string): Array<{ start: number; sum: number }> {
  const out: Array<{ start: number; sum: number }> = [];
  for (const line of text.split('\n')) {
    const m = /^\|\s*([\d.]+)\s*<>\s*(?:[\d.]+|Dur)\s*\|\s*(\d+)\s*\|/.exec(line);
    if (m) out.push({ start: Number(m[1]), sum: Number(m[2]) });
  }
  return out;
}
