import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFragmentTracker } from './ip-fragments.ts';
import { createDatagramBuffers } from './ip-fragment-buffer.ts';

const bytes = (n: number, from = 0): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (from + i) & 0xff);

// The orders and flags below are what tshark 4.0 -2 shows for the same fragments (layers/testdata/fragments.pcap).
describe('IP fragments, first pass', () => {
  it('completes a datagram in the frame that fills its last gap, listing fragments by offset', () => {
    const t = createFragmentTracker();
    expect(t.add(4, 'k', 2960, 48, false, bytes(48))).toBeUndefined();
    expect(t.add(5, 'k', 0, 1480, true, bytes(1480))).toBeUndefined();
    const done = t.add(6, 'k', 1480, 1480, true, bytes(1480, 1480));
    expect(done?.plan).toEqual({ frames: [5, 6, 4], offsets: [0, 1480, 2960], lengths: [1480, 1480, 48], overlaps: [false, false, false], total: 3008 });
    expect(done?.head).toEqual(bytes(512));
    expect([...t.state.reassembledIn]).toEqual([
      [5, 6],
      [4, 6],
    ]);
  });

  it('lists a duplicate after the first copy, as an overlap; a copy after completion opens a new datagram', () => {
    const t = createFragmentTracker();
    t.add(7, 'k', 0, 1480, true, bytes(1480));
    t.add(8, 'k', 0, 1480, true, bytes(1480));
    t.add(9, 'k', 1480, 1480, true, bytes(1480));
    const done = t.add(10, 'k', 2960, 48, false, bytes(48));
    expect(done?.plan.frames).toEqual([7, 8, 9, 10]);
    expect(done?.plan.overlaps).toEqual([false, true, false, false]);
    expect(t.add(11, 'k', 1480, 1480, true, bytes(1480))).toBeUndefined();
    expect(t.state.reassembledIn.has(11)).toBe(false);
  });

  it('keeps datagrams of different keys apart and never completes one with a gap', () => {
    const t = createFragmentTracker();
    t.add(1, 'a', 0, 8, true, bytes(8));
    expect(t.add(2, 'b', 8, 8, false, bytes(8))).toBeUndefined();
    expect(t.add(3, 'a', 16, 8, false, bytes(8))).toBeUndefined();
    expect(t.state.datagrams.size).toBe(0);
  });
});

describe('IP fragments, second pass', () => {
  it('joins the kept fragments with the completing one', () => {
    const b = createDatagramBuffers();
    const plan = { frames: [5, 6, 4], offsets: [0, 8, 16], lengths: [8, 8, 4], overlaps: [false, false, false], total: 20 };
    b.keep(4, bytes(4, 16));
    b.keep(5, bytes(8, 0));
    expect(b.build(6, plan, bytes(8, 8))?.bytes).toEqual(bytes(20));
  });

  it('gives up a datagram whose fragments went to the memory cap', () => {
    const b = createDatagramBuffers(10);
    const plan = { frames: [1, 2, 3], offsets: [0, 8, 16], lengths: [8, 8, 4], overlaps: [false, false, false], total: 20 };
    b.keep(1, bytes(8));
    b.keep(2, bytes(8, 8));
    expect(b.build(3, plan, bytes(4, 16))).toBeUndefined();
  });
});

describe('IP fragments, completion', () => {
  it('counts a fragment that sorts before ones already covered', () => {
    const t = createFragmentTracker();
    t.add(1, 'k', 0, 8, true, bytes(8));
    t.add(2, 'k', 8, 8, true, bytes(8));
    t.add(3, 'k', 24, 8, false, bytes(8));
    // Sorts between frames 1 and 2, and reaches past both to the tail.
    expect(t.add(4, 'k', 0, 24, true, bytes(24))?.plan.frames).toEqual([1, 4, 2, 3]);
  });

  it('completes where a fresh walk over the fragments in offset order first covers the datagram', () => {
    const fragment = fc.record({ offset: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 0, max: 4 }), more: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (fragments) => {
        const t = createFragmentTracker();
        const seen: { offset: number; length: number }[] = [];
        let datalen = -1;
        fragments.forEach((f, frame) => {
          const done = t.add(frame + 1, 'k', f.offset * 8, f.length * 8, f.more, bytes(f.length * 8));
          seen.push({ offset: f.offset * 8, length: f.length * 8 });
          if (!f.more && datalen < 0) datalen = (f.offset + f.length) * 8;
          let covered = 0;
          for (const s of [...seen].sort((a, b) => a.offset - b.offset)) if (s.offset <= covered) covered = Math.max(covered, s.offset + s.length);
          const complete = datalen >= 0 && covered >= datalen;
          expect(done !== undefined).toBe(complete);
          if (complete) {
            seen.length = 0;
            datalen = -1;
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
