// Exact timestamp arithmetic: file ticks to nanoseconds as bigint, never
// through floating point (a double cannot hold nanoseconds since 1970).

import type { TimestampNs } from '../types.ts';

/** How one interface turns its 64-bit tick counts into nanoseconds. */
export interface TsClock {
  /** Ticks per second (1e6 by default). */
  units: bigint;
  /** Nanoseconds per tick when that is a whole number (units divides 1e9), else 0n. */
  mul: bigint;
  /** The same multiplier as a number, 0 when `mul` is 0n. */
  mulNum: number;
  /** if_tsoffset, in nanoseconds. */
  offsetNs: bigint;
}

const NS_PER_S = 1_000_000_000n;

/** Ticks per second for an if_tsresol byte: 10^-v, or 2^-v when the top bit is set. */
export function tsresolUnits(tsresol: number): bigint {
  const v = BigInt(tsresol & 0x7f);
  return tsresol & 0x80 ? 1n << v : 10n ** v;
}

export function makeClock(units: bigint, offsetSeconds: bigint = 0n): TsClock {
  const whole = units > 0n && NS_PER_S % units === 0n;
  const mul = whole ? NS_PER_S / units : 0n;
  return { units, mul, mulNum: Number(mul), offsetNs: offsetSeconds * NS_PER_S };
}

let lastHi = -1;
let lastHiTicks = 0n;

/**
 * Nanoseconds for a tick count split in 32-bit halves. Fractions of a
 * nanosecond are dropped, as Wireshark drops them.
 */
export function ticksToNs(hi: number, lo: number, clock: TsClock): TimestampNs {
  let ns: bigint;
  if (clock.mulNum !== 0 && hi < 0x200000) {
    // hi * 2^32 + lo stays below 2^53, so the number is exact.
    ns = BigInt(hi * 4294967296 + lo) * clock.mul;
  } else {
    // Frames in a row share the high half: keep its BigInt (two allocations fewer a frame).
    if (hi !== lastHi) {
      lastHi = hi;
      lastHiTicks = BigInt(hi) << 32n;
    }
    const ticks = lastHiTicks + BigInt(lo);
    if (clock.mulNum === 1)
      ns = ticks; // nanosecond ticks, the usual pcapng case
    else ns = clock.mulNum !== 0 ? ticks * clock.mul : (ticks * NS_PER_S) / (clock.units || 1n);
  }
  return clock.offsetNs === 0n ? ns : ns + clock.offsetNs;
}

/** Tick count for a nanosecond timestamp (truncating), as [hi, lo] 32-bit halves. */
export function nsToTicks(ns: TimestampNs, units: bigint): [number, number] {
  let ticks = (ns * units) / NS_PER_S;
  ticks = BigInt.asUintN(64, ticks);
  return [Number(ticks >> 32n), Number(ticks & 0xffffffffn)];
}
