// The Internet checksum (RFC 1071) spelled out one 16-bit word at a time, the
// way the checksum calculator shows it: add a word, and when the sum passes
// 0xffff, wrap the carry around to the lowest bit ("end-around carry").
// The decoder's onesSum (src/decoder/checksum.ts) gives the same total in one
// go; this module keeps every intermediate step for display.

/** One addition of the running sum. */
export interface SumStep {
  /** Running sum before this word. */
  before: number;
  /** The 16-bit word added. */
  word: number;
  /** before + word, up to 17 bits. */
  total: number;
  /** True when the total passed 0xffff and its carry was wrapped around. */
  carry: boolean;
  /** Running sum after the end-around carry (16 bits). */
  after: number;
}

/** One's-complement addition of two 16-bit numbers. */
export function addOnes(a: number, b: number): { total: number; carry: boolean; sum: number } {
  const total = (a & 0xffff) + (b & 0xffff);
  const carry = total > 0xffff;
  return { total, carry, sum: carry ? (total & 0xffff) + 1 : total };
}

/** The running one's-complement sum of the words, step by step. */
export function sumSteps(words: readonly number[]): { steps: SumStep[]; sum: number } {
  const steps: SumStep[] = [];
  let sum = 0;
  for (const word of words) {
    const { total, carry, sum: after } = addOnes(sum, word);
    steps.push({ before: sum, word: word & 0xffff, total, carry, after });
    sum = after;
  }
  return { steps, sum };
}

/** Big-endian 16-bit words of bytes; an odd last byte is padded with a zero byte (RFC 768). */
export function wordsOf(bytes: Uint8Array): number[] {
  const words: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) words.push((bytes[i] << 8) | (bytes[i + 1] ?? 0));
  return words;
}

/** The one's complement of a 16-bit sum: every bit inverted. */
export function complement(sum: number): number {
  return ~sum & 0xffff;
}

/**
 * The value UDP puts on the wire for a computed checksum: a result of 0x0000
 * is sent as 0xffff, because 0 in the field means "no checksum" (RFC 768).
 */
export function transmitted(checksum: number): number {
  return checksum === 0 ? 0xffff : checksum;
}

/** How the checksum computed from the bytes compares with the one in the packet. */
export type Verdict = 'match' | 'mismatch' | 'absent';

/**
 * `absent` when the packet's checksum is 0 (UDP over IPv4 only: the sender
 * computed none); otherwise whether the computed value, as it would be sent,
 * equals the packet's.
 */
export function verdict(computed: number, inPacket: number): Verdict {
  if (inPacket === 0) return 'absent';
  return transmitted(computed) === inPacket ? 'match' : 'mismatch';
}

/** A 16-bit value as four hex digits, 0x-prefixed: 0xd29b. */
export function hex16(n: number): string {
  return '0x' + (n & 0xffff).toString(16).padStart(4, '0');
}

/** Parses four (or fewer) hex digits, with or without 0x; null when it is not a 16-bit hex number. */
export function parseHex16(text: string): number | null {
  const m = /^\s*(?:0x)?([0-9a-f]{1,4})\s*$/i.exec(text);
  return m ? parseInt(m[1], 16) : null;
}
