// ARP (RFC 826), with RFC 5227's probe and announcement as Wireshark names them.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { ipv4Text, macText } from '../fields/format.ts';
import { need, u16, u32 } from './context.ts';
import type { Decoder } from './context.ts';
import { ETHERTYPES } from './ethertypes.ts';
import { bindingKey } from '../bindings.ts';

const HW_TYPES: Readonly<Record<number, string>> = {
  1: 'Ethernet',
  6: 'IEEE 802',
  15: 'Frame Relay',
  16: 'ATM',
  20: 'Serial Line',
  32: 'InfiniBand',
};

const OPCODES: Readonly<Record<number, string>> = {
  1: 'request',
  2: 'reply',
  3: 'reverse request',
  4: 'reverse reply',
  8: 'inverse request',
  9: 'inverse reply',
};

/** Fixed byte offsets (RFC 826); the addresses of Ethernet/IPv4 ARP follow at their own places. */
export const ARP_HEADER = {
  hwType: 0,
  protoType: 2,
  hwSize: 4,
  protoSize: 5,
  opcode: 6,
  /** Where the addresses begin. */
  length: 8,
  /** Ethernet/IPv4 ARP: hardware type, address sizes and where each address is. */
  hwEthernet: 1,
  ethernetSize: 6,
  ipv4Size: 4,
  senderMac: 8,
  senderIp: 14,
  targetMac: 18,
  targetIp: 24,
  ethernetIpv4Length: 28,
} as const;

const AH = ARP_HEADER;
const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');

const arpFields = defineFields({
  arp: { name: 'arp', label: 'Address Resolution Protocol', type: 'protocol' },
  hwType: { name: 'arp.hw.type', label: 'Hardware type', type: 'uint', bits: 16, width: 16, strings: HW_TYPES },
  protoType: { name: 'arp.proto.type', label: 'Protocol type', type: 'uint', bits: 16, width: 16, base: 'hex', strings: ETHERTYPES },
  hwSize: { name: 'arp.hw.size', label: 'Hardware size', type: 'uint', bits: 8, width: 8 },
  protoSize: { name: 'arp.proto.size', label: 'Protocol size', type: 'uint', bits: 8, width: 8 },
  opcode: { name: 'arp.opcode', label: 'Opcode', type: 'uint', bits: 16, width: 16, strings: OPCODES, fmt: (v) => `${OPCODES[Number(v)] ?? 'Unknown'} (${v})` },
  isGratuitous: { name: 'arp.isgratuitous', label: 'Is gratuitous', type: 'bool', generated: true },
  isProbe: { name: 'arp.isprobe', label: 'Is probe', type: 'bool', generated: true },
  isAnnouncement: { name: 'arp.isannouncement', label: 'Is announcement', type: 'bool', generated: true },
  srcHwMac: { name: 'arp.src.hw_mac', label: 'Sender MAC address', type: 'ether', bits: 48 },
  srcHw: { name: 'arp.src.hw', label: 'Sender hardware address', type: 'bytes' },
  srcProtoIpv4: { name: 'arp.src.proto_ipv4', label: 'Sender IP address', type: 'ipv4', bits: 32 },
  srcProto: { name: 'arp.src.proto', label: 'Sender protocol address', type: 'bytes' },
  dstHwMac: { name: 'arp.dst.hw_mac', label: 'Target MAC address', type: 'ether', bits: 48 },
  dstHw: { name: 'arp.dst.hw', label: 'Target hardware address', type: 'bytes' },
  dstProtoIpv4: { name: 'arp.dst.proto_ipv4', label: 'Target IP address', type: 'ipv4', bits: 32 },
  dstProto: { name: 'arp.dst.proto', label: 'Target protocol address', type: 'bytes' },
});

const A = arpFields;

export const arpTable: ProtocolTable = {
  layer: 'arp',
  filter: 'arp',
  title: 'Address Resolution Protocol',
  header: [A.hwType, A.protoType, A.hwSize, A.protoSize, A.opcode, A.srcHwMac, A.srcProtoIpv4, A.dstHwMac, A.dstProtoIpv4],
  fields: arpFields,
};

/** Decoded ARP values, for later analysis (e.g. duplicate-address checks). */
export interface ArpRecord {
  offset: number;
  opcode: number;
  senderMac?: Uint8Array;
  senderIp?: number;
  targetMac?: Uint8Array;
  targetIp?: number;
  gratuitous: boolean;
}

export const decodeArp: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('arp');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'ARP';
  // Until the item's text is set (after the addresses are read), tshark's fields output shows the bare name "arp".
  out.open(A.arp, offset, 0, A.arp.name, 'Address Resolution Protocol');
  const done = (length: number) => {
    out.finish(length);
    out.close();
    return offset + length;
  };
  if (!need(ctx, 'ARP/RARP', offset, 8, end)) return done(Math.max(0, Math.min(end, data.length) - offset));
  const hwType = u16(data, offset);
  const protoType = u16(data, offset + 2);
  const hln = data[offset + 4];
  const pln = data[offset + 5];
  const op = u16(data, offset + 6);
  const total = 8 + 2 * hln + 2 * pln;
  // Sender and target addresses are read below; a cut packet keeps the fixed part.
  const haveAll = offset + total <= Math.min(end, data.length);
  const isEthIp = hwType === AH.hwEthernet && protoType === ETHERTYPE_IPV4 && hln === AH.ethernetSize && pln === AH.ipv4Size;
  let gratuitous = false;
  let probe = false;
  let announcement = false;
  if (haveAll && pln === 4) {
    const spa = u32(data, offset + 8 + hln);
    const tpa = u32(data, offset + 8 + 2 * hln + pln);
    let thaZero = true;
    for (let i = 0; i < hln; i++) if (data[offset + 8 + hln + pln + i] !== 0) thaZero = false;
    gratuitous = spa === tpa;
    probe = spa === 0 && thaZero && op === 1;
    announcement = gratuitous && thaZero && op === 1;
  }
  if (out.detail || out.wants(A.arp)) {
    let kind = OPCODES[op] ?? 'Unknown';
    if (!haveAll) kind = '';
    else if (announcement) kind = 'ARP Announcement';
    else if (probe) kind = 'ARP Probe';
    else if (gratuitous && (op === 1 || op === 2)) kind = `${kind}/gratuitous ARP`;
    if (kind) out.finish(8, `Address Resolution Protocol (${kind})`);
    else out.finish(8);
  }
  out.add(A.hwType, offset, 2, hwType);
  out.add(A.protoType, offset + 2, 2, protoType);
  out.add(A.hwSize, offset + 4, 1, hln);
  out.add(A.protoSize, offset + 5, 1, pln);
  out.add(A.opcode, offset + 6, 2, op);
  if (gratuitous) out.add(A.isGratuitous, offset, 0, true);
  if (probe) out.add(A.isProbe, offset, 0, true);
  if (announcement) out.add(A.isAnnouncement, offset, 0, true);
  if (!need(ctx, 'ARP/RARP', offset + 8, total - 8, end)) return done(8);
  let at = offset + 8;
  const addrs = [
    [hln, A.srcHwMac, A.srcHw],
    [pln, A.srcProtoIpv4, A.srcProto],
    [hln, A.dstHwMac, A.dstHw],
    [pln, A.dstProtoIpv4, A.dstProto],
  ] as const;
  for (const [n, typed, plain] of addrs) {
    if (n === 0) continue;
    const useTyped = typed.type === 'ether' ? hwType === AH.hwEthernet && n === AH.ethernetSize : protoType === ETHERTYPE_IPV4 && n === AH.ipv4Size;
    out.add(useTyped ? typed : plain, at, n);
    at += n;
  }
  const rec: ArpRecord = { offset, opcode: op, gratuitous };
  if (isEthIp) {
    rec.senderMac = data.subarray(offset + 8, offset + 14);
    rec.senderIp = u32(data, offset + 14);
    rec.targetMac = data.subarray(offset + 18, offset + 24);
    rec.targetIp = u32(data, offset + 24);
  }
  if (!ctx.inner) ctx.layers.arp = rec;
  if (ctx.columns && !ctx.inner && isEthIp) {
    const spa = ipv4Text(rec.senderIp!);
    const tpa = ipv4Text(rec.targetIp!);
    let info: string;
    if (op === 1) {
      if (announcement) info = `ARP Announcement for ${spa}`;
      else if (gratuitous) info = `Gratuitous ARP for ${spa} (Request)`;
      else if (probe) info = `Who has ${tpa}? (ARP Probe)`;
      else info = `Who has ${tpa}? Tell ${spa}`;
    } else if (op === 2) {
      info = gratuitous ? `Gratuitous ARP for ${spa} (Reply)` : `${spa} is at ${macText(rec.senderMac!)}`;
    } else {
      info = `${OPCODES[op] ?? 'Unknown ARP opcode'} (${op})`;
    }
    ctx.cols.info = info;
  }
  return done(total);
};
