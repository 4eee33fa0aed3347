// The overview strip's arithmetic: which stretch of the conversation's time
// the ladder shows, and the zoom and scroll that show a chosen stretch. Pure,
// so the brush and the ladder agree and tests can check both ways.

export interface ViewPort {
  /** The ladder's scroll offset and visible height, in pixels. */
  scrollTop: number;
  height: number;
  /** y of time 0 and pixels per second in real-time spacing. */
  top: number;
  pps: number;
}

/** The times [t0, t1] the ladder shows, clamped to the conversation [0, total]. */
export function visibleTimes(v: ViewPort, total: number): [number, number] {
  const t0 = Math.max(0, (v.scrollTop - v.top) / v.pps);
  const t1 = Math.min(total, (v.scrollTop + v.height - v.top) / v.pps);
  return [Math.min(t0, total), Math.max(t1, Math.min(t0, total))];
}

/** Pixels per second and scroll offset that fit [t0, t1] in a view `height` tall (with `top` above time 0). */
export function fitTimes(t0: number, t1: number, height: number, top: number, minSpan = 1e-6): { pps: number; scrollTop: number } {
  const span = Math.max(t1 - t0, minSpan);
  const pps = Math.max(height - 40, 40) / span;
  return { pps, scrollTop: Math.max(0, top + t0 * pps - 20) };
}
