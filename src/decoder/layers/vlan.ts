// IEEE 802.1Q VLAN tag: priority, drop eligibility, VLAN id, inner EtherType.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { need, u16 } from './context.ts';
import type { Decoder } from './context.ts';
import { ETHERTYPES } from './ethertypes.ts';

/** IEEE 802.1Q priority code points, as Wireshark names them. */
const PRIORITIES: Readonly<Record<number, string>> = {
  0: 'Best Effort (default)',
  1: 'Background',
  2: 'Excellent Effort',
  3: 'Critical Applications',
  4: 'Video, < 100ms latency and jitter',
  5: 'Voice, < 10ms latency and jitter',
  6: 'Internetwork Control',
  7: 'Network Control',
};

/** A tag's bytes (IEEE 802.1Q 9.6): the tag control information, then the inner EtherType. */
export const VLAN_TAG = {
  tci: 0,
  type: 2,
  /** The whole tag; also how far the inner EtherType is from the outer one. */
  length: 4,
  /** In the tag control information: priority, drop eligible indicator, VLAN ID. */
  priorityMask: 0xe000,
  priorityShift: 13,
  deiMask: 0x1000,
  idMask: 0x0fff,
} as const;

const G = VLAN_TAG;

const vlanFields = defineFields({
  vlan: { name: 'vlan', label: '802.1Q Virtual LAN', type: 'protocol' },
  priority: { name: 'vlan.priority', label: 'Priority', type: 'uint', bits: 3, width: 16, mask: G.priorityMask, strings: PRIORITIES },
  dei: { name: 'vlan.dei', label: 'DEI', type: 'bool', bits: 1, width: 16, mask: G.deiMask, tfs: ['Eligible', 'Ineligible'] },
  id: { name: 'vlan.id', label: 'ID', type: 'uint', bits: 12, width: 16, mask: G.idMask },
  etype: { name: 'vlan.etype', label: 'Type', type: 'uint', bits: 16, width: 16, base: 'hex', strings: ETHERTYPES },
});

const V = vlanFields;

export const vlanTable: ProtocolTable = {
  layer: 'vlan',
  filter: 'vlan',
  title: '802.1Q Virtual LAN',
  header: [V.priority, V.dei, V.id, V.etype],
  fields: vlanFields,
};

/** Wireshark's MAX_VLAN_NESTING: tags dissected before it gives up on the frame. */
const MAX_TAGS = 20;

function tagDepth(protocols: readonly string[]): number {
  let n = 0;
  for (const p of protocols) if (p === 'vlan') n++;
  return n;
}

export const decodeVlan: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('vlan');
  // Past 20 tags Wireshark adds a bare node, notes it, and stops: the node's line
  // is the protocol's name, its value as `-T fields` prints it the filter name.
  const tooDeep = tagDepth(ctx.protocols) > MAX_TAGS;
  if (tooDeep) out.open(V.vlan, offset, G.length, 'vlan', out.detail ? '802.1Q Virtual LAN' : 'vlan');
  else out.open(V.vlan, offset, G.length, '802.1Q Virtual LAN');
  if (!need(ctx, '802.1Q Virtual LAN', offset, G.length, end)) {
    out.close();
    return;
  }
  const tci = u16(data, offset + G.tci);
  const pri = (tci & G.priorityMask) >> G.priorityShift;
  const dei = (tci & G.deiMask) !== 0;
  const id = tci & G.idMask;
  // It sets the columns first; the rest of the frame is left undissected (which also bounds the nesting).
  if (tooDeep) {
    out.expert('vlan.too_many_tags', 'warn', 'Too many nested VLAN tags');
    out.close();
    if (ctx.columns && !ctx.inner) {
      ctx.cols.protocol = 'VLAN';
      ctx.cols.info = `PRI: ${pri}  DEI: ${dei ? 1 : 0}  ID: ${id}`;
    }
    return end;
  }
  if (out.detail || out.wants(V.vlan)) out.finish(G.length, `802.1Q Virtual LAN, PRI: ${pri}, DEI: ${dei ? 1 : 0}, ID: ${id}`);
  out.add(V.priority, offset + G.tci, 2, pri);
  out.add(V.dei, offset + G.tci, 2, dei);
  out.add(V.id, offset + G.tci, 2, id);
  const type = u16(data, offset + G.type);
  out.add(V.etype, offset + G.type, 2, type);
  out.close();
  if (ctx.columns && !ctx.inner) ctx.cols.info = `PRI: ${pri}  DEI: ${dei ? 1 : 0}  ID: ${id}`;
  if (ctx.next('ethertype', type, offset + G.length, end) < 0) ctx.call('data', offset + G.length, end);
};
