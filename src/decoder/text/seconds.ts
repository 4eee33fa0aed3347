// Seconds as decimal text from exact nanoseconds: no floating point, so
// 0.000001 stays 0.000001 however long the capture.

/** Seconds with `digits` decimals (0 to 9), rounded half up. */
export function secondsText(ns: bigint, digits = 6): string {
  const negative = ns < 0n;
  const abs = negative ? -ns : ns;
  const unit = 10n ** BigInt(9 - digits);
  const rounded = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(digits);
  const frac = digits ? '.' + (rounded % scale).toString().padStart(digits, '0') : '';
  return `${negative ? '-' : ''}${rounded / scale}${frac}`;
}
