import { describe, expect, it } from 'vitest';
import { clampFrame, frameRangeProblem, framesIn, parseFrameRange, rangeOfRows } from './frame-range.ts';

describe('parseFrameRange', () => {
  it('reads a closed range, one frame and an open end', () => {
    expect(parseFrameRange('3-13', 16)).toEqual({ first: 3, last: 13 });
    expect(parseFrameRange(' 7 ', 16)).toEqual({ first: 7, last: 7 });
    expect(parseFrameRange('5-', 16)).toEqual({ first: 5, last: 16 });
  });

  it('clamps to the capture', () => {
    expect(parseFrameRange('10-99', 16)).toEqual({ first: 10, last: 16 });
    expect(parseFrameRange('0-4', 16)).toEqual({ first: 1, last: 4 });
  });

  it('shows every frame for no range or a nonsense one', () => {
    expect(parseFrameRange(undefined, 16)).toEqual({ first: 1, last: 16 });
    expect(parseFrameRange('', 16)).toEqual({ first: 1, last: 16 });
    expect(parseFrameRange('9-3', 16)).toEqual({ first: 1, last: 16 });
    expect(parseFrameRange('20', 16)).toEqual({ first: 1, last: 16 });
    expect(parseFrameRange('a-b', 16)).toEqual({ first: 1, last: 16 });
  });

  it('lists and clamps frame numbers', () => {
    expect(framesIn({ first: 3, last: 6 })).toEqual([3, 4, 5, 6]);
    expect(clampFrame(99, { first: 3, last: 6 })).toBe(6);
    expect(clampFrame(1, { first: 3, last: 6 })).toBe(3);
    expect(clampFrame(Number.NaN, { first: 3, last: 6 })).toBe(3);
  });
});

describe('frameRangeProblem', () => {
  it('accepts ranges inside the capture and explains the others', () => {
    expect(frameRangeProblem(undefined, 16)).toBeUndefined();
    expect(frameRangeProblem('3-13', 16)).toBeUndefined();
    expect(frameRangeProblem('5-', 16)).toBeUndefined();
    expect(frameRangeProblem('3-20', 16)).toMatch(/outside the capture's frames 1 to 16/);
    expect(frameRangeProblem('x', 16)).toMatch(/not a range/);
  });
});

describe('rangeOfRows', () => {
  it('reads the range back from the packet list', () => {
    expect(rangeOfRows([3, 4, 5, 6])).toEqual({ first: 3, last: 6 });
    expect(rangeOfRows(framesIn({ first: 7, last: 7 }))).toEqual({ first: 7, last: 7 });
    expect(rangeOfRows([])).toEqual({ first: 1, last: 1 });
    expect(rangeOfRows([Number.NaN, 2])).toEqual({ first: 2, last: 2 });
  });
});
