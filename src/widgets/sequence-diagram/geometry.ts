// Where each arrow of the ladder goes. Pure: the server draws the first
// picture with it and the browser redraws on resize, zoom and scroll.
//
// The flight-time model. A capture is taken at one point on the path, so it
// holds one time per segment: when the segment passed that point, not when
// it left or arrived. We estimate the one-way delay D as half the handshake
// round-trip time, and where the capture point sits, as a fraction f of the
// way from A to B: B answered the SYN t2 - t1 = 2(1-f)D after the capture
// saw it, A answered the SYN-ACK t3 - t2 = 2fD after. Each arrow then leaves
// its sender f·D (or (1-f)·D) before its capture time and arrives the rest of
// D after, crossing the capture point's line exactly at its capture time, so
// no reply ever leaves before the segment it answers arrived (in even spacing
// time is warped, so the arrow is drawn in two straight parts meeting there). Without a
// handshake the delay is unknown: arrows get a small fixed slope. "Even"
// spacing gives every segment its own row and maps the times in between
// piecewise-linearly, each arrow kept within its row, so bursts stay
// readable; "real" spacing keeps time proportional to distance.

import type { LadderModel, LadderSegment } from './ladder-model.ts';

export type Spacing = 'even' | 'real';

export interface LadderOptions {
  spacing: Spacing;
  /** Drawing width in px. */
  width: number;
  /** Row height in even spacing. */
  rowHeight?: number;
  /** Pixels per second in real spacing. */
  pxPerSecond?: number;
  /** Arrows never slope less than this (px), so direction always shows. */
  minSlope?: number;
}

export interface ArrowGeom {
  index: number;
  frame: number;
  /** Leaves the sender at (x1, y1), arrives at (x2, y2). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Passes the capture point at its capture time: (xc, y). The arrow bends there. */
  xc: number;
  y: number;
  fromA: boolean;
}

export interface LadderGeometry {
  width: number;
  height: number;
  top: number;
  /** x of the time axis, of A's line, of B's line and of the capture point. */
  axisX: number;
  xA: number;
  xB: number;
  xCap: number;
  /** Narrow drawing: state labels shorter, lines closer to the edges. */
  compact: boolean;
  arrows: ArrowGeom[];
  /** y of a time (seconds since the stream's start). */
  y(t: number): number;
}

export const TOP = 92;
const BOTTOM = 40;

/**
 * Maps times to rows: capture i at row i, times between rows interpolated,
 * times before the first and after the last within one row of them.
 */
export function evenScale(times: readonly number[], top: number, row: number, owd: number): (t: number) => number {
  const n = times.length;
  const reach = owd > 0 ? owd : 1;
  return (t: number) => {
    if (n === 0) return top;
    if (t < times[0]) return top - row * 0.6 * Math.min(1, (times[0] - t) / reach);
    // The last capture at or before t (binary search; times are in capture order).
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (times[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    const y0 = top + lo * row;
    if (lo === n - 1) return y0 + row * 0.6 * Math.min(1, (t - times[lo]) / reach);
    const span = times[lo + 1] - times[lo];
    return span > 0 ? y0 + (row * (t - times[lo])) / span : y0;
  };
}

/** Leaving and arrival times of a segment captured at t (see the model above). */
export function flight(t: number, fromA: boolean, owd: number, captureAt: number): [number, number] {
  const before = (fromA ? captureAt : 1 - captureAt) * owd;
  return [t - before, t + (owd - before)];
}

export function layoutLadder(model: LadderModel, opts: LadderOptions): LadderGeometry {
  const width = Math.max(280, opts.width);
  const compact = width < 560;
  const axisX = compact ? 56 : 70;
  const xA = compact ? axisX + 12 : Math.round(width * 0.25);
  const xB = compact ? width - 16 : Math.round(width * 0.82);
  const f = model.captureAt ?? 0.5;
  const xCap = xA + (xB - xA) * f;
  const row = opts.rowHeight ?? 48;
  const minSlope = opts.minSlope ?? 14;
  const segs = model.segments;
  const times = segs.map((s) => s.t);
  const owd = model.owd ?? 0;
  const last = times.length ? times[times.length - 1] : 0;
  let y: (t: number) => number;
  let height: number;
  if (opts.spacing === 'even') {
    y = evenScale(times, TOP, row, owd);
    height = TOP + Math.max(1, segs.length) * row + BOTTOM;
  } else {
    const total = Math.max(last + owd, 1e-6);
    const pps = opts.pxPerSecond ?? (Math.max(1, segs.length) * row) / total;
    y = (t) => TOP + t * pps;
    height = TOP + total * pps + row + BOTTOM;
  }
  const arrows = segs.map((s, index): ArrowGeom => {
    const yc = opts.spacing === 'even' ? TOP + index * row : y(s.t);
    const [leave, arrive] = flight(s.t, s.fromA, owd, f);
    let y1 = Math.min(y(leave), yc);
    let y2 = Math.max(y(arrive), yc);
    if (opts.spacing === 'even') {
      // In a burst, a flight spans many rows; drawn at full length the arrows
      // tangle. Even spacing keeps each arrow within its own row (real
      // spacing shows the true overlap).
      const share = s.fromA ? f : 1 - f;
      y1 = Math.max(y1, yc - row * 0.8 * share);
      y2 = Math.min(y2, yc + row * 0.8 * (1 - share));
    }
    if (y2 - y1 < minSlope) {
      // Too flat to show a direction: keep the crossing point, stretch around it.
      const share = s.fromA ? f : 1 - f;
      y1 = yc - minSlope * share;
      y2 = yc + minSlope * (1 - share);
    }
    return { index, frame: s.frame, fromA: s.fromA, x1: s.fromA ? xA : xB, x2: s.fromA ? xB : xA, y1, y2, xc: xCap, y: yc };
  });
  return { width, height: Math.ceil(height), top: TOP, axisX, xA, xB, xCap, compact, arrows, y };
}

/** The arrow's text: "SYN, ACK  seq 0  ack 1  len 0" (ack left out when the flag is off). */
export function arrowLabel(s: LadderSegment): string {
  const parts = [s.flags || '·', `seq ${s.seq}`];
  if (s.ack !== null) parts.push(`ack ${s.ack}`);
  parts.push(`len ${s.len}`);
  return parts.join('  ');
}

/** Distance from a point to the segment (x1, y1)-(x2, y2). */
function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const k = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - (x1 + k * dx), py - (y1 + k * dy));
}

/** Distance from a point to an arrow (two straight parts, bent at the capture point). */
function distance(px: number, py: number, a: ArrowGeom): number {
  return Math.min(segmentDistance(px, py, a.x1, a.y1, a.xc, a.y), segmentDistance(px, py, a.xc, a.y, a.x2, a.y2));
}

/** The arrow under the pointer (within `tolerance` px), nearest first; -1 if none. */
export function hitArrow(arrows: readonly ArrowGeom[], x: number, y: number, tolerance = 8): number {
  let best = -1;
  let bestD = tolerance;
  for (const a of arrows) {
    if (y < Math.min(a.y1, a.y2) - tolerance || y > Math.max(a.y1, a.y2) + tolerance) continue;
    const d = distance(x, y, a);
    if (d <= bestD) {
      bestD = d;
      best = a.index;
    }
  }
  return best;
}

/** The two consecutive captures around height y: the gap a reader hovers to measure. */
export function gapAt(arrows: readonly ArrowGeom[], y: number): [number, number] | undefined {
  let lo = 0;
  let hi = arrows.length - 1;
  if (hi < 1 || y < arrows[0].y || y >= arrows[hi].y) return undefined;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (arrows[mid].y <= y) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}

/** Arrows that cross the band [top, bottom): only these are drawn. */
export function visibleArrows(arrows: readonly ArrowGeom[], top: number, bottom: number): ArrowGeom[] {
  return arrows.filter((a) => a.y1 < bottom && a.y2 >= top);
}

/** A time difference for people: "865.3 µs", "1.604 ms", "0.202 s". */
export function durationText(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 1e-3) return `${(seconds * 1e6).toFixed(1)} µs`;
  if (s < 1) return `${(seconds * 1e3).toFixed(3)} ms`;
  return `${seconds.toFixed(3)} s`;
}
