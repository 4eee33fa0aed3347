import { describe, expect, it } from 'vitest';
import { makeClock, nsToTicks, ticksToNs, tsresolUnits } from './timestamp.ts';

describe('timestamps', () => {
  it('decodes if_tsresol', () => {
    expect(tsresolUnits(6)).toBe(1_000_000n);
    expect(tsresolUnits(9)).toBe(1_000_000_000n);
    expect(tsresolUnits(0x80 | 20)).toBe(1n << 20n);
    expect(tsresolUnits(0)).toBe(1n);
  });

  it('is exact over the whole 64-bit tick range', () => {
    const us = makeClock(1_000_000n);
    // Fast path (below 2^53 ticks) and slow path agree at the seam.
    const seam = (1n << 53n) - 1n;
    for (const t of [0n, 1n, seam, seam + 1n, seam + 2n, (1n << 64n) - 1n]) {
      expect(ticksToNs(Number(t >> 32n), Number(t & 0xffffffffn), us)).toBe(t * 1000n);
    }
    const ns = makeClock(1_000_000_000n);
    expect(ticksToNs(0x18ebb1f6, 0x12345678, ns)).toBe((0x18ebb1f6n << 32n) | 0x12345678n);
    const two = makeClock(1n << 30n, -1n);
    expect(ticksToNs(0, 3 * 2 ** 30, two)).toBe(2_000_000_000n);
  });

  it('converts back to ticks for writing', () => {
    expect(nsToTicks(1795616249_373685907n, 1_000_000_000n)).toEqual([Number(1795616249_373685907n >> 32n), Number(1795616249_373685907n & 0xffffffffn)]);
    expect(nsToTicks(1500n, 1_000_000n)).toEqual([0, 1]);
  });
});
