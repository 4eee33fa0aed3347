import { describe, expect, it } from 'vitest';
import { FrameColumn } from './frame-table.ts';

describe('FrameColumn', () => {
  it('returns the fill value for frames never set, across chunk boundaries', () => {
    const c = new FrameColumn(Int32Array, -1);
    c.set(3, 7);
    c.set(65536 * 2 + 5, 9);
    expect([c.get(3), c.get(4), c.get(65536), c.get(65536 * 2 + 5), c.get(10_000_000)]).toEqual([7, -1, -1, 9, -1]);
    // Only the chunks written are allocated.
    expect(c.bytes()).toBe(2 * 65536 * 4);
  });
  it('keeps float nanoseconds exactly below 2^53', () => {
    const c = new FrameColumn(Float64Array, 0);
    c.set(1, 86_400_000_000_123);
    expect(c.get(1)).toBe(86_400_000_000_123);
  });
});

describe('FrameColumn.forgetBefore', () => {
  it('lets go of whole chunks below a frame and keeps the rest', () => {
    const c = new FrameColumn(Int32Array, -1);
    for (const i of [5, 65536 + 5, 2 * 65536 + 5]) c.set(i, i);
    c.forgetBefore(2 * 65536 + 1);
    expect([c.get(5), c.get(65536 + 5), c.get(2 * 65536 + 5)]).toEqual([-1, -1, 2 * 65536 + 5]);
    expect(c.bytes()).toBe(65536 * 4);
    // A late write below is dropped, not stored again.
    c.set(7, 7);
    expect([c.get(7), c.bytes()]).toEqual([-1, 65536 * 4]);
  });
});
