// UDP (RFC 768): ports, length, checksum over the IPv4 or IPv6 pseudo-header.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { hexOf } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_ILLEGAL, CHECKSUM_NOT_PRESENT, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED } from '../checksum.ts';
import { need, u16 } from './context.ts';
import type { Decoder } from './context.ts';
import { transportChecksum } from './pseudo.ts';
import { bindingKey } from '../bindings.ts';
import { routePayload } from './route-payload.ts';

/** Fixed header byte offsets (RFC 768); `length` is the header's size, the least a Length may say. */
export const UDP_HEADER = { srcPort: 0, dstPort: 2, length: 4, checksum: 6, size: 8 } as const;

const H = UDP_HEADER;
/** UDP's IP protocol number, for the pseudo-header. */
const IP_PROTO_UDP = bindingKey('ip.proto', 'udp');

export const udpFields = defineFields({
  udp: { name: 'udp', label: 'User Datagram Protocol', type: 'protocol' },
  srcport: { name: 'udp.srcport', label: 'Source Port', type: 'uint', bits: 16, width: 16 },
  dstport: { name: 'udp.dstport', label: 'Destination Port', type: 'uint', bits: 16, width: 16 },
  port: { name: 'udp.port', label: 'Source or Destination Port', type: 'uint', width: 16, hidden: true },
  length: { name: 'udp.length', label: 'Length', type: 'uint', bits: 16, width: 16 },
  checksum: { name: 'udp.checksum', label: 'Checksum', type: 'uint', bits: 16, width: 16, base: 'hex' },
  checksumCalculated: { name: 'udp.checksum_calculated', label: 'Calculated Checksum', type: 'uint', width: 16, base: 'hex', generated: true },
  checksumStatus: { name: 'udp.checksum.status', label: 'Checksum Status', type: 'uint', width: 8, generated: true, fmt: (v) => CHECKSUM_STATUS[Number(v)] },
  payload: { name: 'udp.payload', label: 'Payload', type: 'bytes' },
});

const U = udpFields;

export const udpTable: ProtocolTable = {
  layer: 'udp',
  filter: 'udp',
  title: 'User Datagram Protocol',
  header: [U.srcport, U.dstport, U.length, U.checksum],
  fields: udpFields,
};

/** Decoded UDP header values. */
export interface UdpHeader {
  offset: number;
  srcPort: number;
  dstPort: number;
  length: number;
  checksum: number;
  checksumStatus: number;
  payloadOffset: number;
  payloadLength: number;
}

const ALL_SPECS = Object.values(udpFields);

const hex16 = (n: number) => hexOf(n, 16);

export const decodeUdp: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  if (ctx.quiet(ALL_SPECS)) {
    // Fast path: nothing of UDP is wanted, only its payload may be.
    if (offset + H.size > Math.min(end, data.length)) return;
    const len = u16(data, offset + H.length);
    if (len < H.size) return;
    ctx.protocols.push('udp');
    const udpEnd = offset + Math.min(len, end - offset);
    if (udpEnd <= offset + H.size) return udpEnd;
    const sp = u16(data, offset);
    const dp = u16(data, offset + H.dstPort);
    routePayload(ctx, 'udp.port', sp, dp, offset + H.size, udpEnd);
    return udpEnd;
  }
  ctx.protocols.push('udp');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'UDP';
  out.open(U.udp, offset, H.size, 'User Datagram Protocol');
  if (!need(ctx, 'UDP', offset, H.size, end)) {
    out.close();
    return;
  }
  const sp = u16(data, offset);
  const dp = u16(data, offset + H.dstPort);
  const len = u16(data, offset + H.length);
  const stored = u16(data, offset + H.checksum);
  if (out.detail || out.wants(U.udp)) out.finish(H.size, `User Datagram Protocol, Src Port: ${sp}, Dst Port: ${dp}`);
  out.add(U.srcport, offset, 2, sp);
  out.add(U.dstport, offset + H.dstPort, 2, dp);
  out.add(U.port, offset, 2, sp);
  out.add(U.port, offset + H.dstPort, 2, dp);
  if (len < H.size) {
    out.add(U.length, offset + H.length, 2, len, out.detail ? `Length: ${len} (bogus, must be >= 8)` : undefined);
    out.expert('udp.length.bad', 'error', `Bad length value ${len} < 8`);
    ctx.markBad();
    out.close();
    if (ctx.columns && !ctx.inner) ctx.cols.info = `${sp} → ${dp} [BAD UDP LENGTH ${len} < 8]`;
    return;
  }
  const wireLen = end - offset;
  if (len > wireLen && !ctx.fragmented) {
    out.add(U.length, offset + H.length, 2, len, out.detail ? `Length: ${len} (bogus, payload length ${wireLen})` : undefined);
    out.expert('udp.length.bad', 'error', `Bad length value ${len} > IP payload length`);
    ctx.markBad();
  } else {
    out.add(U.length, offset + H.length, 2, len);
  }
  const udpEnd = offset + Math.min(len, wireLen);

  // Status as Wireshark numbers it; zero means "no checksum" over IPv4 only (RFC 768, RFC 8200 8.1).
  const ip = ctx.lastIp;
  let status: number;
  let expected = 0;
  if (stored === 0) status = ip?.version === 6 ? CHECKSUM_ILLEGAL : CHECKSUM_NOT_PRESENT;
  else {
    // Summing the whole datagram is the costliest step: the fields path does it only when asked.
    const verify = out.detail || ctx.columns || ctx.session !== undefined || out.wants(U.checksumStatus) || out.wants(U.checksumCalculated);
    const calc = ip && verify && len <= wireLen ? transportChecksum(ctx, ip, IP_PROTO_UDP, offset, udpEnd, offset + H.checksum) : undefined;
    if (calc === undefined) status = CHECKSUM_UNVERIFIED;
    else {
      expected = calc === 0 ? 0xffff : calc;
      status = expected === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;
    }
  }
  const hx = hex16;
  const at = offset + H.checksum;
  if (status === CHECKSUM_NOT_PRESENT) {
    out.open(U.checksum, at, 2, stored, out.detail ? `Checksum: ${hx(stored)} [zero-value ignored]` : undefined);
    out.add(U.checksumStatus, at, 2, status);
    out.close();
  } else if (status === CHECKSUM_ILLEGAL) {
    out.open(U.checksum, at, 2, stored, out.detail ? `Checksum: ${hx(stored)} [zero-value illegal]` : undefined);
    out.expert('udp.checksum.zero', 'error', 'Illegal checksum value (0)');
    out.add(U.checksumStatus, at, 2, status);
    out.close();
  } else if (status === CHECKSUM_UNVERIFIED) {
    out.add(U.checksum, at, 2, stored, out.detail ? `Checksum: ${hx(stored)} [unverified]` : undefined);
    out.add(U.checksumStatus, at, 0, status);
  } else {
    const good = status === CHECKSUM_GOOD;
    const line = good
      ? `Checksum: ${hx(stored)} [correct]`
      : `Checksum: ${hx(stored)} incorrect, should be ${hx(expected)} (maybe caused by "UDP checksum offload"?)`;
    out.open(U.checksum, at, 2, stored, out.detail ? line : undefined);
    if (!good) out.expert('udp.checksum.bad', 'error', `Bad checksum [should be ${hx(expected)}]`);
    out.add(U.checksumCalculated, at, 2, expected);
    out.close();
    out.add(U.checksumStatus, at, 0, status);
  }

  const payloadOffset = offset + H.size;
  const payloadLength = udpEnd - payloadOffset;
  const rec: UdpHeader = { offset, srcPort: sp, dstPort: dp, length: len, checksum: stored, checksumStatus: status, payloadOffset, payloadLength };
  if (!ctx.inner) ctx.layers.udp = rec;
  ctx.session?.udp?.(rec, ctx);
  if (payloadLength > 0) {
    const capturedEnd = Math.min(udpEnd, data.length);
    if (capturedEnd > payloadOffset) {
      out.add(U.payload, payloadOffset, capturedEnd - payloadOffset, undefined, out.detail ? `UDP payload (${payloadLength} bytes)` : undefined);
    }
  }
  out.close();
  if (ctx.columns && !ctx.inner) {
    // A first fragment's Info gives the length the header says (the rest is in later fragments).
    let info = `${sp} → ${dp} Len=${ctx.fragmented ? len - H.size : payloadLength}`;
    if (status === CHECKSUM_BAD) info += ' [UDP CHECKSUM INCORRECT]';
    else if (status === CHECKSUM_ILLEGAL) info += ' [ILLEGAL CHECKSUM (0)]';
    ctx.cols.info = info;
  }
  if (payloadLength > 0) {
    routePayload(ctx, 'udp.port', sp, dp, payloadOffset, udpEnd);
  }
  return udpEnd;
};
