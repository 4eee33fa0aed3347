// Rewrites the addresses of one Ethernet frame through an AddressMap:
// Ethernet (and 802.1Q tags), ARP, IPv4, IPv6 with its extension headers,
// ICMPv6 neighbour discovery (target address, link-layer address options) and
// the IP header quoted inside ICMP and ICMPv6 errors.
//
// Checksums are updated incrementally (RFC 1624, eqn. 3): the change of each
// replaced 16-bit word is carried into every checksum that covers it (the IPv4
// header, the TCP/UDP/ICMPv6 pseudo-header, ICMP's body). A checksum that was
// right stays right and one that was wrong stays wrong by the same amount,
// and it works on truncated frames and fragments, whose checksum cannot be
// recomputed from the bytes in the capture. Payloads are left alone. Pure.
import type { AddressMap } from './address-map.ts';
import { bindingKey, bindingKeys } from '../../decoder/bindings.ts';
import { ARP_HEADER } from '../../decoder/layers/arp.ts';
import { u16 } from '../../decoder/layers/context.ts';
import { ETH_HEADER } from '../../decoder/layers/eth.ts';
import { ICMP_ERRORS, ICMP_HEADER } from '../../decoder/layers/icmp.ts';
import { ICMPV6_ERRORS, ICMPV6_HEADER, ICMPV6_ND, ICMPV6_ND_OPT, ICMPV6_TYPE } from '../../decoder/layers/icmpv6.ts';
import { IPV4_HEADER } from '../../decoder/layers/ipv4.ts';
import { IPV6_EXT, IPV6_EXT_HEADER, IPV6_HEADER } from '../../decoder/layers/ipv6.ts';
import { TCP_HEADER } from '../../decoder/layers/tcp.ts';
import { UDP_HEADER } from '../../decoder/layers/udp.ts';
import { VLAN_TAG } from '../../decoder/layers/vlan.ts';

const ETHERTYPE_ARP = bindingKey('ethertype', 'arp');
const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');
const ETHERTYPE_IPV6 = bindingKey('ethertype', 'ipv6');
/** 802.1Q and 802.1ad tags. */
const ETHERTYPE_VLAN = bindingKeys('ethertype', ['vlan']);
const PROTO_ICMP = bindingKey('ip.proto', 'icmp');
const PROTO_TCP = bindingKey('ip.proto', 'tcp');
const PROTO_UDP = bindingKey('ip.proto', 'udp');
const PROTO_ICMPV6 = bindingKey('ip.proto', 'icmpv6');
const TCP_CHECKSUM = TCP_HEADER.checksum;
const UDP_CHECKSUM = UDP_HEADER.checksum;
const EH = ETH_HEADER;
const AH = ARP_HEADER;
const IH = IPV4_HEADER;
const XH = IPV6_HEADER;
const EXT = IPV6_EXT;
const CH = ICMP_HEADER;
const C6 = ICMPV6_HEADER;
const C6T = ICMPV6_TYPE;
const ND = ICMPV6_ND;
const XE = IPV6_EXT_HEADER;
const MAC = EH.addressLength;
/** The EtherType field: what follows it is the layer it names. */
const ETH_TYPE_SIZE = EH.length - EH.type;
const V4 = AH.ipv4Size;
const V6 = XH.dst - XH.src;

export interface RewriteResult {
  data: Uint8Array;
  /** Whether any byte changed. */
  changed: boolean;
}

const LINKTYPE_ETHERNET = bindingKey('linktype', 'eth');
/** Neighbour discovery's source and target link-layer address options. */
const LINK_ADDRESS_OPTIONS: ReadonlySet<number> = new Set([ICMPV6_ND_OPT.SOURCE_LINK_ADDR, ICMPV6_ND_OPT.TARGET_LINK_ADDR]);

/** Sum of 16-bit words of bytes (even length), folded. */
function wordSum(bytes: Uint8Array): number {
  let s = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) s += u16(bytes, i);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

class Frame {
  out: Uint8Array;
  changed = false;
  constructor(data: Uint8Array) {
    this.out = data.slice();
  }
  has(at: number, len: number): boolean {
    return at >= 0 && at + len <= this.out.length;
  }
  /**
   * Writes bytes at `at` and carries the change into each checksum field
   * listed (offsets; a field beyond the captured bytes is skipped). Each entry
   * may list the checksums that cover that checksum field in turn.
   */
  replace(at: number, bytes: Uint8Array, checksums: Checksum[]): void {
    if (!this.has(at, bytes.length)) return;
    const old = this.out.slice(at, at + bytes.length);
    if (old.every((b, i) => b === bytes[i])) return;
    this.out.set(bytes, at);
    this.changed = true;
    for (const c of checksums) this.adjust(c, old, bytes);
  }
  private adjust(c: Checksum, old: Uint8Array, now: Uint8Array): void {
    if (!this.has(c.at, 2)) return;
    const hc = u16(this.out, c.at);
    if (c.zeroMeansNone && hc === 0) return;
    // HC' = ~(~HC + ~m + m')
    let s = (~hc & 0xffff) + (~wordSum(old) & 0xffff) + wordSum(now);
    while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
    let next = ~s & 0xffff;
    if (c.zeroMeansNone && next === 0) next = 0xffff;
    this.replace(c.at, Uint8Array.of(next >> 8, next & 0xff), c.outer ?? []);
  }
}

/** A checksum field, and the checksums that cover it. */
interface Checksum {
  at: number;
  /** UDP: 0 means "no checksum", and a computed 0 is sent as 0xffff. */
  zeroMeansNone?: boolean;
  outer?: Checksum[];
}

export function rewriteFrame(data: Uint8Array, linkType: number, map: AddressMap): RewriteResult {
  const f = new Frame(data);
  if (linkType === LINKTYPE_ETHERNET && f.has(0, EH.length)) {
    f.replace(EH.dst, map.mac(data.subarray(EH.dst, EH.dst + MAC)), []);
    f.replace(EH.src, map.mac(data.subarray(EH.src, EH.src + MAC)), []);
    let p = EH.type;
    let type = u16(data, p);
    // 802.1Q / 802.1ad tags before the real type: each moves it one tag further.
    while (ETHERTYPE_VLAN.has(type) && f.has(p + VLAN_TAG.length, ETH_TYPE_SIZE)) {
      p += VLAN_TAG.length;
      type = u16(data, p);
    }
    const l3 = p + ETH_TYPE_SIZE;
    if (type === ETHERTYPE_ARP) arp(f, l3, map);
    else if (type === ETHERTYPE_IPV4) ipv4(f, l3, map, []);
    else if (type === ETHERTYPE_IPV6) ipv6(f, l3, map, []);
  }
  return { data: f.out, changed: f.changed };
}

function arp(f: Frame, o: number, map: AddressMap): void {
  const b = f.out;
  if (
    !f.has(o, AH.ethernetIpv4Length) ||
    u16(b, o + AH.hwType) !== AH.hwEthernet ||
    u16(b, o + AH.protoType) !== ETHERTYPE_IPV4 ||
    b[o + AH.hwSize] !== AH.ethernetSize ||
    b[o + AH.protoSize] !== AH.ipv4Size
  )
    return;
  const mac = (at: number) => f.replace(o + at, map.mac(b.slice(o + at, o + at + MAC)), []);
  const ip = (at: number) => f.replace(o + at, map.ipv4(b.slice(o + at, o + at + V4)), []);
  mac(AH.senderMac);
  ip(AH.senderIp);
  mac(AH.targetMac);
  ip(AH.targetIp);
}

/**
 * An IPv4 header at o (and what it carries when it is not quoted). `outer`
 * are the checksums that cover this header: ICMP's, for a quoted header.
 */
function ipv4(f: Frame, o: number, map: AddressMap, outer: Checksum[], quoted = false): void {
  const b = f.out;
  if (!f.has(o, IH.length) || b[o + IH.versionIhl]! >> 4 !== IH.version) return;
  const ihl = (b[o + IH.versionIhl]! & IH.ihlMask) * IH.ihlUnit;
  if (ihl < IH.length) return;
  const proto = b[o + IH.protocol]!;
  const firstFragment = (u16(b, o + IH.flagsFragment) & IH.fragOffsetMask) === 0;
  const t = o + ihl;
  const header: Checksum = { at: o + IH.checksum, outer };
  const covering: Checksum[] = [header, ...outer];
  if (firstFragment && !quoted) {
    if (proto === PROTO_TCP) covering.push({ at: t + TCP_CHECKSUM, outer });
    if (proto === PROTO_UDP) covering.push({ at: t + UDP_CHECKSUM, zeroMeansNone: true, outer });
  }
  f.replace(o + IH.src, map.ipv4(b.slice(o + IH.src, o + IH.src + V4)), covering);
  f.replace(o + IH.dst, map.ipv4(b.slice(o + IH.dst, o + IH.dst + V4)), covering);
  if (quoted || !firstFragment) return;
  // An ICMP error quotes the header of the packet it is about.
  if (proto === PROTO_ICMP && f.has(t, CH.length) && ICMP_ERRORS.has(b[t + CH.type]!)) ipv4(f, t + CH.length, map, [{ at: t + CH.checksum }], true);
}

/** Offset and protocol of the upper layer after the extension headers, or undefined (a later fragment). */
function upperLayer(b: Uint8Array, o: number, has: (at: number, len: number) => boolean): { at: number; proto: number } | undefined {
  let nh = b[o + XH.nextHeader]!;
  let p = o + XH.length;
  for (;;) {
    if (nh === EXT.HOP_BY_HOP || nh === EXT.ROUTING || nh === EXT.DESTINATION) {
      if (!has(p, XE.length + 1)) return undefined;
      nh = b[p + XE.nextHeader]!;
      p += (b[p + XE.length]! + 1) * XE.lengthUnit;
    } else if (nh === EXT.FRAGMENT) {
      if (!has(p, XE.fragLength)) return undefined;
      // A later fragment: its upper-layer header is in the first one.
      if ((u16(b, p + XE.fragOffset) & XE.fragOffsetMask) !== 0) return undefined;
      nh = b[p + XE.nextHeader]!;
      p += XE.fragLength;
    } else return { at: p, proto: nh };
  }
}

function ipv6(f: Frame, o: number, map: AddressMap, outer: Checksum[], quoted = false): void {
  const b = f.out;
  if (!f.has(o, XH.length) || b[o + XH.versionClassFlow]! >> 4 !== XH.version) return;
  const upper = upperLayer(b, o, (at, len) => f.has(at, len));
  const covering: Checksum[] = [...outer];
  if (upper && !quoted) {
    const { at: t, proto } = upper;
    if (proto === PROTO_TCP) covering.push({ at: t + TCP_CHECKSUM, outer });
    if (proto === PROTO_UDP) covering.push({ at: t + UDP_CHECKSUM, zeroMeansNone: true, outer });
    if (proto === PROTO_ICMPV6) covering.push({ at: t + C6.checksum, outer });
  }
  f.replace(o + XH.src, map.ipv6(b.slice(o + XH.src, o + XH.src + V6)), covering);
  f.replace(o + XH.dst, map.ipv6(b.slice(o + XH.dst, o + XH.dst + V6)), covering);
  if (quoted || !upper || upper.proto !== PROTO_ICMPV6 || !f.has(upper.at, C6.body)) return;
  icmpv6(f, upper.at, map);
}

/** ICMPv6: neighbour discovery addresses and options, and the header quoted by errors. */
function icmpv6(f: Frame, t: number, map: AddressMap): void {
  const b = f.out;
  const type = b[t + C6.type]!;
  const sum: Checksum[] = [{ at: t + C6.checksum }];
  if (ICMPV6_ERRORS.has(type)) return ipv6(f, t + C6.length, map, sum, true);
  let options: number | undefined;
  if (type === C6T.ROUTER_SOLICITATION) options = t + ND.rsOptions;
  if (type === C6T.ROUTER_ADVERTISEMENT) options = t + ND.raOptions;
  if (type === C6T.NEIGHBOR_SOLICITATION || type === C6T.NEIGHBOR_ADVERTISEMENT) {
    const at = t + ND.target;
    if (f.has(at, V6)) f.replace(at, map.ipv6(b.slice(at, at + V6)), sum);
    options = t + ND.targetOptions;
  }
  // Every option is at least one length unit.
  for (let p = options ?? b.length; f.has(p, ND.optLengthUnit); ) {
    const opt = b[p + ND.optType]!;
    const len = b[p + ND.optLength]! * ND.optLengthUnit;
    if (len === 0) break;
    const lla = p + ND.optLinkAddr;
    if (LINK_ADDRESS_OPTIONS.has(opt) && len === ND.optEthernetLength) f.replace(lla, map.mac(b.slice(lla, lla + MAC)), sum);
    p += len;
  }
}
