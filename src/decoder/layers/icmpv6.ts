// ICMPv6 (RFC 4443) and Neighbor Discovery (RFC 4861) with its options.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { bitPattern, hexOf, ipv6Text, macDisplay, macText } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED } from '../checksum.ts';
import { need, u16, u32 } from './context.ts';
import { endpointsKey } from './endpoints.ts';
import type { Decoder, LayerContext } from './context.ts';
import type { IcmpRecord } from './icmp.ts';
import { transportChecksum } from './pseudo.ts';
import { bindingKey } from '../bindings.ts';

const IP_PROTO_ICMPV6 = bindingKey('ip.proto', 'icmpv6');

/** Message types (RFC 4443, RFC 4861) the decoder tells apart. */
export const ICMPV6_TYPE = {
  UNREACHABLE: 1,
  PACKET_TOO_BIG: 2,
  TIME_EXCEEDED: 3,
  PARAMETER_PROBLEM: 4,
  ECHO_REQUEST: 128,
  ECHO_REPLY: 129,
  ROUTER_SOLICITATION: 133,
  ROUTER_ADVERTISEMENT: 134,
  NEIGHBOR_SOLICITATION: 135,
  NEIGHBOR_ADVERTISEMENT: 136,
} as const;

const T = ICMPV6_TYPE;

/** Error messages (RFC 4443 2.1): each quotes as much of the offending packet as fits. */
export const ICMPV6_ERRORS: ReadonlySet<number> = new Set([T.UNREACHABLE, T.PACKET_TOO_BIG, T.TIME_EXCEEDED, T.PARAMETER_PROBLEM]);

/** Byte offsets (RFC 4443 2.1): the message body begins after type, code and checksum; an error's quoted packet after one more word. */
export const ICMPV6_HEADER = { type: 0, code: 1, checksum: 2, body: 4, length: 8 } as const;

/**
 * Neighbor Discovery places from the message's first byte (RFC 4861 4.1-4.4): where the
 * target address and the options begin; and an option's layout (4.6), its length in 8-octet units.
 */
export const ICMPV6_ND = {
  rsOptions: 8,
  raOptions: 16,
  target: 8,
  targetOptions: 24,
  optType: 0,
  optLength: 1,
  optLengthUnit: 8,
  optLinkAddr: 2,
  /** A link-layer address option for Ethernet: type, length and the 6-byte address. */
  optEthernetLength: 8,
} as const;

/** Neighbor Discovery option types (RFC 4861 4.6) the decoder reads. */
export const ICMPV6_ND_OPT = { SOURCE_LINK_ADDR: 1, TARGET_LINK_ADDR: 2, PREFIX: 3, MTU: 5 } as const;

const H = ICMPV6_HEADER;
const ND = ICMPV6_ND;
const O = ICMPV6_ND_OPT;

const TYPES: Readonly<Record<number, string>> = {
  1: 'Destination Unreachable',
  2: 'Packet Too Big',
  3: 'Time Exceeded',
  4: 'Parameter Problem',
  128: 'Echo (ping) request',
  129: 'Echo (ping) reply',
  130: 'Multicast Listener Query',
  131: 'Multicast Listener Report',
  132: 'Multicast Listener Done',
  133: 'Router Solicitation',
  134: 'Router Advertisement',
  135: 'Neighbor Solicitation',
  136: 'Neighbor Advertisement',
  137: 'Redirect',
  143: 'Multicast Listener Report Message v2',
};
const UNREACH: Readonly<Record<number, string>> = {
  0: 'no route to destination',
  1: 'communication with destination administratively prohibited',
  2: 'beyond scope of source address',
  3: 'address unreachable',
  4: 'Port unreachable',
  5: 'source address failed ingress/egress policy',
  6: 'reject route to destination',
};
const TIME_EXCEEDED: Readonly<Record<number, string>> = { 0: 'hop limit exceeded in transit', 1: 'fragment reassembly time exceeded' };
const OPT_TYPES: Readonly<Record<number, string>> = {
  1: 'Source link-layer address',
  2: 'Target link-layer address',
  3: 'Prefix information',
  4: 'Redirected header',
  5: 'MTU',
  14: 'Nonce',
  25: 'Recursive DNS Server',
  31: 'DNS Search List',
};
const PRF: Readonly<Record<number, string>> = { 0: 'Medium', 1: 'High', 2: 'Reserved', 3: 'Low' };

const icmpv6Fields = defineFields({
  icmpv6: { name: 'icmpv6', label: 'Internet Control Message Protocol v6', type: 'protocol' },
  type: { name: 'icmpv6.type', label: 'Type', type: 'uint', bits: 8, width: 8, strings: TYPES },
  code: { name: 'icmpv6.code', label: 'Code', type: 'uint', bits: 8, width: 8 },
  checksum: { name: 'icmpv6.checksum', label: 'Checksum', type: 'uint', bits: 16, width: 16, base: 'hex' },
  checksumStatus: { name: 'icmpv6.checksum.status', label: 'Checksum Status', type: 'uint', width: 8, generated: true, fmt: (v) => CHECKSUM_STATUS[Number(v)] },
  reserved: { name: 'icmpv6.reserved', label: 'Reserved', type: 'bytes' },
  mtu: { name: 'icmpv6.mtu', label: 'MTU', type: 'uint', width: 32 },
  pointer: { name: 'icmpv6.pointer', label: 'Pointer', type: 'uint', width: 32 },
  echoId: { name: 'icmpv6.echo.identifier', label: 'Identifier', type: 'uint', width: 16, base: 'hex' },
  echoSeq: { name: 'icmpv6.echo.sequence_number', label: 'Sequence', type: 'uint', width: 16 },
  respIn: { name: 'icmpv6.resp_in', label: 'Response In', type: 'framenum', width: 32, generated: true },
  respTo: { name: 'icmpv6.resp_to', label: 'Response To', type: 'framenum', width: 32, generated: true },
  // Milliseconds, printed as C's %g prints the double Wireshark keeps.
  respTime: { name: 'icmpv6.resptime', label: 'Response Time', type: 'string', generated: true },
  raHop: { name: 'icmpv6.nd.ra.cur_hop_limit', label: 'Cur hop limit', type: 'uint', width: 8 },
  raFlag: { name: 'icmpv6.nd.ra.flag', label: 'Flags', type: 'uint', width: 8, base: 'hex' },
  raM: { name: 'icmpv6.nd.ra.flag.m', label: 'Managed address configuration', type: 'bool', width: 8, mask: 0x80 },
  raO: { name: 'icmpv6.nd.ra.flag.o', label: 'Other configuration', type: 'bool', width: 8, mask: 0x40 },
  raH: { name: 'icmpv6.nd.ra.flag.h', label: 'Home Agent', type: 'bool', width: 8, mask: 0x20 },
  raPrf: { name: 'icmpv6.nd.ra.flag.prf', label: 'Prf (Default Router Preference)', type: 'uint', width: 8, mask: 0x18, strings: PRF },
  raP: { name: 'icmpv6.nd.ra.flag.p', label: 'Proxy', type: 'bool', width: 8, mask: 0x04 },
  raRsv: { name: 'icmpv6.nd.ra.flag.rsv', label: 'Reserved', type: 'uint', width: 8, mask: 0x03 },
  raLifetime: { name: 'icmpv6.nd.ra.router_lifetime', label: 'Router lifetime (s)', type: 'uint', width: 16 },
  raReachable: { name: 'icmpv6.nd.ra.reachable_time', label: 'Reachable time (ms)', type: 'uint', width: 32 },
  raRetrans: { name: 'icmpv6.nd.ra.retrans_timer', label: 'Retrans timer (ms)', type: 'uint', width: 32 },
  nsTarget: { name: 'icmpv6.nd.ns.target_address', label: 'Target Address', type: 'ipv6' },
  naFlag: { name: 'icmpv6.nd.na.flag', label: 'Flags', type: 'uint', width: 32, base: 'hex' },
  naR: { name: 'icmpv6.nd.na.flag.r', label: 'Router', type: 'bool', width: 32, mask: 0x80000000 },
  naS: { name: 'icmpv6.nd.na.flag.s', label: 'Solicited', type: 'bool', width: 32, mask: 0x40000000 },
  naO: { name: 'icmpv6.nd.na.flag.o', label: 'Override', type: 'bool', width: 32, mask: 0x20000000 },
  naRsv: { name: 'icmpv6.nd.na.flag.rsv', label: 'Reserved', type: 'uint', width: 32, mask: 0x1fffffff },
  naTarget: { name: 'icmpv6.nd.na.target_address', label: 'Target Address', type: 'ipv6' },
  opt: { name: 'icmpv6.opt', label: 'ICMPv6 Option', type: 'none' },
  optType: { name: 'icmpv6.opt.type', label: 'Type', type: 'uint', width: 8, strings: OPT_TYPES },
  optLength: { name: 'icmpv6.opt.length', label: 'Length', type: 'uint', width: 8, fmt: (v) => `${v} (${Number(v) * 8} bytes)` },
  optLinkaddr: {
    name: 'icmpv6.opt.linkaddr',
    label: 'Link-layer address',
    type: 'bytes',
    fmt: (v) => (v instanceof Uint8Array && v.length === 6 ? macDisplay(v) : ''),
  },
  optReserved: { name: 'icmpv6.opt.reserved', label: 'Reserved', type: 'none' },
  optPrefixLength: { name: 'icmpv6.opt.prefix.length', label: 'Prefix Length', type: 'uint', width: 8 },
  optPrefixFlag: { name: 'icmpv6.opt.prefix.flag', label: 'Flag', type: 'uint', width: 8, base: 'hex' },
  optPrefixL: { name: 'icmpv6.opt.prefix.flag.l', label: 'On-link flag(L)', type: 'bool', width: 8, mask: 0x80 },
  optPrefixA: { name: 'icmpv6.opt.prefix.flag.a', label: 'Autonomous address-configuration flag(A)', type: 'bool', width: 8, mask: 0x40 },
  optPrefixR: { name: 'icmpv6.opt.prefix.flag.r', label: 'Router address flag(R)', type: 'bool', width: 8, mask: 0x20 },
  optPrefixRsv: { name: 'icmpv6.opt.prefix.flag.reserved', label: 'Reserved', type: 'uint', width: 8, mask: 0x1f },
  optPrefixValid: { name: 'icmpv6.opt.prefix.valid_lifetime', label: 'Valid Lifetime', type: 'uint', width: 32 },
  optPrefixPreferred: { name: 'icmpv6.opt.prefix.preferred_lifetime', label: 'Preferred Lifetime', type: 'uint', width: 32 },
  optPrefix: { name: 'icmpv6.opt.prefix', label: 'Prefix', type: 'ipv6' },
  optMtu: { name: 'icmpv6.opt.mtu', label: 'MTU', type: 'uint', width: 32 },
  optData: { name: 'icmpv6.data', label: 'Data', type: 'bytes' },
});

const V = icmpv6Fields;

export const icmpv6Table: ProtocolTable = {
  layer: 'icmpv6',
  filter: 'icmpv6',
  title: 'Internet Control Message Protocol v6',
  header: [V.type, V.code, V.checksum],
  fields: icmpv6Fields,
};

/** Neighbor Discovery options (RFC 4861 section 4.6); returns the source/target link-layer address if any. */
function ndOptions(ctx: LayerContext, from: number, to: number): string | undefined {
  const { data, out } = ctx;
  let found: string | undefined;
  for (let at = from; at + 2 <= to; ) {
    const t = data[at + ND.optType];
    const n = data[at + ND.optLength];
    const size = n * ND.optLengthUnit;
    const name = OPT_TYPES[t] ?? 'Unknown';
    let summary = name;
    const lla = at + ND.optLinkAddr;
    const isLla = (t === O.SOURCE_LINK_ADDR || t === O.TARGET_LINK_ADDR) && size >= ND.optEthernetLength;
    if (isLla) summary += ` : ${macText(data.subarray(lla, lla + 6))}`;
    else if (t === O.PREFIX && size >= 32) summary += ` : ${ipv6Text(data.subarray(at + 16, at + 32))}/${data[at + 2]}`;
    else if (t === O.MTU && size >= 8) summary += ` : ${u32(data, at + 4)}`;
    out.open(V.opt, at, size || to - at, undefined, `ICMPv6 Option (${summary})`);
    out.add(V.optType, at + ND.optType, 1, t);
    out.add(V.optLength, at + ND.optLength, 1, n);
    if (n === 0 || at + size > to) {
      out.expert('icmpv6.opt.invalid_len', 'error', 'Invalid option length (Zero)');
      ctx.markBad();
      out.close();
      break;
    }
    if (isLla) {
      out.add(V.optLinkaddr, lla, 6);
      found = macText(data.subarray(lla, lla + 6));
    } else if (t === O.PREFIX && size >= 32) {
      out.add(V.optPrefixLength, at + 2, 1, data[at + 2]);
      const f = data[at + 3];
      const names = [
        f & 0x80 ? 'On-link flag(L)' : '',
        f & 0x40 ? 'Autonomous address-configuration flag(A)' : '',
        f & 0x20 ? 'Router address flag(R)' : '',
      ].filter(Boolean);
      out.open(V.optPrefixFlag, at + 3, 1, f, out.detail ? `Flag: ${hexOf(f, 8)}${names.length ? ', ' + names.join(', ') : ''}` : undefined);
      out.add(V.optPrefixL, at + 3, 1, (f & 0x80) !== 0);
      out.add(V.optPrefixA, at + 3, 1, (f & 0x40) !== 0);
      out.add(V.optPrefixR, at + 3, 1, (f & 0x20) !== 0);
      out.add(V.optPrefixRsv, at + 3, 1, f & 0x1f);
      out.close();
      out.add(V.optPrefixValid, at + 4, 4, u32(data, at + 4));
      out.add(V.optPrefixPreferred, at + 8, 4, u32(data, at + 8));
      out.add(V.optReserved, at + 12, 4);
      out.add(V.optPrefix, at + 16, 16);
    } else if (t === O.MTU && size >= 8) {
      out.add(V.optReserved, at + 2, 2);
      out.add(V.optMtu, at + 4, 4, u32(data, at + 4));
    } else if (size > 2) {
      out.add(V.optData, at + 2, size - 2);
    }
    out.close();
    at += size;
  }
  return found;
}

export const decodeIcmpv6: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('icmpv6');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'ICMPv6';
  const stop = Math.min(end, data.length);
  out.open(V.icmpv6, offset, Math.max(0, stop - offset), 'Internet Control Message Protocol v6');
  if (!need(ctx, 'ICMPv6', offset, 4, end)) {
    out.close();
    return;
  }
  const type = data[offset + H.type];
  const code = data[offset + H.code];
  const stored = u16(data, offset + H.checksum);
  out.add(V.type, offset + H.type, 1, type);
  const cname = type === T.UNREACHABLE ? UNREACH[code] : type === T.TIME_EXCEEDED ? TIME_EXCEEDED[code] : undefined;
  out.add(V.code, offset + H.code, 1, code, out.detail && cname ? `Code: ${code} (${cname})` : undefined);
  const ip = ctx.lastIp;
  // Wireshark leaves the checksum of a message quoted inside an error unverified.
  const calc = ip && !ctx.inner ? transportChecksum(ctx, ip, IP_PROTO_ICMPV6, offset, end, offset + H.checksum) : undefined;
  const status = calc === undefined ? CHECKSUM_UNVERIFIED : calc === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;
  const hx = (n: number) => hexOf(n, 16);
  const line =
    status === CHECKSUM_GOOD
      ? `Checksum: ${hx(stored)} [correct]`
      : status === CHECKSUM_BAD
        ? `Checksum: ${hx(stored)} incorrect, should be ${hx(calc!)}`
        : `Checksum: ${hx(stored)} [unverified]`;
  out.add(V.checksum, offset + H.checksum, 2, stored, out.detail ? line : undefined);
  if (status === CHECKSUM_BAD) out.expert('icmpv6.checksum_bad.expert', 'warn', `Bad checksum [should be ${hx(calc!)}]`);
  out.add(V.checksumStatus, offset + H.checksum, 0, status);
  const rec: IcmpRecord = { offset, type, code, checksumStatus: status };
  let info = TYPES[type] ?? `Unknown (${type})`;
  if (cname) info += ` (${cname})`;
  const body = offset + H.body;
  if ((type === T.ECHO_REQUEST || type === T.ECHO_REPLY) && need(ctx, 'ICMPv6', body, 4, end)) {
    const id = u16(data, body);
    const seq = u16(data, body + 2);
    out.add(V.echoId, body, 2, id);
    out.add(V.echoSeq, body + 2, 2, seq);
    rec.ident = id;
    rec.seq = seq;
    const hl = ip?.version === 6 ? `, hop limit=${ip.rec.hopLimit}` : '';
    info = `${TYPES[type]} id=${hx(id)}, seq=${seq}${hl}`;
    // Paired as ICMP echoes are (icmp.ts): identifier, sequence number and addresses; not
    // the copy an error quotes, and, as tshark 4.0, no message with a bad checksum.
    const note = { key: `icmpv6|${id}|${seq}|${endpointsKey(ctx)}`, request: type === T.ECHO_REQUEST, unmatchable: status === CHECKSUM_BAD };
    const match = ctx.inner ? undefined : ctx.session?.transaction?.(note, ctx);
    if (match && type === T.ECHO_REQUEST && match.responseIn) {
      out.add(V.respIn, offset, 0, match.responseIn);
      info += ` (reply in ${match.responseIn})`;
    } else if (match && type === T.ECHO_REQUEST) {
      out.expert('icmpv6.resp_not_found', 'warn', `No response seen to ICMPv6 request in frame ${ctx.record.number}`);
      info += ' (no response found!)';
    } else if (match?.requestIn) {
      out.add(V.respTo, offset, 0, match.requestIn);
      const ms = match.deltaNs / 1e6;
      out.add(V.respTime, offset, 0, String(ms), out.detail ? `[Response Time: ${ms.toFixed(3)} ms]` : undefined);
      info += ` (request in ${match.requestIn})`;
    }
    if (end - body > 4) ctx.call('data', body + 4, end);
  } else if (ICMPV6_ERRORS.has(type) && need(ctx, 'ICMPv6', body, H.length - H.body, end)) {
    if (type === T.PACKET_TOO_BIG) out.add(V.mtu, body, 4, u32(data, body));
    else if (type === T.PARAMETER_PROBLEM) out.add(V.pointer, body, 4, u32(data, body));
    else out.add(V.reserved, body, 4);
    if (end - offset > H.length) ctx.call('ipv6', offset + H.length, end, true);
  } else if (type === T.ROUTER_SOLICITATION && need(ctx, 'ICMPv6', body, ND.rsOptions - H.body, end)) {
    out.add(V.reserved, body, 4);
    const lla = ndOptions(ctx, offset + ND.rsOptions, stop);
    if (lla) info += ` from ${lla}`;
  } else if (type === T.ROUTER_ADVERTISEMENT && need(ctx, 'ICMPv6', body, ND.raOptions - H.body, end)) {
    out.add(V.raHop, body, 1, data[body]);
    const f = data[body + 1];
    const names = [f & 0x80 ? 'Managed address configuration' : '', f & 0x40 ? 'Other configuration' : '', f & 0x20 ? 'Home Agent' : ''].filter(Boolean);
    names.push(`Prf (Default Router Preference): ${PRF[(f >> 3) & 3]}`);
    if (f & 0x04) names.push('Proxy');
    out.open(V.raFlag, body + 1, 1, f, out.detail ? `Flags: ${hexOf(f, 8)}, ${names.join(', ')}` : undefined);
    out.add(V.raM, body + 1, 1, (f & 0x80) !== 0);
    out.add(V.raO, body + 1, 1, (f & 0x40) !== 0);
    out.add(V.raH, body + 1, 1, (f & 0x20) !== 0);
    out.add(V.raPrf, body + 1, 1, (f >> 3) & 3);
    out.add(V.raP, body + 1, 1, (f & 0x04) !== 0);
    out.add(V.raRsv, body + 1, 1, f & 3);
    out.close();
    out.add(V.raLifetime, body + 2, 2, u16(data, body + 2));
    out.add(V.raReachable, body + 4, 4, u32(data, body + 4));
    out.add(V.raRetrans, body + 8, 4, u32(data, body + 8));
    const lla = ndOptions(ctx, offset + ND.raOptions, stop);
    if (lla) info += ` from ${lla}`;
  } else if (type === T.NEIGHBOR_SOLICITATION && need(ctx, 'ICMPv6', body, ND.targetOptions - H.body, end)) {
    const at = offset + ND.target;
    out.add(V.reserved, body, 4);
    out.add(V.nsTarget, at, 16);
    const target = ipv6Text(data.subarray(at, at + 16));
    const lla = ndOptions(ctx, offset + ND.targetOptions, stop);
    info = `Neighbor Solicitation for ${target}${lla ? ` from ${lla}` : ''}`;
  } else if (type === T.NEIGHBOR_ADVERTISEMENT && need(ctx, 'ICMPv6', body, ND.targetOptions - H.body, end)) {
    const at = offset + ND.target;
    const f = u32(data, body);
    const names = [f & 0x80000000 ? 'Router' : '', f & 0x40000000 ? 'Solicited' : '', f & 0x20000000 ? 'Override' : ''].filter(Boolean);
    out.open(V.naFlag, body, 4, f, out.detail ? `Flags: ${hexOf(f, 32)}${names.length ? ', ' + names.join(', ') : ''}` : undefined);
    out.add(V.naR, body, 4, (f & 0x80000000) !== 0);
    out.add(V.naS, body, 4, (f & 0x40000000) !== 0);
    out.add(V.naO, body, 4, (f & 0x20000000) !== 0);
    out.add(V.naRsv, body, 4, f & 0x1fffffff, out.detail ? `${bitPattern(0x1fffffff, 32, f & 0x1fffffff)} = Reserved: ${f & 0x1fffffff}` : undefined);
    out.close();
    out.add(V.naTarget, at, 16);
    const target = ipv6Text(data.subarray(at, at + 16));
    const lla = ndOptions(ctx, offset + ND.targetOptions, stop);
    const short = [f & 0x80000000 ? 'rtr' : '', f & 0x40000000 ? 'sol' : '', f & 0x20000000 ? 'ovr' : ''].filter(Boolean).join(', ');
    info = `Neighbor Advertisement ${target}${short ? ` (${short})` : ''}${lla ? ` is at ${lla}` : ''}`;
  } else if (stop - body > 0) {
    ctx.call('data', body, end);
  }
  if (ctx.columns && !ctx.inner) ctx.cols.info = info;
  if (!ctx.inner) ctx.layers.icmpv6 = rec;
  out.close();
  return end;
};
