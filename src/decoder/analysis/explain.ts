// The analysis results the decoder explains, named by key, with the facts each
// explanation needs (frames, relative numbers, times). The decoder holds no
// wording: content/strings/<language>/analysis.ts turns a key and its
// parameters into a sentence, so a translation needs no change here.
import type { FrameNote } from './tcp-analyzer.ts';

/** What an explanation may mention about the segment itself (relative numbers). */
export interface ExplainContext {
  frame: number;
  /** First and last relative sequence number of the payload (last = first - 1 if empty). */
  first: number;
  last: number;
  nextExpected?: number;
  ack: number;
  window: number;
  note: FrameNote | undefined;
  /** An empty segment's SYN or FIN, the only thing it can repeat. */
  control?: 'SYN' | 'FIN';
  /** Relative D-SACK block, only when the analysis flagged one. */
  dsack?: [number, number];
  /** The D-SACK block starts below the cumulative ACK (compared modulo 2^32), else it lies inside the second block. */
  dsackBelowAck?: boolean;
  reusedFromStream?: number;
  irttKnown: boolean;
}

/** Every result the analysis explains; a flag's key is its field name after "tcp.analysis.". */
export type ExplainKey =
  | 'retransmission'
  | 'fast_retransmission'
  | 'spurious_retransmission'
  | 'out_of_order'
  | 'lost_segment'
  | 'ack_lost_segment'
  | 'keep_alive'
  | 'keep_alive_ack'
  | 'duplicate_ack'
  | 'zero_window'
  | 'zero_window_probe'
  | 'zero_window_probe_ack'
  | 'window_update'
  | 'window_full'
  | 'reused_ports'
  | 'dsack';

/** One explanation: what to say (key) and the facts to say it with (params). */
export interface Explanation {
  key: ExplainKey;
  params: ExplainContext;
}
