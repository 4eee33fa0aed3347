// ICMP (RFC 792): type, code, checksum, echo identifiers, and the quoted
// header of error messages (dissected as an inner IPv4 packet).

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { hexOf } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED, expectedChecksum } from '../checksum.ts';
import { need, u16 } from './context.ts';
import { endpointsKey } from './endpoints.ts';
import type { Decoder } from './context.ts';

/** Message types (RFC 792, RFC 950) the decoder tells apart. */
const ICMP_TYPE = {
  ECHO_REPLY: 0,
  UNREACHABLE: 3,
  SOURCE_QUENCH: 4,
  REDIRECT: 5,
  ECHO_REQUEST: 8,
  TIME_EXCEEDED: 11,
  PARAMETER_PROBLEM: 12,
  TIMESTAMP_REQUEST: 13,
  TIMESTAMP_REPLY: 14,
} as const;

const T = ICMP_TYPE;

/** Error messages: each quotes the IP header (and 8 bytes) of the packet it is about. */
export const ICMP_ERRORS: ReadonlySet<number> = new Set([T.UNREACHABLE, T.SOURCE_QUENCH, T.REDIRECT, T.TIME_EXCEEDED, T.PARAMETER_PROBLEM]);

/** Byte offsets (RFC 792): the second word is echo's identifier and sequence, or an error's rest of header. */
export const ICMP_HEADER = { type: 0, code: 1, checksum: 2, ident: 4, seq: 6, rest: 4, length: 8 } as const;

const H = ICMP_HEADER;

/** Destination unreachable's code for "fragmentation needed", whose rest of header carries the MTU. */
const FRAG_NEEDED = 4;

const TYPES: Readonly<Record<number, string>> = {
  0: 'Echo (ping) reply',
  3: 'Destination unreachable',
  4: 'Source quench (flow control)',
  5: 'Redirect',
  8: 'Echo (ping) request',
  9: 'Router advertisement',
  10: 'Router solicitation',
  11: 'Time-to-live exceeded',
  12: 'Parameter problem',
  13: 'Timestamp request',
  14: 'Timestamp reply',
};

const UNREACH: Readonly<Record<number, string>> = {
  0: 'Network unreachable',
  1: 'Host unreachable',
  2: 'Protocol unreachable',
  3: 'Port unreachable',
  4: 'Fragmentation needed',
  5: 'Source route failed',
  6: 'Destination network unknown',
  7: 'Destination host unknown',
  9: 'Destination network administratively prohibited',
  10: 'Destination host administratively prohibited',
  13: 'Communication administratively filtered',
};
const REDIRECT: Readonly<Record<number, string>> = {
  0: 'Redirect for network',
  1: 'Redirect for host',
  2: 'Redirect for TOS and network',
  3: 'Redirect for TOS and host',
};
const TIME_EXCEEDED: Readonly<Record<number, string>> = { 0: 'Time to live exceeded in transit', 1: 'Fragment reassembly time exceeded' };

function codeName(type: number, code: number): string | undefined {
  if (type === T.UNREACHABLE) return UNREACH[code];
  if (type === T.REDIRECT) return REDIRECT[code];
  if (type === T.TIME_EXCEEDED) return TIME_EXCEEDED[code];
  return undefined;
}

const icmpFields = defineFields({
  icmp: { name: 'icmp', label: 'Internet Control Message Protocol', type: 'protocol' },
  type: {
    name: 'icmp.type',
    label: 'Type',
    type: 'uint',
    bits: 8,
    width: 8,
    fmt: (v) => `${v} (${TYPES[Number(v)] ?? 'Unknown ICMP (obsolete or malformed?)'})`,
  },
  code: { name: 'icmp.code', label: 'Code', type: 'uint', bits: 8, width: 8 },
  checksum: { name: 'icmp.checksum', label: 'Checksum', type: 'uint', bits: 16, width: 16, base: 'hex' },
  checksumStatus: { name: 'icmp.checksum.status', label: 'Checksum Status', type: 'uint', width: 8, generated: true, fmt: (v) => CHECKSUM_STATUS[Number(v)] },
  ident: { name: 'icmp.ident', label: 'Identifier (BE)', type: 'uint', bits: 16, width: 16, base: 'dec_hex' },
  identLe: { name: 'icmp.ident_le', label: 'Identifier (LE)', type: 'uint', width: 16, base: 'dec_hex' },
  seq: { name: 'icmp.seq', label: 'Sequence Number (BE)', type: 'uint', bits: 16, width: 16, base: 'dec_hex' },
  seqLe: { name: 'icmp.seq_le', label: 'Sequence Number (LE)', type: 'uint', width: 16, base: 'dec_hex' },
  respIn: { name: 'icmp.resp_in', label: 'Response frame', type: 'framenum', width: 32, generated: true },
  respTo: { name: 'icmp.resp_to', label: 'Request frame', type: 'framenum', width: 32, generated: true },
  // Milliseconds, printed as C's %g prints the double Wireshark keeps ("0.039315").
  respTime: { name: 'icmp.resptime', label: 'Response time', type: 'string', generated: true },
  unused: { name: 'icmp.unused', label: 'Unused', type: 'bytes', bits: 32 },
  mtu: { name: 'icmp.mtu', label: 'MTU of next hop', type: 'uint', width: 16 },
  redirGw: { name: 'icmp.redir_gw', label: 'Gateway Address', type: 'ipv4' },
  pointer: { name: 'icmp.pointer', label: 'Pointer', type: 'uint', width: 32 },
});

const C = icmpFields;

export const icmpTable: ProtocolTable = {
  layer: 'icmp',
  filter: 'icmp',
  title: 'Internet Control Message Protocol',
  header: [C.type, C.code, C.checksum, C.ident, C.seq],
  fields: icmpFields,
};

/** Decoded ICMP or ICMPv6 values. */
export interface IcmpRecord {
  offset: number;
  type: number;
  code: number;
  checksumStatus: number;
  /** Echo identifier and sequence number, for echo messages. */
  ident?: number;
  seq?: number;
}

const swap16 = (v: number) => ((v & 0xff) << 8) | (v >> 8);

export const decodeIcmp: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('icmp');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'ICMP';
  const stop = Math.min(end, data.length);
  out.open(C.icmp, offset, Math.max(0, stop - offset), 'Internet Control Message Protocol');
  if (!need(ctx, 'ICMP', offset, H.rest, end)) {
    out.close();
    return;
  }
  const type = data[offset + H.type];
  const code = data[offset + H.code];
  const stored = u16(data, offset + H.checksum);
  out.add(C.type, offset + H.type, 1, type);
  const cname = codeName(type, code);
  out.add(C.code, offset + H.code, 1, code, out.detail && cname ? `Code: ${code} (${cname})` : undefined);
  // ICMP's checksum covers the whole message; Wireshark checks it when the message was captured whole, except inside an error's quoted packet.
  let status = CHECKSUM_UNVERIFIED;
  let expected = 0;
  if (end <= data.length && !ctx.inner) {
    expected = expectedChecksum(data, offset, end, offset + H.checksum);
    status = expected === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;
  }
  const hx = (n: number) => hexOf(n, 16);
  const line =
    status === CHECKSUM_GOOD
      ? `Checksum: ${hx(stored)} [correct]`
      : status === CHECKSUM_BAD
        ? `Checksum: ${hx(stored)} incorrect, should be ${hx(expected)}`
        : `Checksum: ${hx(stored)} [unverified]`;
  out.add(C.checksum, offset + H.checksum, 2, stored, out.detail ? line : undefined);
  if (status === CHECKSUM_BAD) out.expert('icmp.checksum_bad', 'warn', `Bad checksum [should be ${hx(expected)}]`);
  out.add(C.checksumStatus, offset + H.checksum, 0, status);
  const rec: IcmpRecord = { offset, type, code, checksumStatus: status };
  let info = `${TYPES[type] ?? 'Unknown ICMP (obsolete or malformed?)'}`;
  if (cname) info += ` (${cname})`;
  const isEcho = type === T.ECHO_REPLY || type === T.ECHO_REQUEST || type === T.TIMESTAMP_REQUEST || type === T.TIMESTAMP_REPLY;
  const isError = ICMP_ERRORS.has(type);
  if (isEcho && need(ctx, 'ICMP', offset + H.rest, H.length - H.rest, end)) {
    const id = u16(data, offset + H.ident);
    const seq = u16(data, offset + H.seq);
    out.add(C.ident, offset + H.ident, 2, id);
    out.add(C.identLe, offset + H.ident, 2, swap16(id));
    out.add(C.seq, offset + H.seq, 2, seq);
    out.add(C.seqLe, offset + H.seq, 2, swap16(seq));
    rec.ident = id;
    rec.seq = seq;
    const ttl = ctx.lastIp?.version === 4 ? ctx.lastIp.rec.ttl : undefined;
    // Wireshark pads the type name so that "request" and "reply" lines align.
    const pad = type === T.ECHO_REPLY || type === T.TIMESTAMP_REPLY ? '    ' : '  ';
    info = `${TYPES[type]}${pad}id=${hx(id)}, seq=${seq}/${swap16(seq)}${ttl !== undefined ? `, ttl=${ttl}` : ''}`;
    // Echo request and reply matched by the analysis' first pass (identifier, sequence number,
    // addresses). Not the copy an ICMP error quotes; and, as tshark 4.0, no message with a bad
    // checksum (a request still shows it found no response).
    const echo = (type === T.ECHO_REQUEST || type === T.ECHO_REPLY) && !ctx.inner;
    const note = { key: `icmp|${id}|${seq}|${endpointsKey(ctx)}`, request: type === T.ECHO_REQUEST, unmatchable: status === CHECKSUM_BAD };
    const match = echo ? ctx.session?.transaction?.(note, ctx) : undefined;
    if (match) {
      if (type === T.ECHO_REQUEST && match.responseIn) {
        out.add(C.respIn, offset, 0, match.responseIn);
        info += ` (reply in ${match.responseIn})`;
      } else if (type === T.ECHO_REQUEST) {
        out.expert('icmp.resp_not_found', 'warn', 'No response seen to ICMP request');
        info += ' (no response found!)';
      } else if (match.requestIn) {
        out.add(C.respTo, offset, 0, match.requestIn);
        const ms = match.deltaNs / 1e6;
        out.add(C.respTime, offset, 0, String(ms), out.detail ? `[Response time: ${ms.toFixed(3)} ms]` : undefined);
        info += ` (request in ${match.requestIn})`;
      }
    }
  } else if (isError && end - offset >= H.length) {
    const rest = offset + H.rest;
    if (type === T.UNREACHABLE && code === FRAG_NEEDED) {
      out.add(C.unused, rest, 2);
      out.add(C.mtu, rest + 2, 2, u16(data, rest + 2));
    } else if (type === T.REDIRECT) {
      out.add(C.redirGw, rest, 4);
    } else {
      out.add(C.unused, rest, 4);
    }
  }
  if (ctx.columns && !ctx.inner) ctx.cols.info = info;
  if (!ctx.inner) ctx.layers.icmp = rec;
  if (isError && end - offset > H.length) ctx.call('ipv4', offset + H.length, end, true);
  else if (end - offset > H.length) ctx.call('data', offset + H.length, end);
  out.close();
  return end;
};
