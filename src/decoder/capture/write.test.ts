import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameToWrite } from './capture-types.ts';
import { convertToPcapng } from './convert.ts';
import { LINKTYPE } from './linktypes.ts';
import { frameData, readCapture } from './read.ts';
import { hex, payload } from './testkit.ts';
import { writePcap } from './write-pcap.ts';
import { writePcapng } from './write-pcapng.ts';

const frames: FrameToWrite[] = [
  { linkType: LINKTYPE.ETHERNET, timestamp: 1795616249_373685907n, data: payload(60, 1), comments: ['première', ''] },
  { linkType: LINKTYPE.RAW, timestamp: 1795616249_373685908n, data: payload(1, 2), origLen: 1500, comments: ['a'] },
  { linkType: LINKTYPE.ETHERNET, timestamp: 1795616250_000000000n, data: payload(0, 3) },
  { linkType: LINKTYPE.LINUX_SLL2, timestamp: 5n, data: payload(7, 4), comments: ['ab', 'abc', 'abcd', 'abcde', '日本語'] },
];

/** What a reader gives back, in the writers' terms. */
function readBack(bytes: Uint8Array) {
  const r = readCapture(bytes);
  expect(r.error).toBeUndefined();
  return r.frames.map((f) => ({
    linkType: f.linkType,
    timestamp: f.timestamp,
    data: hex(frameData(bytes, f)),
    origLen: f.origLen,
    comments: f.comments,
  }));
}

const expected = (fs: FrameToWrite[], keepComments = true) =>
  fs.map((f) => ({
    linkType: f.linkType,
    timestamp: f.timestamp,
    data: hex(f.data),
    origLen: f.origLen ?? f.data.length,
    comments: keepComments ? (f.comments ?? []) : [],
  }));

describe('writePcapng', () => {
  it('round-trips records and comments exactly, one IDB per link type', () => {
    const bytes = writePcapng(frames, { shbComment: 'made by hand', userAppl: 'Wirebook' });
    expect(readBack(bytes)).toEqual(expected(frames));
    const r = readCapture(bytes);
    expect(r.interfaces.map((i) => [i.linkType, i.tsUnitsPerSecond])).toEqual([
      [1, 1_000_000_000n],
      [101, 1_000_000_000n],
      [276, 1_000_000_000n],
    ]);
    expect(r.sections[0]).toMatchObject({ comments: ['made by hand'], userAppl: 'Wirebook', byteOrder: 'little' });
    expect(bytes.length % 4).toBe(0);
  });

  it('uses microseconds when every timestamp allows it, or when asked (truncating)', () => {
    const us = frames.map((f) => ({ ...f, timestamp: (f.timestamp / 1000n) * 1000n }));
    expect(readCapture(writePcapng(us)).interfaces[0].tsUnitsPerSecond).toBe(1_000_000n);
    expect(readBack(writePcapng(us))).toEqual(expected(us));
    expect(readBack(writePcapng(frames, { tsresolNs: false })).map((f) => f.timestamp)).toEqual(us.map((f) => f.timestamp));
    expect(readCapture(writePcapng(us, { tsresolNs: true })).interfaces[0].tsUnitsPerSecond).toBe(1_000_000_000n);
  });

  it('an empty list is a valid file with no frames', () => {
    const r = readCapture(writePcapng([]));
    expect(r).toMatchObject({ format: 'pcapng', frames: [], interfaces: [] });
    expect(r.error).toBeUndefined();
  });
});

describe('writePcap', () => {
  const eth = frames.filter((f) => f.linkType === 1);

  it('round-trips records (not comments), nanosecond magic when needed', () => {
    const bytes = writePcap(eth);
    expect(hex(bytes.subarray(0, 4))).toBe('4d3cb2a1');
    expect(readBack(bytes)).toEqual(expected(eth, false));
    const us = eth.map((f) => ({ ...f, timestamp: (f.timestamp / 1000n) * 1000n }));
    const usBytes = writePcap(us);
    expect(hex(usBytes.subarray(0, 4))).toBe('d4c3b2a1');
    expect(readBack(usBytes)).toEqual(expected(us, false));
  });

  it('refuses to mix link types, and writes a header-only file for no frames', () => {
    expect(() => writePcap(frames)).toThrow(RangeError);
    const r = readCapture(writePcap([], { linkType: LINKTYPE.RAW }));
    expect(r.interfaces[0].linkType).toBe(101);
    expect(r.frames).toEqual([]);
  });
});

describe('convertToPcapng', () => {
  it('turns a real pcap into pcapng with the same frames', () => {
    const pcap = new Uint8Array(readFileSync(join(import.meta.dirname, 'testdata/lo-udp.pcap')));
    const out = convertToPcapng(pcap);
    expect(out.error).toBeUndefined();
    expect(out.frames).toBe(6);
    expect(readBack(out.bytes)).toEqual(readBack(pcap));
  });
});

const hasTshark = existsSync('/usr/bin/tshark');

describe.skipIf(!hasTshark)('tshark reads what we write', () => {
  it('agrees on lengths, timestamps and comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirebook-cap-'));
    try {
      const ng = join(dir, 'w.pcapng');
      writeFileSync(ng, writePcapng(frames, { shbComment: 'file' }));
      const out = execFileSync(
        'tshark',
        ['-r', ng, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'frame.time_epoch', '-e', 'frame.comment', '-E', 'aggregator=|'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(out.trimEnd().split('\n')).toEqual([
        '60\t60\t1795616249.373685907\tpremière|',
        '1500\t1\t1795616249.373685908\ta',
        '0\t0\t1795616250.000000000\t',
        '7\t7\t0.000000005\tab|abc|abcd|abcde|日本語',
      ]);
      const pc = join(dir, 'w.pcap');
      writeFileSync(pc, writePcap(frames.filter((f) => f.linkType === 1)));
      const out2 = execFileSync('tshark', ['-r', pc, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.time_epoch'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(out2.trimEnd().split('\n')).toEqual(['60\t1795616249.373685907', '0\t1795616250.000000000']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
