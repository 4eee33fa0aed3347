// One row per frame of a TCP stream, with what the shared analysis says about
// it: the graphs are drawn from these rows and never recompute a TCP fact.
import { blankFacts, type ConversationAnalysis } from '../analysis/analysis.ts';
import { TH_ACK } from '../analysis/types.ts';
import type { TcpSegmentInput } from '../layers/segment-inputs.ts';

export interface StreamRow {
  frame: number;
  /** Nanoseconds since the capture's first frame (frame.time_relative). */
  tNs: number;
  /** Sent by the stream's endpoint A (the side of the first SYN). */
  fromA: boolean;
  /** Relative sequence number and payload length (tcp.seq, tcp.len). */
  seq: number;
  len: number;
  /** Relative acknowledgment number; null when the ACK flag is off. */
  ack: number | null;
  /** Calculated receive window (tcp.window_size). */
  window: number;
  /** SACK blocks, relative to the acknowledged side. */
  sack: Array<[number, number]> | null;
  /** tcp.analysis.ack_rtt in nanoseconds and the frame it acknowledges; -1 / 0 when absent. */
  ackRttNs: number;
  acksFrame: number;
  /** tcp.analysis.bytes_in_flight, -1 when absent. */
  bytesInFlight: number;
  /** Analysis flag bits (analysis-flags.ts). */
  flags: number;
}

/** What the rows are read from: an opened capture or the explorer's worker. */
export interface RowSource {
  analysis: ConversationAnalysis;
  tcpSegment(n: number): TcpSegmentInput | undefined;
  /** Time of the capture's first frame, nanoseconds since the epoch. */
  firstTime: bigint;
}

/** The rows of one stream in frame order; empty when the stream does not exist. */
export function streamRows(src: RowSource, stream: number): StreamRow[] {
  return [...eachStreamRow(src, stream)];
}

/**
 * The same rows one at a time, none kept: a graph of 700,000 segments need not hold them all.
 * `frames` limits them to that span of frame numbers (a table's rows fetched as they come into view).
 */
export function* eachStreamRow(src: RowSource, stream: number, frames?: { first: number; last: number }): Generator<StreamRow> {
  const { analysis } = src;
  const summary = analysis.summary(stream);
  if (!summary) return;
  const { address, port } = summary.a;
  // One facts object refilled frame after frame: a long stream has 700,000 of them.
  const into = blankFacts();
  const first = Math.max(summary.firstFrame, frames?.first ?? 0);
  const last = Math.min(summary.lastFrame, frames?.last ?? Number.POSITIVE_INFINITY);
  for (let n = first; n <= last; n++) {
    if (analysis.streamOf(n) !== stream) continue;
    const seg = src.tcpSegment(n);
    const f = seg && analysis.factsInto(seg, into);
    if (!seg || !f) continue;
    yield {
      frame: n,
      tNs: Number(seg.time - src.firstTime),
      fromA: seg.src === address && seg.srcPort === port,
      seq: f.seq,
      len: seg.payloadLength,
      ack: seg.flags & TH_ACK ? f.ack : null,
      window: f.windowSize,
      sack: f.sack,
      ackRttNs: f.ackRttNs,
      acksFrame: f.acksFrame,
      bytesInFlight: f.bytesInFlight,
      flags: f.flags,
    };
  }
}
