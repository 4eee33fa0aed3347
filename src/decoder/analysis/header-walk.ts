// The first analysis pass without the dissector. The analysis needs only a
// few header values per frame, so a plain Ethernet/IPv4/TCP or UDP frame is
// read here directly (no sink, no layer records), which is most of the cost
// of `tshark -2`-style reading saved. Anything less plain (other link types,
// VLAN, IPv6, IP options, fragments, short or cut headers, ICMP quoting a
// header) returns false: the caller then dissects the frame as usual, so
// both ways feed the analyzer exactly the same input.

import type { FrameRecord } from '../types.ts';
import { ipv4Text } from '../fields/format.ts';
import { u16, u32 } from '../layers/context.ts';
import { PLAIN_IP, PLAIN_L4, plainIpv4End, plainTcpHeaderLength } from '../layers/plain-ipv4.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpOptionsInput } from './types.ts';

const IP_PROTO_TCP = 6;
const IP_PROTO_UDP = 17;
const DNS_PORTS = new Set([53, 5353, 5355]);

/**
 * TCP options as the analysis reads them (the same walk as the TCP layer's
 * parseOptions), into `o` when given: a caller reading frame after frame
 * may reuse one object, as the analysis keeps none.
 */
export function analysisOptions(data: Uint8Array, from: number, to: number, o: TcpOptionsInput = {}): TcpOptionsInput {
  o.mss = o.wscale = o.sackPerm = o.sack = o.tsval = o.tsecr = undefined;
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
    const end = plainIpv4End(record, data);
    if (end < 0) return false;
    const ip = PLAIN_IP;
    const t = PLAIN_L4;
    const proto = data[ip + 9];
    const captured = Math.min(end, data.length);
    const src = u32(data, ip + 12);
    const dst = u32(data, ip + 16);
    if (proto === IP_PROTO_TCP) {
      const hdrLen = plainTcpHeaderLength(data, end);
      if (hdrLen < 0) return false;
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
    if (proto !== IP_PROTO_UDP) return false;
    if (t + 8 > captured || u16(data, t + 4) < 8) return false;
    // DNS, mDNS and LLMNR: the dissector notes queries and responses for matching.
    if (DNS_PORTS.has(u16(data, t)) || DNS_PORTS.has(u16(data, t + 2))) return false;
    analyzer.addUdp({ frame: record.number, time: record.timestamp, src: ipv4Text(src), dst: ipv4Text(dst), srcPort: u16(data, t), dstPort: u16(data, t + 2) });
    return true;
  };
}
