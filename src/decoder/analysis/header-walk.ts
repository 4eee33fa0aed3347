// The first analysis pass without the dissector. The analysis needs only a
// few header values per frame, so a plain Ethernet/IPv4/TCP or UDP frame is
// read here directly (no sink, no layer records), which is most of the cost
// of `tshark -2`-style reading saved. Anything less plain (other link types,
// VLAN, IPv6, IP options, fragments, short or cut headers, ICMP quoting a
// header) returns false: the caller then dissects the frame as usual, so
// both ways feed the analyzer exactly the same input.

import type { FrameRecord } from '../types.ts';
import { ipv4Text } from '../fields/format.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpOptionsInput } from './types.ts';

const LINKTYPE_ETHERNET = 1;
const ETHERTYPE_IPV4 = 0x0800;
const ETH_LEN = 14;
const IP_PROTO_TCP = 6;
const IP_PROTO_UDP = 17;
const DNS_PORTS = new Set([53, 5353, 5355]);

const u16 = (d: Uint8Array, at: number): number => (d[at] << 8) | d[at + 1];
const u32 = (d: Uint8Array, at: number): number => ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;

/** TCP options as the analysis reads them (the same walk as the TCP layer's parseOptions). */
export function analysisOptions(data: Uint8Array, from: number, to: number): TcpOptionsInput {
  const o: TcpOptionsInput = {};
  for (let at = from; at < to; ) {
    const kind = data[at];
    if (kind === 0 || kind === 1) {
      at++;
      continue;
    }
    const len = at + 1 < to ? data[at + 1] : 0;
    if (len < 2 || at + len > to) break;
    if (kind === 2 && len === 4) o.mss = u16(data, at + 2);
    else if (kind === 3 && len === 3) o.wscale = data[at + 2];
    else if (kind === 4 && len === 2) o.sackPerm = true;
    else if (kind === 5) {
      const blocks: Array<[number, number]> = [];
      for (let p = at + 2; p + 8 <= at + len; p += 8) blocks.push([u32(data, p), u32(data, p + 4)]);
      o.sack = blocks;
    } else if (kind === 8 && len === 10) {
      o.tsval = u32(data, at + 2);
      o.tsecr = u32(data, at + 6);
    }
    at += len;
  }
  return o;
}

const NO_OPTIONS: TcpOptionsInput = Object.freeze({});

/**
 * Feeds one frame's TCP or UDP header to `analyzer` when the frame is plain
 * Ethernet/IPv4; returns false (having fed nothing) when it must be dissected.
 * Frames given here and to the dissector must still come in capture order.
 */
export function createHeaderWalker(analyzer: TcpAnalyzer): (record: FrameRecord, data: Uint8Array) => boolean {
  return (record, data) => {
    const origLen = record.origLen;
    const ip = ETH_LEN;
    // Ethernet and a whole 20-byte IPv4 header, captured and within the frame.
    if (record.linkType !== LINKTYPE_ETHERNET || data.length < ip + 20 || origLen < ip + 20) return false;
    if (u16(data, 12) !== ETHERTYPE_IPV4 || data[ip] !== 0x45) return false;
    if ((u16(data, ip + 6) & 0x3fff) !== 0) return false; // a fragment
    const proto = data[ip + 9];
    if (proto !== IP_PROTO_TCP && proto !== IP_PROTO_UDP) return false;
    const totalLen = u16(data, ip + 2);
    // As the IPv4 layer: the payload ends where Total Length says, unless the frame is shorter.
    let end = ip + totalLen;
    if (totalLen === 0 || end > origLen) end = origLen;
    const t = ip + 20;
    const captured = Math.min(end, data.length);

    const src = u32(data, ip + 12);
    const dst = u32(data, ip + 16);
    if (proto === IP_PROTO_TCP) {
      if (t + 20 > captured) return false;
      const hdrLen = (data[t + 12] >> 4) * 4;
      // Bogus or cut headers, and options not all captured: the dissector knows what to mark.
      if (hdrLen < 20 || hdrLen > end - t || t + hdrLen > data.length) return false;
      const payloadOffset = t + hdrLen;
      analyzer.addTcp({
        frame: record.number,
        time: record.timestamp,
        src: ipv4Text(src),
        dst: ipv4Text(dst),
        srcPort: u16(data, t),
        dstPort: u16(data, t + 2),
        seqRaw: u32(data, t + 4),
        ackRaw: u32(data, t + 8),
        flags: u16(data, t + 12) & 0x0fff,
        windowRaw: u16(data, t + 14),
        payloadLength: end - payloadOffset,
        options: hdrLen > 20 ? analysisOptions(data, t + 20, payloadOffset) : NO_OPTIONS,
        payload: data.subarray(payloadOffset, payloadOffset + Math.max(0, captured - payloadOffset)),
      });
      return true;
    }
    if (t + 8 > captured || u16(data, t + 4) < 8) return false;
    // DNS, mDNS and LLMNR: the dissector notes queries and responses for matching.
    if (DNS_PORTS.has(u16(data, t)) || DNS_PORTS.has(u16(data, t + 2))) return false;
    analyzer.addUdp({ frame: record.number, time: record.timestamp, src: ipv4Text(src), dst: ipv4Text(dst), srcPort: u16(data, t), dstPort: u16(data, t + 2) });
    return true;
  };
}
