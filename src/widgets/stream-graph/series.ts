// Where each kind puts a point: its x (time) and the y of its main glyph, and
// which table columns it has. One place, read by the drawing and the table.
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphPoint } from '../../decoder/graphs/points.ts';

/** The y a point's marks and hit area sit at (its main value). */
export function yOf(kind: GraphKind, p: GraphPoint): number {
  switch (kind) {
    case 'tcptrace':
      return p.seq !== undefined ? p.seq + (p.len ?? 0) : (p.ack ?? 0);
    case 'stevens':
      return p.seq ?? 0;
    case 'throughput':
      return p.bytes ?? 0;
    case 'rtt':
      return (p.rtt ?? 0) * 1000;
    case 'window':
      return p.inflight ?? p.rwnd ?? 0;
  }
}

/** The highest y a point reaches (the window edge above an ACK). */
export function yMaxOf(kind: GraphKind, p: GraphPoint): number {
  const y = yOf(kind, p);
  if (kind !== 'tcptrace') return y;
  return Math.max(y, p.win ?? 0, ...(p.sack ?? []).map(([, re]) => re));
}

export type Column =
  | 'frame'
  | 'time'
  | 'seq'
  | 'len'
  | 'ack'
  | 'win'
  | 'sack'
  | 'rtt'
  | 'acked'
  | 'inflight'
  | 'rwnd'
  | 'start'
  | 'bytes'
  | 'first'
  | 'last'
  | 'marks';

export const COLUMNS: Record<GraphKind, readonly Column[]> = {
  tcptrace: ['frame', 'time', 'seq', 'len', 'ack', 'win', 'sack', 'marks'],
  stevens: ['frame', 'time', 'seq', 'len', 'marks'],
  throughput: ['start', 'bytes', 'first', 'last'],
  rtt: ['frame', 'time', 'rtt', 'acked', 'marks'],
  window: ['frame', 'time', 'inflight', 'rwnd', 'marks'],
};
