// Linux "cooked" capture headers, v1 (LINKTYPE_LINUX_SLL, 16 bytes) and
// v2 (LINKTYPE_LINUX_SLL2, 20 bytes): what `tcpdump -i any` writes.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { macText } from '../fields/format.ts';
import { need, u16, u32 } from './context.ts';
import type { Decoder, LayerContext } from './context.ts';
import { ETHERTYPES } from './ethertypes.ts';

const PACKET_TYPES: Readonly<Record<number, string>> = {
  0: 'Unicast to us',
  1: 'Broadcast',
  2: 'Multicast',
  3: 'Unicast to another host',
  4: 'Sent by us',
};

/** ARPHRD_* link-layer address types. */
const HATYPES: Readonly<Record<number, string>> = {
  1: 'Ethernet',
  772: 'Loopback',
  776: 'IPv6-in-IPv4',
  778: 'IP GRE',
  65534: 'None',
};

const sllFields = defineFields({
  sll: { name: 'sll', label: 'Linux cooked capture', type: 'protocol' },
  pkttype: { name: 'sll.pkttype', label: 'Packet type', type: 'uint', bits: 16, width: 16, strings: PACKET_TYPES },
  hatype: { name: 'sll.hatype', label: 'Link-layer address type', type: 'uint', bits: 16, width: 16, strings: HATYPES },
  halen: { name: 'sll.halen', label: 'Link-layer address length', type: 'uint', bits: 16, width: 16 },
  srcEth: { name: 'sll.src.eth', label: 'Source', type: 'ether' },
  srcOther: { name: 'sll.src.other', label: 'Source', type: 'bytes' },
  unused: { name: 'sll.unused', label: 'Unused', type: 'bytes' },
  etype: { name: 'sll.etype', label: 'Protocol', type: 'uint', bits: 16, width: 16, base: 'hex', strings: ETHERTYPES },
  ltype: { name: 'sll.ltype', label: 'Protocol', type: 'uint', bits: 16, width: 16, base: 'hex' },
  ifindex: { name: 'sll.ifindex', label: 'Interface index', type: 'uint', bits: 32, width: 32 },
});

const S = sllFields;

export const sllTable: ProtocolTable = {
  layer: 'sll',
  filter: 'sll',
  title: 'Linux cooked capture v1',
  header: [S.pkttype, S.hatype, S.halen, S.srcOther, S.etype],
  fields: sllFields,
};

function address(ctx: LayerContext, at: number, halen: number): void {
  const n = Math.min(halen, 8);
  if (halen === 6) {
    ctx.out.add(S.srcEth, at, 6);
    if (8 - n) ctx.out.add(S.unused, at + 6, 8 - n);
  } else if (n > 0) {
    ctx.out.add(S.srcOther, at, n);
    if (8 - n) ctx.out.add(S.unused, at + n, 8 - n);
  } else {
    ctx.out.add(S.unused, at, 8);
  }
  if (ctx.columns && !ctx.inner && halen === 6) ctx.cols.source = macText(ctx.data.subarray(at, at + 6));
}

/** Protocol field: an EtherType, or (below 0x0600) a Linux protocol number such as 4 for 802.2 LLC. */
function protocol(ctx: LayerContext, at: number, proto: number, end: number, payload: number): void {
  if (proto >= 0x0600) {
    ctx.out.add(S.etype, at, 2, proto);
    ctx.out.close();
    if (ctx.next('ethertype', proto, payload, end) < 0) ctx.call('data', payload, end);
  } else {
    ctx.out.add(S.ltype, at, 2, proto);
    ctx.out.close();
    ctx.call('data', payload, end);
  }
}

export const decodeSll: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('sll');
  out.open(S.sll, offset, 16, undefined, 'Linux cooked capture v1');
  if (!need(ctx, 'Linux cooked capture', offset, 16, end)) {
    out.close();
    return;
  }
  out.add(S.pkttype, offset, 2, u16(data, offset));
  out.add(S.hatype, offset + 2, 2, u16(data, offset + 2));
  const halen = u16(data, offset + 4);
  out.add(S.halen, offset + 4, 2, halen);
  address(ctx, offset + 6, halen);
  protocol(ctx, offset + 14, u16(data, offset + 14), end, offset + 16);
};

export const decodeSll2: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('sll');
  out.open(S.sll, offset, 20, undefined, 'Linux cooked capture v2');
  if (!need(ctx, 'Linux cooked capture', offset, 20, end)) {
    out.close();
    return;
  }
  const proto = u16(data, offset);
  if (proto >= 0x0600) out.add(S.etype, offset, 2, proto);
  else out.add(S.ltype, offset, 2, proto);
  out.add(S.ifindex, offset + 4, 4, u32(data, offset + 4));
  out.add(S.hatype, offset + 8, 2, u16(data, offset + 8));
  out.add(S.pkttype, offset + 10, 1, data[offset + 10]);
  const halen = data[offset + 11];
  out.add(S.halen, offset + 11, 1, halen);
  address(ctx, offset + 12, halen);
  out.close();
  if (proto >= 0x0600 && ctx.next('ethertype', proto, offset + 20, end) >= 0) return;
  ctx.call('data', offset + 20, end);
};
