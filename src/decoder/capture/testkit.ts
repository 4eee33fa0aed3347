// Builds capture files byte by byte for tests, independently of the writers,
// in either byte order.

const enc = new TextEncoder();

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Serialises integers of given widths in one byte order. */
export class Bytes {
  private out: number[] = [];
  private le: boolean;
  constructor(le: boolean) {
    this.le = le;
  }
  u8(v: number): this {
    this.out.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.le ? this.u8(v).u8(v >>> 8) : this.u8(v >>> 8).u8(v);
  }
  u32(v: number): this {
    return this.le ? this.u16(v & 0xffff).u16(v >>> 16) : this.u16(v >>> 16).u16(v & 0xffff);
  }
  u64(v: bigint): this {
    const x = BigInt.asUintN(64, v);
    const hi = Number(x >> 32n);
    const lo = Number(x & 0xffffffffn);
    return this.le ? this.u32(lo).u32(hi) : this.u32(hi).u32(lo);
  }
  raw(b: Uint8Array | number[]): this {
    for (const x of b) this.out.push(x);
    return this;
  }
  pad4(): this {
    while (this.out.length % 4) this.out.push(0);
    return this;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

export interface PcapRecordSpec {
  sec: number;
  frac: number;
  data: Uint8Array;
  origLen?: number;
}

export function pcapFile(opts: {
  le: boolean;
  nano?: boolean;
  linkTypeWord?: number;
  snapLen?: number;
  major?: number;
  records: PcapRecordSpec[];
}): Uint8Array {
  const b = new Bytes(opts.le);
  b.u32(opts.nano ? 0xa1b23c4d : 0xa1b2c3d4)
    .u16(opts.major ?? 2)
    .u16(4)
    .u32(0)
    .u32(0)
    .u32(opts.snapLen ?? 65535)
    .u32(opts.linkTypeWord ?? 1);
  for (const r of opts.records) {
    b.u32(r.sec)
      .u32(r.frac)
      .u32(r.data.length)
      .u32(r.origLen ?? r.data.length)
      .raw(r.data);
  }
  return b.bytes();
}

export type OptSpec = [code: number, value: Uint8Array | string];

function options(le: boolean, opts: OptSpec[]): Uint8Array {
  if (opts.length === 0) return new Uint8Array(0);
  const b = new Bytes(le);
  for (const [code, v] of opts) {
    const value = typeof v === 'string' ? enc.encode(v) : v;
    b.u16(code).u16(value.length).raw(value).pad4();
  }
  b.u16(0).u16(0);
  return b.bytes();
}

/** A block: type, total length, body (padded), total length. */
export function block(le: boolean, type: number, body: Uint8Array): Uint8Array {
  const len = 12 + ((body.length + 3) & ~3);
  return new Bytes(le).u32(type).u32(len).raw(body).pad4().u32(len).bytes();
}

export function shb(le: boolean, opts: OptSpec[] = []): Uint8Array {
  const body = new Bytes(le).u32(0x1a2b3c4d).u16(1).u16(0).u64(-1n).raw(options(le, opts)).bytes();
  return block(le, 0x0a0d0d0a, body);
}

export function idb(le: boolean, linkType: number, snapLen: number, opts: OptSpec[] = []): Uint8Array {
  return block(le, 1, new Bytes(le).u16(linkType).u16(0).u32(snapLen).raw(options(le, opts)).bytes());
}

export function epb(le: boolean, iface: number, ticks: bigint, data: Uint8Array, opts: OptSpec[] = [], origLen = data.length): Uint8Array {
  const body = new Bytes(le)
    .u32(iface)
    .u32(Number(ticks >> 32n))
    .u32(Number(ticks & 0xffffffffn))
    .u32(data.length)
    .u32(origLen)
    .raw(data)
    .pad4()
    .raw(options(le, opts))
    .bytes();
  return block(le, 6, body);
}

export function opb(le: boolean, iface: number, ticks: bigint, data: Uint8Array, opts: OptSpec[] = []): Uint8Array {
  const body = new Bytes(le)
    .u16(iface)
    .u16(0)
    .u32(Number(ticks >> 32n))
    .u32(Number(ticks & 0xffffffffn))
    .u32(data.length)
    .u32(data.length)
    .raw(data)
    .pad4()
    .raw(options(le, opts))
    .bytes();
  return block(le, 2, body);
}

export function spb(le: boolean, origLen: number, data: Uint8Array): Uint8Array {
  return block(le, 3, new Bytes(le).u32(origLen).raw(data).bytes());
}

/** Bytes 0, 1, 2, ... (mod 256), tagged by a first byte. */
export function payload(n: number, tag = 0): Uint8Array {
  const d = new Uint8Array(n);
  for (let i = 0; i < n; i++) d[i] = (i + tag) & 0xff;
  if (n > 0) d[0] = tag;
  return d;
}

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
