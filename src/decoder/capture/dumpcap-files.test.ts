// Real files written by dumpcap (see testdata/README.md), checked against what
// tshark reported for them.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCapture } from './read.ts';
import { createCaptureStream } from './stream.ts';

const dir = join(import.meta.dirname, 'testdata');
const files = readdirSync(dir).filter((f) => /\.pcap(ng)?$/.test(f));

function epoch(ns: bigint): string {
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}

describe('files written by dumpcap', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(6));

  for (const file of files) {
    it(`${file}: frame count, lengths, timestamps and comments match tshark`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const r = readCapture(bytes);
      expect(r.error).toBeUndefined();
      expect(r.format).toBe(file.endsWith('.pcapng') ? 'pcapng' : 'pcap');
      const ours = r.frames.map((f) => [f.number, f.origLen, f.capLen, f.noTime ? '' : epoch(f.timestamp), f.comments.join('|')].join('\t'));
      const theirs = readFileSync(join(dir, `${file}.tshark.tsv`), 'utf8')
        .replace(/\n$/, '')
        .split('\n');
      expect(ours).toEqual(theirs);

      // The same file pushed in 100-byte chunks.
      const s = createCaptureStream();
      const streamed = [];
      for (let i = 0; i < bytes.length; i += 100) streamed.push(...s.push(bytes.subarray(i, i + 100)).map((f) => f.record));
      expect(s.end()).toBeUndefined();
      expect(streamed).toEqual(r.frames);
    });
  }

  it('two-sections.pcapng: each section has its own interface list', () => {
    const r = readCapture(new Uint8Array(readFileSync(join(dir, 'two-sections.pcapng'))));
    expect(r.sections).toHaveLength(2);
    expect(r.interfaces.map((i) => [i.id, i.section, i.localId, i.name, i.linkType])).toEqual([
      [0, 0, 0, 'lo', 1],
      [1, 1, 0, 'any', 113],
    ]);
    expect(r.frames.map((f) => f.interfaceId)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(r.frames.map((f) => f.linkType)).toEqual([1, 1, 1, 1, 1, 1, 113, 113, 113]);
  });

  it('lo-udp-snap64.pcapng: captured length limited by the snap length', () => {
    const r = readCapture(new Uint8Array(readFileSync(join(dir, 'lo-udp-snap64.pcapng'))));
    expect(r.interfaces[0].snapLen).toBe(64);
    expect(r.frames.every((f) => f.capLen === Math.min(64, f.origLen))).toBe(true);
  });

  it('two-sections.pcapng cut at every byte: a prefix of the frames, and an error unless the cut falls between blocks', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'two-sections.pcapng')));
    const full = readCapture(bytes).frames;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const ends = new Set<number>();
    for (let p = 0; p < bytes.length; ) ends.add((p += view.getUint32(p + 4, true)));
    for (let cut = 4; cut < bytes.length; cut++) {
      const r = readCapture(bytes.subarray(0, cut));
      expect(r.frames).toEqual(full.slice(0, r.frames.length));
      expect(r.frames.every((f) => f.dataOffset + f.capLen <= cut)).toBe(true);
      if (ends.has(cut)) expect(r.error).toBeUndefined();
      else expect(r.error?.message).toMatch(/^file ends inside/);
    }
  });
});
