import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PX, listWindow, rowAtScroll, scrollForRow } from './virtual-window.ts';

describe('virtual list window', () => {
  it('draws the rows in view and a margin, at their own positions, in a short list', () => {
    const w = listWindow(240, 480, 100, 24, 2);
    expect(w).toEqual({ height: 2400, first: 8, last: 32, top: 192 });
    expect(listWindow(0, 480, 0, 24)).toMatchObject({ first: 0, last: -1 });
  });

  it('compresses 700,000 rows into a scroll range browsers allow and still reaches both ends', () => {
    const n = 700_000;
    const view = 600;
    const top = listWindow(0, view, n, 24);
    expect(top.height).toBe(MAX_PX);
    expect(top.first).toBe(0);
    const end = listWindow(MAX_PX - view, view, n, 24);
    expect(end.last).toBe(n - 1);
    expect(rowAtScroll(MAX_PX - view, view, n, 24)).toBe(n - Math.ceil(view / 24));
    // At the very end the last row sits whole at the bottom of the view.
    const lastTop = end.top + (end.last - end.first) * 24;
    expect(lastTop + 24).toBeCloseTo(MAX_PX - view + view, 6);
  });

  it('moves the rows smoothly with the scroll position, also in a compressed list', () => {
    const n = 700_000;
    const a = listWindow(4_000_000, 600, n, 24);
    const b = listWindow(4_000_001, 600, n, 24);
    const rowTop = (w: typeof a, k: number) => w.top + (k - w.first) * 24;
    const k = a.first + 10;
    // One pixel of scroll moves a row by less than a row's height.
    expect(Math.abs(rowTop(b, k) - rowTop(a, k) - 1)).toBeLessThan(24);
  });

  it('scrolls to any row and finds it there again, in long and short lists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (count, pick) => {
        const view = 480;
        const index = Math.floor(pick * (count - 1));
        const top = scrollForRow(index, view, count, 24);
        const at = rowAtScroll(top, view, count, 24);
        const shown = Math.ceil(view / 24);
        // The row is in view: at the top, or on the last screen when the list ends first.
        return at <= index && index <= at + shown;
      }),
    );
  });
});
