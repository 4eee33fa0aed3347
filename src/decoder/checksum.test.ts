import { describe, expect, it } from 'vitest';
import { checksumOk, expectedChecksum, ipv4PseudoSum, onesSum } from './checksum.ts';
import { REPORT_FRAME_1 } from './layers/testdata/seed.ts';

describe('internet checksum', () => {
  it('sums the RFC 1071 example to 0xddf2', () => {
    // RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2.
    expect(onesSum(new Uint8Array([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]), 0, 8)).toBe(0xddf2);
  });

  it('pads an odd final byte with zero', () => {
    expect(onesSum(new Uint8Array([0x12, 0x34, 0x56]), 0, 3)).toBe(0x1234 + 0x5600);
  });

  it('verifies the report frame 1 IPv4 header checksum 0xd77c', () => {
    expect(checksumOk(REPORT_FRAME_1, 14, 34)).toBe(true);
    expect(expectedChecksum(REPORT_FRAME_1, 14, 34, 24)).toBe(0xd77c);
  });

  it('verifies the report frame 1 UDP checksum 0xd29b over the IPv4 pseudo-header', () => {
    const src = 0xc0a80005;
    const dst = 0xa87e3f01;
    const pseudo = ipv4PseudoSum(src, dst, 17, 42);
    expect(expectedChecksum(REPORT_FRAME_1, 34, 76, 40, pseudo)).toBe(0xd29b);
    expect(checksumOk(REPORT_FRAME_1, 34, 76, pseudo)).toBe(true);
  });

  it('tells a bad checksum apart', () => {
    const copy = REPORT_FRAME_1.slice();
    copy[30] ^= 0x01; // flip a bit of the destination address
    expect(checksumOk(copy, 14, 34)).toBe(false);
  });
});
