// Whether a capture's TCP window scales are settled in reading order: a quick
// look over the bytes, before the real reading, that lets `fields` answer
// tcp.window_size in one pass.
//
// Two passes give every frame the scale its conversation ends with; one pass
// gives the scale known when the frame is read. A conversation's scales are
// set only by its SYN and SYN-ACK (analysis/tcp-analyzer.ts), so the two
// agree unless a SYN comes after another segment of the same conversation:
// a SYN-ACK repeated after the handshake, a port reused, a segment captured
// before the SYN-ACK. The look marks each address/port pair that has sent a
// segment without SYN and says no at the first SYN on a marked pair. Pairs
// are hashed into a bit table: a collision can only say no where yes was
// right, which costs the second pass and never a wrong answer. Frames the
// look cannot read as plainly (VLAN tags, IPv6, IPv4 options or fragments,
// other link types) also say no.

import type { FramePeek } from '../capture/capture-types.ts';
import { bindings, bindingKey } from '../bindings.ts';
import { IPV4_HEADER } from '../layers/ipv4.ts';
import { PLAIN } from '../layers/plain-ipv4.ts';
import { TCP_FLAG } from '../layers/tcp-flags.ts';
import { u16, u32 } from '../layers/context.ts';

const LINKTYPE_ETHERNET = bindingKey('linktype', 'eth');
const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');
const PROTO_TCP = bindingKey('ip.proto', 'tcp');
const ETH_TYPE = PLAIN.ethType;
const IP_VERSION_IHL = PLAIN.ip;
const IP_FRAG = PLAIN.ipFlagsFragment;
const FRAGMENT_BITS = IPV4_HEADER.mf | IPV4_HEADER.fragOffsetMask;
const IP_PROTO = PLAIN.ipProto;
const IP_SRC = PLAIN.ipSrc;
const IP_DST = PLAIN.ipDst;
const SPORT = PLAIN.tcpSport;
const DPORT = PLAIN.tcpDport;
const FLAGS_LOW = PLAIN.tcpFlagsLow;
const SYN = TCP_FLAG.SYN;
/** A link type the look answers for: -1 is a pcapng block that is not a packet (no TCP in it). */
const NOT_A_PACKET = -1;

const HASH_BITS = 20;

/** An ethertype whose frames can hold no TCP segment: unbound (read as data), or ARP. */
function holdsNoTcp(ethertype: number): boolean {
  const layer = bindings.ethertype[ethertype];
  return layer === undefined || layer === 'arp';
}

/** One side of a pair, mixed so that the two sides' sum names the pair whichever way it is read. */
const side = (addr: number, port: number): number => Math.imul(addr ^ Math.imul(port, 0x9e3779b1), 0x85ebca6b) ^ (addr >>> 13);

export interface ScaleCheck {
  /** Give to CaptureStream.pushPeek for every chunk of the capture. */
  readonly peek: FramePeek;
  /** False once a frame showed that one pass could give a frame another scale than two passes. */
  readonly settled: boolean;
}

export function createScaleCheck(): ScaleCheck {
  const sentPlain = new Uint8Array(1 << (HASH_BITS - 3));
  let settled = true;
  const peek: FramePeek = (b, at, capLen, _origLen, linkType) => {
    if (!settled || linkType === NOT_A_PACKET) return;
    if (linkType !== LINKTYPE_ETHERNET) {
      settled = false;
      return;
    }
    if (capLen < ETH_TYPE + 2) return; // a runt: no TCP
    const type = u16(b, at + ETH_TYPE);
    if (type !== ETHERTYPE_IPV4) {
      if (!holdsNoTcp(type)) settled = false;
      return;
    }
    if (capLen <= IP_PROTO) {
      settled = false;
      return;
    }
    const plain = b[at + IP_VERSION_IHL] === IPV4_HEADER.plainVersionIhl && (u16(b, at + IP_FRAG) & FRAGMENT_BITS) === 0;
    if (b[at + IP_PROTO] !== PROTO_TCP) return;
    if (!plain || capLen <= FLAGS_LOW) {
      settled = false;
      return;
    }
    const h = (side(u32(b, at + IP_SRC), u16(b, at + SPORT)) + side(u32(b, at + IP_DST), u16(b, at + DPORT))) >>> (32 - HASH_BITS);
    const byte = h >>> 3;
    const bit = 1 << (h & 7);
    if ((b[at + FLAGS_LOW] & SYN) === 0) sentPlain[byte] |= bit;
    else if ((sentPlain[byte] & bit) !== 0) settled = false;
  };
  return {
    peek,
    get settled() {
      return settled;
    },
  };
}
