// The Time column's three readings, from exact nanoseconds (bigint): seconds
// since the first frame, since the previous frame, or the time of day (UTC).

import { secondsText as seconds } from '../../decoder/text/seconds.ts';

export const TIME_MODES = ['relative', 'delta', 'absolute'] as const;
export type TimeMode = (typeof TIME_MODES)[number];

export function isTimeMode(value: unknown): value is TimeMode {
  return (TIME_MODES as readonly unknown[]).includes(value);
}

/** Seconds with `digits` decimals, rounded half up, from nanoseconds. */
export { seconds };

const pad = (n: bigint, width = 2) => n.toString().padStart(width, '0');

/** "2026-11-25 14:20:38.872799370" (UTC), exact to the nanosecond. */
export function utcDateTime(ns: bigint, digits = 9): string {
  const s = ns / 1_000_000_000n;
  const day = s / 86_400n;
  const inDay = s % 86_400n;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = day + 719_468n;
  const era = z / 146_097n;
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const d = doy - (153n * mp + 2n) / 5n + 1n;
  const m = mp < 10n ? mp + 3n : mp - 9n;
  const y = yoe + era * 400n + (m <= 2n ? 1n : 0n);
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0').slice(0, digits);
  return `${y}-${pad(m)}-${pad(d)} ${pad(inDay / 3600n)}:${pad((inDay / 60n) % 60n)}:${pad(inDay % 60n)}${digits ? '.' + frac : ''}`;
}

/** The Time column for one frame. */
export function formatTime(mode: TimeMode, ts: bigint, first: bigint, previous: bigint): string {
  if (mode === 'delta') return seconds(ts - previous);
  if (mode === 'absolute') return utcDateTime(ts, 6).slice(11);
  return seconds(ts - first);
}

/**
 * The Time column of consecutive rows, from each row's timestamp: `before` is
 * the timestamp of the frame just before the first row (when there is one),
 * for the first row's delta.
 */
export function columnTimes(mode: TimeMode, stamps: readonly bigint[], first: bigint, before?: bigint): string[] {
  return stamps.map((ts, i) => formatTime(mode, ts, first, i > 0 ? stamps[i - 1] : (before ?? ts)));
}
