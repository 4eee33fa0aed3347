// The frames a lesson shows: frames="3-13", "7", "5-" or "" (all), always
// clamped to the capture. A range that makes no sense shows every frame.

export interface FrameRange {
  first: number;
  last: number;
}

export function parseFrameRange(text: string | undefined, count: number): FrameRange {
  const all = { first: 1, last: Math.max(count, 1) };
  const m = /^\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?$/.exec(text ?? '');
  if (!m || count < 1) return all;
  const first = Math.max(1, Number(m[1]));
  const last = m[2] ? (m[3] ? Math.min(count, Number(m[3])) : count) : Math.min(count, first);
  return first <= last ? { first, last } : all;
}

/** The frame numbers in a range, in order. */
export function framesIn(range: FrameRange): number[] {
  return Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
}

/** `n` moved into the range. */
export function clampFrame(n: number, range: FrameRange): number {
  return Math.min(range.last, Math.max(range.first, Math.trunc(n) || range.first));
}

/** Why a lesson's frames="..." cannot be shown, or undefined when it can. */
export function frameRangeProblem(text: string | undefined, count: number): string | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+)\s*(?:-\s*(\d*)\s*)?$/.exec(text);
  if (!m) return `frames="${text}" is not a range: write "3-13", "7" or "5-".`;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (a < 1 || a > count || b > count || b < a) return `frames="${text}" is outside the capture's frames 1 to ${count}.`;
  return undefined;
}

/** The range the packet list shows, from its rows' frame numbers (in order); frame 1 alone when empty. */
export function rangeOfRows(frames: readonly number[]): FrameRange {
  const shown = frames.filter((n) => Number.isInteger(n) && n >= 1);
  return shown.length ? { first: Math.min(...shown), last: Math.max(...shown) } : { first: 1, last: 1 };
}
