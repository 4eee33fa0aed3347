import { describe, expect, it } from 'vitest';
import { asciiChar, hexByte, hexDump, offsetText } from './hex-dump.ts';

describe('hexDump', () => {
  it('writes text2pcap lines of 16 bytes with hex offsets', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    expect(hexDump(bytes)).toBe('0000  00 0d 1a 27 34 41 4e 5b 68 75 82 8f 9c a9 b6 c3\n' + '0010  d0 dd ea f7\n');
  });

  it('writes nothing for an empty frame', () => {
    expect(hexDump(new Uint8Array())).toBe('');
  });

  it('widens the offset past 64 KiB', () => {
    expect(offsetText(0x10000, 0x10010)).toBe('10000');
    expect(offsetText(0x10, 100)).toBe('0010');
  });
});

describe('byte cells', () => {
  it('pads hex and dots unprintable characters', () => {
    expect(hexByte(0x0a)).toBe('0a');
    expect(hexByte(0xff)).toBe('ff');
    expect(asciiChar(0x41)).toBe('A');
    expect(asciiChar(0x7f)).toBe('.');
    expect(asciiChar(0x0d)).toBe('.');
    expect(asciiChar(0x20)).toBe(' ');
  });
});
