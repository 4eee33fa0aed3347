// A direction's segments waiting for an ACK, held as the lone segment itself
// until a second one waits or an ACK has to be matched: each conversation of a
// SYN flood has one SYN that is never answered, and a list per SYN (its
// object, array and entry) was most of the first pass's memory.

import { type Sent, UnackedSegments } from './unacked.ts';

/** Nothing waiting yet, the only segment waiting, or the list. */
export type Waiting = UnackedSegments | Sent | undefined;

/** `w` with one more segment waiting. */
export function pushWaiting(w: Waiting, frame: number, seq: number, next: number, time: number): Waiting {
  if (w === undefined) return { frame, seq, seq0: seq, next, time, ackedBy: 0, copies: 0 };
  const list = asList(w);
  list.push(frame, seq, next, time);
  return list;
}

/** The list form: a lone segment becomes the list that pushing it would have made. */
export function asList(w: UnackedSegments | Sent): UnackedSegments {
  if (w instanceof UnackedSegments) return w;
  const list = new UnackedSegments();
  list.push(w.frame, w.seq, w.next, w.time);
  return list;
}
