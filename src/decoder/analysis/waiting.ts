// A direction's segments waiting for an ACK, held in four numbers of the flow
// itself while only one waits, and as a list once a second one waits or an
// ACK has to be matched: each conversation of a SYN flood has one SYN that is
// never answered, and a list per SYN (its object, array and entry, with the
// sequence numbers above 2^31 boxed in it) was most of the first pass's memory.

import { seqAdd } from './seq.ts';
import { UnackedSegments } from './unacked.ts';

/** What a flow holds its waiting segments in. */
export interface WaitingHolder {
  /** The list, once made. */
  unacked: UnackedSegments | undefined;
  /** While there is no list: the lone waiting segment's length in sequence space (0: none waits). */
  loneLen: number;
  loneFrame: number;
  /** Its sequence number as a signed 32-bit integer: a small integer is kept unboxed. */
  loneSeq: number;
  loneTime: number;
}

/** One more segment waits. */
export function pushWaiting(h: WaitingHolder, frame: number, seq: number, next: number, time: number): void {
  if (h.unacked === undefined && h.loneLen === 0) {
    // Every segment that waits occupies sequence space: its length is never 0.
    h.loneLen = (next - seq) >>> 0;
    h.loneFrame = frame;
    h.loneSeq = seq | 0;
    h.loneTime = time;
  } else waitingList(h)?.push(frame, seq, next, time);
}

/** The list of waiting segments: a lone one becomes the list that pushing it would have made. */
export function waitingList(h: WaitingHolder): UnackedSegments | undefined {
  if (h.unacked !== undefined || h.loneLen === 0) return h.unacked;
  const list = new UnackedSegments();
  const seq = h.loneSeq >>> 0;
  list.push(h.loneFrame, seq, seqAdd(seq, h.loneLen), h.loneTime);
  h.loneLen = 0;
  h.unacked = list;
  return list;
}
