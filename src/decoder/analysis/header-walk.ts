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
import { IPV4_HEADER } from '../layers/ipv4.ts';
import { TCP_HEADER, TCP_OPT, TCP_OPT_LEN } from '../layers/tcp.ts';
import { UDP_HEADER } from '../layers/udp.ts';
import { bindingKey, bindingKeys, bindings, heuristicFor } from '../bindings.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpOptionsInput } from './types.ts';

const IP_PROTO_TCP = bindingKey('ip.proto', 'tcp');
const IP_PROTO_UDP = bindingKey('ip.proto', 'udp');
/** UDP ports of the DNS-shaped layers, whose queries and responses the dissector matches. */
const DNS_PORTS = bindingKeys('udp.port', ['dns', 'mdns', 'llmnr']);

/** The UDP payload goes to a heuristic's layer: neither port binds one and a heuristic takes it. */
function heuristicTakes(data: Uint8Array, sp: number, dp: number, offset: number, end: number): boolean {
  const ports = bindings['udp.port'];
  return ports[sp] === undefined && ports[dp] === undefined && offset < end && heuristicFor('udp.port', data, offset, end) !== undefined;
}
const K = TCP_OPT;
const KL = TCP_OPT_LEN;
// Places in a plain frame, from the protocol tables, once (the walker runs per frame).
const IP_PROTO = PLAIN_IP + IPV4_HEADER.protocol;
const IP_SRC = PLAIN_IP + IPV4_HEADER.src;
const IP_DST = PLAIN_IP + IPV4_HEADER.dst;
const T = PLAIN_L4;
const SPORT = T + TCP_HEADER.srcPort;
const DPORT = T + TCP_HEADER.dstPort;
const T_SEQ = T + TCP_HEADER.seq;
const T_ACK = T + TCP_HEADER.ack;
const T_FLAGS = T + TCP_HEADER.flags;
const T_FLAGS_MASK = TCP_HEADER.flagsMask;
const T_WINDOW = T + TCP_HEADER.window;
const T_MIN = TCP_HEADER.length;
const U_SPORT = T + UDP_HEADER.srcPort;
const U_DPORT = T + UDP_HEADER.dstPort;
const U_LENGTH = T + UDP_HEADER.length;
const U_SIZE = UDP_HEADER.size;

/**
 * TCP options as the analysis reads them (the same walk as the TCP layer's
 * parseOptions), into `o` when given: a caller reading frame after frame
 * may reuse one object, as the analysis keeps none.
 */
export function analysisOptions(data: Uint8Array, from: number, to: number, o: TcpOptionsInput = {}): TcpOptionsInput {
  o.mss = o.wscale = o.sackPerm = o.sack = o.tsval = o.tsecr = undefined;
  for (let at = from; at < to; ) {
    const kind = data[at];
    if (kind === K.EOL || kind === K.NOP) {
      at++;
      continue;
    }
    const len = at + 1 < to ? data[at + 1] : 0;
    if (len < 2 || at + len > to) break;
    if (kind === K.MSS && len === KL.MSS) o.mss = u16(data, at + 2);
    else if (kind === K.WSCALE && len === KL.WSCALE) o.wscale = data[at + 2];
    else if (kind === K.SACK_PERM && len === KL.SACK_PERM) o.sackPerm = true;
    else if (kind === K.SACK) {
      const blocks: Array<[number, number]> = [];
      for (let p = at + KL.SACK_HEAD; p + KL.SACK_BLOCK <= at + len; p += KL.SACK_BLOCK) blocks.push([u32(data, p), u32(data, p + 4)]);
      o.sack = blocks;
    } else if (kind === K.TIMESTAMP && len === KL.TIMESTAMP) {
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
    const proto = data[IP_PROTO];
    const captured = Math.min(end, data.length);
    const src = u32(data, IP_SRC);
    const dst = u32(data, IP_DST);
    if (proto === IP_PROTO_TCP) {
      const hdrLen = plainTcpHeaderLength(data, end);
      if (hdrLen < 0) return false;
      const payloadOffset = T + hdrLen;
      analyzer.addTcp({
        frame: record.number,
        time: record.timestamp,
        src: ipv4Text(src),
        dst: ipv4Text(dst),
        srcPort: u16(data, SPORT),
        dstPort: u16(data, DPORT),
        seqRaw: u32(data, T_SEQ),
        ackRaw: u32(data, T_ACK),
        flags: u16(data, T_FLAGS) & T_FLAGS_MASK,
        windowRaw: u16(data, T_WINDOW),
        payloadLength: end - payloadOffset,
        options: hdrLen > T_MIN ? analysisOptions(data, T + T_MIN, payloadOffset) : NO_OPTIONS,
        payload: data.subarray(payloadOffset, payloadOffset + Math.max(0, captured - payloadOffset)),
      });
      return true;
    }
    if (proto !== IP_PROTO_UDP) return false;
    if (T + U_SIZE > captured || u16(data, U_LENGTH) < U_SIZE) return false;
    // DNS, mDNS and LLMNR: the dissector notes queries and responses for matching.
    if (DNS_PORTS.has(u16(data, U_SPORT)) || DNS_PORTS.has(u16(data, U_DPORT))) return false;
    // So does a datagram on ports no layer binds that a heuristic takes (DNS on an unusual port).
    if (heuristicTakes(data, u16(data, U_SPORT), u16(data, U_DPORT), T + U_SIZE, Math.min(end, T + u16(data, U_LENGTH)))) return false;
    analyzer.addUdp({
      frame: record.number,
      time: record.timestamp,
      src: ipv4Text(src),
      dst: ipv4Text(dst),
      srcPort: u16(data, U_SPORT),
      dstPort: u16(data, U_DPORT),
    });
    return true;
  };
}
