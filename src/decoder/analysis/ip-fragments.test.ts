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
