// Ethernet II (IEEE 802.3 with an EtherType): destination, source, type.

import { defineFields } from '../fields/spec.ts';
import type { FieldSpec, ProtocolTable } from '../fields/spec.ts';
import type { Sink } from '../fields/sink.ts';
import { macDisplay } from '../fields/format.ts';
import { macName } from '../fields/oui.ts';
import { macText } from '../fields/format.ts';
import { need, u16 } from './context.ts';
import type { Decoder } from './context.ts';
import { ETHERTYPES } from './ethertypes.ts';

const LG: readonly [string, string] = ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'];
const IG: readonly [string, string] = ['Group address (multicast/broadcast)', 'Individual address (unicast)'];

/** Ethernet II header byte offsets and sizes (IEEE 802.3 3.1.1). */
export const ETH_HEADER = { dst: 0, src: 6, type: 12, length: 14, addressLength: 6 } as const;

const EH = ETH_HEADER;

export const ethFields = defineFields({
  eth: { name: 'eth', label: 'Ethernet II', type: 'protocol' },
  dst: { name: 'eth.dst', label: 'Destination', type: 'ether', bits: 48 },
  src: { name: 'eth.src', label: 'Source', type: 'ether', bits: 48 },
  addr: { name: 'eth.addr', label: 'Address', type: 'ether' },
  dstLg: { name: 'eth.dst.lg', label: 'LG bit', type: 'bool', width: 24, mask: 0x20000, tfs: LG },
  dstIg: { name: 'eth.dst.ig', label: 'IG bit', type: 'bool', width: 24, mask: 0x10000, tfs: IG },
  srcLg: { name: 'eth.src.lg', label: 'LG bit', type: 'bool', width: 24, mask: 0x20000, tfs: LG },
  srcIg: { name: 'eth.src.ig', label: 'IG bit', type: 'bool', width: 24, mask: 0x10000, tfs: IG },
  lg: { name: 'eth.lg', label: 'LG bit', type: 'bool', width: 24, mask: 0x20000, tfs: LG, hidden: true },
  ig: { name: 'eth.ig', label: 'IG bit', type: 'bool', width: 24, mask: 0x10000, tfs: IG, hidden: true },
  type: { name: 'eth.type', label: 'Type', type: 'uint', bits: 16, width: 16, base: 'hex', strings: ETHERTYPES },
  padding: { name: 'eth.padding', label: 'Padding', type: 'bytes' },
  trailer: { name: 'eth.trailer', label: 'Trailer', type: 'bytes' },
});

const E = ethFields;
const ADDRESS_SPECS = [E.dst, E.src, E.addr, E.dstLg, E.dstIg, E.srcLg, E.srcIg, E.lg, E.ig];

export const ethTable: ProtocolTable = {
  layer: 'eth',
  filter: 'eth',
  title: 'Ethernet II',
  header: [E.dst, E.src, E.type],
  fields: ethFields,
};

/** Ethernet's minimum frame without FCS: shorter frames are padded to it. */
const MIN_FRAME = 60;

/** Column text for a MAC address, as the packet list shows it. */
function macColumn(d: Uint8Array, at: number): string {
  const b = d.subarray(at, at + 6);
  return macName(b) ?? macText(b);
}

/** An address with its LG and IG bits (IEEE 802 section 8.2). */
function address(out: Sink, data: Uint8Array, at: number, spec: FieldSpec, lgSpec: FieldSpec, igSpec: FieldSpec): void {
  const lg = (data[at] & 0x02) !== 0;
  const ig = (data[at] & 0x01) !== 0;
  out.open(spec, at, 6);
  out.add(E.addr, at, 6);
  out.add(lgSpec, at, 3, lg);
  out.add(E.lg, at, 3, lg);
  out.add(igSpec, at, 3, ig);
  out.add(E.ig, at, 3, ig);
  out.close();
}

export const decodeEth: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('eth');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'Ethernet';
  out.open(E.eth, offset, EH.length, 'Ethernet II');
  if (!need(ctx, 'Ethernet', offset, EH.length, end)) {
    out.close();
    if (ctx.columns && !ctx.inner && data.length >= offset + EH.src) ctx.cols.destination = macColumn(data, offset);
    return;
  }
  const dstAt = offset;
  const srcAt = offset + EH.src;
  const type = u16(data, offset + EH.type);
  if (out.detail || out.wants(E.eth)) {
    out.finish(
      EH.length,
      `Ethernet II, Src: ${macDisplay(data.subarray(srcAt, srcAt + EH.addressLength))}, Dst: ${macDisplay(data.subarray(dstAt, dstAt + EH.addressLength))}`,
    );
  }
  if (out.detail || out.wantsAny(ADDRESS_SPECS)) {
    address(out, data, dstAt, E.dst, E.dstLg, E.dstIg);
    address(out, data, srcAt, E.src, E.srcLg, E.srcIg);
  }
  out.add(E.type, offset + EH.type, 2, type);
  const node = out.current();
  out.close();
  if (ctx.columns && !ctx.inner) {
    ctx.cols.source = macColumn(data, srcAt);
    ctx.cols.destination = macColumn(data, dstAt);
  }
  if (!ctx.inner) ctx.layers.eth = { offset, type };
  const used = ctx.next('ethertype', type, offset + EH.length, end);
  if (used < 0) {
    ctx.call('data', offset + EH.length, end);
    return;
  }
  // Bytes after the payload's own length: padding up to the 60-byte minimum, then a trailer.
  const stop = Math.min(end, data.length);
  if (used < stop && !ctx.isMalformed()) {
    const padEnd = Math.max(used, Math.min(stop, MIN_FRAME));
    out.reopen(node);
    if (padEnd > used) out.add(E.padding, used, padEnd - used);
    if (stop > padEnd) out.add(E.trailer, padEnd, stop - padEnd);
    out.close();
  }
};
