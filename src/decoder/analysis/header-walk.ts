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
import { PLAIN, plainIpv4End, plainTcpHeaderLength } from '../layers/plain-ipv4.ts';
import { TCP_HEADER, TCP_OPT, TCP_OPT_LEN } from '../layers/tcp.ts';
import { UDP_HEADER } from '../layers/udp.ts';
import { bindingKey, bindingKeys, heuristicFor, portBound } from '../bindings.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpOptionsInput, TcpSegmentInput } from './types.ts';
import { analysisPayload, blankTcpSegment } from './segment-input.ts';

const IP_PROTO_TCP = bindingKey('ip.proto', 'tcp');
const IP_PROTO_UDP = bindingKey('ip.proto', 'udp');
/** UDP ports of the DNS-shaped layers, whose queries and responses the dissector matches. */
const DNS_PORTS = bindingKeys('udp.port', ['dns', 'mdns', 'llmnr']);

/** The UDP payload goes to a heuristic's layer: neither port binds one and a heuristic takes it. */
function heuristicTakes(data: Uint8Array, sp: number, dp: number, offset: number, end: number): boolean {
  return !portBound('udp.port', sp, dp) && offset < end && heuristicFor('udp.port', data, offset, end) !== undefined;
}
const K = TCP_OPT;
const KL = TCP_OPT_LEN;
// Places in a plain frame (layers/plain-ipv4.ts), as constants: the walker runs per frame.
const IP_PROTO = PLAIN.ipProto;
const IP_SRC = PLAIN.ipSrc;
const IP_DST = PLAIN.ipDst;
const T = PLAIN.l4;
const SPORT = PLAIN.tcpSport;
const DPORT = PLAIN.tcpDport;
const T_SEQ = PLAIN.tcpSeq;
const T_ACK = PLAIN.tcpAck;
const T_FLAGS = PLAIN.tcpFlags;
const T_FLAGS_MASK = TCP_HEADER.flagsMask;
const T_WINDOW = PLAIN.tcpWindow;
const T_OPTIONS = PLAIN.tcpOptions;
const T_MIN = TCP_HEADER.length;
const U_SPORT = PLAIN.udpSport;
const U_DPORT = PLAIN.udpDport;
const U_LENGTH = PLAIN.udpLength;
const U_PAYLOAD = PLAIN.udpPayload;
const U_SIZE = UDP_HEADER.size;

/**
 * TCP options as the analysis reads them (the same walk as the TCP layer's
 * parseOptions), into `o` when given: a caller reading frame after frame
 * may reuse one object, as the analysis keeps none.
 */
export function analysisOptions(data: Uint8Array, from: number, to: number, o: TcpOptionsInput = {}): TcpOptionsInput {
  o.mss = o.wscale = o.sackPerm = o.sack = undefined;
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
    }
    at += len;
  }
  return o;
}

const NO_OPTIONS: TcpOptionsInput = Object.freeze({});

/**
 * A plain Ethernet/IPv4 TCP segment's input into `seg` (options into `options`); false for any
 * other frame. `reader` as in tcpSegmentInput: 'analysis' gives a payload view only where the
 * analysis reads one; 'none' gives none (an analysis that reads no payloads).
 */
function fillPlainTcp(
  record: FrameRecord,
  data: Uint8Array,
  end: number,
  seg: TcpSegmentInput,
  options: TcpOptionsInput,
  reader: 'all' | 'analysis' | 'none' = 'all',
): boolean {
  const captured = Math.min(end, data.length);
  const hdrLen = plainTcpHeaderLength(data, end);
  if (hdrLen < 0) return false;
  const payloadOffset = T + hdrLen;
  seg.frame = record.number;
  seg.time = record.timestamp;
  seg.src = ipv4Text(u32(data, IP_SRC));
  seg.dst = ipv4Text(u32(data, IP_DST));
  seg.srcPort = u16(data, SPORT);
  seg.dstPort = u16(data, DPORT);
  seg.seqRaw = u32(data, T_SEQ);
  seg.ackRaw = u32(data, T_ACK);
  seg.flags = u16(data, T_FLAGS) & T_FLAGS_MASK;
  seg.windowRaw = u16(data, T_WINDOW);
  seg.payloadLength = end - payloadOffset;
  seg.options = hdrLen > T_MIN ? analysisOptions(data, T_OPTIONS, payloadOffset, options) : NO_OPTIONS;
  seg.payload =
    reader === 'none'
      ? undefined
      : reader === 'analysis'
        ? analysisPayload(data, payloadOffset, captured - payloadOffset, seg.payloadLength, seg.srcPort, seg.dstPort)
        : data.subarray(payloadOffset, payloadOffset + Math.max(0, captured - payloadOffset));
  return true;
}

/**
 * A plain Ethernet/IPv4 TCP frame's segment as the analysis reads it, without the dissector (a
 * fresh object); undefined for any other frame, which the caller then dissects.
 */
export function plainTcpSegment(record: FrameRecord, data: Uint8Array): TcpSegmentInput | undefined {
  const end = plainIpv4End(record, data);
  if (end < 0 || data[IP_PROTO] !== IP_PROTO_TCP) return undefined;
  const seg = blankTcpSegment();
  return fillPlainTcp(record, data, end, seg, {}) ? seg : undefined;
}

/**
 * Feeds one frame's TCP or UDP header to `analyzer` when the frame is plain
 * Ethernet/IPv4; returns false (having fed nothing) when it must be dissected.
 * Frames given here and to the dissector must still come in capture order.
 */
export function createHeaderWalker(analyzer: TcpAnalyzer, readPayloads = true): (record: FrameRecord, data: Uint8Array) => boolean {
  const reader = readPayloads ? 'analysis' : 'none';
  // One segment and one set of options, refilled frame after frame (the analyzer keeps neither):
  // a fresh object per frame, with sequence numbers and timestamps above 2^31 boxed in each,
  // was much of the first pass's garbage.
  const options: TcpOptionsInput = {};
  const seg = blankTcpSegment();
  return (record, data) => {
    const end = plainIpv4End(record, data);
    if (end < 0) return false;
    const proto = data[IP_PROTO];
    const captured = Math.min(end, data.length);
    if (proto === IP_PROTO_TCP) {
      if (!fillPlainTcp(record, data, end, seg, options, reader)) return false;
      analyzer.addTcp(seg);
      return true;
    }
    if (proto !== IP_PROTO_UDP) return false;
    if (U_PAYLOAD > captured || u16(data, U_LENGTH) < U_SIZE) return false;
    // DNS, mDNS and LLMNR: the dissector notes queries and responses for matching.
    if (DNS_PORTS.has(u16(data, U_SPORT)) || DNS_PORTS.has(u16(data, U_DPORT))) return false;
    // So does a datagram on ports no layer binds that a heuristic takes (DNS on an unusual port).
    if (heuristicTakes(data, u16(data, U_SPORT), u16(data, U_DPORT), U_PAYLOAD, Math.min(end, T + u16(data, U_LENGTH)))) return false;
    analyzer.addUdp({
      frame: record.number,
      time: record.timestamp,
      src: ipv4Text(u32(data, IP_SRC)),
      dst: ipv4Text(u32(data, IP_DST)),
      srcPort: u16(data, U_SPORT),
      dstPort: u16(data, U_DPORT),
    });
    return true;
  };
}
