// Which rows of a very long list to draw: only those in view, plus a margin.
// A list of 700,000 rows at 24 px would be 16.8 million pixels tall, past what
// some browsers allow an element; beyond MAX_PX the scroll range is compressed
// and a scroll position maps to a row proportionally.

/** Tallest scroll range used (well within every browser's limit). */
export const MAX_PX = 8_000_000;

export interface ListWindow {
  /** Height of the scrolled content. */
  height: number;
  /** First and last row index (0-based, inclusive) to draw; last < first when there are no rows. */
  first: number;
  last: number;
  /** Where row `first` is drawn, in content pixels. */
  top: number;
}

function listHeight(count: number, rowPx: number): number {
  return Math.min(count * rowPx, MAX_PX);
}

/**
 * The row at the top of the view, as a fraction of rows: in a short list the
 * rows scroll by their own height; in a compressed one the scroll range maps
 * onto the rows so that its end shows the last row whole at the bottom.
 */
function rowAtTop(scrollTop: number, viewPx: number, count: number, rowPx: number): number {
  const height = listHeight(count, rowPx);
  if (count * rowPx === height) return scrollTop / rowPx;
  const fraction = Math.min(1, Math.max(0, scrollTop / Math.max(1, height - viewPx)));
  return fraction * Math.max(0, count - viewPx / rowPx);
}

/** The first row whose top is at or above scrollTop. */
export function rowAtScroll(scrollTop: number, viewPx: number, count: number, rowPx: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor(rowAtTop(scrollTop, viewPx, count, rowPx))));
}

/** The scroll position that brings row `index` to the top (or as near as the end allows). */
export function scrollForRow(index: number, viewPx: number, count: number, rowPx: number): number {
  const full = count * rowPx;
  const height = listHeight(count, rowPx);
  if (full === height) return index * rowPx;
  const fraction = Math.min(1, index / Math.max(1e-9, count - viewPx / rowPx));
  return fraction * Math.max(0, height - viewPx);
}

export function listWindow(scrollTop: number, viewPx: number, count: number, rowPx: number, overscan = 6): ListWindow {
  const height = listHeight(count, rowPx);
  if (count === 0) return { height, first: 0, last: -1, top: 0 };
  const exact = rowAtTop(scrollTop, viewPx, count, rowPx);
  const atTop = Math.min(count - 1, Math.max(0, Math.floor(exact)));
  const first = Math.max(0, atTop - overscan);
  const last = Math.min(count - 1, atTop + Math.ceil(viewPx / rowPx) + overscan);
  // Row k is drawn (k - exact) rows below the top of the view.
  return { height, first, last, top: scrollTop + (first - exact) * rowPx };
}

/** Position of `n` in a rising list of numbers (binary search), or -1. */
export function sortedIndexOf(list: ArrayLike<number>, n: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid];
    if (v === n) return mid;
    if (v < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A function that runs `paint` once in the next animation frame, however often it is called before then. */
export function paintScheduler(paint: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      paint();
    });
  };
}
