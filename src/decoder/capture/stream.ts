// Incremental reading: push chunks as they arrive (a file read piecewise, a
// fetch body in a Worker); frames come out as soon as they are whole. Only
// the unfinished tail of a chunk is kept between pushes, never the file.

import type { CaptureError, FrameRecord } from '../types.ts';
import type { CaptureFormat, CaptureFrame, FramePeek, FrameSink, InterfaceInfo, SectionInfo } from './capture-types.ts';
import { describePcapTail, PCAP_HEADER_LEN, readPcapHeader, readPcapRecords } from './pcap.ts';
import { describePcapngTail, readPcapngBlocks } from './pcapng.ts';
import { ReaderState, STAGE_DONE, STAGE_MAGIC, STAGE_PCAP, STAGE_PCAP_HEADER, STAGE_PCAPNG } from './reader-state.ts';
import { sniffFormat } from './sniff.ts';

export class CaptureStream {
  private s = new ReaderState();
  /** Bytes kept from earlier chunks: the start of a record not yet whole. */
  private tail = new Uint8Array(0);
  private tailLen = 0;
  /** File offset of the first byte not yet consumed (tail[0] when there is a tail). */
  private base = 0;
  private ended = false;
  private out: CaptureFrame[] = [];
  private readonly collect: FrameSink = (record, data) => {
    this.out.push({ record, data });
  };

  get format(): CaptureFormat {
    return this.s.format;
  }
  /** Interfaces seen so far; FrameRecord.interfaceId indexes this list. */
  get interfaces(): InterfaceInfo[] {
    return this.s.interfaces;
  }
  get sections(): SectionInfo[] {
    return this.s.sections;
  }
  /** The first problem found; reading stops there. */
  get error(): CaptureError | undefined {
    return this.s.error;
  }
  get frameCount(): number {
    return this.s.frameCount;
  }
  /** File offset up to which everything has been read. */
  get offset(): number {
    return this.base;
  }

  /**
   * Reads a chunk and returns the frames it completed. Their `data` are views
   * into this chunk (or into a private buffer): read them before reusing it.
   */
  push(chunk: Uint8Array): CaptureFrame[] {
    const out: CaptureFrame[] = [];
    this.out = out;
    this.s.records = null;
    this.s.sink = this.collect;
    this.s.peek = null;
    this.feed(chunk);
    this.out = [];
    return out;
  }

  /** Like push, but hands each frame to `sink` instead of building an array. */
  pushEach(chunk: Uint8Array, sink: FrameSink): void {
    this.s.records = null;
    this.s.sink = sink;
    this.s.peek = null;
    this.feed(chunk);
  }

  /** Like pushEach, but only lets `peek` look at each frame's bytes: no records, no views (a quick scan). */
  pushPeek(chunk: Uint8Array, peek: FramePeek): void {
    this.s.records = null;
    this.s.sink = null;
    this.s.peek = peek;
    this.feed(chunk);
  }

  /** Like push, but appends only the records (no data views) to `records`: the fastest form. */
  pushRecords(chunk: Uint8Array, records: FrameRecord[]): void {
    this.s.records = records;
    this.s.sink = null;
    this.s.peek = null;
    this.feed(chunk);
  }

  /** Call when the input is over; returns the error, if the file was damaged or cut short. */
  end(): CaptureError | undefined {
    if (this.ended) return this.s.error;
    this.ended = true;
    const s = this.s;
    if (s.error) return s.error;
    if (s.stage === STAGE_MAGIC) {
      const have = this.tailLen;
      s.fail(
        have === 0 ? 'not a pcap or pcapng file: the file is empty' : `not a pcap or pcapng file: only ${have} byte(s), too short for a capture header`,
        0,
      );
    } else if (this.tailLen > 0) {
      const tail = this.tail.subarray(0, this.tailLen);
      const at = this.base;
      const message =
        s.stage === STAGE_PCAP_HEADER
          ? `file ends inside the 24-byte pcap file header: only ${this.tailLen} bytes present`
          : s.stage === STAGE_PCAP
            ? describePcapTail(s, tail, this.tailLen, at)
            : describePcapngTail(s, tail, this.tailLen, at);
      s.fail(message, at);
    }
    s.stage = STAGE_DONE;
    this.tail = new Uint8Array(0);
    this.tailLen = 0;
    return s.error;
  }

  private feed(chunk: Uint8Array): void {
    const s = this.s;
    if (this.ended || s.stage === STAGE_DONE) return;
    let off = 0;
    // First finish the record the tail holds, taking only the bytes it needs.
    while (this.tailLen > 0) {
      const take = Math.min(s.need - this.tailLen, chunk.length - off);
      this.appendTail(chunk, off, take);
      off += take;
      if (this.tailLen < s.need) return; // chunk used up
      const used = this.parse(this.tail, 0, this.tailLen);
      if (s.stage === STAGE_DONE) return;
      this.base += used;
      if (used === this.tailLen) {
        this.tailLen = 0;
      } else if (used > 0) {
        // Fresh buffer: frames already handed out may still view the old one.
        const left = this.tailLen - used;
        const fresh = new Uint8Array(Math.max(left, Math.min(s.need, 1 << 20)));
        fresh.set(this.tail.subarray(used, this.tailLen));
        this.tail = fresh;
        this.tailLen = left;
      }
    }
    if (off >= chunk.length) return;
    const stop = this.parse(chunk, off, chunk.length);
    if (s.stage === STAGE_DONE) return;
    this.base += stop - off;
    const rest = chunk.length - stop;
    if (rest > 0) {
      // Copy: the caller may reuse the chunk's memory for its next read.
      this.tail = new Uint8Array(Math.max(rest, Math.min(s.need, 1 << 20)));
      this.tail.set(chunk.subarray(stop));
      this.tailLen = rest;
    }
  }

  private appendTail(src: Uint8Array, from: number, n: number): void {
    const want = this.tailLen + n;
    if (want > this.tail.length) {
      const grown = new Uint8Array(Math.max(want, Math.min(this.tail.length * 2, this.s.need)));
      grown.set(this.tail.subarray(0, this.tailLen));
      this.tail = grown;
    }
    this.tail.set(src.subarray(from, from + n), this.tailLen);
    this.tailLen = want;
  }

  /** Reads what it can from b[p, end); returns where it stopped. */
  private parse(b: Uint8Array, p: number, end: number): number {
    const s = this.s;
    const delta = this.base - p;
    if (s.stage === STAGE_MAGIC) {
      if (end - p < 4) {
        s.need = 4;
        return p;
      }
      const format = sniffFormat(b.subarray(p, p + 4));
      if (format === 'unknown') {
        s.fail(notACaptureMessage(b.subarray(p, p + 4)), 0);
        return p;
      }
      s.format = format;
      s.stage = format === 'pcap' ? STAGE_PCAP_HEADER : STAGE_PCAPNG;
      s.need = format === 'pcap' ? PCAP_HEADER_LEN : 12;
    }
    if (s.stage === STAGE_PCAP_HEADER) {
      if (end - p < PCAP_HEADER_LEN) {
        s.need = PCAP_HEADER_LEN;
        return p;
      }
      readPcapHeader(s, b, p, p + delta);
      if (s.error) return p;
      p += PCAP_HEADER_LEN;
    }
    if (s.stage === STAGE_PCAP) return readPcapRecords(s, b, p, end, delta);
    if (s.stage === STAGE_PCAPNG) return readPcapngBlocks(s, b, p, end, delta);
    return p;
  }
}

function notACaptureMessage(first4: Uint8Array): string {
  const hex = Array.from(first4, (x) => x.toString(16).padStart(2, '0')).join('');
  const hint = hex === 'a1b2cd34' || hex === '34cdb2a1' ? ' (a modified pcap variant, which is not supported)' : '';
  return `not a pcap or pcapng file: the first 4 bytes are 0x${hex}, expected a pcap magic (a1b2c3d4, a1b23c4d, either byte order) or a pcapng Section Header Block (0a0d0d0a)${hint}`;
}

/** A fresh incremental reader. */
export function createCaptureStream(): CaptureStream {
  return new CaptureStream();
}
