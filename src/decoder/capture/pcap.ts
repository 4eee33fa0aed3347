// Classic pcap: a 24-byte file header, then records of a 16-byte header and
// the captured bytes. Byte order and tick size come from the magic number.

import { linkTypeName } from './linktypes.ts';
import { HARD_MAX_RECORD, NO_COMMENTS, type ReaderState, STAGE_PCAP, STANDARD_MAX_PACKET } from './reader-state.ts';

export const PCAP_HEADER_LEN = 24;
const PCAP_RECORD_HEADER_LEN = 16;

export const PCAP_MAGIC_US = 0xa1b2c3d4;
export const PCAP_MAGIC_NS = 0xa1b23c4d;

/** The link-type word: type in the low 16 bits, FCS length (16-bit words) in the top 4 when bit 26 is set. */
export function splitLinkTypeWord(word: number): { linkType: number; fcsLen?: number } {
  const linkType = word & 0xffff;
  if (word & 0x04000000) return { linkType, fcsLen: ((word >>> 28) & 0xf) * 2 };
  return { linkType };
}

function u32(b: Uint8Array, p: number, le: boolean): number {
  return le ? (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0 : ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
}

/** Reads the file header at b[p] (24 bytes present); `abs` is its file offset. */
export function readPcapHeader(s: ReaderState, b: Uint8Array, p: number, abs: number): void {
  const be = u32(b, p, false);
  s.le = be === 0xd4c3b2a1 || be === 0x4d3cb2a1;
  const le = s.le;
  s.pcapNano = u32(b, p, le) === PCAP_MAGIC_NS;
  const major = le ? b[p + 4] | (b[p + 5] << 8) : (b[p + 4] << 8) | b[p + 5];
  const minor = le ? b[p + 6] | (b[p + 7] << 8) : (b[p + 6] << 8) | b[p + 7];
  if (major < 2) {
    s.fail(`pcap major version ${major} is not supported (expected 2)`, abs + 4);
    return;
  }
  const snapLen = u32(b, p + 16, le);
  const { linkType, fcsLen } = splitLinkTypeWord(u32(b, p + 20, le));
  s.pcapLinkType = linkType;
  // Some writers put a small or zero snaplen in the header; allow the usual maximum anyway.
  s.pcapMaxRecord = Math.min(Math.max(snapLen, STANDARD_MAX_PACKET), HARD_MAX_RECORD);
  s.sections.push({ offset: abs, byteOrder: le ? 'little' : 'big', version: `${major}.${minor}`, comments: [] });
  s.interfaces.push({
    id: 0,
    section: 0,
    localId: 0,
    linkType,
    linkTypeName: linkTypeName(linkType),
    snapLen,
    tsUnitsPerSecond: s.pcapNano ? 1_000_000_000n : 1_000_000n,
    tsOffsetSeconds: 0n,
    ...(fcsLen !== undefined ? { fcsLen } : {}),
    comments: [],
    offset: abs,
  });
  s.stage = STAGE_PCAP;
  s.need = PCAP_RECORD_HEADER_LEN;
}

/**
 * Reads whole records from b[p, end). `delta` turns an index into b into a
 * file offset. Returns where it stopped; sets s.need when it wants more bytes.
 */
export function readPcapRecords(s: ReaderState, b: Uint8Array, p: number, end: number, delta: number): number {
  const le = s.le;
  const nano = s.pcapNano;
  const linkType = s.pcapLinkType;
  const limit = s.pcapMaxRecord;
  const records = s.records;
  const sink = s.sink;
  const peek = s.peek;
  let n = s.frameCount;
  while (true) {
    if (end - p < 16) {
      s.need = 16;
      break;
    }
    let sec: number, frac: number, incl: number, orig: number;
    if (le) {
      sec = (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
      frac = (b[p + 4] | (b[p + 5] << 8) | (b[p + 6] << 16) | (b[p + 7] << 24)) >>> 0;
      incl = (b[p + 8] | (b[p + 9] << 8) | (b[p + 10] << 16) | (b[p + 11] << 24)) >>> 0;
      orig = (b[p + 12] | (b[p + 13] << 8) | (b[p + 14] << 16) | (b[p + 15] << 24)) >>> 0;
    } else {
      sec = ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
      frac = ((b[p + 4] << 24) | (b[p + 5] << 16) | (b[p + 6] << 8) | b[p + 7]) >>> 0;
      incl = ((b[p + 8] << 24) | (b[p + 9] << 16) | (b[p + 10] << 8) | b[p + 11]) >>> 0;
      orig = ((b[p + 12] << 24) | (b[p + 13] << 16) | (b[p + 14] << 8) | b[p + 15]) >>> 0;
    }
    if (incl > limit) {
      s.fail(`record ${n + 1} claims ${incl} captured bytes, more than the ${limit}-byte maximum: the file is damaged`, p + delta);
      break;
    }
    if (end - p - 16 < incl) {
      s.need = 16 + incl;
      break;
    }
    const d = p + 16;
    if (peek !== null) {
      n++;
      peek(b, d, incl, orig, linkType);
      p = d + incl;
      continue;
    }
    // sec * 1e6 + usec stays below 2^53, so that sum is exact as a number.
    const timestamp = nano ? BigInt(sec) * 1_000_000_000n + BigInt(frac) : BigInt(sec * 1_000_000 + frac) * 1000n;
    const record = {
      number: ++n,
      dataOffset: d + delta,
      capLen: incl,
      origLen: orig,
      timestamp,
      linkType,
      interfaceId: 0,
      comments: NO_COMMENTS,
    };
    if (records !== null) records.push(record);
    else sink!(record, b.subarray(d, d + incl));
    p = d + incl;
  }
  s.frameCount = n;
  return p;
}

/** Says what was cut off when the file ends with `have` bytes of an unfinished record at `abs`. */
export function describePcapTail(s: ReaderState, tail: Uint8Array, have: number, abs: number): string {
  const n = s.frameCount + 1;
  if (have < 16) return `file ends inside the header of record ${n} at offset ${abs}: ${have} of 16 bytes present`;
  const incl = u32(tail, 8, s.le);
  return `file ends inside record ${n} at offset ${abs}: it needs ${16 + incl} bytes (16-byte header + ${incl} captured), only ${have} present`;
}
