// Fewer points to draw when they outnumber the pixels: per column of the
// drawing, the lowest and highest point and every marked one (up to a cap),
// so the picture keeps its shape and its losses. The table keeps them all.
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphPoint } from '../../decoder/graphs/points.ts';
import { yOf } from './series.ts';

/** Marked points kept per column at most, beyond its lowest and highest. */
const MARKED_PER_COLUMN = 4;

export interface Thinner {
  push(p: GraphPoint): void;
  /** The points kept, in time order. */
  done(): GraphPoint[];
}

/**
 * Thins points given one at a time, in time order, over [t0, t1] (seconds): none but the kept
 * ones are held, so a Worker can thin 700,000 points it never stores.
 */
export function createThinner(kind: GraphKind, t0: number, t1: number, columns: number): Thinner {
  const span = t1 - t0 || 1;
  const out: GraphPoint[] = [];
  let col = -1;
  let lo: GraphPoint | undefined;
  let hi: GraphPoint | undefined;
  let marked: GraphPoint[] = [];
  const flush = () => {
    const keep = new Set([lo, hi, ...marked].filter((p): p is GraphPoint => p !== undefined));
    // In time order, so the lines between them stay steps forward.
    out.push(...[...keep].sort((a, b) => a.t - b.t || a.frame - b.frame));
  };
  return {
    push(p) {
      const c = Math.max(0, Math.min(columns - 1, Math.floor(((p.t - t0) / span) * columns)));
      if (c !== col) {
        flush();
        col = c;
        lo = hi = p;
        marked = [];
      }
      const y = yOf(kind, p);
      if (lo && y < yOf(kind, lo)) lo = p;
      if (hi && y > yOf(kind, hi)) hi = p;
      if (p.marks.length && marked.length < MARKED_PER_COLUMN) marked.push(p);
    },
    done() {
      flush();
      lo = hi = undefined;
      marked = [];
      return out;
    },
  };
}

export function thinPoints(kind: GraphKind, points: readonly GraphPoint[], columns: number): GraphPoint[] {
  if (points.length <= columns * 4 || points.length === 0) return [...points];
  const thinner = createThinner(kind, points[0].t, points[points.length - 1].t, columns);
  for (const p of points) thinner.push(p);
  return thinner.done();
}
