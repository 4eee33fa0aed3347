// Frames built to make a decoder work hard (all valid on the wire), and other
// unusual ones, for the bounded-work tests: make-hostile.mjs writes them to files that tshark reads.

import { buildPacket } from '../../build/packet.ts';
import type { FrameToWrite } from '../../capture/capture-types.ts';

const MAC_A = Uint8Array.of(2, 0, 0, 0, 0, 1);
const MAC_B = Uint8Array.of(2, 0, 0, 0, 0, 2);
const T0 = 1_700_000_000_000_000_000n;

/** Ethernet, IPv4 and UDP around `payload`, lengths and checksums computed. */
export function udpFrame(payload: Uint8Array, sport: number, dport: number, id = 1): Uint8Array {
  return buildPacket({
    link: 'ethernet',
    eth: { src: MAC_A, dst: MAC_B },
    ip: { version: 4, src: Uint8Array.of(10, 0, 0, 1), dst: Uint8Array.of(10, 0, 0, 2), id, ttl: 64, df: true, dscp: 0, ecn: 0 },
    l4: { proto: 'udp', sport, dport },
    payload,
  }).data;
}

/** Timestamped Ethernet frames, one microsecond apart. */
export function asFrames(datas: readonly Uint8Array[]): FrameToWrite[] {
  return datas.map((data, i) => ({ linkType: 1, timestamp: T0 + BigInt(i) * 1000n, data }));
}

const label = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
const ptr = (to: number) => [0xc0 | (to >> 8), to & 0xff];

/**
 * A query whose name is `name` (wire bytes); `held`, if any, goes in the data of
 * an additional NULL record (owner: the root) right after the question, at
 * QUESTION_END + RECORD_HEAD when the name takes 4 bytes.
 */
function query(id: number, name: number[], held: number[] = []): Uint8Array {
  const record = held.length ? [0, 0, 10, 0, 1, 0, 0, 0, 0, held.length >> 8, held.length & 0xff, ...held] : [];
  return Uint8Array.from([id >> 8, id & 0xff, 1, 0, 0, 1, 0, 0, 0, 0, 0, held.length ? 1 : 0, ...name, 0, 1, 0, 1, ...record]);
}
/** Where `held` starts in a query whose name takes 4 bytes: header, question, the record's root name and fixed part. */
const HELD_AT = 12 + 4 + 4 + 11;

/** A name of `textLength` characters in labels of up to 63 'x'. */
function longName(textLength: number): number[] {
  const out: number[] = [];
  for (let left = textLength; left > 0; ) {
    const k = Math.min(63, left);
    out.push(...label('x'.repeat(k)));
    left -= k + 1;
  }
  return [...out, 0];
}

/**
 * A query named "q." plus a pointer to the last of `k` chained names held in
 * a record after the question: each chained name is "c." and a pointer to the one
 * before, the first is "r". The name follows k + 1 pointers.
 */
function chainQuery(id: number, k: number): Uint8Array {
  const base = HELD_AT;
  const chain = [...label('r'), 0];
  let prev = base;
  for (let i = 0; i < k; i++) {
    const at = base + chain.length;
    chain.push(...label('c'), ...ptr(prev));
    prev = at;
  }
  return query(id, [...label('q'), ...ptr(prev)], chain);
}

/** DNS queries around Wireshark's limits: 255 bytes of name text, 255 pointers, loops. */
export function dnsLimitMessages(): Uint8Array[] {
  const msgs: Uint8Array[] = [];
  let id = 1;
  for (const n of [252, 253, 254, 255]) msgs.push(query(id++, longName(n)));
  for (const k of [120, 126, 254, 255, 300]) msgs.push(chainQuery(id++, k));
  msgs.push(query(id++, ptr(12))); // points at itself
  msgs.push(query(id++, [...label('a'), ...ptr(HELD_AT)], [...label('b'), ...ptr(12)])); // a loop through two names
  return msgs;
}

/**
 * The response: `chain` one-label names each pointing to the one
 * before (held in a NULL record's data), then `answers` A records whose names
 * point at the chain's end.
 */
export function dnsChainResponse(chain: number, answers: number): Uint8Array {
  const head = [0x12, 0x34, 0x81, 0x80, 0, 1, answers >> 8, answers & 0xff, 0, 0, 0, 0];
  const q = head.length;
  const bytes = [...head, ...label('a'), 0, 0, 1, 0, 1];
  const base = bytes.length + 12;
  const links: number[] = [];
  let prev = q;
  for (let i = 0; i < chain; i++) {
    const at = base + links.length;
    links.push(...label('b'), ...ptr(prev));
    prev = at;
  }
  bytes.push(...ptr(q), 0, 10, 0, 1, 0, 0, 0, 60, links.length >> 8, links.length & 0xff, ...links);
  for (let i = 1; i < answers; i++) bytes.push(...ptr(prev), 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0, i >> 8, i & 0xff);
  return Uint8Array.from(bytes);
}

/** `frame` (Ethernet) with `n` 802.1Q tags between its addresses and its EtherType. */
export function vlanStack(frame: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(frame.length + 4 * n);
  out.set(frame.subarray(0, 12));
  for (let i = 0; i < n; i++) out.set([0x81, 0x00, 0x20 | (((i + 1) >> 8) & 0x0f), (i + 1) & 0xff], 12 + 4 * i);
  out.set(frame.subarray(12), 12 + 4 * n);
  return out;
}

const tcpFrame = (fromA: boolean, seq: number, ack: number, flags: number, length: number) =>
  buildPacket({
    link: 'ethernet',
    eth: { src: fromA ? MAC_A : MAC_B, dst: fromA ? MAC_B : MAC_A },
    ip: { version: 4, src: Uint8Array.of(10, 0, 0, fromA ? 1 : 2), dst: Uint8Array.of(10, 0, 0, fromA ? 2 : 1), id: 1, ttl: 64, df: true, dscp: 0, ecn: 0 },
    l4: { proto: 'tcp', sport: fromA ? 40000 : 2000, dport: fromA ? 2000 : 40000, seq, ack, flags, window: 1000, urgent: 0, options: [] },
    payload: new Uint8Array(length).fill(0x41),
  }).data;

/**
 * A TCP conversation (handshake, two segments and their ACKs, 1 ms apart) as pcapng
 * blocks, with the SYN-ACK and the first ACK in Simple Packet Blocks (no time).
 */
export function timelessTcpBlocks() {
  const at = (data: Uint8Array, ms: number) => ({ linkType: 1, timestamp: T0 + BigInt(ms) * 1_000_000n, data });
  const simple = (data: Uint8Array) => ({ block: 'simple' as const, data });
  return [
    at(tcpFrame(true, 1000, 0, 0x02, 0), 0),
    simple(tcpFrame(false, 5000, 1001, 0x12, 0)),
    at(tcpFrame(true, 1001, 5001, 0x10, 0), 2),
    at(tcpFrame(true, 1001, 5001, 0x18, 10), 3),
    simple(tcpFrame(false, 5001, 1011, 0x10, 0)),
    at(tcpFrame(true, 1011, 5001, 0x18, 10), 5),
    at(tcpFrame(false, 5001, 1021, 0x10, 0), 6),
  ];
}

/** The frame with IPv4 Total Length 0 (as captured before segmentation offload), its header checksum made again. */
function zeroTotalLength(frame: Uint8Array): Uint8Array {
  frame[16] = frame[17] = frame[24] = frame[25] = 0;
  let sum = 0;
  for (let i = 14; i < 34; i += 2) sum += (frame[i] << 8) | frame[i + 1];
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  frame[24] = (~sum >> 8) & 0xff;
  frame[25] = ~sum & 0xff;
  return frame;
}

/** A handshake, a 3,000-byte segment and a UDP datagram whose IPv4 Total Length is 0 (TSO, BIG TCP), and ACKs. */
export function totalLengthZeroFrames(): Uint8Array[] {
  return [
    tcpFrame(true, 1000, 0, 0x02, 0),
    tcpFrame(false, 5000, 1001, 0x12, 0),
    tcpFrame(true, 1001, 5001, 0x10, 0),
    zeroTotalLength(tcpFrame(true, 1001, 5001, 0x18, 3000)),
    tcpFrame(false, 5001, 4001, 0x10, 0),
    zeroTotalLength(udpFrame(new Uint8Array(100).fill(0x42), 40000, 2000)),
  ];
}

function checksum(b: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i += 2) s += (b[i] << 8) | (b[i + 1] ?? 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >> 16);
  return ~s & 0xffff;
}
function ipv4(proto: number, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array(20 + payload.length);
  b.set([0x45, 0, b.length >> 8, b.length & 0xff, 0, 0, 0, 0, 64, proto, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2]);
  const c = checksum(b, 0, 20);
  b[10] = c >> 8;
  b[11] = c & 0xff;
  b.set(payload, 20);
  return b;
}
function ipv6(next: number, payload: Uint8Array): Uint8Array {
  const b = new Uint8Array(40 + payload.length);
  b.set([0x60, 0, 0, 0, payload.length >> 8, payload.length & 0xff, next, 64, 0xfe, 0x80]);
  b[23] = 1;
  b.set([0xfe, 0x80], 24);
  b[39] = 2;
  b.set(payload, 40);
  return b;
}
/** An ICMP (or ICMPv6) "port unreachable" quoting `inner`. */
function unreachable(v6: boolean, inner: Uint8Array): Uint8Array {
  const b = new Uint8Array(8 + inner.length);
  b[0] = v6 ? 1 : 3;
  b[1] = v6 ? 4 : 3;
  b.set(inner, 8);
  if (!v6) {
    const c = checksum(b, 0, b.length);
    b[2] = c >> 8;
    b[3] = c & 0xff;
  }
  return b;
}
const smallUdp = () => Uint8Array.of(0x9c, 0x40, 0x07, 0xd0, 0, 12, 0, 0, 1, 2, 3, 4);
const ethernet = (type: number, p: Uint8Array) => {
  const b = new Uint8Array(14 + p.length);
  b.set([...MAC_B, ...MAC_A, type >> 8, type & 0xff]);
  b.set(p, 14);
  return b;
};

/** ICMP errors each quoting the one before, `depth` deep, around a UDP datagram. */
export function nestedIcmpErrors(depth: number): Uint8Array {
  let p = ipv4(17, smallUdp());
  for (let i = 0; i < depth; i++) p = ipv4(1, unreachable(false, p));
  return ethernet(0x0800, p);
}

/** The same with ICMPv6 (checksums left 0). */
export function nestedIcmpv6Errors(depth: number): Uint8Array {
  let p = ipv6(17, smallUdp());
  for (let i = 0; i < depth; i++) p = ipv6(58, unreachable(true, p));
  return ethernet(0x86dd, p);
}

/** An IPv6 packet with `n` Destination Options headers (8 bytes each, one PadN) before a UDP datagram. */
export function ipv6OptionChain(n: number): Uint8Array {
  const body = new Uint8Array(8 * n + 12);
  for (let i = 0; i < n; i++) body.set([i === n - 1 ? 17 : 60, 0, 1, 4], 8 * i);
  body.set(smallUdp(), 8 * n);
  return ethernet(0x86dd, ipv6(60, body));
}
