import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumInPacket, udpIpv4Words } from './udp-words.ts';
import { complement, sumSteps, verdict } from './ones-complement.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { expectedChecksum, ipv4PseudoSum } from '../../decoder/checksum.ts';

const root = join(import.meta.dirname, '../../..');

// Frame 1 of the source report: its 76-byte hex dump (the DNS query for st.afreecatv.com).
const reportFrame1 = Uint8Array.from(
  (
    '705dcc6565aa485f994685d308004500003ebb0500008011d77cc0a80005a87e3f01' +
    'd5d80035002ad29b562d010000010000000000000273740961667265656361747603636f6d0000010001'
  )
    .match(/../g)!
    .map((h) => parseInt(h, 16)),
);
const parts = (frame: Uint8Array, udpLength = (frame[38] << 8) | frame[39]) => ({
  src: frame.subarray(26, 30),
  dst: frame.subarray(30, 34),
  udp: frame.subarray(34, 34 + udpLength),
});

describe("udpIpv4Words on the report's DNS query", () => {
  const words = udpIpv4Words(parts(reportFrame1));

  it('lays out the pseudo-header, the header (checksum as zero) and 17 data words', () => {
    expect(words).toHaveLength(6 + 4 + 17);
    expect(words.slice(0, 6).map((w) => [w.role, w.value])).toEqual([
      ['srcHigh', 0xc0a8],
      ['srcLow', 0x0005],
      ['dstHigh', 0xa87e],
      ['dstLow', 0x3f01],
      ['protocol', 0x0011],
      ['pseudoLength', 42],
    ]);
    expect(words.slice(6, 10).map((w) => [w.role, w.value, w.offset])).toEqual([
      ['srcPort', 54744, 0],
      ['dstPort', 53, 2],
      ['length', 42, 4],
      ['checksum', 0, 6],
    ]);
    expect(words[10]).toEqual({ part: 'data', role: 'data', value: 0x562d, offset: 8 });
    expect(words.at(-1)).toEqual({ part: 'data', role: 'data', value: 0x0001, offset: 40 });
  });

  it("sums to 0x2d64, whose complement is the packet's checksum 0xd29b", () => {
    const { sum, steps } = sumSteps(words.map((w) => w.value));
    expect(sum).toBe(0x2d64);
    expect(complement(sum)).toBe(0xd29b);
    expect(checksumInPacket(parts(reportFrame1).udp)).toBe(0xd29b);
    expect(steps.filter((s) => s.carry)).toHaveLength(6);
  });

  it('catches one flipped bit of the data', () => {
    const udp = new Uint8Array(parts(reportFrame1).udp);
    udp[8] ^= 0x01;
    const flipped = udpIpv4Words({ src: reportFrame1.subarray(26, 30), dst: reportFrame1.subarray(30, 34), udp });
    const computed = complement(sumSteps(flipped.map((w) => w.value)).sum);
    expect(computed).toBe(0xd19b);
    expect(verdict(computed, checksumInPacket(udp))).toBe('mismatch');
  });

  it("pads an odd-length datagram's last byte and marks it", () => {
    const udp = Uint8Array.of(0, 1, 0, 2, 0, 9, 0, 0, 0xab);
    const w = udpIpv4Words({ src: Uint8Array.of(10, 0, 0, 1), dst: Uint8Array.of(10, 0, 0, 2), udp });
    expect(w.at(-1)).toEqual({ part: 'data', role: 'data', value: 0xab00, offset: 8, padded: true });
  });
});

describe("udpIpv4Words against the decoder's checksum on recorded DNS", () => {
  it('gives the checksum of every frame of udp-dns', () => {
    const cap = openCapture(new Uint8Array(readFileSync(join(root, 'captures/recorded/udp-dns.pcapng'))));
    expect(cap.frames).toHaveLength(6);
    for (let n = 1; n <= cap.frames.length; n++) {
      const frame = cap.data(n);
      const p = parts(frame);
      const ours = complement(sumSteps(udpIpv4Words(p).map((w) => w.value)).sum);
      const src = new DataView(frame.buffer, frame.byteOffset).getUint32(26);
      const dst = new DataView(frame.buffer, frame.byteOffset).getUint32(30);
      const theirs = expectedChecksum(frame, 34, 34 + p.udp.length, 40, ipv4PseudoSum(src, dst, 17, p.udp.length));
      expect(ours, `frame ${n}`).toBe(theirs);
      expect(verdict(ours, checksumInPacket(p.udp)), `frame ${n}`).toBe('match');
    }
  });
});
