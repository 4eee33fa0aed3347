// IPv4 (RFC 791): header fields, flags, fragments, options, header checksum.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { bitPattern, hexOf, ipv4Text } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED, expectedChecksum } from '../checksum.ts';
import { need, u16, u32 } from './context.ts';
import type { Decoder, LayerContext } from './context.ts';
import { DSCP_LONG, ECN_LONG, dsSummary } from './dscp.ts';
import { IP_PROTOCOLS, ipProtoName } from './ipproto.ts';
import { IPV4_REASSEMBLY, askSession, dissectDatagram, ipv4ReassemblyFields as R } from './ip-reassembly.ts';

const OPT_NUMBERS: Readonly<Record<number, string>> = {
  0: 'End of Option List (EOL)',
  1: 'No-Operation (NOP)',
  2: 'Security',
  3: 'Loose source route',
  4: 'Time stamp',
  7: 'Record route',
  8: 'Stream ID',
  9: 'Strict source route',
  20: 'Router Alert',
  25: 'Quick-Start',
};
const OPT_CLASSES: Readonly<Record<number, string>> = {
  0: 'Control',
  1: 'Reserved for future use',
  2: 'Debugging and measurement',
  3: 'Reserved for future use',
};

/** Fixed header byte offsets and masks (RFC 791 3.1): the decoder, the fast paths and the builder read them here. */
export const IPV4_HEADER = {
  /** Version (high nibble) and IHL (low nibble, in 32-bit words). */
  versionIhl: 0,
  dsfield: 1,
  totalLength: 2,
  id: 4,
  /** Flags (top 3 bits) and fragment offset (13 bits) share these two bytes. */
  flagsFragment: 6,
  ttl: 8,
  protocol: 9,
  checksum: 10,
  src: 12,
  dst: 16,
  /** Header without options. */
  length: 20,
  /** First byte of a 20-byte IPv4 header: version 4, IHL 5. */
  plainVersionIhl: 0x45,
  /** The version nibble's value, and the unit of the IHL nibble (32-bit words). */
  version: 4,
  ihlUnit: 4,
  ihlMask: 0x0f,
  /** In the 16-bit flags/fragment word: Don't Fragment, More Fragments, the offset. */
  df: 0x4000,
  mf: 0x2000,
  fragOffsetMask: 0x1fff,
} as const;

const IH = IPV4_HEADER;
const IPPROTO_PIM = 103;
const IPPROTO_OSPF = 89;

export const ipv4Fields = defineFields({
  ip: { name: 'ip', label: 'Internet Protocol Version 4', type: 'protocol' },
  version: { name: 'ip.version', label: 'Version', type: 'uint', bits: 4, width: 8, mask: 0xf0 },
  hdrLen: { name: 'ip.hdr_len', label: 'Header Length', type: 'uint', bits: 4, width: 8 },
  dsfield: { name: 'ip.dsfield', label: 'Differentiated Services Field', type: 'uint', bits: 8, width: 8, base: 'hex' },
  dscp: { name: 'ip.dsfield.dscp', label: 'Differentiated Services Codepoint', type: 'uint', bits: 6, width: 8, mask: 0xfc, strings: DSCP_LONG },
  ecn: { name: 'ip.dsfield.ecn', label: 'Explicit Congestion Notification', type: 'uint', bits: 2, width: 8, mask: 0x03, strings: ECN_LONG },
  len: { name: 'ip.len', label: 'Total Length', type: 'uint', bits: 16, width: 16 },
  id: { name: 'ip.id', label: 'Identification', type: 'uint', bits: 16, width: 16, base: 'hex_dec' },
  flags: { name: 'ip.flags', label: 'Flags', type: 'uint', bits: 3, width: 8, mask: 0xe0, base: 'hex' },
  rb: { name: 'ip.flags.rb', label: 'Reserved bit', type: 'bool', width: 8, mask: 0x80 },
  df: { name: 'ip.flags.df', label: "Don't fragment", type: 'bool', width: 8, mask: 0x40 },
  mf: { name: 'ip.flags.mf', label: 'More fragments', type: 'bool', width: 8, mask: 0x20 },
  fragOffset: {
    name: 'ip.frag_offset',
    label: 'Fragment Offset',
    type: 'uint',
    bits: 13,
    width: 16,
    mask: IH.fragOffsetMask,
    fmt: (v) => String(Number(v) * 8),
  },
  ttl: { name: 'ip.ttl', label: 'Time to Live', type: 'uint', bits: 8, width: 8 },
  proto: { name: 'ip.proto', label: 'Protocol', type: 'uint', bits: 8, width: 8, strings: IP_PROTOCOLS },
  checksum: { name: 'ip.checksum', label: 'Header Checksum', type: 'uint', bits: 16, width: 16, base: 'hex' },
  checksumStatus: {
    name: 'ip.checksum.status',
    label: 'Header checksum status',
    type: 'uint',
    width: 8,
    generated: true,
    fmt: (v) => CHECKSUM_STATUS[Number(v)],
  },
  checksumCalculated: { name: 'ip.checksum_calculated', label: 'Calculated Checksum', type: 'uint', width: 16, base: 'hex', generated: true },
  src: { name: 'ip.src', label: 'Source Address', type: 'ipv4', bits: 32 },
  dst: { name: 'ip.dst', label: 'Destination Address', type: 'ipv4', bits: 32 },
  addr: { name: 'ip.addr', label: 'Source or Destination Address', type: 'ipv4', hidden: true },
  srcHost: { name: 'ip.src_host', label: 'Source Host', type: 'string', hidden: true },
  dstHost: { name: 'ip.dst_host', label: 'Destination Host', type: 'string', hidden: true },
  host: { name: 'ip.host', label: 'Source or Destination Host', type: 'string', hidden: true },
  optEol: { name: 'ip.options.eol', label: 'IP Option - End of Options List (EOL)', type: 'none' },
  optNop: { name: 'ip.options.nop', label: 'IP Option - No-Operation (NOP)', type: 'none' },
  optRecordRoute: { name: 'ip.options.record_route', label: 'IP Option - Record Route', type: 'none' },
  optRouterAlert: { name: 'ip.options.routeralert', label: 'IP Option - Router Alert', type: 'none' },
  optUnknown: { name: 'ip.options.unknown', label: 'IP Option - Unknown', type: 'none' },
  optType: { name: 'ip.opt.type', label: 'Type', type: 'uint', width: 8 },
  optCopy: { name: 'ip.opt.type.copy', label: 'Copy on fragmentation', type: 'bool', width: 8, mask: 0x80, tfs: ['Yes', 'No'] },
  optClass: { name: 'ip.opt.type.class', label: 'Class', type: 'uint', width: 8, mask: 0x60, strings: OPT_CLASSES },
  optNumber: { name: 'ip.opt.type.number', label: 'Number', type: 'uint', width: 8, mask: 0x1f, strings: OPT_NUMBERS },
  optLen: { name: 'ip.opt.len', label: 'Length', type: 'uint', width: 8 },
  optPtr: { name: 'ip.opt.ptr', label: 'Pointer', type: 'uint', width: 8 },
  optRa: { name: 'ip.opt.ra', label: 'Router Alert', type: 'uint', width: 16, strings: { 0: 'Router shall examine packet' } },
  recRt: { name: 'ip.rec_rt', label: 'Recorded Route', type: 'ipv4' },
  emptyRt: { name: 'ip.empty_rt', label: 'Empty Route', type: 'ipv4' },
});

const I = ipv4Fields;
const DS_SPECS = [I.dsfield, I.dscp, I.ecn];
const FLAG_SPECS = [I.flags, I.rb, I.df, I.mf];
const CHECKSUM_SPECS = [I.checksumStatus, I.checksumCalculated];

export const ipv4Table: ProtocolTable = {
  layer: 'ipv4',
  filter: 'ip',
  title: 'Internet Protocol Version 4',
  header: [I.version, I.hdrLen, I.dsfield, I.len, I.id, I.flags, I.fragOffset, I.ttl, I.proto, I.checksum, I.src, I.dst],
  fields: { ...ipv4Fields, ...R },
};

/** Decoded IPv4 header values. */
export interface Ipv4Record {
  offset: number;
  hdrLen: number;
  totalLen: number;
  src: number;
  dst: number;
  proto: number;
  ttl: number;
  id: number;
  /** The three flag bits (RB, DF, MF) as one number, 0x2 = DF. */
  flags: number;
  /** Fragment offset in bytes. */
  fragOffset: number;
  checksumStatus: number;
  /** Payload bytes [payloadOffset, payloadEnd) as the header says. */
  payloadOffset: number;
  payloadEnd: number;
}

const hex16 = (n: number) => hexOf(n, 16);

function flagsText(f: number): string {
  const names: string[] = [];
  if (f & 4) names.push('Reserved bit');
  if (f & 2) names.push("Don't fragment");
  if (f & 1) names.push('More fragments');
  return `0x${f.toString(16)}${names.length ? ', ' + names.join(', ') : ''}`;
}

/** IP options (RFC 791 section 3.1). */
function options(ctx: LayerContext, from: number, to: number): void {
  const { data, out } = ctx;
  const names: string[] = [];
  for (let at = from; at < to; ) {
    const t = data[at];
    if (t === 0 || t === 1) {
      at++;
      if (t === 0) break;
      continue;
    }
    const len = at + 1 < to ? data[at + 1] : 0;
    if (len < 2 || at + len > to) break;
    names.push(t === 7 ? 'Record Route' : t === 148 ? 'Router Alert' : `Unknown (0x${t.toString(16).padStart(2, '0')})`);
    at += len;
  }
  out.openText(`Options: (${to - from} bytes)${names.length ? ', ' + names.join(', ') : ''}`, from, to - from);
  const type = (at: number) => {
    const t = data[at];
    out.open(I.optType, at, 1, t);
    out.add(I.optCopy, at, 1, (t & 0x80) !== 0);
    out.add(I.optClass, at, 1, (t >> 5) & 3);
    out.add(I.optNumber, at, 1, t & 0x1f);
    out.close();
  };
  for (let at = from; at < to; ) {
    const t = data[at];
    if (t === 0 || t === 1) {
      out.open(t === 0 ? I.optEol : I.optNop, at, 1);
      type(at);
      out.close();
      at++;
      if (t === 0) break;
      continue;
    }
    const len = at + 1 < to ? data[at + 1] : 0;
    if (len < 2 || at + len > to) {
      out.open(I.optUnknown, at, to - at);
      type(at);
      if (at + 1 < to) out.add(I.optLen, at + 1, 1, len);
      out.expert('ip.opt.len.invalid', 'error', 'Invalid length for option');
      out.close();
      break;
    }
    if (t === 7) {
      out.open(I.optRecordRoute, at, len, undefined, out.detail ? `IP Option - Record Route (${len} bytes)` : undefined);
      type(at);
      out.add(I.optLen, at + 1, 1, len);
      const ptr = data[at + 2];
      out.add(I.optPtr, at + 2, 1, ptr);
      for (let p = 3; p + 4 <= len; p += 4) {
        const addr = u32(data, at + p);
        const isNext = p + 1 === ptr;
        const spec = p + 1 < ptr ? I.recRt : I.emptyRt;
        out.add(spec, at + p, 4, addr, out.detail ? `${spec.label}: ${ipv4Text(addr)}${isNext ? ' <- (next)' : ''}` : undefined);
      }
      out.close();
    } else if (t === 148 && len === 4) {
      out.open(I.optRouterAlert, at, len, undefined, out.detail ? `IP Option - Router Alert (${len} bytes): Router shall examine packet (0)` : undefined);
      type(at);
      out.add(I.optLen, at + 1, 1, len);
      out.add(I.optRa, at + 2, 2, u16(data, at + 2));
      out.close();
    } else {
      out.open(I.optUnknown, at, len, undefined, out.detail ? `Unknown (0x${t.toString(16).padStart(2, '0')}) (${len} bytes)` : undefined);
      type(at);
      out.add(I.optLen, at + 1, 1, len);
      out.close();
    }
    at += len;
  }
  out.close();
}

export const decodeIpv4: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('ip');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'IPv4';
  // Until the item's text is set (with the addresses), tshark's fields output shows the bare name "ip".
  out.open(I.ip, offset, IH.length, I.ip.name, 'Internet Protocol Version 4');
  if (!need(ctx, 'IPv4', offset, 1, end)) {
    out.close();
    return;
  }
  const vihl = data[offset];
  const ihl = vihl & IH.ihlMask;
  const hdrLen = ihl * IH.ihlUnit;
  out.add(I.version, offset, 1, vihl >> 4);
  const hlDisplay = out.detail ? `${bitPattern(0x0f, 8, ihl)} = Header Length: ${hdrLen} bytes (${ihl})` : undefined;
  out.add(I.hdrLen, offset, 1, hdrLen, hlDisplay);
  if (hdrLen < IH.length) {
    const msg = `Bogus IP header length (${hdrLen}, must be at least 20)`;
    out.expert('ip.bogus_header_length', 'error', msg);
    ctx.markBad();
    out.finish(hdrLen);
    out.close();
    if (ctx.columns && !ctx.inner) ctx.cols.info = msg;
    return;
  }
  if (!need(ctx, 'IPv4', offset, IH.length, end)) {
    out.close();
    return;
  }
  const ds = data[offset + IH.dsfield];
  const storedLen = u16(data, offset + IH.totalLength);
  // 0 in a frame captured before segmentation offload (or BIG TCP): Wireshark takes the frame's length and says why.
  const totalLen = storedLen === 0 ? end - offset : storedLen;
  const id = u16(data, offset + IH.id);
  const ff = u16(data, offset + IH.flagsFragment);
  const flags = ff >> 13;
  const frag = ff & IH.fragOffsetMask;
  const ttl = data[offset + IH.ttl];
  const proto = data[offset + IH.protocol];
  const stored = u16(data, offset + IH.checksum);
  const src = u32(data, offset + IH.src);
  const dst = u32(data, offset + IH.dst);
  if (out.detail || out.wants(I.ip)) {
    out.finish(hdrLen, `Internet Protocol Version 4, Src: ${ipv4Text(src)}, Dst: ${ipv4Text(dst)}`);
  }
  if (out.detail || out.wantsAny(DS_SPECS)) {
    out.open(I.dsfield, offset + IH.dsfield, 1, ds, out.detail ? `Differentiated Services Field: ${hexOf(ds, 8)} (${dsSummary(ds)})` : undefined);
    out.add(I.dscp, offset + IH.dsfield, 1, ds >> 2);
    out.add(I.ecn, offset + IH.dsfield, 1, ds & 3);
    out.close();
  }
  if (storedLen === 0 && out.detail) {
    out.add(
      I.len,
      offset + IH.totalLength,
      2,
      totalLen,
      `[Total Length: ${totalLen} bytes (reported as 0, presumed to be because of "TCP segmentation offload" (TSO))]`,
    );
  } else out.add(I.len, offset + IH.totalLength, 2, totalLen);
  out.add(I.id, offset + IH.id, 2, id);
  if (out.detail || out.wantsAny(FLAG_SPECS)) {
    out.open(I.flags, offset + IH.flagsFragment, 1, flags, out.detail ? `${bitPattern(0xe0, 8, flags)} = Flags: ${flagsText(flags)}` : undefined);
    out.add(I.rb, offset + IH.flagsFragment, 1, (flags & 4) !== 0);
    out.add(I.df, offset + IH.flagsFragment, 1, (flags & 2) !== 0);
    out.add(I.mf, offset + IH.flagsFragment, 1, (flags & 1) !== 0);
    out.close();
  }
  out.add(I.fragOffset, offset + IH.flagsFragment, 2, frag);
  out.add(I.ttl, offset + IH.ttl, 1, ttl);
  // As Wireshark: a unicast TTL under 5 is a traceroute probe or a datagram about to expire (PIM and OSPF are exempt).
  if (ttl < 5 && dst >>> 28 !== 0xe && proto !== IPPROTO_PIM && proto !== IPPROTO_OSPF) {
    out.expert('ip.ttl.too_small', 'note', `"Time To Live" only ${ttl}`);
  }
  out.add(I.proto, offset + IH.protocol, 1, proto);

  // The header checksum covers the header only, so it can be checked whenever the header was captured.
  let status = CHECKSUM_UNVERIFIED;
  let expected = 0;
  const verify = out.detail || ctx.columns || ctx.session !== undefined || out.wantsAny(CHECKSUM_SPECS);
  if (verify && offset + hdrLen <= data.length) {
    expected = expectedChecksum(data, offset, offset + hdrLen, offset + IH.checksum);
    status = expected === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;
  }
  const hx = hex16;
  if (status === CHECKSUM_GOOD) {
    out.add(I.checksum, offset + IH.checksum, 2, stored, out.detail ? `Header Checksum: ${hx(stored)} [correct]` : undefined);
  } else if (status === CHECKSUM_BAD) {
    out.add(
      I.checksum,
      offset + IH.checksum,
      2,
      stored,
      out.detail ? `Header Checksum: ${hx(stored)} incorrect, should be ${hx(expected)}(may be caused by "IP checksum offload"?)` : undefined,
    );
    out.expert('ip.checksum_bad.expert', 'error', `Bad checksum [should be ${hx(expected)}]`);
  } else {
    out.add(I.checksum, offset + IH.checksum, 2, stored, out.detail ? `Header Checksum: ${hx(stored)} [unverified]` : undefined);
  }
  out.add(I.checksumStatus, offset + IH.checksum, 0, status);
  if (status !== CHECKSUM_UNVERIFIED) out.add(I.checksumCalculated, offset + IH.checksum, 2, expected);
  out.add(I.src, offset + IH.src, 4, src);
  out.add(I.addr, offset + IH.src, 4, src);
  if (out.wants(I.srcHost) || out.wants(I.host)) {
    out.add(I.srcHost, offset + IH.src, 4, ipv4Text(src));
    out.add(I.host, offset + IH.src, 4, ipv4Text(src));
  }
  out.add(I.dst, offset + IH.dst, 4, dst);
  out.add(I.addr, offset + IH.dst, 4, dst);
  if (out.wants(I.dstHost) || out.wants(I.host)) {
    out.add(I.dstHost, offset + IH.dst, 4, ipv4Text(dst));
    out.add(I.host, offset + IH.dst, 4, ipv4Text(dst));
  }
  if (hdrLen > 20) {
    if (!need(ctx, 'IPv4', offset + IH.length, hdrLen - IH.length, end)) {
      out.close();
      return;
    }
    options(ctx, offset + IH.length, offset + hdrLen);
  }

  // The payload ends where Total Length says, unless the frame is shorter (then the frame's end).
  let payloadEnd = offset + totalLen;
  if (payloadEnd > end) payloadEnd = end;
  const rec: Ipv4Record = {
    offset,
    hdrLen,
    totalLen,
    src,
    dst,
    proto,
    ttl,
    id,
    flags,
    fragOffset: frag * 8,
    checksumStatus: status,
    payloadOffset: offset + hdrLen,
    payloadEnd,
  };
  if (!ctx.inner) ctx.layers.ipv4 = rec;
  ctx.lastIp = { version: 4, rec };
  if (ctx.columns && !ctx.inner) {
    ctx.cols.source = ipv4Text(src);
    ctx.cols.destination = ipv4Text(dst);
  }
  const payload = offset + hdrLen;
  if ((flags & 1) !== 0 || frag !== 0) {
    fragment(ctx, rec, offset, totalLen);
    return payloadEnd;
  }
  out.close();
  if (ctx.next('ip.proto', proto, payload, payloadEnd) < 0) ctx.call('data', payload, payloadEnd);
  return payloadEnd;
};

/**
 * A fragment (the IP node still open). Reassembled as Wireshark does when the
 * datagram's key, its bytes all captured and a header checksum that is not
 * bad allow it: the earlier fragments say where the datagram completes, the
 * completing one carries its transport layer. A fragment left out of
 * reassembly is shown as data, unless it is the first, whose transport layer
 * is dissected from what it holds.
 */
function fragment(ctx: LayerContext, rec: Ipv4Record, offset: number, totalLen: number): void {
  const { out } = ctx;
  const { proto, id, hdrLen, payloadOffset, payloadEnd } = rec;
  const frag = rec.fragOffset;
  const length = totalLen - hdrLen;
  const eligible = rec.checksumStatus !== CHECKSUM_BAD && length > 0 && payloadOffset + length <= Math.min(payloadEnd, ctx.data.length);
  // Wireshark keys fragments by both addresses and this mix of protocol, identification and addresses.
  const key = `4|${rec.src}|${rec.dst}|${(proto ^ id ^ rec.src ^ rec.dst) >>> 0}`;
  const an = eligible ? askSession(ctx, key, frag, length, (rec.flags & 1) !== 0, payloadOffset) : undefined;
  const dg = an?.datagram;
  if (dg) {
    dissectDatagram(
      ctx,
      IPV4_REASSEMBLY,
      dg,
      () => out.close(),
      (total) => {
        if (ctx.next('ip.proto', proto, 0, total) < 0) ctx.call('data', 0, total);
      },
    );
    return;
  }
  if (an?.reassembledIn !== undefined) out.add(R.reassembledIn, offset, 0, an.reassembledIn);
  out.close();
  if (ctx.session?.ipFragment && !ctx.inner && !eligible && frag === 0) {
    ctx.fragmented = true;
    if (ctx.next('ip.proto', proto, payloadOffset, payloadEnd) < 0) ctx.call('data', payloadOffset, payloadEnd);
    ctx.fragmented = false;
    return;
  }
  if (ctx.columns && !ctx.inner) {
    ctx.cols.info = `Fragmented IP protocol (proto=${ipProtoName(proto)} ${proto}, off=${frag}, ID=${hexOf(id, 16).slice(2)})`;
    if (an?.reassembledIn !== undefined) ctx.cols.info += ` [Reassembled in #${an.reassembledIn}]`;
  }
  ctx.call('data', payloadOffset, payloadEnd);
}
