// The points of one graph kind for one direction of a TCP stream, from the
// stream's rows (stream-rows.ts). Direction "A" graphs what A sends: its
// segments, and the ACKs, windows and SACK blocks B answers them with.
import type { GraphKind } from './kinds.ts';
import { type GraphMark, marksOf } from './marks.ts';
import type { StreamRow } from './stream-rows.ts';
import { chooseInterval, intervals } from './throughput.ts';

export type GraphDir = 'A' | 'B';

/** One point: a frame (a throughput point is an interval, named by its first frame). */
export interface GraphPoint {
  frame: number;
  /** Seconds since the capture's first frame (an interval's start). */
  t: number;
  marks: readonly GraphMark[];
  /** A segment (tcptrace, stevens): sequence number and payload length. */
  seq?: number;
  len?: number;
  /** An acknowledgment (tcptrace): ACK, its right window edge (ack + scaled window), SACK blocks. */
  ack?: number;
  win?: number;
  sack?: Array<[number, number]>;
  /** rtt: seconds, and the frame acknowledged. */
  rtt?: number;
  acked?: number;
  /** window: bytes in flight (a segment) or the receive window (an ACK). */
  inflight?: number;
  rwnd?: number;
  /** throughput: payload bytes in the interval and the last frame counted (`frame` is the first; 0 when empty). */
  bytes?: number;
  last?: number;
}

export interface GraphData {
  kind: GraphKind;
  stream: number;
  dir: GraphDir;
  points: GraphPoint[];
  /** throughput: the interval in seconds. */
  interval?: number;
}

const sec = (ns: number) => ns / 1e9;

function point(r: StreamRow, extra: Partial<GraphPoint>): GraphPoint {
  return { frame: r.frame, t: sec(r.tNs), marks: marksOf(r.flags), ...extra };
}

/** The points of `kind` for direction `dir` of a stream whose rows are `rows` (read once, in order), into `sink` if given. */
export function graphPoints(
  rows: Iterable<StreamRow>,
  stream: number,
  kind: GraphKind,
  dir: GraphDir,
  /** Where the points go; into the result's `points` when absent. */
  sink?: { push(p: GraphPoint): void },
): GraphData {
  const fromA = dir === 'A';
  const sent = (r: StreamRow) => r.fromA === fromA;
  const points: GraphPoint[] = [];
  const out = sink ?? points;
  const base = { kind, stream, dir };
  switch (kind) {
    case 'stevens':
      for (const r of rows) if (sent(r)) out.push(point(r, { seq: r.seq, len: r.len }));
      return { ...base, points };
    case 'tcptrace':
      for (const r of rows) {
        if (sent(r)) out.push(point(r, { seq: r.seq, len: r.len }));
        else if (r.ack !== null) out.push(point(r, { ack: r.ack, win: r.ack + r.window, ...(r.sack ? { sack: r.sack } : {}) }));
      }
      return { ...base, points };
    case 'rtt':
      // tshark puts ack_rtt on the acknowledging frame, which the other side sends.
      for (const r of rows) if (!sent(r) && r.ackRttNs >= 0) out.push(point(r, { rtt: sec(r.ackRttNs), acked: r.acksFrame }));
      return { ...base, points };
    case 'window':
      for (const r of rows) {
        if (sent(r)) {
          if (r.bytesInFlight >= 0) out.push(point(r, { inflight: r.bytesInFlight }));
        } else if (r.ack !== null) out.push(point(r, { rwnd: r.window }));
      }
      return { ...base, points };
    case 'throughput': {
      // The interval depends on the stream's span, known at its end: hold the rows this once.
      const all = [...rows];
      if (all.length === 0) return { ...base, points, interval: 0.1 };
      const from = all[0].tNs;
      const to = all[all.length - 1].tNs;
      const iv = chooseInterval(from, to);
      for (const x of intervals(all.filter(sent), from, to, iv)) out.push({ frame: x.first, t: sec(x.startNs), marks: [], bytes: x.bytes, last: x.last });
      return { ...base, points, interval: sec(iv) };
    }
  }
}
