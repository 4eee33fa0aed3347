import { describe, expect, it } from 'vitest';
import { fitTimes, visibleTimes } from './overview-window.ts';

describe('overview window', () => {
  it('reads the times in view from the scroll position', () => {
    expect(visibleTimes({ scrollTop: 92, height: 500, top: 92, pps: 100 }, 60)).toEqual([0, 5]);
    expect(visibleTimes({ scrollTop: 1092, height: 500, top: 92, pps: 100 }, 60)).toEqual([10, 15]);
    // Clamped to the conversation.
    expect(visibleTimes({ scrollTop: 0, height: 10_000, top: 92, pps: 100 }, 60)).toEqual([0, 60]);
  });

  it('fits a chosen stretch into the view, and reading it back gives the stretch', () => {
    const { pps, scrollTop } = fitTimes(10, 12, 540, 92);
    expect(pps).toBe(250);
    const [t0, t1] = visibleTimes({ scrollTop, height: 540, top: 92, pps }, 60);
    expect(t0).toBeLessThanOrEqual(10);
    expect(t0).toBeGreaterThan(9.9);
    expect(t1).toBeGreaterThanOrEqual(12);
  });

  it('never divides by a zero-length stretch', () => {
    const { pps } = fitTimes(3, 3, 540, 92);
    expect(Number.isFinite(pps)).toBe(true);
  });
});
