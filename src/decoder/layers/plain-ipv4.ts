// Plain Ethernet/IPv4 frames, by far the commonest shape: Ethernet II, an IPv4
// header of exactly 20 bytes, not a fragment. Two fast paths read such frames
// without the dissector (analysis/header-walk.ts for the analysis' first pass,
// fields/plain-frames.ts for `fields -e`); both take the shape from here, as
// the layers would find it. Anything less plain goes through the layers.

import type { FrameRecord } from '../types.ts';
import { u16 } from './context.ts';

const LINKTYPE_ETHERNET = 1;
const ETHERTYPE_IPV4 = 0x0800;
/** Where the IPv4 header and the transport header start. */
export const PLAIN_IP = 14;
export const PLAIN_L4 = PLAIN_IP + 20;

/**
 * Where the IPv4 payload ends, as the IPv4 layer reads it (Total Length, or
 * the frame's end when that is 0 or beyond it), or -1 when the frame is not
 * plain. The IP protocol is at data[PLAIN_IP + 9].
 */
export function plainIpv4End(record: FrameRecord, data: Uint8Array): number {
  const origLen = record.origLen;
  if (record.linkType !== LINKTYPE_ETHERNET || data.length < PLAIN_L4 || origLen < PLAIN_L4) return -1;
  if (u16(data, 12) !== ETHERTYPE_IPV4 || data[PLAIN_IP] !== 0x45) return -1;
  if ((u16(data, PLAIN_IP + 6) & 0x3fff) !== 0) return -1; // a fragment
  const totalLen = u16(data, PLAIN_IP + 2);
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
  if (t + 20 > Math.min(end, data.length)) return -1;
  const hdrLen = (data[t + 12] >> 4) * 4;
  return hdrLen < 20 || hdrLen > end - t || t + hdrLen > data.length ? -1 : hdrLen;
}
