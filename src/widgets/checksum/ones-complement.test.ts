import { describe, expect, it } from 'vitest';
import { addOnes, complement, hex16, parseHex16, sumSteps, transmitted, verdict, wordsOf } from './ones-complement.ts';
import { onesSum } from '../../decoder/checksum.ts';

describe('addOnes', () => {
  it('adds without a carry below 0x10000', () => {
    expect(addOnes(0xc0a8, 0x0005)).toEqual({ total: 0xc0ad, carry: false, sum: 0xc0ad });
  });

  it('wraps the carry around to the lowest bit', () => {
    // 0xc0ad + 0xa87e = 0x1692b: drop the 17th bit, add 1.
    expect(addOnes(0xc0ad, 0xa87e)).toEqual({ total: 0x1692b, carry: true, sum: 0x692c });
    expect(addOnes(0xffff, 0xffff)).toEqual({ total: 0x1fffe, carry: true, sum: 0xffff });
  });

  it("treats 0x0000 and 0xffff alike as zero when added (both are zero in one's complement)", () => {
    expect(addOnes(0x1234, 0xffff).sum).toBe(0x1234);
    expect(addOnes(0x1234, 0x0000).sum).toBe(0x1234);
  });
});

describe('sumSteps', () => {
  it('keeps every intermediate sum and marks the carries', () => {
    const { steps, sum } = sumSteps([0xc0a8, 0x0005, 0xa87e]);
    expect(steps.map((s) => s.after)).toEqual([0xc0a8, 0xc0ad, 0x692c]);
    expect(steps.map((s) => s.carry)).toEqual([false, false, true]);
    expect(steps[2]).toMatchObject({ before: 0xc0ad, word: 0xa87e, total: 0x1692b });
    expect(sum).toBe(0x692c);
  });

  it('is zero for no words', () => {
    expect(sumSteps([])).toEqual({ steps: [], sum: 0 });
  });

  it("agrees with the decoder's folded sum on random data", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: 1 + (n % 61) }, next);
      expect(sumSteps(wordsOf(bytes)).sum).toBe(onesSum(bytes, 0, bytes.length));
    }
  });

  it('cannot see two words swapped: addition does not care about order', () => {
    expect(sumSteps([0x562d, 0x0100]).sum).toBe(sumSteps([0x0100, 0x562d]).sum);
  });
});

describe('wordsOf', () => {
  it('reads big-endian words and pads an odd last byte with zero', () => {
    expect(wordsOf(Uint8Array.of(0x6d, 0x00, 0x00, 0x01, 0x07))).toEqual([0x6d00, 0x0001, 0x0700]);
    expect(wordsOf(new Uint8Array(0))).toEqual([]);
  });
});

describe('complement, transmitted, verdict', () => {
  it('inverts every bit', () => {
    expect(complement(0x2d64)).toBe(0xd29b);
    expect(complement(0xffff)).toBe(0x0000);
  });

  it('sends a computed 0x0000 as 0xffff, since 0 means "no checksum"', () => {
    expect(transmitted(0)).toBe(0xffff);
    expect(transmitted(0xd29b)).toBe(0xd29b);
  });

  it("compares the computed checksum with the packet's", () => {
    expect(verdict(0xd29b, 0xd29b)).toBe('match');
    expect(verdict(0xd29a, 0xd29b)).toBe('mismatch');
    expect(verdict(0x0000, 0xffff)).toBe('match');
    expect(verdict(0x1234, 0)).toBe('absent');
  });
});

describe('hex16 and parseHex16', () => {
  it('writes four hex digits', () => {
    expect(hex16(0x35)).toBe('0x0035');
    expect(hex16(0xd29b)).toBe('0xd29b');
  });

  it('reads up to four hex digits, with or without 0x, and refuses the rest', () => {
    expect(parseHex16('d29b')).toBe(0xd29b);
    expect(parseHex16(' 0x35 ')).toBe(0x35);
    expect(parseHex16('FFFF')).toBe(0xffff);
    expect(parseHex16('12345')).toBeNull();
    expect(parseHex16('xyz')).toBeNull();
    expect(parseHex16('')).toBeNull();
  });
});
