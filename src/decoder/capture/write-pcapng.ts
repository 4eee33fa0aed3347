// Writes a little-endian pcapng file: one Section Header Block, one Interface
// Description Block per distinct link type, one Enhanced Packet Block per frame,
// and, where asked, the other blocks Wireshark reads (custom, systemd journal,
// decryption secrets, simple packets) in their place among the frames.

import type { FrameToWrite } from './capture-types.ts';
import { BT_CUSTOM, BT_CUSTOM_NOCOPY, BT_DSB, BT_EPB, BT_IDB, BT_JOURNAL, BT_SHB, BT_SPB, BYTE_ORDER_MAGIC } from './pcapng.ts';
import { STANDARD_MAX_PACKET } from './reader-state.ts';
import { nsToTicks } from './timestamp.ts';

export interface PcapngWriteOptions {
  /** shb_comment: a comment on the whole file. */
  shbComment?: string;
  /** shb_userappl: the program that wrote the file. */
  userAppl?: string;
  /**
   * Nanosecond timestamps (if_tsresol 9) when true, microseconds (truncating)
   * when false; by default nanoseconds only if some timestamp needs them.
   */
  tsresolNs?: boolean;
}

/** A block other than a packet with a timestamp, written where it stands in the list. */
export type OtherBlock =
  /** Custom Block: a Private Enterprise Number and its data; `copy` false gives type 0x40000BAD (not to be copied). */
  | { block: 'custom'; pen: number; data: Uint8Array; copy: boolean }
  /** systemd Journal Export Block: one entry, "FIELD=value" lines each ending in a newline. */
  | { block: 'journal'; entry: string }
  /** Decryption Secrets Block: secrets type (e.g. 0x544c534b, TLS key log) and data. */
  | { block: 'secrets'; secretsType: number; data: Uint8Array }
  /** Simple Packet Block: a packet of the section's first interface, without timestamp. */
  | { block: 'simple'; data: Uint8Array; origLen?: number };

const isFrame = (x: FrameToWrite | OtherBlock): x is FrameToWrite => !('block' in x);

const utf8 = new TextEncoder();
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_TSRESOL = 9;

const pad4 = (n: number) => (n + 3) & ~3;

interface Opt {
  code: number;
  value: Uint8Array;
}

function optionsSize(opts: Opt[]): number {
  if (opts.length === 0) return 0;
  let n = 4; // opt_endofopt
  for (const o of opts) n += 4 + pad4(o.value.length);
  return n;
}

/** A small cursor over a little-endian output buffer. */
class Out {
  bytes: Uint8Array;
  view: DataView;
  p = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u16(v: number) {
    this.view.setUint16(this.p, v, true);
    this.p += 2;
  }
  u32(v: number) {
    this.view.setUint32(this.p, v >>> 0, true);
    this.p += 4;
  }
  raw(b: Uint8Array) {
    this.bytes.set(b, this.p);
    this.p = pad4(this.p + b.length);
  }
  options(opts: Opt[]) {
    if (opts.length === 0) return;
    for (const o of opts) {
      this.u16(o.code);
      this.u16(o.value.length);
      this.raw(o.value);
    }
    this.u32(0); // opt_endofopt
  }
}

function needsNanoseconds(frames: FrameToWrite[]): boolean {
  return frames.some((f) => f.timestamp % 1000n !== 0n);
}

export function writePcapng(items: readonly (FrameToWrite | OtherBlock)[], opts: PcapngWriteOptions = {}): Uint8Array {
  const frames = items.filter(isFrame);
  const nano = opts.tsresolNs ?? needsNanoseconds(frames);
  const units = nano ? 1_000_000_000n : 1_000_000n;

  const shbOpts: Opt[] = [];
  if (opts.shbComment !== undefined) shbOpts.push({ code: OPT_COMMENT, value: utf8.encode(opts.shbComment) });
  if (opts.userAppl !== undefined) shbOpts.push({ code: SHB_USERAPPL, value: utf8.encode(opts.userAppl) });
  const shbLen = 28 + optionsSize(shbOpts);

  // One interface per link type, in order of first appearance (a simple packet is Ethernet on the first).
  const ifaceOf = new Map<number, number>();
  const snapOf: number[] = [];
  for (const f of items) {
    if (!isFrame(f) && f.block !== 'simple') continue;
    const linkType = isFrame(f) ? f.linkType : (frames[0]?.linkType ?? 1);
    let id = ifaceOf.get(linkType);
    if (id === undefined) {
      id = ifaceOf.size;
      ifaceOf.set(linkType, id);
      snapOf.push(STANDARD_MAX_PACKET);
    }
    if (f.data.length > snapOf[id]) snapOf[id] = f.data.length;
  }
  const idbOpts: Opt[] = nano ? [{ code: IF_TSRESOL, value: Uint8Array.of(9) }] : [];
  const idbLen = 20 + optionsSize(idbOpts);

  const blocks = items.map((f) => (isFrame(f) ? frameBlock(f, ifaceOf, units) : otherBlock(f)));
  let total = shbLen + idbLen * ifaceOf.size;
  for (const b of blocks) total += b.length;

  const out = new Out(total);
  out.u32(BT_SHB);
  out.u32(shbLen);
  out.u32(BYTE_ORDER_MAGIC);
  out.u16(1);
  out.u16(0);
  out.u32(0xffffffff); // section length: unknown (-1)
  out.u32(0xffffffff);
  out.options(shbOpts);
  out.u32(shbLen);

  for (const [linkType, id] of ifaceOf) {
    out.u32(BT_IDB);
    out.u32(idbLen);
    out.u16(linkType);
    out.u16(0);
    out.u32(snapOf[id]);
    out.options(idbOpts);
    out.u32(idbLen);
  }
  for (const b of blocks) out.raw(b);
  return out.bytes;
}

function frameBlock(f: FrameToWrite, ifaceOf: Map<number, number>, units: bigint): Uint8Array {
  const opts = (f.comments ?? []).map((c) => ({ code: OPT_COMMENT, value: utf8.encode(c) }));
  const len = 32 + pad4(f.data.length) + optionsSize(opts);
  const [hi, lo] = nsToTicks(f.timestamp, units);
  const out = new Out(len);
  out.u32(BT_EPB);
  out.u32(len);
  out.u32(ifaceOf.get(f.linkType)!);
  out.u32(hi);
  out.u32(lo);
  out.u32(f.data.length);
  out.u32(f.origLen ?? f.data.length);
  out.raw(f.data);
  out.options(opts);
  out.u32(len);
  return out.bytes;
}

/** A block of type `type` whose body is `head` (32-bit words) then `body` padded to 32 bits. */
function block(type: number, head: readonly number[], body: Uint8Array): Uint8Array {
  const len = 12 + 4 * head.length + pad4(body.length);
  const out = new Out(len);
  out.u32(type);
  out.u32(len);
  for (const w of head) out.u32(w);
  out.raw(body);
  out.u32(len);
  return out.bytes;
}

function otherBlock(b: OtherBlock): Uint8Array {
  switch (b.block) {
    case 'custom':
      return block(b.copy ? BT_CUSTOM : BT_CUSTOM_NOCOPY, [b.pen], b.data);
    case 'journal':
      return block(BT_JOURNAL, [], utf8.encode(b.entry));
    case 'secrets':
      return block(BT_DSB, [b.secretsType, b.data.length], b.data);
    case 'simple':
      return block(BT_SPB, [b.origLen ?? b.data.length], b.data);
  }
}
