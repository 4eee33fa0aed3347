import { describe, expect, it } from 'vitest';
import { columnTimes, formatTime, isTimeMode, seconds, utcDateTime } from './time-format.ts';

const first = 1_795_616_438_872_799_370n;

describe('time formats', () => {
  it('counts seconds since the first frame, rounding the nanoseconds', () => {
    expect(formatTime('relative', first + 5_087_499n, first, first)).toBe('0.005087');
    expect(formatTime('relative', first + 5_087_500n, first, first)).toBe('0.005088');
    expect(formatTime('relative', first, first, first)).toBe('0.000000');
  });

  it('counts seconds since the previous frame', () => {
    expect(formatTime('delta', first + 2_000_001_000n, first, first + 1_000_000_000n)).toBe('1.000001');
  });

  it('gives the UTC time of day, exact from bigint nanoseconds', () => {
    expect(formatTime('absolute', first, first, first)).toBe('14:20:38.872799');
    expect(utcDateTime(first)).toBe('2026-11-25 14:20:38.872799370');
    expect(utcDateTime(0n)).toBe('1970-01-01 00:00:00.000000000');
    expect(utcDateTime(951_782_400_000_000_000n, 0)).toBe('2000-02-29 00:00:00');
  });

  it('keeps precision a float would lose', () => {
    // 2^53 ns is about 104 days: past it, float seconds would round the last digits away.
    expect(seconds(9_007_199_254_740_993n, 9)).toBe('9007199.254740993');
    expect(seconds(-1_500n, 6)).toBe('-0.000002');
  });

  it('recognises the three modes', () => {
    expect(isTimeMode('delta')).toBe(true);
    expect(isTimeMode('epoch')).toBe(false);
  });

  it('fills a column of consecutive rows, the first one timed from the frame before it', () => {
    const stamps = [first + 1_000_000n, first + 3_000_000n, first + 3_500_000n];
    expect(columnTimes('relative', stamps, first)).toEqual(['0.001000', '0.003000', '0.003500']);
    expect(columnTimes('delta', stamps, first)).toEqual(['0.000000', '0.002000', '0.000500']);
    expect(columnTimes('delta', stamps, first, first)).toEqual(['0.001000', '0.002000', '0.000500']);
    expect(columnTimes('absolute', [first], first)).toEqual(['14:20:38.872799']);
  });
});
