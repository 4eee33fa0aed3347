// Seconds written as decimal text ("1589958000.008927") to exact nanoseconds,
// without floating point (a double cannot hold nanoseconds since 1970).

/** Nanoseconds for "S" or "S.F" (at most 9 fraction digits); undefined for anything else. */
export function decimalSecondsToNs(text: string): bigint | undefined {
  const m = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text);
  if (!m) return undefined;
  return BigInt(m[1]) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** The inverse, with trailing zeros kept to `digits` places (6 by default, as Wireshark's microsecond columns). */
export function nsToDecimalSeconds(ns: bigint, digits = 6): string {
  const neg = ns < 0n;
  const a = neg ? -ns : ns;
  const frac = (a % 1_000_000_000n).toString().padStart(9, '0');
  const shown = frac.slice(0, Math.max(digits, frac.replace(/0+$/, '').length));
  return `${neg ? '-' : ''}${a / 1_000_000_000n}${shown ? '.' + shown : ''}`;
}
