// One direction's segments waiting for an ACK, oldest first, as Wireshark's
// tcp_unacked list: what an ACK names (acks_frame, ack_rtt), the span of bytes
// in flight, the oldest segment a retransmission is timed from.
//
// Wireshark walks that whole list on every segment and stops adding to it at
// TCP_MAX_UNACKED_SEGMENTS (10,000) entries; the same cap here keeps every
// output equal to tshark's, and three shortcuts keep the work per segment
// independent of the history: copies of a segment still waiting (same
// sequence range) are one entry with a count, the smallest sequence number of
// the entries an ACK already went over is kept so a later ACK not above it
// skips them, and the span's ends are kept as segments come and go.

import { seqGT, seqLE, seqLT } from './seq.ts';

/** Wireshark's TCP_MAX_UNACKED_SEGMENTS: segments past it are not remembered (nor their ACKs matched). */
const MAX_UNACKED = 10_000;

/** An unacknowledged segment, kept until an ACK covers it (for acks_frame / ack_rtt). */
export interface Sent {
  frame: number;
  seq: number;
  /** Sequence number as sent (seq is trimmed by partial ACKs). */
  seq0: number;
  next: number;
  /** ns since the capture's first frame (exact as a double for 104 days). */
  time: number;
  /** Frame whose ACK first covered it (0 while unacknowledged). */
  ackedBy: number;
  /** Later copies of the same range merged into this entry (each counts toward MAX_UNACKED). */
  copies: number;
}

/** How many acknowledged segments each direction remembers for its explanations. */
const RECENT = 32;

/** Entries kept for refilling, at most (a flight's worth). */
const MAX_SPARE = 4096;

/** An in-order ACK leaves removed places at the list's start until they are this many and most of it. */
const COMPACT_AFTER = 256;

/** Shared by every instance until its first segment (never written to). */
const EMPTY: Sent[] = [];

/** Key of an untrimmed range: the sequence number and the length (at most 65,537 with SYN and FIN). */
const rangeKey = (seq: number, next: number): number => seq * 0x20000 + ((next - seq) >>> 0);

export class UnackedSegments {
  private readonly max: number;
  /** The waiting entries are list[head..]: an ACK in order moves head past the ones it removes (no copying of the rest). */
  private list: Sent[] = EMPTY;
  private head = 0;
  /** Entries as Wireshark counts them: copies included. */
  private count = 0;
  /** Entries from head to below this index of list have been through an ACK walk since they came. */
  private clean = 0;
  /** The smallest seq among those entries (meaningful when clean > 0). */
  private loClean = 0;
  /** The smallest seq among the later ones (meaningful when clean < list.length). */
  private loTail = 0;
  /** The largest next of the waiting segments (when some wait): no ACK removes it without removing every one. */
  hi = 0;
  /** The last RECENT acknowledged segments, so explanations can name where bytes were first sent: a ring, oldest at recentNext once full. */
  private recent: Sent[] | undefined;
  private recentNext = 0;
  /**
   * Entries that left the recent ones, refilled for the next segments: a long transfer would
   * otherwise make one object per segment, each living a round trip (past the young generation).
   * Made once an entry leaves the recent ones: most conversations (a SYN flood's) never get that far.
   */
  private spare: Sent[] | undefined;
  /**
   * Entries came in sending order: each starts above the (possibly trimmed) start of the one before,
   * and next never decreases. So seq0 and seq both rise along the list (a trim to an ACK keeps that),
   * copies are found by search, and an ACK removes a prefix and trims only the entries after it that
   * start below it.
   */
  private sorted = true;
  /** Untrimmed entries by range, so a copy joins its original; made when one is looked for while entries are out of order. */
  private byRange: Map<number, Sent> | undefined;

  constructor(max = MAX_UNACKED) {
    this.max = max;
  }

  get length(): number {
    return this.list.length - this.head;
  }

  /** The oldest segment still waiting, if any. */
  oldest(): Sent | undefined {
    return this.list[this.head];
  }

  /** Remembers a segment, unless MAX_UNACKED are already waiting. */
  push(frame: number, seq: number, next: number, time: number): void {
    if (this.count >= this.max) return;
    this.count++;
    const end = this.list.length;
    const n = end - this.head;
    // Only a range starting below the highest waiting byte can copy a waiting one (lengths are
    // never 0). While the entries are in sending order a search finds it; the index is built only
    // once a segment came out of order.
    if (n > 0 && seqLT(seq, this.hi)) {
      const same = this.sorted && !this.byRange ? this.findInOrder(seq, next) : this.index().get(rangeKey(seq, next));
      if (same) {
        same.copies++;
        return;
      }
    }
    const u = this.reuse(frame, seq, next, time) ?? { frame, seq, seq0: seq, next, time, ackedBy: 0, copies: 0 };
    this.byRange?.set(rangeKey(seq, next), u);
    if (n > 0 && (!seqGT(seq, this.list[end - 1].seq) || seqLT(next, this.list[end - 1].next))) this.sorted = false;
    if (n === 0) this.hi = next;
    else if (seqGT(next, this.hi)) this.hi = next;
    if (end === this.clean || seqLT(seq, this.loTail)) this.loTail = seq;
    // A literal holds exactly one: most conversations of a flood never have a second.
    if (this.list === EMPTY) this.list = [u];
    else this.list.push(u);
  }

  /**
   * An ACK of `ack` in `frame`: drops the segments wholly below it (into the
   * recent ones), trims one it cuts through, and returns the oldest segment
   * ending exactly at it.
   */
  ack(ack: number, frame: number): Sent | undefined {
    if (this.sorted) return this.ackInOrder(ack, frame);
    this.compact();
    const ua = this.list;
    const n = ua.length;
    // No entry an earlier ACK went over starts below this one: none can change.
    const from = this.clean > 0 && seqLE(ack, this.loClean) ? this.clean : 0;
    let hit: Sent | undefined;
    let keep = from;
    let lo = 0;
    let haveLo = false;
    for (let i = from; i < n; i++) {
      const u = ua[i];
      if (u.next === ack) {
        if (!hit) hit = u;
      } else if (seqGT(ack, u.seq) && seqLE(ack, u.next)) {
        this.forget(u);
        u.seq = ack;
        if (!haveLo || seqLT(ack, lo)) lo = ack;
        haveLo = true;
        ua[keep++] = u;
        continue;
      } else if (seqGT(u.next, ack)) {
        if (!haveLo || seqLT(u.seq, lo)) lo = u.seq;
        haveLo = true;
        ua[keep++] = u;
        continue;
      }
      this.forget(u);
      this.count -= 1 + u.copies;
      u.ackedBy = frame;
      this.remember(u);
    }
    if (keep !== n) ua.length = keep;
    if (keep === 0) {
      this.byRange = undefined;
      this.sorted = true;
    }
    if (from === 0) this.loClean = lo;
    else if (haveLo && seqLT(lo, this.loClean)) this.loClean = lo;
    this.clean = keep;
    return hit;
  }

  /**
   * ack() on entries in sending order, with the same answers: those ending at or below the ACK are
   * a prefix (next never decreases), and past it the trimmed seq never decreases either, so the
   * walk stops at the first entry starting at or above the ACK.
   */
  private ackInOrder(ack: number, frame: number): Sent | undefined {
    const ua = this.list;
    const n = ua.length;
    let hit: Sent | undefined;
    let i = this.head;
    for (; i < n && seqLE(ua[i].next, ack); i++) {
      const u = ua[i];
      if (u.next === ack && !hit) hit = u;
      this.forget(u);
      this.count -= 1 + u.copies;
      u.ackedBy = frame;
      this.remember(u);
    }
    for (let j = i; j < n && seqLT(ua[j].seq, ack); j++) {
      const u = ua[j];
      this.forget(u);
      u.seq = ack;
    }
    if (i === n) {
      ua.length = 0;
      this.head = 0;
      this.byRange = undefined;
    } else {
      this.head = i;
      // The removed entries' places are reused once they are most of the array.
      if (i > COMPACT_AFTER && i * 2 > n) this.compact();
    }
    this.clean = ua.length;
    this.loClean = ua.length > this.head ? ua[this.head].seq : 0;
    return hit;
  }

  /** Moves the waiting entries to the start of the list (head 0). */
  private compact(): void {
    const h = this.head;
    if (h === 0) return;
    const ua = this.list;
    ua.copyWithin(0, h);
    ua.length -= h;
    this.clean = Math.max(0, this.clean - h);
    this.head = 0;
  }

  /** The smallest sequence number of the waiting segments (when some wait): the span in flight is [lo(), hi). */
  lo(): number {
    const n = this.list.length;
    if (this.clean <= this.head) return this.loTail;
    return this.clean < n && seqLT(this.loTail, this.loClean) ? this.loTail : this.loClean;
  }

  /** Who sent the bytes at `seq`: the oldest recently acknowledged segment holding them, else the oldest waiting one. */
  whoSent(seq: number): Sent | undefined {
    const r = this.recent;
    if (r) {
      for (let i = 0; i < r.length; i++) {
        const u = r[(this.recentNext + i) % r.length];
        if (!seqLT(seq, u.seq0) && seqLT(seq, u.next)) return u;
      }
    }
    const ua = this.list;
    for (let i = this.head; i < ua.length; i++) if (!seqLT(seq, ua[i].seq0) && seqLT(seq, ua[i].next)) return ua[i];
    return undefined;
  }

  /** The untrimmed entry of range [seq, next), by binary search over seq0 (entries in order). */
  private findInOrder(seq: number, next: number): Sent | undefined {
    const ua = this.list;
    let lo = this.head;
    let hi = ua.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = ua[mid];
      if (u.seq0 === seq) return u.seq === u.seq0 && u.next === next ? u : undefined;
      if (seqLT(u.seq0, seq)) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The index of untrimmed entries by range, built on first need. */
  private index(): Map<number, Sent> {
    if (!this.byRange) {
      this.byRange = new Map();
      const ua = this.list;
      for (let i = this.head; i < ua.length; i++) if (ua[i].seq === ua[i].seq0) this.byRange.set(rangeKey(ua[i].seq, ua[i].next), ua[i]);
    }
    return this.byRange;
  }

  private remember(u: Sent): void {
    const r = (this.recent ??= []);
    if (r.length < RECENT) r.push(u);
    else {
      // The entry it replaces is held nowhere else now (callers read what they need at once): a later push refills it.
      const spare = (this.spare ??= []);
      if (spare.length < MAX_SPARE) spare.push(r[this.recentNext]);
      r[this.recentNext] = u;
      this.recentNext = (this.recentNext + 1) % RECENT;
    }
  }

  /** The spare entry filled in for a new segment, if there is one. */
  private reuse(frame: number, seq: number, next: number, time: number): Sent | undefined {
    const u = this.spare?.pop();
    if (u === undefined) return undefined;
    u.frame = frame;
    u.seq = seq;
    u.seq0 = seq;
    u.next = next;
    u.time = time;
    u.ackedBy = 0;
    u.copies = 0;
    return u;
  }

  private forget(u: Sent): void {
    if (!this.byRange || u.seq !== u.seq0) return;
    const key = rangeKey(u.seq, u.next);
    if (this.byRange.get(key) === u) this.byRange.delete(key);
  }
}
