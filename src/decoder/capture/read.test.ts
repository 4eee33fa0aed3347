import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../types.ts';
import { frameData, readCapture } from './read.ts';
import { sniffFormat } from './sniff.ts';
import { createCaptureStream } from './stream.ts';
import { concat, epb, idb, payload, pcapFile, shb, spb } from './testkit.ts';

/** A small pcapng of several blocks, and the file offsets where its blocks end. */
function smallPcapng(): { bytes: Uint8Array; ends: number[] } {
  const parts = [
    shb(true, [[1, 'x']]),
    idb(true, 1, 0),
    epb(true, 0, 10n, payload(5, 1), [[1, 'c1']]),
    epb(true, 0, 11n, payload(14, 2)),
    shb(false),
    idb(false, 101, 64),
    epb(false, 0, 12n, payload(3, 3)),
    spb(false, 9, payload(9, 4)),
  ];
  const ends: number[] = [];
  let n = 0;
  for (const p of parts) ends.push((n += p.length));
  return { bytes: concat(...parts), ends };
}

function smallPcap(): { bytes: Uint8Array; ends: number[] } {
  const sizes = [5, 0, 17, 2];
  const bytes = pcapFile({ le: false, records: sizes.map((n, i) => ({ sec: i, frac: i, data: payload(n, i) })) });
  const ends = [24];
  for (const n of sizes) ends.push(ends[ends.length - 1] + 16 + n);
  return { bytes, ends };
}

/** Reads in chunks of the given sizes (cycled), collecting records, copied data and the error. */
function readStreamed(bytes: Uint8Array, sizes: number[]) {
  const s = createCaptureStream();
  const frames: FrameRecord[] = [];
  const data: string[] = [];
  let i = 0;
  let k = 0;
  while (i < bytes.length) {
    const n = Math.max(1, sizes[k++ % sizes.length]);
    // A copy the reader may not keep: it is scribbled over right after the push.
    const chunk = bytes.slice(i, i + n);
    for (const f of s.push(chunk)) {
      frames.push(f.record);
      data.push(Buffer.from(f.data).toString('hex'));
    }
    chunk.fill(0xee);
    i += n;
  }
  const error = s.end();
  return { frames, data, error, interfaces: s.interfaces, format: s.format };
}

describe('format sniffing', () => {
  it('knows both pcap magics in both orders and the pcapng SHB', () => {
    const f = (...b: number[]) => sniffFormat(Uint8Array.from(b));
    expect(f(0xd4, 0xc3, 0xb2, 0xa1)).toBe('pcap');
    expect(f(0xa1, 0xb2, 0xc3, 0xd4)).toBe('pcap');
    expect(f(0x4d, 0x3c, 0xb2, 0xa1)).toBe('pcap');
    expect(f(0xa1, 0xb2, 0x3c, 0x4d)).toBe('pcap');
    expect(f(0x0a, 0x0d, 0x0d, 0x0a)).toBe('pcapng');
    expect(f(0x89, 0x50, 0x4e, 0x47)).toBe('unknown');
    expect(f(0x0a, 0x0d)).toBe('unknown');
  });
});

describe('readCapture', () => {
  it('says clearly when a file is not a capture', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const r = readCapture(png);
    expect(r.format).toBe('unknown');
    expect(r.frames).toEqual([]);
    expect(r.error?.offset).toBe(0);
    expect(r.error?.message).toMatch(/^not a pcap or pcapng file: the first 4 bytes are 0x89504e47/);
    expect(readCapture(new Uint8Array(0)).error?.message).toBe('not a pcap or pcapng file: the file is empty');
    expect(readCapture(Uint8Array.of(0xd4, 0xc3)).error?.message).toMatch(/only 2 byte\(s\)/);
    expect(readCapture(Uint8Array.of(0xa1, 0xb2, 0xcd, 0x34)).error?.message).toMatch(/modified pcap/);
  });

  it('frameData is a view into the file, not a copy', () => {
    const { bytes } = smallPcap();
    const r = readCapture(bytes);
    const d = frameData(bytes, r.frames[2]);
    expect(d.buffer).toBe(bytes.buffer);
    expect(d.byteOffset).toBe(r.frames[2].dataOffset);
    expect(Array.from(d)).toEqual(Array.from(payload(17, 2)));
  });

  for (const [name, make] of [
    ['pcap', smallPcap],
    ['pcapng', smallPcapng],
  ] as const) {
    it(`${name} cut at every byte offset: never throws, frames before the cut, one error naming where`, () => {
      const { bytes, ends } = make();
      const full = readCapture(bytes);
      expect(full.error).toBeUndefined();
      for (let cut = 0; cut <= bytes.length; cut++) {
        const r = readCapture(bytes.subarray(0, cut));
        // A frame survives when the record or block holding it ends before the cut.
        const whole = full.frames.filter((f) => ends.find((e) => e >= f.dataOffset + f.capLen)! <= cut);
        expect(r.frames).toEqual(whole);
        const boundary = ends.includes(cut);
        if (cut < 4) {
          expect(r.format).toBe('unknown');
          expect(r.error?.message).toMatch(/^not a pcap or pcapng file/);
        } else if (boundary) {
          expect(r.error).toBeUndefined();
        } else {
          expect(r.format).toBe(name);
          const start = [0, ...ends].filter((e) => e <= cut).pop()!;
          expect(r.error).toEqual({ offset: start, message: expect.stringMatching(/^file ends inside/) });
        }
        // Streaming the same bytes byte by byte gives the same answer.
        if (cut % 7 === 0) {
          const s = readStreamed(bytes.subarray(0, cut), [1]);
          expect(s.frames).toEqual(r.frames);
          expect(s.error).toEqual(r.error);
        }
      }
    });
  }

  it('damaged files: never throws, streaming in any chunking agrees with reading whole', () => {
    const files = [smallPcap().bytes, smallPcapng().bytes];
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        (file, edits, sizes, cutSeed) => {
          const bytes = file.slice(0, file.length - (cutSeed % 3 === 0 ? cutSeed % file.length : 0));
          for (const [at, v] of edits) if (bytes.length) bytes[at % bytes.length] = v;
          const whole = readCapture(bytes);
          const streamed = readStreamed(bytes, sizes);
          expect(streamed.frames).toEqual(whole.frames);
          expect(streamed.error).toEqual(whole.error);
          expect(streamed.data).toEqual(whole.frames.map((f) => Buffer.from(frameData(bytes, f)).toString('hex')));
          for (const f of whole.frames) expect(f.dataOffset + f.capLen).toBeLessThanOrEqual(bytes.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
