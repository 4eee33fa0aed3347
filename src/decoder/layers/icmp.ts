// ICMP (RFC 792): type, code, checksum, echo identifiers, and the quoted
// header of error messages (dissected as an inner IPv4 packet).

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { hexOf } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED, expectedChecksum } from '../checksum.ts';
import { need, u16 } from './context.ts';
import { endpointsKey } from './endpoints.ts';
import type { Decoder } from './context.ts';

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
  if (type === 3) return UNREACH[code];
  if (type === 5) return REDIRECT[code];
  if (type === 11) return TIME_EXCEEDED[code];
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
  if (!need(ctx, 'ICMP', offset, 4, end)) {
    out.close();
    return;
  }
  const type = data[offset];
  const code = data[offset + 1];
  const stored = u16(data, offset + 2);
  out.add(C.type, offset, 1, type);
  const cname = codeName(type, code);
  out.add(C.code, offset + 1, 1, code, out.detail && cname ? `Code: ${code} (${cname})` : undefined);
  // ICMP's checksum covers the whole message; Wireshark always checks it when the message was captured whole.
  let status = CHECKSUM_UNVERIFIED;
  let expected = 0;
  if (end <= data.length) {
    expected = expectedChecksum(data, offset, end, offset + 2);
    status = expected === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;
  }
  const hx = (n: number) => hexOf(n, 16);
  const line =
    status === CHECKSUM_GOOD
      ? `Checksum: ${hx(stored)} [correct]`
      : status === CHECKSUM_BAD
        ? `Checksum: ${hx(stored)} incorrect, should be ${hx(expected)}`
        : `Checksum: ${hx(stored)} [unverified]`;
  out.add(C.checksum, offset + 2, 2, stored, out.detail ? line : undefined);
  if (status === CHECKSUM_BAD) out.expert('icmp.checksum_bad', 'warn', `Bad checksum [should be ${hx(expected)}]`);
  out.add(C.checksumStatus, offset + 2, 0, status);
  const rec: IcmpRecord = { offset, type, code, checksumStatus: status };
  let info = `${TYPES[type] ?? 'Unknown ICMP (obsolete or malformed?)'}`;
  if (cname) info += ` (${cname})`;
  const isEcho = type === 0 || type === 8 || type === 13 || type === 14;
  const isError = type === 3 || type === 4 || type === 5 || type === 11 || type === 12;
  if (isEcho && need(ctx, 'ICMP', offset + 4, 4, end)) {
    const id = u16(data, offset + 4);
    const seq = u16(data, offset + 6);
    out.add(C.ident, offset + 4, 2, id);
    out.add(C.identLe, offset + 4, 2, swap16(id));
    out.add(C.seq, offset + 6, 2, seq);
    out.add(C.seqLe, offset + 6, 2, swap16(seq));
    rec.ident = id;
    rec.seq = seq;
    const ttl = ctx.lastIp?.version === 4 ? ctx.lastIp.rec.ttl : undefined;
    // Wireshark pads the type name so that "request" and "reply" lines align.
    const pad = type === 0 || type === 14 ? '    ' : '  ';
    info = `${TYPES[type]}${pad}id=${hx(id)}, seq=${seq}/${swap16(seq)}${ttl !== undefined ? `, ttl=${ttl}` : ''}`;
    // Echo request and reply matched by the analysis' first pass (identifier, sequence number,
    // addresses). Not the copy an ICMP error quotes; and, as tshark 4.0, no message with a bad
    // checksum (a request still shows it found no response).
    const echo = (type === 8 || type === 0) && !ctx.inner;
    const note = { key: `icmp|${id}|${seq}|${endpointsKey(ctx)}`, request: type === 8, unmatchable: status === CHECKSUM_BAD };
    const match = echo ? ctx.session?.transaction?.(note, ctx) : undefined;
    if (match) {
      if (type === 8 && match.responseIn) {
        out.add(C.respIn, offset, 0, match.responseIn);
        info += ` (reply in ${match.responseIn})`;
      } else if (type === 8) {
        out.expert('icmp.resp_not_found', 'warn', 'No response seen to ICMP request');
        info += ' (no response found!)';
      } else if (match.requestIn) {
        out.add(C.respTo, offset, 0, match.requestIn);
        const ms = match.deltaNs / 1e6;
        out.add(C.respTime, offset, 0, String(ms), out.detail ? `[Response time: ${ms.toFixed(3)} ms]` : undefined);
        info += ` (request in ${match.requestIn})`;
      }
    }
  } else if (isError && end - offset >= 8) {
    if (type === 3 && code === 4) {
      out.add(C.unused, offset + 4, 2);
      out.add(C.mtu, offset + 6, 2, u16(data, offset + 6));
    } else if (type === 5) {
      out.add(C.redirGw, offset + 4, 4);
    } else {
      out.add(C.unused, offset + 4, 4);
    }
  }
  if (ctx.columns && !ctx.inner) ctx.cols.info = info;
  if (!ctx.inner) ctx.layers.icmp = rec;
  if (isError && end - offset > 8) ctx.call('ipv4', offset + 8, end, true);
  else if (end - offset > 8) ctx.call('data', offset + 8, end);
  out.close();
  return end;
};
