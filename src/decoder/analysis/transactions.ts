// Request/response matching, as Wireshark does it for DNS and ICMP echo: the
// first pass notes every request and pairs each response with the latest
// unanswered request of the same key (conversation and transaction id); the
// second pass tells each frame its partner and the time between the two.

export interface TransactionNote {
  /** DNS transaction id, or ICMP echo identifier and sequence number, with the conversation. */
  key: string;
  request: boolean;
}

export interface TransactionMatch {
  /** On a request: the frame of its response (0 when none was captured). */
  responseIn: number;
  /** On a response: the frame of its request (0 when none was captured). */
  requestIn: number;
  /** On a response: nanoseconds since its request. */
  deltaNs: number;
}

export interface TransactionTable {
  /** First pass: a request or response in frame `frame` at time `time`. */
  note(t: TransactionNote, frame: number, time: bigint): void;
  /** Second pass: what a noted frame was matched with, or undefined for a frame never noted. */
  match(frame: number): TransactionMatch | undefined;
}

export function createTransactionTable(): TransactionTable {
  const open = new Map<string, { frame: number; time: bigint }>();
  const matches = new Map<number, TransactionMatch>();
  return {
    note(t, frame, time) {
      if (t.request) {
        open.set(t.key, { frame, time });
        matches.set(frame, { responseIn: 0, requestIn: 0, deltaNs: 0 });
        return;
      }
      const req = open.get(t.key);
      if (!req) {
        matches.set(frame, { responseIn: 0, requestIn: 0, deltaNs: 0 });
        return;
      }
      open.delete(t.key);
      matches.get(req.frame)!.responseIn = frame;
      matches.set(frame, { responseIn: 0, requestIn: req.frame, deltaNs: Number(time - req.time) });
    },
    match: (frame) => matches.get(frame),
  };
}

/** The two ends of a conversation in either direction, as one key part. */
export function conversationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
