// Throughput: payload bytes a direction sent per interval, as
// `tshark -z io,stat,I,"SUM(tcp.len)tcp.len && tcp.stream==N && ip.src==A"`
// counts them (intervals from the capture's first frame).
import type { StreamRow } from './stream-rows.ts';

/** The intervals to choose from, in nanoseconds: 0.1 s, 1 s, 10 s. */
const THROUGHPUT_INTERVALS_NS = [100_000_000, 1_000_000_000, 10_000_000_000] as const;

/** Fewest intervals a throughput graph should show. */
const MIN_INTERVALS = 20;

/** The largest interval giving at least MIN_INTERVALS over [fromNs, toNs], else the smallest. */
export function chooseInterval(fromNs: number, toNs: number): number {
  for (let i = THROUGHPUT_INTERVALS_NS.length - 1; i >= 0; i--) {
    const iv = THROUGHPUT_INTERVALS_NS[i];
    if (Math.floor(toNs / iv) - Math.floor(fromNs / iv) + 1 >= MIN_INTERVALS) return iv;
  }
  return THROUGHPUT_INTERVALS_NS[0];
}

export interface Interval {
  /** Start, nanoseconds since the capture's first frame. */
  startNs: number;
  bytes: number;
  /** First and last frame counted, 0 when none. */
  first: number;
  last: number;
}

/**
 * One entry per interval from the stream's first frame to its last (empty
 * ones included, as io,stat prints them), counting `rows` (one direction's).
 */
export function intervals(rows: readonly StreamRow[], fromNs: number, toNs: number, ivNs: number): Interval[] {
  const first = Math.floor(fromNs / ivNs);
  const count = Math.floor(toNs / ivNs) - first + 1;
  const out: Interval[] = [];
  for (let i = 0; i < count; i++) out.push({ startNs: (first + i) * ivNs, bytes: 0, first: 0, last: 0 });
  for (const r of rows) {
    if (r.len === 0) continue;
    const slot = out[Math.floor(r.tNs / ivNs) - first];
    if (!slot) continue;
    slot.bytes += r.len;
    if (!slot.first) slot.first = r.frame;
    slot.last = r.frame;
  }
  return out;
}
