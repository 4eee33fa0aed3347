// Request/response matching, as Wireshark does it for DNS and ICMP echo: the
// first pass notes every request and pairs each response with the latest
// unanswered request of the same key (conversation and transaction id); the
// second pass tells each frame its partner and the time between the two.

export interface TransactionNote {
  /** DNS transaction id, or ICMP echo identifier and sequence number, with the conversation. */
  key: string;
  request: boolean;
  /**
   * HTTP/1.x has no id. As tshark 4.0, a response takes the latest request of
   * its key if that one is unanswered; requests and responses share one
   * numbering per key, and a response with no request to take gets a number
   * of its own.
   */
  inOrder?: boolean;
  /** Kept with a request and handed to its response (HTTP: the full request URI). */
  about?: string;
  /** Noted, so that it is answered as unmatched, but never paired (tshark pairs no ICMP echo with a bad checksum). */
  unmatchable?: boolean;
}

export interface TransactionMatch {
  /** On a request: the frame of its response (0 when none was captured). */
  responseIn: number;
  /** On a response: the frame of its request (0 when none was captured). */
  requestIn: number;
  /** On a response: nanoseconds since its request. */
  deltaNs: number;
  /** In-order protocols: the request/response pair's number on its connection, from 1. */
  number?: number;
  /** On a response: what its request noted (`about`). */
  about?: string;
}

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
        return;
      }
      const req = open.get(t.key);
      open.delete(t.key);
      if (t.inOrder) mine.number = req ? req.number : count(t.key);
      if (!req) return;
      matches.get(req.frame)!.responseIn = frame;
      mine.requestIn = req.frame;
      mine.deltaNs = Number(time - req.time);
      if (req.about !== undefined) mine.about = req.about;
    },
    match: (frame) => matches.get(frame),
  };
}

/** The two ends of a conversation in either direction, as one key part. */
export function conversationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
