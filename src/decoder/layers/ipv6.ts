// IPv6 (RFC 8200): fixed header, then the extension headers walked in order
// (hop-by-hop, routing, fragment, destination options) up to the upper layer.

import { defineFields } from '../fields/spec.ts';
import type { FieldSpec, ProtocolTable } from '../fields/spec.ts';
import { bitPattern, hexOf, ipv6Text } from '../fields/format.ts';
import { need, u16, u32 } from './context.ts';
import type { Decoder, LayerContext } from './context.ts';
import { DSCP_LONG, ECN_LONG, dsSummary } from './dscp.ts';
import { IP_PROTOCOLS } from './ipproto.ts';
import { IPV6_REASSEMBLY, askSession, dissectDatagram, ipv6ReassemblyFields as R } from './ip-reassembly.ts';

const OPT_TYPES: Readonly<Record<number, string>> = {
  0x00: 'Pad1',
  0x01: 'PadN',
  0x04: 'Tunnel Encapsulation Limit',
  0x05: 'Router Alert',
  0x07: 'CALIPSO',
  0x08: 'SMF_DPD',
  0x26: 'Quick-Start',
  0x63: 'RPL Option',
  0xc2: 'Jumbo Payload',
  0xc9: 'Home Address',
};
const OPT_ACTIONS: Readonly<Record<number, string>> = {
  0: 'Skip and continue',
  1: 'Discard packet',
  2: 'Discard packet and send ICMP Parameter Problem',
  3: 'Discard packet and send ICMP Parameter Problem if not multicast',
};
const ROUTER_ALERT: Readonly<Record<number, string>> = { 0: 'MLD', 1: 'RSVP', 2: 'Active Networks' };
const ROUTING_TYPES: Readonly<Record<number, string>> = {
  0: 'Source Route',
  1: 'Nimrod',
  2: 'Type 2 Routing',
  3: 'RPL Source Route Header',
  4: 'Segment Routing',
  5: 'CRH-16',
  6: 'CRH-32',
};
const YES_NO: readonly [string, string] = ['Yes', 'No'];

const octets = (v: unknown) => `${v} bytes`;

/** Fixed header byte offsets (RFC 8200 3): version, traffic class and flow label share the first word. */
export const IPV6_HEADER = { version: 6, versionClassFlow: 0, payloadLength: 4, nextHeader: 6, hopLimit: 7, src: 8, dst: 24, length: 40 } as const;

const XH = IPV6_HEADER;

/** Next Header values of the extension headers the decoder walks (RFC 8200 4), and No Next Header (4.7). */
export const IPV6_EXT = { HOP_BY_HOP: 0, ROUTING: 43, FRAGMENT: 44, DESTINATION: 60, NONE: 59 } as const;

/**
 * Extension header byte offsets (RFC 8200 4): every one begins with Next Header and (but the
 * fragment header) a length in 8-octet units not counting the first 8; the fragment header is
 * 8 bytes, its offset (in 8-octet units), reserved bits and M flag sharing one 16-bit word.
 */
export const IPV6_EXT_HEADER = {
  nextHeader: 0,
  length: 1,
  lengthUnit: 8,
  fragOffset: 2,
  fragIdent: 4,
  fragLength: 8,
  fragOffsetMask: 0xfff8,
  fragReservedMask: 0x0006,
  fragMoreMask: 0x0001,
} as const;

const EXT = IPV6_EXT;
const EH = IPV6_EXT_HEADER;

const ipv6Fields = defineFields({
  ipv6: { name: 'ipv6', label: 'Internet Protocol Version 6', type: 'protocol' },
  version: { name: 'ipv6.version', label: 'Version', type: 'uint', bits: 4, width: 8, mask: 0xf0 },
  // Wireshark's IPv6 dissector also sets ip.version, hidden, so "ip.version == 6" finds IPv6.
  ipVersion: { name: 'ip.version', label: 'Version', type: 'uint', bits: 4, width: 8, mask: 0xf0, hidden: true },
  tclass: { name: 'ipv6.tclass', label: 'Traffic Class', type: 'uint', bits: 8, width: 32, mask: 0x0ff00000, base: 'hex' },
  dscp: { name: 'ipv6.tclass.dscp', label: 'Differentiated Services Codepoint', type: 'uint', width: 32, mask: 0x0fc00000, strings: DSCP_LONG },
  ecn: { name: 'ipv6.tclass.ecn', label: 'Explicit Congestion Notification', type: 'uint', width: 32, mask: 0x00300000, strings: ECN_LONG },
  flow: { name: 'ipv6.flow', label: 'Flow Label', type: 'uint', bits: 20, width: 24, mask: 0x0fffff, base: 'hex' },
  plen: { name: 'ipv6.plen', label: 'Payload Length', type: 'uint', bits: 16, width: 16 },
  nxt: { name: 'ipv6.nxt', label: 'Next Header', type: 'uint', bits: 8, width: 8, strings: IP_PROTOCOLS },
  hlim: { name: 'ipv6.hlim', label: 'Hop Limit', type: 'uint', bits: 8, width: 8 },
  src: { name: 'ipv6.src', label: 'Source Address', type: 'ipv6', bits: 128 },
  dst: { name: 'ipv6.dst', label: 'Destination Address', type: 'ipv6', bits: 128 },
  addr: { name: 'ipv6.addr', label: 'Source or Destination Address', type: 'ipv6', hidden: true },
  srcHost: { name: 'ipv6.src_host', label: 'Source Host', type: 'string', hidden: true },
  dstHost: { name: 'ipv6.dst_host', label: 'Destination Host', type: 'string', hidden: true },
  host: { name: 'ipv6.host', label: 'Source or Destination Host', type: 'string', hidden: true },
  hopopts: { name: 'ipv6.hopopts', label: 'IPv6 Hop-by-Hop Option', type: 'protocol' },
  hopoptsNxt: { name: 'ipv6.hopopts.nxt', label: 'Next Header', type: 'uint', width: 8, strings: IP_PROTOCOLS },
  hopoptsLen: { name: 'ipv6.hopopts.len', label: 'Length', type: 'uint', width: 8 },
  hopoptsLenOct: { name: 'ipv6.hopopts.len_oct', label: 'Length', type: 'uint', width: 16, fmt: octets, generated: false },
  dstopts: { name: 'ipv6.dstopts', label: 'Destination Options for IPv6', type: 'protocol' },
  dstoptsNxt: { name: 'ipv6.dstopts.nxt', label: 'Next Header', type: 'uint', width: 8, strings: IP_PROTOCOLS },
  dstoptsLen: { name: 'ipv6.dstopts.len', label: 'Length', type: 'uint', width: 8 },
  dstoptsLenOct: { name: 'ipv6.dstopts.len_oct', label: 'Length', type: 'uint', width: 16, fmt: octets },
  opt: { name: 'ipv6.opt', label: 'IPv6 Option', type: 'none' },
  optType: { name: 'ipv6.opt.type', label: 'Type', type: 'uint', width: 8, base: 'hex', strings: OPT_TYPES },
  optAction: { name: 'ipv6.opt.type.action', label: 'Action', type: 'uint', width: 8, mask: 0xc0, strings: OPT_ACTIONS },
  optChange: { name: 'ipv6.opt.type.change', label: 'May Change', type: 'bool', width: 8, mask: 0x20, tfs: YES_NO },
  optRest: { name: 'ipv6.opt.type.rest', label: 'Low-Order Bits', type: 'uint', width: 8, mask: 0x1f, base: 'hex' },
  optLength: { name: 'ipv6.opt.length', label: 'Length', type: 'uint', width: 8 },
  optPad1: { name: 'ipv6.opt.pad1', label: 'Pad1', type: 'none' },
  optPadn: {
    name: 'ipv6.opt.padn',
    label: 'PadN',
    type: 'bytes',
    fmt: (v) => (v instanceof Uint8Array && v.length ? [...v].map((b) => b.toString(16).padStart(2, '0')).join('') : '<none>'),
  },
  optRouterAlert: { name: 'ipv6.opt.router_alert', label: 'Router Alert', type: 'uint', width: 16, strings: ROUTER_ALERT },
  optData: { name: 'ipv6.opt.unknown', label: 'Unknown Option Payload', type: 'bytes' },
  routing: { name: 'ipv6.routing', label: 'Routing Header for IPv6', type: 'protocol' },
  routingNxt: { name: 'ipv6.routing.nxt', label: 'Next Header', type: 'uint', width: 8, strings: IP_PROTOCOLS },
  routingLen: { name: 'ipv6.routing.len', label: 'Length', type: 'uint', width: 8 },
  routingLenOct: { name: 'ipv6.routing.len_oct', label: 'Length', type: 'uint', width: 16, fmt: octets },
  routingType: { name: 'ipv6.routing.type', label: 'Type', type: 'uint', width: 8, strings: ROUTING_TYPES },
  routingSegleft: { name: 'ipv6.routing.segleft', label: 'Segments Left', type: 'uint', width: 8 },
  routingSrcReserved: { name: 'ipv6.routing.src.reserved', label: 'Reserved', type: 'bytes' },
  routingSrcAddr: { name: 'ipv6.routing.src.addr', label: 'Address', type: 'ipv6' },
  routingMipv6Reserved: { name: 'ipv6.routing.mipv6.reserved', label: 'Reserved', type: 'bytes' },
  routingMipv6Home: { name: 'ipv6.routing.mipv6.home_address', label: 'Home Address', type: 'ipv6' },
  routingData: { name: 'ipv6.routing.unknown_data', label: 'Type-Specific Data', type: 'bytes' },
  fraghdr: { name: 'ipv6.fraghdr', label: 'Fragment Header for IPv6', type: 'protocol' },
  fragNxt: { name: 'ipv6.fraghdr.nxt', label: 'Next header', type: 'uint', width: 8, strings: IP_PROTOCOLS },
  fragReservedOctet: { name: 'ipv6.fraghdr.reserved_octet', label: 'Reserved octet', type: 'uint', width: 8, base: 'hex' },
  fragOffset: { name: 'ipv6.fraghdr.offset', label: 'Offset', type: 'uint', width: 16, mask: EH.fragOffsetMask, fmt: (v) => `${v} (${Number(v) * 8} bytes)` },
  fragReservedBits: { name: 'ipv6.fraghdr.reserved_bits', label: 'Reserved bits', type: 'uint', width: 16, mask: EH.fragReservedMask },
  fragMore: { name: 'ipv6.fraghdr.more', label: 'More Fragments', type: 'bool', width: 16, mask: EH.fragMoreMask, tfs: YES_NO },
  fragIdent: { name: 'ipv6.fraghdr.ident', label: 'Identification', type: 'uint', width: 32, base: 'hex' },
});

const X = ipv6Fields;

export const ipv6Table: ProtocolTable = {
  layer: 'ipv6',
  filter: 'ipv6',
  title: 'Internet Protocol Version 6',
  header: [X.version, X.tclass, X.flow, X.plen, X.nxt, X.hlim, X.src, X.dst],
  fields: { ...ipv6Fields, ...R },
};

/** Decoded IPv6 header values. */
export interface Ipv6Record {
  offset: number;
  /** Traffic class byte. */
  tclass: number;
  flow: number;
  payloadLen: number;
  /** The first Next Header, and the upper-layer protocol after the extension headers. */
  nextHeader: number;
  upperProtocol: number;
  hopLimit: number;
  src: Uint8Array;
  dst: Uint8Array;
  /** Where the destination the pseudo-header uses sits (the final one when a routing header is present). */
  dstAt: number;
  /** That destination's bytes (a reassembled datagram's transport reads them while its own bytes are elsewhere). */
  finalDst: Uint8Array;
  /** Extension headers walked, as frame.protocols names them. */
  extensions: string[];
  payloadOffset: number;
  payloadEnd: number;
}

/** TLV options of a hop-by-hop or destination options header (RFC 8200 4.2). */
function tlvOptions(ctx: LayerContext, from: number, to: number): void {
  const { data, out } = ctx;
  for (let at = from; at < to; ) {
    const t = data[at];
    if (t === 0) {
      out.open(X.opt, at, 1, undefined, 'Pad1');
      out.add(X.optType, at, 1, t);
      out.add(X.optPad1, at, 1);
      out.close();
      at++;
      continue;
    }
    if (at + 2 > to) break;
    const len = data[at + 1];
    const name = OPT_TYPES[t] ?? `Unknown IPv6 Option (0x${t.toString(16).padStart(2, '0')})`;
    out.open(X.opt, at, Math.min(2 + len, to - at), undefined, name);
    out.open(X.optType, at, 1, t);
    out.add(X.optAction, at, 1, t >> 6);
    out.add(X.optChange, at, 1, (t & 0x20) !== 0);
    out.add(X.optRest, at, 1, t & 0x1f);
    out.close();
    out.add(X.optLength, at + 1, 1, len);
    if (at + 2 + len > to) {
      out.expert('ipv6.opt.invalid_len', 'error', 'Invalid IPv6 option length');
      ctx.markBad();
      out.close();
      break;
    }
    if (t === 1) out.add(X.optPadn, at + 2, len);
    else if (t === 5 && len === 2) out.add(X.optRouterAlert, at + 2, 2, u16(data, at + 2));
    else if (len) out.add(X.optData, at + 2, len);
    out.close();
    at += 2 + len;
  }
}

type ExtFields = { node: FieldSpec; nxt: FieldSpec; len: FieldSpec; lenOct: FieldSpec };

/**
 * Each extension header's protocol: its name in frame.protocols, in the truncation marker,
 * and (except the fragment header) in Info, which Wireshark sets as each header begins, so
 * it stays when the snap length cuts the header ("IPv6 hop-by-hop options , IPv6 routing").
 */
const EXT_PROTOCOLS: Readonly<Record<number, { proto: string; short: string; info?: string }>> = {
  [EXT.HOP_BY_HOP]: { proto: 'ipv6.hopopts', short: 'IPv6 Hop-by-Hop', info: 'IPv6 hop-by-hop options' },
  [EXT.ROUTING]: { proto: 'ipv6.routing', short: 'IPv6 Routing', info: 'IPv6 routing' },
  [EXT.FRAGMENT]: { proto: 'ipv6.fraghdr', short: 'IPv6 Fragment' },
  [EXT.DESTINATION]: { proto: 'ipv6.dstopts', short: 'IPv6 Destination', info: 'IPv6 destination options' },
};

export const decodeIpv6: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('ipv6');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'IPv6';
  out.open(X.ipv6, offset, XH.length, 'Internet Protocol Version 6');
  if (!need(ctx, 'IPv6', offset, XH.length, end)) {
    out.close();
    return;
  }
  const w0 = u32(data, offset);
  const version = w0 >>> 28;
  const tclass = (w0 >>> 20) & 0xff;
  const flow = w0 & 0xfffff;
  const plen = u16(data, offset + XH.payloadLength);
  const nxt = data[offset + XH.nextHeader];
  const hlim = data[offset + XH.hopLimit];
  const srcAt = offset + XH.src;
  const dstAt = offset + XH.dst;
  if (out.detail || out.wants(X.ipv6)) {
    out.finish(
      XH.length,
      `Internet Protocol Version 6, Src: ${ipv6Text(data.subarray(srcAt, srcAt + 16))}, Dst: ${ipv6Text(data.subarray(dstAt, dstAt + 16))}`,
    );
  }
  out.add(X.ipVersion, offset, 1, version);
  out.add(X.version, offset, 1, version);
  out.open(
    X.tclass,
    offset,
    4,
    tclass,
    out.detail ? `${bitPattern(0x0ff00000, 32, tclass)} = Traffic Class: ${hexOf(tclass, 8)} (${dsSummary(tclass)})` : undefined,
  );
  out.add(X.dscp, offset, 4, tclass >> 2);
  out.add(X.ecn, offset, 4, tclass & 3);
  out.close();
  out.add(X.flow, offset + 1, 3, flow);
  out.add(X.plen, offset + XH.payloadLength, 2, plen);
  out.add(X.nxt, offset + XH.nextHeader, 1, nxt);
  out.add(X.hlim, offset + XH.hopLimit, 1, hlim);
  out.add(X.src, srcAt, 16);
  out.add(X.addr, srcAt, 16);
  out.add(X.dst, dstAt, 16);
  out.add(X.addr, dstAt, 16);
  if (out.wants(X.host) || out.wants(X.srcHost) || out.wants(X.dstHost)) {
    const s = ipv6Text(data.subarray(srcAt, srcAt + 16));
    const d = ipv6Text(data.subarray(dstAt, dstAt + 16));
    out.add(X.srcHost, srcAt, 16, s);
    out.add(X.host, srcAt, 16, s);
    out.add(X.dstHost, dstAt, 16, d);
    out.add(X.host, dstAt, 16, d);
  }
  let payloadEnd = offset + XH.length + plen;
  if (plen === 0 || payloadEnd > end) payloadEnd = end;

  // Walk the extension headers inside the IPv6 node, as Wireshark nests them.
  let next = nxt;
  let at = offset + XH.length;
  let finalDstAt = dstAt;
  const extensions: string[] = [];
  let fragmented = false;
  let fragInfo = '';
  let fragAt = 0;
  let fragOffset = 0;
  let fragMore = false;
  let fragIdent = 0;
  const extInfo: string[] = [];
  /** Enter the extension header `next` names: its protocol and Info come before any of its bytes are read. */
  const begin = (): string => {
    const p = EXT_PROTOCOLS[next];
    ctx.protocols.push(p.proto);
    extensions.push(p.proto);
    if (p.info && ctx.columns && !ctx.inner) {
      extInfo.push(p.info);
      ctx.cols.info = extInfo.join(' , ');
    }
    return p.short;
  };
  /** need() for an extension header: the marker names the header the snap length cut. */
  const needExt = (name: string, from: number, n: number): boolean => {
    if (from + n <= payloadEnd && from + n > data.length) {
      ctx.truncated(name);
      return false;
    }
    return need(ctx, 'IPv6', from, n, payloadEnd);
  };
  const ext = (f: ExtFields, body: (from: number, to: number) => void) => {
    const name = begin();
    if (!needExt(name, at, EH.length + 1)) return false;
    const n = data[at + EH.nextHeader];
    const len = data[at + EH.length];
    const size = (len + 1) * EH.lengthUnit;
    out.open(f.node, at, size, f.node.label);
    out.add(f.nxt, at + EH.nextHeader, 1, n);
    out.add(f.len, at + EH.length, 1, len);
    out.add(f.lenOct, at + EH.length, 1, size);
    if (!needExt(name, at, size)) {
      out.close();
      return false;
    }
    body(at + 2, at + size);
    out.close();
    next = n;
    at += size;
    return true;
  };
  let ok = true;
  while (ok) {
    // Each extension header is a layer of its own in Wireshark: its depth limit ends a long chain.
    if (EXT_PROTOCOLS[next] && ctx.tooDeep(EXT_PROTOCOLS[next].short)) break;
    if (next === EXT.HOP_BY_HOP) {
      ok = ext({ node: X.hopopts, nxt: X.hopoptsNxt, len: X.hopoptsLen, lenOct: X.hopoptsLenOct }, (f, t) => tlvOptions(ctx, f, t));
    } else if (next === EXT.DESTINATION) {
      ok = ext({ node: X.dstopts, nxt: X.dstoptsNxt, len: X.dstoptsLen, lenOct: X.dstoptsLenOct }, (f, t) => tlvOptions(ctx, f, t));
    } else if (next === EXT.ROUTING) {
      const name = begin();
      if (!needExt(name, at, 4)) {
        // Wireshark reads the next-header byte first: it shows when only it was captured.
        if (at < data.length && at < payloadEnd) out.add(X.routingNxt, at + EH.nextHeader, 1, data[at + EH.nextHeader]);
        ok = false;
        break;
      }
      const rtype = data[at + 2];
      const segleft = data[at + 3];
      const size = (data[at + EH.length] + 1) * EH.lengthUnit;
      out.open(X.routing, at, size, undefined, `Routing Header for IPv6 (${ROUTING_TYPES[rtype] ?? 'Unknown'})`);
      out.add(X.routingNxt, at + EH.nextHeader, 1, data[at + EH.nextHeader]);
      out.add(X.routingLen, at + EH.length, 1, data[at + EH.length]);
      out.add(X.routingLenOct, at + EH.length, 1, size);
      out.add(X.routingType, at + 2, 1, rtype);
      out.add(X.routingSegleft, at + 3, 1, segleft);
      if (!needExt(name, at, size)) {
        out.close();
        ok = false;
        break;
      }
      if (rtype === 0 || rtype === 2) {
        out.add(rtype === 0 ? X.routingSrcReserved : X.routingMipv6Reserved, at + 4, 4);
        let i = 1;
        for (let a = at + 8; a + 16 <= at + size; a += 16, i++) {
          const spec = rtype === 0 ? X.routingSrcAddr : X.routingMipv6Home;
          out.add(spec, a, 16, undefined, out.detail ? `Address[${i}]: ${ipv6Text(data.subarray(a, a + 16))}` : undefined);
          if (segleft > 0) finalDstAt = a;
        }
      } else if (size > 4) {
        out.add(X.routingData, at + 4, size - 4);
      }
      out.close();
      next = data[at + EH.nextHeader];
      at += size;
    } else if (next === EXT.FRAGMENT) {
      if (!needExt(begin(), at, EH.fragLength)) {
        ok = false;
        break;
      }
      const offm = u16(data, at + EH.fragOffset);
      const off = (offm & EH.fragOffsetMask) >> 3;
      const more = (offm & EH.fragMoreMask) !== 0;
      const ident = u32(data, at + EH.fragIdent);
      out.open(X.fraghdr, at, EH.fragLength, undefined, 'Fragment Header for IPv6');
      out.add(X.fragNxt, at + EH.nextHeader, 1, data[at + EH.nextHeader]);
      out.add(X.fragReservedOctet, at + 1, 1, data[at + 1]);
      out.add(X.fragOffset, at + EH.fragOffset, 2, off);
      out.add(X.fragReservedBits, at + EH.fragOffset, 2, (offm & EH.fragReservedMask) >> 1);
      out.add(X.fragMore, at + EH.fragOffset, 2, more);
      out.add(X.fragIdent, at + EH.fragIdent, 4, ident);
      out.close();
      next = data[at + EH.nextHeader];
      at += EH.fragLength;
      if (off !== 0 || more) {
        fragmented = true;
        fragAt = at - EH.fragLength;
        fragOffset = off * 8;
        fragMore = more;
        fragIdent = ident;
        fragInfo = `IPv6 fragment (off=${off * 8} more=${more ? 'y' : 'n'} ident=${hexOf(ident, 32)} nxt=${next})`;
        break;
      }
    } else break;
  }
  if (out.detail && at > offset + XH.length) out.finish(at - offset);
  // A fragment's bytes, by the header's Payload Length, all captured: Wireshark reassembles it.
  const fragEnd = offset + XH.length + plen;
  const an =
    fragmented && ok && fragEnd <= Math.min(end, data.length)
      ? askSession(
          ctx,
          `6|${ipv6Text(data.subarray(srcAt, srcAt + 16))}|${ipv6Text(data.subarray(dstAt, dstAt + 16))}|${fragIdent}`,
          fragOffset,
          fragEnd - at,
          fragMore,
          at,
        )
      : undefined;
  if (an?.reassembledIn !== undefined) out.add(R.reassembledIn, fragAt, 0, an.reassembledIn);
  const dg = an?.datagram;
  if (!dg) out.close();

  const rec: Ipv6Record = {
    offset,
    tclass,
    flow,
    payloadLen: plen,
    nextHeader: nxt,
    upperProtocol: next,
    hopLimit: hlim,
    src: data.subarray(srcAt, srcAt + 16),
    dst: data.subarray(dstAt, dstAt + 16),
    dstAt: finalDstAt,
    finalDst: data.subarray(finalDstAt, finalDstAt + 16),
    extensions,
    payloadOffset: at,
    payloadEnd,
  };
  if (!ctx.inner) ctx.layers.ipv6 = rec;
  ctx.lastIp = { version: 6, rec };
  if (ctx.columns && !ctx.inner) {
    ctx.cols.source = ipv6Text(rec.src);
    ctx.cols.destination = ipv6Text(rec.dst);
  }
  if (dg) {
    dissectDatagram(
      ctx,
      IPV6_REASSEMBLY,
      dg,
      () => out.close(),
      (total) => {
        if (next !== EXT.NONE && ctx.next('ip.proto', next, 0, total) < 0) ctx.call('data', 0, total);
      },
    );
    return payloadEnd;
  }
  if (!ok || at > payloadEnd) return payloadEnd;
  if (fragmented) {
    if (ctx.columns && !ctx.inner) ctx.cols.info = fragInfo;
    ctx.call('data', at, payloadEnd);
    return payloadEnd;
  }
  if (next !== EXT.NONE && ctx.next('ip.proto', next, at, payloadEnd) < 0) ctx.call('data', at, payloadEnd);
  return payloadEnd;
};
