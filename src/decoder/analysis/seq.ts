// 32-bit sequence-number arithmetic (RFC 9293 3.4: comparisons are modulo 2^32).

/** a - b as a signed 32-bit distance. */
export const seqDiff = (a: number, b: number): number => (a - b) | 0;
export const seqGT = (a: number, b: number): boolean => ((a - b) | 0) > 0;
export const seqGE = (a: number, b: number): boolean => ((a - b) | 0) >= 0;
export const seqLT = (a: number, b: number): boolean => ((a - b) | 0) < 0;
export const seqLE = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
/** a + n, wrapped to an unsigned 32-bit value. */
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;
/** a - b wrapped to unsigned (relative numbers as Wireshark shows them). */
export const seqRel = (a: number, base: number): number => (a - base) >>> 0;
