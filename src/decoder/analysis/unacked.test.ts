import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seqGT, seqLE, seqLT } from './seq.ts';
import { UnackedSegments } from './unacked.ts';

/** Wireshark's list as packet-tcp.c keeps it: every copy an entry, each ACK walking all of them. */
class Reference {
  list: { frame: number; seq: number; seq0: number; next: number; time: number }[] = [];
  max: number;
  constructor(max: number) {
    this.max = max;
  }
  push(frame: number, seq: number, next: number, time: number) {
    if (this.list.length < this.max) this.list.push({ frame, seq, seq0: seq, next, time });
  }
  ack(ack: number): number | undefined {
    let hit: number | undefined;
    this.list = this.list.filter((u) => {
      if (u.next === ack) {
        hit ??= u.frame;
        return false;
      }
      if (seqGT(ack, u.seq) && seqLE(ack, u.next)) u.seq = ack;
      return seqGT(u.next, ack);
    });
    return hit;
  }
  span(): [number, number] | undefined {
    if (this.list.length === 0) return undefined;
    let lo = this.list[0].seq;
    let hi = this.list[0].next;
    for (const u of this.list) {
      if (seqLT(u.seq, lo)) lo = u.seq;
      if (seqGT(u.next, hi)) hi = u.next;
    }
    return [lo, hi];
  }
  find(seq: number): number | undefined {
    return this.list.find((u) => !seqLT(seq, u.seq0) && seqLT(seq, u.next))?.frame;
  }
}

// Sequence numbers near the 2^32 wrap, from a small set so that copies, overlaps and partial ACKs are common.
const BASE = 0xffffff00;
const op = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), at: fc.integer({ min: 0, max: 16 }), len: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('ack' as const), at: fc.integer({ min: 0, max: 22 }), len: fc.constant(0) }),
  // The last pushed range again: a retransmission.
  fc.record({ kind: fc.constant('again' as const), at: fc.constant(0), len: fc.constant(0) }),
);

describe('UnackedSegments', () => {
  it('answers as a list walked in full on every segment, with the cap', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 12 }), (ops, max) => {
        const fast = new UnackedSegments(max);
        const ref = new Reference(max);
        let last = { at: 0, len: 1 };
        ops.forEach((o, frame) => {
          if (o.kind === 'push') last = o;
          const seq = (BASE + (o.kind === 'ack' ? o.at : last.at) * 4) >>> 0;
          if (o.kind !== 'ack') {
            fast.push(frame, seq, (seq + last.len * 4) >>> 0, frame * 10);
            ref.push(frame, seq, (seq + last.len * 4) >>> 0, frame * 10);
          } else {
            expect(fast.ack(seq, frame)?.frame).toBe(ref.ack(seq));
          }
          const span = ref.span();
          expect(fast.length > 0).toBe(span !== undefined);
          if (span) expect([fast.lo(), fast.hi]).toEqual(span);
          expect(fast.oldest()?.frame).toBe(ref.list[0]?.frame);
          // No ACK in these runs names a segment whose bytes come again: only waiting ones are asked.
          if (!ops.some((p) => p.kind === 'ack')) expect(fast.whoSent((seq + 2) >>> 0)?.frame).toBe(ref.find((seq + 2) >>> 0));
        });
      }),
      { numRuns: 500 },
    );
  });

  it('answers the same when segments come in sending order, with repeats and partial ACKs', () => {
    // Mostly rising segments (the in-order path), with repeats of the last range and ACKs anywhere near.
    const rising = fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('push' as const), step: fc.integer({ min: 0, max: 3 }), len: fc.integer({ min: 1, max: 6 }) }) },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('ack' as const), step: fc.integer({ min: -8, max: 4 }), len: fc.constant(0) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('again' as const), step: fc.constant(0), len: fc.constant(0) }) },
    );
    fc.assert(
      fc.property(fc.array(rising, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (ops, max) => {
        const fast = new UnackedSegments(max);
        const ref = new Reference(max);
        let top = BASE;
        let last = { seq: BASE, next: (BASE + 1) >>> 0 };
        ops.forEach((o, frame) => {
          if (o.kind === 'push') {
            const seq = (top + o.step) >>> 0;
            last = { seq, next: (seq + o.len) >>> 0 };
            if (seqGT(last.next, top)) top = last.next;
          }
          if (o.kind === 'ack') {
            const ack = (top + o.step) >>> 0;
            expect(fast.ack(ack, frame)?.frame).toBe(ref.ack(ack));
          } else {
            fast.push(frame, last.seq, last.next, frame * 10);
            ref.push(frame, last.seq, last.next, frame * 10);
          }
          const span = ref.span();
          expect(fast.length > 0).toBe(span !== undefined);
          if (span) expect([fast.lo(), fast.hi]).toEqual(span);
          expect(fast.oldest()?.frame).toBe(ref.list[0]?.frame);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps one entry for any number of copies of a segment, and stops at the cap', () => {
    const u = new UnackedSegments(3);
    for (let f = 1; f <= 5; f++) u.push(f, 100, 200, f);
    expect(u.length).toBe(1);
    expect(u.ack(200, 6)?.frame).toBe(1);
    expect(u.length).toBe(0);
    // Acknowledged, it is still known as the sender of its bytes.
    expect(u.whoSent(150)).toMatchObject({ frame: 1, ackedBy: 6 });
    // The copies left with it: three places free again.
    for (let f = 7; f <= 10; f++) u.push(f, 200 + f, 201 + f, f);
    expect([u.lo(), u.hi]).toEqual([207, 210]);
  });

  it('leaves the in-order path when a segment starts below a trimmed one', () => {
    // Found by the property above: a partial ACK trims the first segment to 108, then a segment
    // starting at 104 comes; its bytes from 104 wait, so the span starts there and an ACK of 106 trims it.
    const u = new UnackedSegments();
    u.push(1, 100, 112, 1);
    u.ack(108, 2);
    u.push(3, 104, 112, 3);
    u.ack(100, 4);
    expect([u.lo(), u.hi]).toEqual([104, 112]);
    u.ack(106, 5);
    expect([u.lo(), u.hi]).toEqual([106, 112]);
  });
});
