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

export { TH_ACK, TH_FIN, TH_SYN };
