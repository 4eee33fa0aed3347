// Test support: hand-built TCP conversations (each flag of the analysis in a small exchange),
// and a pcapng writer so the same conversations can be checked against tshark.
import { TH_ACK, TH_FIN, TH_PSH, TH_RST, TH_SYN, type TcpSegmentInput } from './types.ts';

type Side = 'a' | 'b';

export interface SendOpts {
  /** Milliseconds since the conversation start. */
  at: number;
  /** Relative sequence number (defaults to the side's next). */
  seq?: number;
  len?: number;
  flags?: number;
  /** Relative ACK (defaults to everything the other side sent). */
  ack?: number;
  /** Raw window field. */
  win?: number;
  /** Relative SACK blocks, in the acknowledged side's numbers. */
  sack?: Array<[number, number]>;
  payload?: Uint8Array;
  /** Sent but not captured: advances the sequence without producing a frame. */
  uncaptured?: boolean;
  /** Header options other than SACK (MSS, window scale, SACK permitted). */
  opts?: TcpSegmentInput['options'];
}

export class Conversation {
  readonly segments: TcpSegmentInput[] = [];
  private readonly addr: Record<Side, [string, number]>;
  private readonly isn: Record<Side, number>;
  private readonly next: Record<Side, number> = { a: 0, b: 0 };
  private readonly t0: bigint;
  private firstFrame: number;

  constructor(opts: { a?: [string, number]; b?: [string, number]; isnA?: number; isnB?: number; t0?: bigint; firstFrame?: number } = {}) {
    this.addr = { a: opts.a ?? ['10.0.0.1', 50000], b: opts.b ?? ['10.0.0.2', 40000] };
    this.isn = { a: opts.isnA ?? 1000000, b: opts.isnB ?? 3000000000 };
    this.t0 = opts.t0 ?? 1_700_000_000_000_000_000n;
    this.firstFrame = opts.firstFrame ?? 1;
  }

  get frame(): number {
    return this.firstFrame + this.segments.length;
  }

  /** SYN, SYN-ACK, ACK at 0, rtt/2 and rtt ms. A window scale of null leaves the option out. */
  handshake(rttMs = 10, wsA: number | null = 7, wsB: number | null = 7, winA = 64240, winB = 65160): this {
    this.send('a', { at: 0, flags: TH_SYN, win: winA, ack: 0, opts: { mss: 1460, wscale: wsA ?? undefined, sackPerm: true } });
    this.send('b', { at: rttMs / 2, flags: TH_SYN | TH_ACK, win: winB, opts: { mss: 1460, wscale: wsB ?? undefined, sackPerm: true } });
    this.send('a', { at: rttMs, flags: TH_ACK, win: 502 });
    return this;
  }

  send(side: Side, o: SendOpts): this {
    const other: Side = side === 'a' ? 'b' : 'a';
    const flags = o.flags ?? TH_ACK | ((o.len ?? 0) > 0 ? TH_PSH : 0);
    const len = o.len ?? o.payload?.length ?? 0;
    const rel = o.seq ?? this.next[side];
    const seqRaw = (this.isn[side] + rel) >>> 0;
    const ackRel = o.ack ?? this.next[other];
    const ackRaw = flags & TH_ACK ? (this.isn[other] + ackRel) >>> 0 : 0;
    const end = rel + len + (flags & TH_SYN ? 1 : 0) + (flags & TH_FIN ? 1 : 0);
    if (end > this.next[side]) this.next[side] = end;
    if (o.uncaptured) return this;
    const extra = o.opts ?? {};
    const options: TcpSegmentInput['options'] = { ...extra };
    if (extra.wscale === undefined) delete options.wscale;
    if (o.sack) options.sack = o.sack.map(([l, r]) => [(this.isn[other] + l) >>> 0, (this.isn[other] + r) >>> 0]);
    const payload = o.payload ?? new Uint8Array(len).fill(0x61 + (rel % 26));
    this.segments.push({
      frame: this.frame,
      time: this.t0 + BigInt(Math.round(o.at * 1e6)),
      src: this.addr[side][0],
      srcPort: this.addr[side][1],
      dst: this.addr[other][0],
      dstPort: this.addr[other][1],
      seqRaw,
      ackRaw,
      flags,
      windowRaw: o.win ?? 502,
      payloadLength: len,
      options,
      payload,
    });
    return this;
  }

  /** Bare ACK of everything the other side sent (or `ack`). */
  ack(side: Side, at: number, o: Partial<SendOpts> = {}): this {
    return this.send(side, { at, flags: TH_ACK, ...o, len: 0 });
  }

  fin(side: Side, at: number, o: Partial<SendOpts> = {}): this {
    return this.send(side, { at, flags: TH_FIN | TH_ACK, ...o });
  }

  rst(side: Side, at: number): this {
    return this.send(side, { at, flags: TH_RST | TH_ACK, len: 0 });
  }

  nextOf(side: Side): number {
    return this.next[side];
  }
}

/** Several conversations interleaved by time into one capture, frames renumbered. */
export function mergeByTime(...convs: TcpSegmentInput[][]): TcpSegmentInput[] {
  const all = convs.flat().sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
  return all.map((s, i) => ({ ...s, frame: i + 1 }));
}

// ---- pcapng writer (Ethernet + IPv4 + TCP) ----

function ipv4Bytes(a: string): number[] {
  return a.split('.').map(Number);
}

export function segmentToFrame(s: TcpSegmentInput): Uint8Array {
  const opts: number[] = [];
  const o = s.options;
  if (o.mss !== undefined) opts.push(2, 4, o.mss >> 8, o.mss & 255);
  if (o.sackPerm) opts.push(4, 2);
  if (o.wscale !== undefined) opts.push(1, 3, 3, o.wscale);
  if (o.sack && o.sack.length) {
    opts.push(1, 1, 5, 2 + 8 * o.sack.length);
    for (const [l, r] of o.sack) for (const v of [l, r]) opts.push(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
  }
  while (opts.length % 4) opts.push(0);
  const thl = 20 + opts.length;
  const payload = s.payload ?? new Uint8Array(s.payloadLength);
  const total = 20 + thl + s.payloadLength;
  const f = new Uint8Array(14 + total);
  f.set([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 8, 0], 0);
  const ip = 14;
  f.set([0x45, 0, total >> 8, total & 255, 0, 0, 0x40, 0, 64, 6, 0, 0], ip);
  f.set(ipv4Bytes(s.src), ip + 12);
  f.set(ipv4Bytes(s.dst), ip + 16);
  const t = ip + 20;
  const w32 = (at: number, v: number): void => {
    f[at] = v >>> 24;
    f[at + 1] = (v >>> 16) & 255;
    f[at + 2] = (v >>> 8) & 255;
    f[at + 3] = v & 255;
  };
  f[t] = s.srcPort >> 8;
  f[t + 1] = s.srcPort & 255;
  f[t + 2] = s.dstPort >> 8;
  f[t + 3] = s.dstPort & 255;
  w32(t + 4, s.seqRaw);
  w32(t + 8, s.ackRaw);
  f[t + 12] = (thl / 4) << 4;
  f[t + 13] = s.flags & 0xff;
  f[t + 14] = s.windowRaw >> 8;
  f[t + 15] = s.windowRaw & 255;
  f.set(opts, t + 20);
  f.set(payload.subarray(0, s.payloadLength), t + thl);
  // Real checksums, so the frames look like any captured ones.
  const put16 = (at: number, v: number): void => {
    f[at] = v >> 8;
    f[at + 1] = v & 255;
  };
  put16(ip + 10, checksum(f, ip, ip + 20, 0));
  const pseudo = sum16(f, ip + 12, ip + 20, 0) + 6 + (thl + s.payloadLength);
  put16(t + 16, checksum(f, t, t + thl + s.payloadLength, pseudo));
  return f;
}

function sum16(b: Uint8Array, from: number, to: number, acc: number): number {
  for (let i = from; i < to; i += 2) acc += (b[i] << 8) | (i + 1 < to ? b[i + 1] : 0);
  return acc;
}

function checksum(b: Uint8Array, from: number, to: number, initial: number): number {
  let s = sum16(b, from, to, initial);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

export function writePcapng(segments: TcpSegmentInput[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  const block = (type: number, body: Uint8Array): void => {
    const pad = (4 - (body.length % 4)) % 4;
    const len = 12 + body.length + pad;
    const b = new Uint8Array(len);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, type, true);
    dv.setUint32(4, len, true);
    b.set(body, 8);
    dv.setUint32(len - 4, len, true);
    blocks.push(b);
  };
  const shb = new Uint8Array(16);
  new DataView(shb.buffer).setUint32(0, 0x1a2b3c4d, true);
  new DataView(shb.buffer).setUint16(4, 1, true);
  new DataView(shb.buffer).setBigInt64(8, -1n, true);
  block(0x0a0d0d0a, shb);
  const idb = new Uint8Array(8 + 8 + 4);
  const di = new DataView(idb.buffer);
  di.setUint16(0, 1, true);
  di.setUint32(4, 262144, true);
  di.setUint16(8, 9, true);
  di.setUint16(10, 1, true);
  idb[12] = 9; // if_tsresol = 10^-9
  block(1, idb);
  for (const s of segments) {
    const fr = segmentToFrame(s);
    const body = new Uint8Array(20 + fr.length);
    const d = new DataView(body.buffer);
    d.setUint32(0, 0, true);
    d.setUint32(4, Number(s.time >> 32n), true);
    d.setUint32(8, Number(s.time & 0xffffffffn), true);
    d.setUint32(12, fr.length, true);
    d.setUint32(16, fr.length, true);
    body.set(fr, 20);
    block(6, body);
  }
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const out = new Uint8Array(total);
  let off = 0;
  for (const b of blocks) {
    out.set(b, off);
    off += b.length;
  }
  return out;
}

export { TH_ACK, TH_FIN, TH_PSH, TH_RST, TH_SYN };
