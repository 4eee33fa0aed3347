import { describe, expect, it } from 'vitest';
import type { GraphPoint } from '../../decoder/graphs/points.ts';
import { thinPoints } from './thin.ts';

const pt = (i: number, seq: number, marks: GraphPoint['marks'] = []): GraphPoint => ({ frame: i + 1, t: i / 1000, seq, len: 0, marks });

describe('thinPoints', () => {
  it('keeps every point when they fit the columns', () => {
    const pts = Array.from({ length: 50 }, (_, i) => pt(i, i));
    expect(thinPoints('stevens', pts, 100)).toHaveLength(50);
  });

  it("keeps each column's lowest, highest and marked points, in time order", () => {
    // 10,000 points over 10 columns, a dip in the middle and one retransmission.
    const pts = Array.from({ length: 10_000 }, (_, i) => pt(i, i === 5_500 ? 3 : i, i === 7_777 ? ['retransmission'] : []));
    const got = thinPoints('stevens', pts, 10);
    expect(got.length).toBeLessThanOrEqual(10 * 3);
    expect(got.map((p) => p.frame)).toContain(5_501);
    expect(got.map((p) => p.frame)).toContain(7_778);
    expect(got.map((p) => p.frame)).toContain(10_000);
    expect(got.map((p) => p.t)).toEqual([...got.map((p) => p.t)].sort((a, b) => a - b));
  });
});
