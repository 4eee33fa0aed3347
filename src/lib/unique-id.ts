// Element ids that stay unique on a page where a component appears many times.
let next = 0;

/** "prefix-N", N counting up for the whole build (unique on every page). */
export function uniqueId(prefix: string): string {
  next += 1;
  return `${prefix}-${next}`;
}
