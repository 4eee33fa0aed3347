// pcapng: a sequence of blocks (type, total length, body, total length again).
// Sections start with a Section Header Block that fixes the byte order and
// starts a fresh list of interfaces; packets name an interface of their section.

import { linkTypeName } from './linktypes.ts';
import { commentsOf, optionText, readOptions, textOption } from './options.ts';
import type { FrameRecord } from '../types.ts';
import { HARD_MAX_RECORD, NO_COMMENTS, type ReaderState } from './reader-state.ts';
import { makeClock, ticksToNs, tsresolUnits } from './timestamp.ts';

export const BT_SHB = 0x0a0d0d0a;
export const BT_IDB = 1;
const BT_OPB = 2;
export const BT_SPB = 3;
const BT_NRB = 4;
const BT_ISB = 5;
export const BT_EPB = 6;
export const BT_JOURNAL = 9;
export const BT_DSB = 0x0a;
export const BT_CUSTOM = 0x00000bad;
export const BT_CUSTOM_NOCOPY = 0x40000bad;

export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** Blocks longer than this are damage: nothing real comes close. */
const MAX_BLOCK_LEN = HARD_MAX_RECORD + 4096;

const SHB_OPT_HARDWARE = 2;
const SHB_OPT_OS = 3;
const SHB_OPT_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const IF_FILTER = 11;
const IF_OS = 12;
const IF_FCSLEN = 13;
const IF_TSOFFSET = 14;
const IF_HARDWARE = 15;

const BLOCK_NAMES: Record<number, string> = {
  [BT_SHB]: 'Section Header Block',
  [BT_IDB]: 'Interface Description Block',
  [BT_OPB]: 'Packet Block',
  [BT_SPB]: 'Simple Packet Block',
  [BT_NRB]: 'Name Resolution Block',
  [BT_ISB]: 'Interface Statistics Block',
  [BT_EPB]: 'Enhanced Packet Block',
  [BT_JOURNAL]: 'systemd Journal Export Block',
  [BT_DSB]: 'Decryption Secrets Block',
  [BT_CUSTOM]: 'Custom Block',
  [BT_CUSTOM_NOCOPY]: 'Custom Block',
};

/** Smallest legal total length per block type. */
const MIN_LEN: Record<number, number> = {
  [BT_SHB]: 28,
  [BT_IDB]: 20,
  [BT_OPB]: 32,
  [BT_SPB]: 16,
  [BT_EPB]: 32,
  [BT_CUSTOM]: 16,
  [BT_CUSTOM_NOCOPY]: 16,
};

function blockName(type: number): string {
  return BLOCK_NAMES[type] ?? `block of type 0x${type.toString(16).padStart(8, '0')}`;
}

function u32(b: Uint8Array, p: number, le: boolean): number {
  return le ? (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0 : ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
}

function u16(b: Uint8Array, p: number, le: boolean): number {
  return le ? b[p] | (b[p + 1] << 8) : (b[p] << 8) | b[p + 1];
}

function i64(v: Uint8Array, le: boolean): bigint {
  let x = 0n;
  for (let i = 0; i < 8; i++) x = (x << 8n) | BigInt(v[le ? 7 - i : i]);
  return BigInt.asIntN(64, x);
}

function hex32(x: number): string {
  return '0x' + x.toString(16).padStart(8, '0');
}

/** Byte order from a SHB's byte-order magic at b[p], or null if it is neither. */
function byteOrderAt(b: Uint8Array, p: number): boolean | null {
  const be = u32(b, p, false);
  if (be === BYTE_ORDER_MAGIC) return false;
  if (be === 0x4d3c2b1a) return true;
  return null;
}

/**
 * Reads whole blocks from b[p, end). `delta` turns an index into b into a
 * file offset. Returns where it stopped; sets s.need when it wants more bytes.
 */
export function readPcapngBlocks(s: ReaderState, b: Uint8Array, p: number, end: number, delta: number): number {
  const records = s.records;
  const sink = s.sink;
  const peek = s.peek;
  while (true) {
    const avail = end - p;
    if (avail < 12) {
      s.need = 12;
      break;
    }
    let le = s.le;
    const type = u32(b, p, le);
    if (type === BT_SHB) {
      const order = byteOrderAt(b, p + 8);
      if (order === null) {
        s.fail(`Section Header Block at offset ${p + delta} has byte-order magic ${hex32(u32(b, p + 8, false))}, expected 0x1a2b3c4d`, p + delta);
        break;
      }
      le = order;
    }
    const len = u32(b, p + 4, le);
    const min = MIN_LEN[type] ?? 12;
    if (len < min) {
      s.fail(`${blockName(type)} at offset ${p + delta} says it is ${len} bytes long, less than the minimum ${min}`, p + delta);
      break;
    }
    if (len % 4 !== 0) {
      s.fail(`${blockName(type)} at offset ${p + delta} has total length ${len}, not a multiple of 4`, p + delta);
      break;
    }
    if (len > MAX_BLOCK_LEN) {
      s.fail(`${blockName(type)} at offset ${p + delta} claims ${len} bytes, absurdly large: the file is damaged`, p + delta);
      break;
    }
    if (avail < len) {
      s.need = len;
      break;
    }
    const trailer = u32(b, p + len - 4, le);
    if (trailer !== len) {
      s.fail(`${blockName(type)} at offset ${p + delta}: total length ${len} at its start but ${trailer} at its end`, p + delta);
      break;
    }
    const blockEnd = p + len - 4; // where the body ends (the trailing length starts)

    if (type === BT_EPB || type === BT_OPB) {
      const localId = type === BT_EPB ? u32(b, p + 8, le) : u16(b, p + 8, le);
      const iface = s.sectionInterfaces[localId];
      if (iface === undefined) {
        s.fail(
          `${blockName(type)} at offset ${p + delta} names interface ${localId}, but its section has ${s.sectionInterfaces.length} interface(s)`,
          p + delta,
        );
        break;
      }
      const hi = u32(b, p + 12, le);
      const lo = u32(b, p + 16, le);
      const cap = u32(b, p + 20, le);
      const orig = u32(b, p + 24, le);
      if (cap > len - 32) {
        s.fail(`${blockName(type)} at offset ${p + delta} claims ${cap} captured bytes, but the ${len}-byte block holds at most ${len - 32}`, p + delta);
        break;
      }
      const d = p + 28;
      if (peek !== null) {
        s.frameCount++;
        peek(b, d, cap, orig, iface.linkType);
        p += len;
        continue;
      }
      const optStart = d + ((cap + 3) & ~3);
      let comments: string[];
      if (optStart < blockEnd) {
        const read = readOptions(b, optStart, blockEnd, le);
        if (read.error) {
          s.fail(`${blockName(type)} at offset ${p + delta}: ${read.error.message}`, read.error.at + delta);
          break;
        }
        comments = commentsOf(read.options);
        if (comments.length === 0) comments = NO_COMMENTS;
      } else {
        comments = NO_COMMENTS;
      }
      const timestamp = ticksToNs(hi, lo, iface.clock);
      s.lastTimestamp = timestamp;
      const record = {
        number: ++s.frameCount,
        dataOffset: d + delta,
        capLen: cap,
        origLen: orig,
        timestamp,
        linkType: iface.linkType,
        interfaceId: iface.id,
        sectionInterfaceId: localId,
        comments,
      };
      if (records !== null) records.push(record);
      else sink!(record, b.subarray(d, d + cap));
    } else if (type === BT_SPB) {
      const iface = s.sectionInterfaces[0];
      if (iface === undefined) {
        s.fail(`Simple Packet Block at offset ${p + delta}, but its section has no interface`, p + delta);
        break;
      }
      const orig = u32(b, p + 8, le);
      const cap = iface.snapLen !== 0 && orig > iface.snapLen ? iface.snapLen : orig;
      if (cap > len - 16) {
        s.fail(`Simple Packet Block at offset ${p + delta} needs ${cap} captured bytes, but the ${len}-byte block holds at most ${len - 16}`, p + delta);
        break;
      }
      const d = p + 12;
      if (peek !== null) {
        s.frameCount++;
        peek(b, d, cap, orig, iface.linkType);
        p += len;
        continue;
      }
      // No timestamp: Wireshark shows none, and counts it as 0 for the next frame's delta.
      s.lastTimestamp = 0n;
      const record = {
        number: ++s.frameCount,
        dataOffset: d + delta,
        capLen: cap,
        origLen: orig,
        timestamp: 0n,
        noTime: true,
        linkType: iface.linkType,
        interfaceId: iface.id,
        sectionInterfaceId: 0,
        comments: NO_COMMENTS,
      };
      if (records !== null) records.push(record);
      else sink!(record, b.subarray(d, d + cap));
    } else if (type === BT_CUSTOM || type === BT_CUSTOM_NOCOPY || type === BT_JOURNAL) {
      // Wireshark numbers these as frames: a custom block's data (and options) padded to 32 bits,
      // a journal entry without its padding, timed by its __REALTIME_TIMESTAMP.
      const custom = type !== BT_JOURNAL;
      const d = p + (custom ? 12 : 8);
      let stop = blockEnd;
      if (!custom) while (stop > d && b[stop - 1] === 0) stop--;
      if (peek !== null) {
        s.frameCount++;
        peek(b, d, stop - d, stop - d, -1);
        p += len;
        continue;
      }
      const realtime = custom ? undefined : journalRealtime(b, d, stop);
      if (realtime !== undefined) s.lastTimestamp = realtime;
      const record: FrameRecord = {
        number: ++s.frameCount,
        dataOffset: d + delta,
        capLen: stop - d,
        origLen: stop - d,
        timestamp: realtime ?? s.lastTimestamp,
        linkType: -1,
        interfaceId: -1,
        comments: NO_COMMENTS,
        block: custom ? { kind: 'custom', pen: u32(b, p + 8, le), copy: type === BT_CUSTOM } : { kind: 'journal' },
      };
      if (realtime === undefined) record.noTime = true;
      if (records !== null) records.push(record);
      else sink!(record, b.subarray(d, stop));
    } else if (type === BT_SHB) {
      if (!readSectionHeader(s, b, p, blockEnd, le, delta)) break;
    } else if (type === BT_IDB) {
      if (!readInterfaceDescription(s, b, p, blockEnd, delta)) break;
    }
    // Name resolution, statistics, decryption secrets and unknown blocks: skipped by length.
    p += len;
  }
  return p;
}

const REALTIME = new TextEncoder().encode('__REALTIME_TIMESTAMP=');

/** The entry's __REALTIME_TIMESTAMP (microseconds since the epoch) in nanoseconds, if it has one. */
function journalRealtime(b: Uint8Array, from: number, to: number): bigint | undefined {
  for (let line = from; line < to; ) {
    let end = line;
    while (end < to && b[end] !== 0x0a) end++;
    let match = end - line > REALTIME.length;
    for (let i = 0; match && i < REALTIME.length; i++) match = b[line + i] === REALTIME[i];
    if (match) {
      let us = 0n;
      for (let i = line + REALTIME.length; i < end; i++) {
        const c = b[i] - 0x30;
        if (c < 0 || c > 9) return undefined;
        us = us * 10n + BigInt(c);
      }
      return us * 1000n;
    }
    line = end + 1;
  }
  return undefined;
}

function readSectionHeader(s: ReaderState, b: Uint8Array, p: number, blockEnd: number, le: boolean, delta: number): boolean {
  const major = u16(b, p + 12, le);
  const minor = u16(b, p + 14, le);
  if (major !== 1) {
    s.fail(`Section Header Block at offset ${p + delta} has pcapng version ${major}.${minor}; only 1.x is supported`, p + delta);
    return false;
  }
  const read = readOptions(b, p + 24, blockEnd, le);
  if (read.error) {
    s.fail(`Section Header Block at offset ${p + delta}: ${read.error.message}`, read.error.at + delta);
    return false;
  }
  const o = read.options;
  s.le = le;
  s.sectionInterfaces = [];
  s.sections.push({
    offset: p + delta,
    byteOrder: le ? 'little' : 'big',
    version: `${major}.${minor}`,
    ...optional('hardware', textOption(o, SHB_OPT_HARDWARE)),
    ...optional('os', textOption(o, SHB_OPT_OS)),
    ...optional('userAppl', textOption(o, SHB_OPT_USERAPPL)),
    comments: commentsOf(o),
  });
  return true;
}

function readInterfaceDescription(s: ReaderState, b: Uint8Array, p: number, blockEnd: number, delta: number): boolean {
  const le = s.le;
  const linkType = u16(b, p + 8, le);
  const snapLen = u32(b, p + 12, le);
  const read = readOptions(b, p + 16, blockEnd, le);
  if (read.error) {
    s.fail(`Interface Description Block at offset ${p + delta}: ${read.error.message}`, read.error.at + delta);
    return false;
  }
  const o = read.options;
  let tsResol: number | undefined;
  let tsOffsetSeconds = 0n;
  let fcsLen: number | undefined;
  let filter: string | undefined;
  for (const opt of o) {
    const v = opt.value;
    if (opt.code === IF_TSRESOL && v.length >= 1) tsResol = v[0];
    else if (opt.code === IF_TSOFFSET && v.length >= 8) tsOffsetSeconds = i64(v, le);
    else if (opt.code === IF_FCSLEN && v.length >= 1) fcsLen = fcsBytes(v[0]);
    else if (opt.code === IF_FILTER && v.length >= 1) filter = optionText(v.subarray(1)); // first byte: filter kind
  }
  const units = tsResol === undefined ? 1_000_000n : tsresolUnits(tsResol);
  const clock = makeClock(units, tsOffsetSeconds);
  const id = s.interfaces.length;
  s.sectionInterfaces.push({ id, linkType, snapLen, clock });
  s.interfaces.push({
    id,
    section: s.sections.length - 1,
    localId: s.sectionInterfaces.length - 1,
    linkType,
    linkTypeName: linkTypeName(linkType),
    snapLen,
    tsUnitsPerSecond: units,
    ...optional('tsResol', tsResol),
    tsOffsetSeconds,
    ...optional('fcsLen', fcsLen),
    ...optional('name', textOption(o, IF_NAME)),
    ...optional('description', textOption(o, IF_DESCRIPTION)),
    ...optional('filter', filter),
    ...optional('os', textOption(o, IF_OS)),
    ...optional('hardware', textOption(o, IF_HARDWARE)),
    comments: commentsOf(o),
    offset: p + delta,
  });
  return true;
}

/** if_fcslen is specified in bits, but some writers put bytes; small values are taken as bytes. */
function fcsBytes(v: number): number {
  return v >= 16 && v % 8 === 0 ? v / 8 : v;
}

/** { key: value } when value is defined, {} otherwise: keeps optional members absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [k in K]?: V });
}

/** Says what was cut off when the file ends with `have` bytes of an unfinished block at `abs`. */
export function describePcapngTail(s: ReaderState, tail: Uint8Array, have: number, abs: number): string {
  if (have < 12) return `file ends inside a block header at offset ${abs}: ${have} of at least 12 bytes present`;
  let le = s.le;
  const type = u32(tail, 0, le);
  if (type === BT_SHB) le = byteOrderAt(tail, 8) ?? le;
  const len = u32(tail, 4, le);
  return `file ends inside a ${len}-byte ${blockName(type)} at offset ${abs}: only ${have} bytes present`;
}
