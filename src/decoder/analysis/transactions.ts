// Request/response matching, as Wireshark does it for DNS and ICMP echo: the
// first pass notes every request and pairs each response with the latest
// unanswered request of the same key (conversation and transaction id); the
// second pass tells each frame its partner and the time between the two.

import type { TransactionMatch, TransactionNote } from '../layers/request-response.ts';

export interface TransactionTable {
  /** First pass: a request or response in frame `frame` at time `time`. */
  note(t: TransactionNote, frame: number, time: bigint): void;
  /** Second pass: what a noted frame was matched with, or undefined for a frame never noted. */
  match(frame: number): TransactionMatch | undefined;
}

export function createTransactionTable(): TransactionTable {
  // The latest unanswered request by key.
  const open = new Map<string, { frame: number; time: bigint; about?: string; number: number }>();
  const counts = new Map<string, number>();
  // An in-order protocol's (HTTP's) latest request's subject by key: Wireshark keeps the
  // connection's last request URI and names it in any later response, matched or not.
  const lastAbout = new Map<string, string>();
  const matches = new Map<number, TransactionMatch>();
  const count = (key: string): number => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
  return {
    note(t, frame, time) {
      const mine: TransactionMatch = { responseIn: 0, requestIn: 0, deltaNs: 0 };
      matches.set(frame, mine);
      if (t.unmatchable) return;
      if (t.request) {
        const number = t.inOrder ? count(t.key) : 0;
        if (t.inOrder) mine.number = number;
        open.set(t.key, { frame, time, about: t.about, number });
        if (t.inOrder && t.about !== undefined) lastAbout.set(t.key, t.about);
        return;
      }
      const req = open.get(t.key);
      open.delete(t.key);
      if (t.inOrder) mine.number = req ? req.number : count(t.key);
      if (t.inOrder && lastAbout.has(t.key)) mine.about = lastAbout.get(t.key);
      if (!req) return;
      matches.get(req.frame)!.responseIn = frame;
      mine.requestIn = req.frame;
      mine.deltaNs = Number(time - req.time);
      if (req.about !== undefined) mine.about = req.about;
    },
    match: (frame) => matches.get(frame),
  };
}
