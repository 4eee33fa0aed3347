// Small frame builders shared by the hostile cases: addresses, times, a seeded
// random source, and the few headers the project's builder does not write
// (fragment fields, 802.1Q tags, ICMP, IPv6 extension headers).

import { expectedChecksum, ipv4PseudoSum } from '../../../src/decoder/checksum.ts';
import { buildPacket, type TcpSpec } from '../../../src/decoder/build/packet.ts';
import { concat, putU16, putU32 } from '../../../src/decoder/build/bytes.ts';
import type { TcpOption } from '../../../src/decoder/build/tcp-options.ts';
import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';

const ETHERNET = 1;
const MAC_A = Uint8Array.of(0x02, 0, 0, 0, 0, 0x0a);
const MAC_B = Uint8Array.of(0x02, 0, 0, 0, 0, 0x0b);
/** 2023-11-14, so times print like a real recording's. */
const T0 = 1_700_000_000_000_000_000n;

/** The capture time of step `i` (`stepNs` apart). */
export const at = (i: number, stepNs = 1000): bigint => T0 + BigInt(i * stepNs);

export const ipv4 = (a: number, b: number, c: number, d: number): Uint8Array => Uint8Array.of(a, b, c, d);

/** IPv4 address number `n` in 10.0.0.0/8 (never .0 or .255 in the last byte). */
export const tenNet = (n: number): Uint8Array => ipv4(10, (n >> 15) & 0xff, (n >> 7) & 0xff, (n & 0x7f) + 1);

/** Deterministic pseudo-random integers in [0, n) (mulberry32): a case is the same file every time. */
export function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

export const frame = (data: Uint8Array, timestamp: bigint): FrameToWrite => ({ linkType: ETHERNET, timestamp, data });

export interface TcpEnds {
  src: Uint8Array;
  dst: Uint8Array;
  sport: number;
  dport: number;
}

/** One Ethernet/IPv4/TCP frame through the project's builder. */
export function tcpFrame(e: TcpEnds, l4: Partial<TcpSpec> & { seq: number; ack: number; flags: number }, payload: Uint8Array, fromA = true): Uint8Array {
  const spec: TcpSpec = { proto: 'tcp', sport: e.sport, dport: e.dport, window: 65535, urgent: 0, options: [] as TcpOption[], ...l4 };
  return buildPacket({
    link: 'ethernet',
    eth: { src: fromA ? MAC_A : MAC_B, dst: fromA ? MAC_B : MAC_A },
    ip: { version: 4, src: e.src, dst: e.dst, id: 0, ttl: 64, df: true, dscp: 0, ecn: 0 },
    l4: spec,
    payload,
    padTo: 60,
  }).data;
}

/** The same ends seen from the other side. */
export const reverse = (e: TcpEnds): TcpEnds => ({ src: e.dst, dst: e.src, sport: e.dport, dport: e.sport });

/** One Ethernet/IPv4/UDP frame through the project's builder. */
export function udpFrame(src: Uint8Array, dst: Uint8Array, sport: number, dport: number, payload: Uint8Array): Uint8Array {
  return buildPacket({
    link: 'ethernet',
    eth: { src: MAC_A, dst: MAC_B },
    ip: { version: 4, src, dst, id: 0, ttl: 64, df: false, dscp: 0, ecn: 0 },
    l4: { proto: 'udp', sport, dport },
    payload,
    padTo: 60,
  }).data;
}

/** An IPv4 header (RFC 791) with the fragment fields the builder does not set. `offset` in bytes, a multiple of 8. */
export function ipv4Header(proto: number, src: Uint8Array, dst: Uint8Array, payloadLength: number, id = 0, offset = 0, more = false): Uint8Array {
  const h = new Uint8Array(20);
  h[0] = 0x45;
  putU16(h, 2, 20 + payloadLength);
  putU16(h, 4, id);
  putU16(h, 6, (more ? 0x2000 : 0) | (offset >> 3));
  h[8] = 64;
  h[9] = proto;
  h.set(src, 12);
  h.set(dst, 16);
  putU16(h, 10, expectedChecksum(h, 0, 20, 10));
  return h;
}

/** An Ethernet header; `tags` 802.1Q tags (VLAN 1..) before `type`. */
export function ethHeader(type: number, tags = 0): Uint8Array {
  const h = new Uint8Array(14 + 4 * tags);
  h.set(MAC_B, 0);
  h.set(MAC_A, 6);
  for (let i = 0; i < tags; i++) {
    putU16(h, 12 + 4 * i, 0x8100);
    putU16(h, 14 + 4 * i, (i % 4094) + 1);
  }
  putU16(h, 12 + 4 * tags, type);
  return h;
}

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
export const PROTO_ICMP = 1;
export const PROTO_UDP = 17;

/** A UDP header and payload with its checksum over the IPv4 pseudo-header (RFC 768). */
export function udpSegment(src: Uint8Array, dst: Uint8Array, sport: number, dport: number, payload: Uint8Array): Uint8Array {
  const seg = concat([new Uint8Array(8), payload]);
  putU16(seg, 0, sport);
  putU16(seg, 2, dport);
  putU16(seg, 4, seg.length);
  const v = (b: Uint8Array) => ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
  let sum = expectedChecksum(seg, 0, seg.length, 6, ipv4PseudoSum(v(src), v(dst), PROTO_UDP, seg.length));
  if (sum === 0) sum = 0xffff;
  putU16(seg, 6, sum);
  return seg;
}

/** An ICMP message (RFC 792) of `type`/`code` with its checksum. */
export function icmpMessage(type: number, code: number, rest: number, body: Uint8Array): Uint8Array {
  const m = concat([new Uint8Array(8), body]);
  m[0] = type;
  m[1] = code;
  putU32(m, 4, rest);
  putU16(m, 2, expectedChecksum(m, 0, m.length, 2));
  return m;
}
