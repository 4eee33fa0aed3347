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

export function listHeight(count: number, rowPx: number): number {
  return Math.min(count * rowPx, MAX_PX);
}

/** The first row whose top is at or above scrollTop. */
export function rowAtScroll(scrollTop: number, viewPx: number, count: number, rowPx: number): number {
  const full = count * rowPx;
  const height = listHeight(count, rowPx);
  if (count === 0) return 0;
  const range = Math.max(1, height - viewPx);
  const fraction = Math.min(1, Math.max(0, scrollTop / range));
  // In a compressed list the last screen must show the last rows exactly.
  const row = full === height ? Math.floor(scrollTop / rowPx) : Math.floor((fraction * Math.max(0, full - viewPx)) / rowPx);
  return Math.min(count - 1, Math.max(0, row));
}

/** The scroll position that brings row `index` to the top (or as near as the end allows). */
export function scrollForRow(index: number, viewPx: number, count: number, rowPx: number): number {
  const full = count * rowPx;
  const height = listHeight(count, rowPx);
  if (full === height) return index * rowPx;
  const fraction = Math.min(1, (index * rowPx) / Math.max(1, full - viewPx));
  return fraction * Math.max(0, height - viewPx);
}

export function listWindow(scrollTop: number, viewPx: number, count: number, rowPx: number, overscan = 6): ListWindow {
  const height = listHeight(count, rowPx);
  if (count === 0) return { height, first: 0, last: -1, top: 0 };
  const atTop = rowAtScroll(scrollTop, viewPx, count, rowPx);
  const first = Math.max(0, atTop - overscan);
  const last = Math.min(count - 1, atTop + Math.ceil(viewPx / rowPx) + overscan);
  // Rows are drawn from where the view is, offset by the part of the top row scrolled away.
  const within = height === count * rowPx ? scrollTop - atTop * rowPx : 0;
  return { height, first, last, top: scrollTop - within - (atTop - first) * rowPx };
}
