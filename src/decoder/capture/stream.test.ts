import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../types.ts';
import { readCapture } from './read.ts';
import { createCaptureStream } from './stream.ts';
import { concat, epb, hex, idb, payload, pcapFile, shb } from './testkit.ts';

const ng = concat(
  shb(true),
  idb(true, 1, 0, [[9, Uint8Array.of(9)]]),
  ...Array.from({ length: 12 }, (_, i) => epb(true, 0, 1795616249_000000000n + BigInt(i), payload(i * 13, i), i % 4 ? [] : [[1, `n${i}`]])),
);

describe('createCaptureStream', () => {
  it('gives the same frames and bytes for every chunk size', () => {
    const whole = readCapture(ng);
    for (let size = 1; size <= ng.length; size += size < 64 ? 1 : 37) {
      const s = createCaptureStream();
      const got: Array<[FrameRecord, string]> = [];
      for (let i = 0; i < ng.length; i += size) {
        s.pushEach(ng.subarray(i, i + size), (r, d) => got.push([r, hex(d)]));
      }
      expect(s.end()).toBeUndefined();
      expect(got.map((g) => g[0])).toEqual(whole.frames);
      expect(got.map((g) => g[1])).toEqual(whole.frames.map((f) => hex(ng.subarray(f.dataOffset, f.dataOffset + f.capLen))));
    }
  });

  it('works when the caller reuses one read buffer', () => {
    const s = createCaptureStream();
    const buf = new Uint8Array(50);
    const seen: string[] = [];
    for (let i = 0; i < ng.length; i += 50) {
      const n = Math.min(50, ng.length - i);
      buf.set(ng.subarray(i, i + n));
      s.pushEach(buf.subarray(0, n), (_r, d) => seen.push(hex(d)));
      buf.fill(0xaa); // the next "read" overwrites it
    }
    expect(s.end()).toBeUndefined();
    expect(seen).toEqual(readCapture(ng).frames.map((f) => hex(ng.subarray(f.dataOffset, f.dataOffset + f.capLen))));
  });

  it('keeps only the unfinished tail between chunks, even for a frame larger than a chunk', () => {
    const big = payload(300_000, 9);
    const file = pcapFile({
      le: true,
      snapLen: 400_000,
      records: [
        { sec: 1, frac: 2, data: payload(70) },
        { sec: 3, frac: 4, data: big },
        { sec: 5, frac: 6, data: payload(10) },
      ],
    });
    const s = createCaptureStream();
    const kept = () => (s as unknown as { tail: Uint8Array }).tail.length;
    const frames: Array<[number, number]> = [];
    let maxKept = 0;
    for (let i = 0; i < file.length; i += 4096) {
      s.pushEach(file.subarray(i, i + 4096), (r, d) => frames.push([r.capLen, d[0]]));
      maxKept = Math.max(maxKept, kept());
    }
    expect(s.end()).toBeUndefined();
    expect(frames).toEqual([
      [70, 0],
      [300_000, 9],
      [10, 0],
    ]);
    expect(maxKept).toBeLessThanOrEqual(300_016);
    expect(s.offset).toBe(file.length);

    // Many small frames: the tail never grows past one record.
    const many = createCaptureStream();
    let maxSmall = 0;
    for (let i = 0; i < ng.length; i += 100) {
      many.push(ng.subarray(i, i + 100));
      maxSmall = Math.max(maxSmall, (many as unknown as { tail: Uint8Array }).tail.length);
    }
    expect(maxSmall).toBeLessThanOrEqual(256);
  });

  it('reports format and interfaces as soon as they are read, and absolute offsets', () => {
    const s = createCaptureStream();
    expect(s.format).toBe('unknown');
    expect(s.push(ng.subarray(0, 3))).toEqual([]);
    expect(s.format).toBe('unknown');
    s.push(ng.subarray(3, 60));
    expect(s.format).toBe('pcapng');
    expect(s.interfaces).toHaveLength(1);
    const rest = s.push(ng.subarray(60));
    expect(rest.length).toBe(12);
    expect(rest.map((f) => f.record.dataOffset)).toEqual(readCapture(ng).frames.map((f) => f.dataOffset));
    expect(s.frameCount).toBe(12);
  });

  it('pushRecords appends records only', () => {
    const s = createCaptureStream();
    const out: FrameRecord[] = [];
    s.pushRecords(ng.subarray(0, 200), out);
    s.pushRecords(ng.subarray(200), out);
    expect(s.end()).toBeUndefined();
    expect(out).toEqual(readCapture(ng).frames);
  });

  it('stops at damage; end() returns the one error, every time; later pushes give nothing', () => {
    const cut = readCapture(ng).frames[3].dataOffset - 28; // the start of the fourth EPB
    const bad = concat(ng.subarray(0, cut), Uint8Array.of(6, 0, 0, 0, 41, 0, 0, 0, 0, 0, 0, 0), ng.subarray(cut));
    const s = createCaptureStream();
    const frames = s.push(bad);
    const before = readCapture(bad);
    expect(frames.map((f) => f.record)).toEqual(before.frames);
    expect(s.error).toEqual(before.error);
    expect(s.error?.message).toMatch(/not a multiple of 4/);
    expect(s.push(ng)).toEqual([]);
    expect(s.end()).toEqual(before.error);
    expect(s.end()).toEqual(before.error);
  });

  it('end() reports a cut record, and pushes after end() are ignored', () => {
    const s = createCaptureStream();
    s.push(ng.subarray(0, ng.length - 3));
    const err = s.end();
    expect(err?.message).toMatch(/^file ends inside a \d+-byte Enhanced Packet Block/);
    expect(s.push(ng.subarray(ng.length - 3))).toEqual([]);
    expect(s.end()).toBe(err);
  });
});
