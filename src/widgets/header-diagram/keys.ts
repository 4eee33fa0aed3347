// Arrow-key movement between the boxes of a diagram drawn as rows: left and
// right go to the previous and next box, up and down to the box above or
// below the centre of the current one. Works on measured rectangles so the
// wide and the narrow layouts behave alike.

export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The index to focus after `key` from box `from`, or -1 when the key does not move. */
export function moveFocus(rects: readonly Rect[], from: number, key: string): number {
  const n = rects.length;
  if (n === 0 || from < 0) return -1;
  if (key === 'ArrowRight') return Math.min(n - 1, from + 1);
  if (key === 'ArrowLeft') return Math.max(0, from - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return -1;
  const here = rects[from];
  const x = (here.left + here.right) / 2;
  const down = key === 'ArrowDown';
  let best = -1;
  let bestScore = Infinity;
  rects.forEach((r, i) => {
    if (i === from) return;
    const beyond = down ? r.top >= here.bottom - 1 : r.bottom <= here.top + 1;
    if (!beyond) return;
    const dy = down ? r.top - here.bottom : here.top - r.bottom;
    const dx = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
    const score = dy * 4 + dx;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best < 0 ? from : best;
}
