// Plain Ethernet/IPv4 frames, by far the commonest shape: Ethernet II, an IPv4
// header of exactly 20 bytes, not a fragment. Two fast paths read such frames
// without the dissector (analysis/header-walk.ts for the analysis' first pass,
// fields/plain-frames.ts for `fields -e`); both take the shape from here, as
// the layers would find it. Anything less plain goes through the layers.

import type { FrameRecord } from '../types.ts';
import { bindingKey } from '../bindings.ts';
import { u16 } from './context.ts';
import { ETH_HEADER } from './eth.ts';
import { IPV4_HEADER } from './ipv4.ts';
import { TCP_HEADER } from './tcp.ts';
import { UDP_HEADER } from './udp.ts';

const LINKTYPE_ETHERNET = bindingKey('linktype', 'eth');
const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');
const IP = IPV4_HEADER;
const TCP = TCP_HEADER;
const UDP = UDP_HEADER;
/** Where the IPv4 header and the transport header start. */
const PLAIN_IP = ETH_HEADER.length;
const PLAIN_L4 = PLAIN_IP + IP.length;

/**
 * Where each field of a plain frame is, counted from the frame's first byte:
 * the tables' offsets placed once, here. The fast paths copy what they read
 * into module-level constants (a frame then costs no property lookups).
 */
export const PLAIN = Object.freeze({
  ethDst: ETH_HEADER.dst,
  ethSrc: ETH_HEADER.src,
  ethType: ETH_HEADER.type,
  ip: PLAIN_IP,
  ipLen: PLAIN_IP + IP.totalLength,
  ipId: PLAIN_IP + IP.id,
  ipFlagsFragment: PLAIN_IP + IP.flagsFragment,
  ipTtl: PLAIN_IP + IP.ttl,
  ipProto: PLAIN_IP + IP.protocol,
  ipChecksum: PLAIN_IP + IP.checksum,
  ipSrc: PLAIN_IP + IP.src,
  ipDst: PLAIN_IP + IP.dst,
  l4: PLAIN_L4,
  tcpSport: PLAIN_L4 + TCP.srcPort,
  tcpDport: PLAIN_L4 + TCP.dstPort,
  tcpSeq: PLAIN_L4 + TCP.seq,
  tcpAck: PLAIN_L4 + TCP.ack,
  tcpDataOffset: PLAIN_L4 + TCP.dataOffset,
  tcpFlags: PLAIN_L4 + TCP.flags,
  /** The low byte of the flags word (FIN, SYN, ... ACK, URG). */
  tcpFlagsLow: PLAIN_L4 + TCP.flags + 1,
  tcpWindow: PLAIN_L4 + TCP.window,
  tcpChecksum: PLAIN_L4 + TCP.checksum,
  tcpUrgent: PLAIN_L4 + TCP.urgentPointer,
  /** Where TCP options begin (right after the fixed header). */
  tcpOptions: PLAIN_L4 + TCP.length,
  udpSport: PLAIN_L4 + UDP.srcPort,
  udpDport: PLAIN_L4 + UDP.dstPort,
  udpLength: PLAIN_L4 + UDP.length,
  udpChecksum: PLAIN_L4 + UDP.checksum,
  /** Where a UDP payload begins (right after the 8-byte header). */
  udpPayload: PLAIN_L4 + UDP.size,
});

// Read once here: the checks below run for every frame.
const ETH_TYPE_AT = PLAIN.ethType;
const PLAIN_VERSION_IHL = IP.plainVersionIhl;
const IP_FRAGMENT_AT = PLAIN.ipFlagsFragment;
const IP_FRAGMENT_BITS = IP.mf | IP.fragOffsetMask;
const IP_TOTAL_LENGTH_AT = PLAIN.ipLen;
const TCP_DATA_OFFSET_AT = PLAIN.tcpDataOffset;
const TCP_MIN = TCP.length;
const TCP_OPTIONS_AT = PLAIN.tcpOptions;

/**
 * Where the IPv4 payload ends, as the IPv4 layer reads it (Total Length, or
 * the frame's end when that is 0 or beyond it), or -1 when the frame is not
 * plain. The IP protocol is at data[PLAIN.ipProto].
 */
export function plainIpv4End(record: FrameRecord, data: Uint8Array): number {
  const origLen = record.origLen;
  if (record.linkType !== LINKTYPE_ETHERNET || data.length < PLAIN_L4 || origLen < PLAIN_L4) return -1;
  if (u16(data, ETH_TYPE_AT) !== ETHERTYPE_IPV4 || data[PLAIN_IP] !== PLAIN_VERSION_IHL) return -1;
  if ((u16(data, IP_FRAGMENT_AT) & IP_FRAGMENT_BITS) !== 0) return -1; // a fragment
  const totalLen = u16(data, IP_TOTAL_LENGTH_AT);
  const end = PLAIN_IP + totalLen;
  return totalLen === 0 || end > origLen ? origLen : end;
}

/**
 * The TCP header length of a plain frame whose IPv4 payload ends at `end`,
 * or -1 when the header is cut, bogus, or its options were not all captured
 * (the TCP layer knows what to mark then).
 */
export function plainTcpHeaderLength(data: Uint8Array, end: number): number {
  const t = PLAIN_L4;
  if (TCP_OPTIONS_AT > Math.min(end, data.length)) return -1;
  const hdrLen = (data[TCP_DATA_OFFSET_AT] >> 4) * 4;
  return hdrLen < TCP_MIN || hdrLen > end - t || t + hdrLen > data.length ? -1 : hdrLen;
}
