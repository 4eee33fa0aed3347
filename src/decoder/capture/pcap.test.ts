import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from './read.ts';
import { splitLinkTypeWord } from './pcap.ts';
import { hex, payload, pcapFile } from './testkit.ts';

const recs = [
  { sec: 1700000000, frac: 123456, data: payload(60, 1) },
  { sec: 1700000001, frac: 999999, data: payload(1, 2), origLen: 1514 },
  { sec: 0xfffffffe, frac: 7, data: payload(0, 3) },
];

describe('pcap reader', () => {
  for (const le of [true, false]) {
    it(`reads microsecond pcap, ${le ? 'little' : 'big'}-endian`, () => {
      const bytes = pcapFile({ le, records: recs, linkTypeWord: 101, snapLen: 262144 });
      const r = readCapture(bytes);
      expect(r.format).toBe('pcap');
      expect(r.error).toBeUndefined();
      expect(r.sections).toEqual([{ offset: 0, byteOrder: le ? 'little' : 'big', version: '2.4', comments: [] }]);
      expect(r.interfaces).toHaveLength(1);
      expect(r.interfaces[0]).toMatchObject({ id: 0, linkType: 101, linkTypeName: 'Raw IP', snapLen: 262144, tsUnitsPerSecond: 1_000_000n });
      expect(r.frames.map((f) => f.timestamp)).toEqual([1700000000_123456000n, 1700000001_999999000n, 0xfffffffen * 1_000_000_000n + 7000n]);
      expect(r.frames.map((f) => [f.number, f.dataOffset, f.capLen, f.origLen, f.linkType, f.interfaceId])).toEqual([
        [1, 40, 60, 60, 101, 0],
        [2, 40 + 60 + 16, 1, 1514, 101, 0],
        [3, 40 + 60 + 16 + 1 + 16, 0, 0, 101, 0],
      ]);
      expect(hex(frameData(bytes, r.frames[0]))).toBe(hex(recs[0].data));
      expect(hex(frameData(bytes, r.frames[1]))).toBe(hex(recs[1].data));
      expect(r.frames[2].comments).toEqual([]);
    });

    it(`reads nanosecond pcap (a1b23c4d), ${le ? 'little' : 'big'}-endian`, () => {
      const bytes = pcapFile({
        le,
        nano: true,
        records: [{ sec: 1795616249, frac: 373685907, data: payload(42) }],
      });
      const r = readCapture(bytes);
      expect(r.error).toBeUndefined();
      expect(r.interfaces[0].tsUnitsPerSecond).toBe(1_000_000_000n);
      expect(r.frames[0].timestamp).toBe(1795616249_373685907n);
    });
  }

  it('accepts any snap length, including 0 and records longer than it', () => {
    for (const snapLen of [0, 64, 0xffffffff]) {
      const r = readCapture(pcapFile({ le: true, snapLen, records: [{ sec: 1, frac: 0, data: payload(1500) }] }));
      expect(r.error).toBeUndefined();
      expect(r.frames[0].capLen).toBe(1500);
      expect(r.interfaces[0].snapLen).toBe(snapLen);
    }
  });

  it('splits FCS bits off the link-type word', () => {
    // FCS present (bit 26), 2 16-bit words of FCS (top nibble): Ethernet with a 4-byte FCS.
    const word = 0x24000001;
    expect(splitLinkTypeWord(word)).toEqual({ linkType: 1, fcsLen: 4 });
    expect(splitLinkTypeWord(1)).toEqual({ linkType: 1 });
    const r = readCapture(pcapFile({ le: false, linkTypeWord: word, records: [{ sec: 1, frac: 0, data: payload(64) }] }));
    expect(r.interfaces[0]).toMatchObject({ linkType: 1, fcsLen: 4 });
    expect(r.frames[0].linkType).toBe(1);
  });

  it('lists an unknown link type by number', () => {
    const r = readCapture(pcapFile({ le: true, linkTypeWord: 147, records: [] }));
    expect(r.interfaces[0].linkTypeName).toBe('link type 147');
  });

  it('a header with no records is an empty capture, not an error', () => {
    const r = readCapture(pcapFile({ le: true, records: [] }));
    expect(r).toMatchObject({ format: 'pcap', frames: [] });
    expect(r.error).toBeUndefined();
  });

  it('stops at an absurd record length, keeping the records before it', () => {
    const bytes = pcapFile({ le: true, records: [recs[0], { sec: 5, frac: 0, data: payload(8) }] });
    const second = 24 + 16 + 60;
    new DataView(bytes.buffer).setUint32(second + 8, 0x7fffffff, true);
    const r = readCapture(bytes);
    expect(r.frames).toHaveLength(1);
    expect(r.error?.offset).toBe(second);
    expect(r.error?.message).toMatch(/record 2 claims 2147483647 captured bytes/);
  });

  it('rejects pcap major version 1', () => {
    const r = readCapture(pcapFile({ le: true, major: 1, records: [recs[0]] }));
    expect(r.frames).toEqual([]);
    expect(r.error).toEqual({ message: expect.stringMatching(/major version 1/), offset: 4 });
  });

  it('says where a cut record starts and how much of it is present', () => {
    const bytes = pcapFile({ le: true, records: [recs[0], recs[0]] });
    const r = readCapture(bytes.subarray(0, bytes.length - 10));
    expect(r.frames).toHaveLength(1);
    expect(r.error).toEqual({
      offset: 100,
      message: 'file ends inside record 2 at offset 100: it needs 76 bytes (16-byte header + 60 captured), only 66 present',
    });
    const r2 = readCapture(bytes.subarray(0, 105));
    expect(r2.error?.message).toBe('file ends inside the header of record 2 at offset 100: 5 of 16 bytes present');
    const r3 = readCapture(bytes.subarray(0, 20));
    expect(r3.error).toEqual({ offset: 0, message: 'file ends inside the 24-byte pcap file header: only 20 bytes present' });
  });
});
