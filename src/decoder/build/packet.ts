// Assembles one frame from field values: link, network, transport, payload.
// Lengths and checksums are computed (RFC 791 header checksum, RFC 768 and
// RFC 9293 pseudo-header checksums) unless the spec forces a stored value.

import { expectedChecksum, ipv4PseudoSum, ipv6PseudoSum } from '../checksum.ts';
import { concat, putU16, putU32 } from './bytes.ts';
import { encodeTcpOptions } from './tcp-options.ts';
import type { TcpOption } from './tcp-options.ts';
import { bindingKey } from '../bindings.ts';
import { ARP_HEADER } from '../layers/arp.ts';
import { ETH_HEADER } from '../layers/eth.ts';
import { IPV4_HEADER } from '../layers/ipv4.ts';
import { IPV6_HEADER } from '../layers/ipv6.ts';
import { TCP_FLAG, TCP_HEADER } from '../layers/tcp.ts';
import { UDP_HEADER } from '../layers/udp.ts';

const EH = ETH_HEADER;
const IH = IPV4_HEADER;
const XH = IPV6_HEADER;
const AH = ARP_HEADER;
const TH = TCP_HEADER;
const UH = UDP_HEADER;
const PROTO_TCP = bindingKey('ip.proto', 'tcp');
const PROTO_UDP = bindingKey('ip.proto', 'udp');
const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');
const ETHERTYPE_IPV6 = bindingKey('ethertype', 'ipv6');
const ETHERTYPE_ARP = bindingKey('ethertype', 'arp');

export interface EthSpec {
  src: Uint8Array;
  dst: Uint8Array;
  /** EtherType; by default from the next layer. */
  type?: number;
}
export interface Ipv4Spec {
  version: 4;
  src: Uint8Array;
  dst: Uint8Array;
  id: number;
  ttl: number;
  df: boolean;
  dscp: number;
  ecn: number;
  /** Stored header checksum instead of the computed one. */
  checksum?: number;
}
export interface Ipv6Spec {
  version: 6;
  src: Uint8Array;
  dst: Uint8Array;
  hopLimit: number;
  flowLabel: number;
  dscp: number;
  ecn: number;
}
export interface UdpSpec {
  proto: 'udp';
  sport: number;
  dport: number;
  checksum?: number;
}
export interface TcpSpec {
  proto: 'tcp';
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  /** The 12 flag bits (AE..FIN) as a number. */
  flags: number;
  window: number;
  urgent: number;
  options: TcpOption[];
  checksum?: number;
}
export interface ArpSpec {
  op: number;
  senderMac: Uint8Array;
  senderIp: Uint8Array;
  targetMac: Uint8Array;
  targetIp: Uint8Array;
}

export interface PacketSpec {
  link: 'ethernet' | 'raw';
  eth?: EthSpec;
  ip?: Ipv4Spec | Ipv6Spec;
  l4?: UdpSpec | TcpSpec;
  arp?: ArpSpec;
  payload: Uint8Array;
  /** Ethernet: pad with zeros to this frame length (60 for the minimum frame without FCS). */
  padTo?: number;
}

/** Where the builder put each header and what it computed, for the checks and the comment. */
export interface Built {
  data: Uint8Array;
  /** Computed values by Wireshark field name (ip.checksum, tcp.checksum, ip.len, udp.length...). */
  computed: Record<string, number>;
}

/** Flag names a spec may list, with their bits (the reserved bits have no name to set them by). */
export const TCP_FLAG_BITS: Readonly<Record<string, number>> = {
  FIN: TCP_FLAG.FIN,
  SYN: TCP_FLAG.SYN,
  RST: TCP_FLAG.RST,
  PSH: TCP_FLAG.PSH,
  ACK: TCP_FLAG.ACK,
  URG: TCP_FLAG.URG,
  ECE: TCP_FLAG.ECE,
  CWR: TCP_FLAG.CWR,
  AE: TCP_FLAG.AE,
};

function ipv4Header(ip: Ipv4Spec, proto: number, payloadLen: number, computed: Record<string, number>): Uint8Array {
  const h = new Uint8Array(IH.length);
  h[IH.versionIhl] = IH.plainVersionIhl;
  h[IH.dsfield] = (ip.dscp << 2) | ip.ecn;
  putU16(h, IH.totalLength, IH.length + payloadLen);
  putU16(h, IH.id, ip.id);
  putU16(h, IH.flagsFragment, ip.df ? IH.df : 0);
  h[IH.ttl] = ip.ttl;
  h[IH.protocol] = proto;
  h.set(ip.src, IH.src);
  h.set(ip.dst, IH.dst);
  const sum = expectedChecksum(h, 0, IH.length, IH.checksum);
  computed['ip.len'] = IH.length + payloadLen;
  computed['ip.checksum_calculated'] = sum;
  putU16(h, IH.checksum, ip.checksum ?? sum);
  return h;
}

function ipv6Header(ip: Ipv6Spec, next: number, payloadLen: number, computed: Record<string, number>): Uint8Array {
  const h = new Uint8Array(XH.length);
  const tclass = (ip.dscp << 2) | ip.ecn;
  putU32(h, XH.versionClassFlow, ((6 << 28) >>> 0) + tclass * 0x100000 + ip.flowLabel);
  putU16(h, XH.payloadLength, payloadLen);
  h[XH.nextHeader] = next;
  h[XH.hopLimit] = ip.hopLimit;
  h.set(ip.src, XH.src);
  h.set(ip.dst, XH.dst);
  computed['ipv6.plen'] = payloadLen;
  return h;
}

function pseudoSum(ip: Ipv4Spec | Ipv6Spec, proto: number, len: number): number {
  if (ip.version === 4) {
    const v = (b: Uint8Array) => ((b[0] << 24) >>> 0) + (b[1] << 16) + (b[2] << 8) + b[3];
    return ipv4PseudoSum(v(ip.src), v(ip.dst), proto, len);
  }
  return ipv6PseudoSum(concat([ip.src, ip.dst]), 0, 16, proto, len);
}

function transport(l4: UdpSpec | TcpSpec, ip: Ipv4Spec | Ipv6Spec | undefined, payload: Uint8Array, computed: Record<string, number>): Uint8Array {
  if (l4.proto === 'udp') {
    const seg = concat([new Uint8Array(UH.size), payload]);
    putU16(seg, UH.srcPort, l4.sport);
    putU16(seg, UH.dstPort, l4.dport);
    putU16(seg, UH.length, seg.length);
    computed['udp.length'] = seg.length;
    if (ip) {
      let sum = expectedChecksum(seg, 0, seg.length, UH.checksum, pseudoSum(ip, PROTO_UDP, seg.length));
      if (sum === 0) sum = 0xffff; // RFC 768: a computed zero is sent as all ones
      computed['udp.checksum_calculated'] = sum;
      putU16(seg, UH.checksum, l4.checksum ?? sum);
    } else putU16(seg, UH.checksum, l4.checksum ?? 0);
    return seg;
  }
  const opts = encodeTcpOptions(l4.options);
  const hlen = TH.length + opts.length;
  const seg = concat([new Uint8Array(TH.length), opts, payload]);
  putU16(seg, TH.srcPort, l4.sport);
  putU16(seg, TH.dstPort, l4.dport);
  putU32(seg, TH.seq, l4.seq);
  putU32(seg, TH.ack, l4.ack);
  // Data offset in the top nibble of the word the flags share.
  putU16(seg, TH.flags, ((hlen / 4) << 12) | l4.flags);
  putU16(seg, TH.window, l4.window);
  putU16(seg, TH.urgentPointer, l4.urgent);
  computed['tcp.hdr_len'] = hlen;
  computed['tcp.len'] = payload.length;
  if (ip) {
    const sum = expectedChecksum(seg, 0, seg.length, TH.checksum, pseudoSum(ip, PROTO_TCP, seg.length));
    computed['tcp.checksum_calculated'] = sum;
    putU16(seg, TH.checksum, l4.checksum ?? sum);
  } else putU16(seg, TH.checksum, l4.checksum ?? 0);
  return seg;
}

function arpBody(a: ArpSpec): Uint8Array {
  const b = new Uint8Array(AH.ethernetIpv4Length);
  putU16(b, AH.hwType, AH.hwEthernet);
  putU16(b, AH.protoType, ETHERTYPE_IPV4);
  b[AH.hwSize] = AH.ethernetSize;
  b[AH.protoSize] = AH.ipv4Size;
  putU16(b, AH.opcode, a.op);
  b.set(a.senderMac, AH.senderMac);
  b.set(a.senderIp, AH.senderIp);
  b.set(a.targetMac, AH.targetMac);
  b.set(a.targetIp, AH.targetIp);
  return b;
}

export function buildPacket(p: PacketSpec): Built {
  const computed: Record<string, number> = {};
  let network: Uint8Array;
  let etherType: number;
  if (p.arp) {
    network = concat([arpBody(p.arp), p.payload]);
    etherType = ETHERTYPE_ARP;
  } else if (p.ip) {
    const proto = p.l4 ? (p.l4.proto === 'udp' ? PROTO_UDP : PROTO_TCP) : 253; // 253: RFC 3692 experimentation
    const upper = p.l4 ? transport(p.l4, p.ip, p.payload, computed) : p.payload;
    const head = p.ip.version === 4 ? ipv4Header(p.ip, proto, upper.length, computed) : ipv6Header(p.ip, proto, upper.length, computed);
    network = concat([head, upper]);
    etherType = p.ip.version === 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
  } else {
    network = p.l4 ? transport(p.l4, undefined, p.payload, computed) : p.payload;
    etherType = 0x88b5; // IEEE 802 local experimental
  }
  if (p.link === 'raw') {
    computed['frame.len'] = network.length;
    return { data: network, computed };
  }
  const eth = p.eth!;
  const head = new Uint8Array(EH.length);
  head.set(eth.dst, EH.dst);
  head.set(eth.src, EH.src);
  putU16(head, EH.type, eth.type ?? etherType);
  let data = concat([head, network]);
  if (p.padTo !== undefined && data.length < p.padTo) data = concat([data, new Uint8Array(p.padTo - data.length)]);
  computed['frame.len'] = data.length;
  return { data, computed };
}
