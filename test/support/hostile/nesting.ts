// Headers nested far deeper than any real network nests them: stacked 802.1Q
// tags, a long chain of IPv6 extension headers, and ICMP errors quoting ICMP
// errors. Each case ends with an ordinary frame, so numbering after it shows.

import { concat, putU16 } from '../../../src/decoder/build/bytes.ts';
import { expectedChecksum, ipv6PseudoSumOf } from '../../../src/decoder/checksum.ts';
import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';
import { at, ETHERTYPE_IPV4, ETHERTYPE_IPV6, ethHeader, frame, icmpMessage, ipv4, ipv4Header, PROTO_ICMP, PROTO_UDP, udpFrame, udpSegment } from './wire.ts';

const A = ipv4(192, 0, 2, 1);
const B = ipv4(192, 0, 2, 2);
const trailer = (i: number): FrameToWrite => frame(udpFrame(A, B, 40004, 40008, new Uint8Array(8)), at(i));

/** One IPv4/UDP frame behind `tags` 802.1Q tags (IEEE 802.1Q), then a plain one. */
export function vlanStack(tags: number): FrameToWrite[] {
  const udp = udpSegment(A, B, 40004, 40008, new Uint8Array(8));
  const data = concat([ethHeader(ETHERTYPE_IPV4, tags), ipv4Header(PROTO_UDP, A, B, udp.length), udp]);
  return [frame(data, at(0)), trailer(1)];
}

/** An IPv6/UDP frame whose header chain holds a Hop-by-Hop header and `count` Destination Options headers (RFC 8200 4). */
export function ipv6ExtensionChain(count: number): FrameToWrite[] {
  const NEXT_DSTOPTS = 60;
  const src = new Uint8Array(16);
  const dst = new Uint8Array(16);
  src.set([0x20, 0x01, 0x0d, 0xb8], 0);
  dst.set([0x20, 0x01, 0x0d, 0xb8], 0);
  src[15] = 1;
  dst[15] = 2;
  const udp = new Uint8Array(16);
  putU16(udp, 0, 40004);
  putU16(udp, 2, 40008);
  putU16(udp, 4, 16);
  putU16(udp, 6, expectedChecksum(udp, 0, 16, 6, ipv6PseudoSumOf(src, dst, PROTO_UDP, 16)));
  const ext = new Uint8Array(8 * (count + 1));
  for (let i = 0; i <= count; i++) {
    ext[8 * i] = i === count ? PROTO_UDP : NEXT_DSTOPTS;
    // Hdr Ext Len 0 (8 bytes); a PadN option fills the rest.
    ext[8 * i + 2] = 1;
    ext[8 * i + 3] = 4;
  }
  const head = new Uint8Array(40);
  head[0] = 0x60;
  putU16(head, 4, ext.length + udp.length);
  head[6] = 0; // Hop-by-Hop Options first
  head[7] = 64;
  head.set(src, 8);
  head.set(dst, 24);
  return [frame(concat([ethHeader(ETHERTYPE_IPV6), head, ext, udp]), at(0)), trailer(1)];
}

/** An ICMP Destination Unreachable quoting one quoting another, `depth` deep, around a UDP datagram (RFC 792). */
export function icmpQuotingIcmp(depth: number): FrameToWrite[] {
  const udp = udpSegment(A, B, 40004, 40008, new Uint8Array(8));
  let inner = concat([ipv4Header(PROTO_UDP, A, B, udp.length), udp]);
  for (let i = 0; i < depth; i++) {
    const icmp = icmpMessage(3, 3, 0, inner);
    inner = concat([ipv4Header(PROTO_ICMP, B, A, icmp.length, i & 0xffff), icmp]);
  }
  return [frame(concat([ethHeader(ETHERTYPE_IPV4), inner]), at(0)), trailer(1)];
}
