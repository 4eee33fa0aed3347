// An IPv4 or IPv6 fragment, shown as `tshark -2` shows it: every fragment but
// the one completing the datagram says in which frame it is reassembled and
// is shown as data; the completing one lists the fragments and hands the
// datagram's bytes, as a data source of their own ("Reassembled IPv4"), to
// the transport layer. Which frame is which comes from the session
// (DissectSession.ipFragment, from the analysis' first pass).

import { defineFields } from '../fields/spec.ts';
import type { FieldSpec } from '../fields/spec.ts';
import type { LayerContext } from './context.ts';
import type { IpReassembly, ReassembledDatagram } from './session.ts';

const bytesText = (n: number): string => `${n} byte${n === 1 ? '' : 's'}`;

export const ipv4ReassemblyFields = defineFields({
  reassembledIn: { name: 'ip.reassembled_in', label: 'Reassembled IPv4 in frame', type: 'framenum', width: 32, generated: true },
  // FT_BYTES in Wireshark: `-T fields` prints the datagram's bytes.
  fragments: { name: 'ip.fragments', label: 'IPv4 Fragments', type: 'bytes', generated: true },
  fragment: { name: 'ip.fragment', label: 'IPv4 Fragment', type: 'framenum', width: 32, generated: true },
  overlap: { name: 'ip.fragment.overlap', label: 'Fragment overlap', type: 'bool', generated: true },
  count: { name: 'ip.fragment.count', label: 'Fragment count', type: 'uint', width: 32, generated: true },
  length: { name: 'ip.reassembled.length', label: 'Reassembled IPv4 length', type: 'uint', width: 32, generated: true },
  data: { name: 'ip.reassembled.data', label: 'Reassembled IPv4 data', type: 'bytes', generated: true },
});

export const ipv6ReassemblyFields = defineFields({
  reassembledIn: { name: 'ipv6.reassembled.in', label: 'Reassembled IPv6 in frame', type: 'framenum', width: 32, generated: true },
  fragments: { name: 'ipv6.fragments', label: 'IPv6 Fragments', type: 'none', generated: true },
  fragment: { name: 'ipv6.fragment', label: 'IPv6 Fragment', type: 'framenum', width: 32, generated: true },
  overlap: { name: 'ipv6.fragment.overlap', label: 'Fragment overlap', type: 'bool', generated: true },
  count: { name: 'ipv6.fragment.count', label: 'Fragment count', type: 'uint', width: 32, generated: true },
  length: { name: 'ipv6.reassembled.length', label: 'Reassembled IPv6 length', type: 'uint', width: 32, generated: true },
  data: { name: 'ipv6.reassembled.data', label: 'Reassembled IPv6 data', type: 'bytes', generated: true },
});

type ReassemblyFields = Record<keyof typeof ipv4ReassemblyFields, FieldSpec>;

/** The IP versions' names for their data source and fragment list ("Reassembled IPv4", "3 IPv4 Fragments"). */
export interface IpVersionNames {
  readonly fields: ReassemblyFields;
  /** "IPv4" or "IPv6". */
  readonly name: string;
}

export const IPV4_REASSEMBLY: IpVersionNames = { fields: ipv4ReassemblyFields, name: 'IPv4' };
export const IPV6_REASSEMBLY: IpVersionNames = { fields: ipv6ReassemblyFields, name: 'IPv6' };

/**
 * Asks the session about a fragment whose `length` payload bytes start at
 * `payloadAt` (all captured: the caller checks). Undefined when there is no
 * session or the fragment is quoted in an ICMP error.
 */
export function askSession(ctx: LayerContext, key: string, offset: number, length: number, more: boolean, payloadAt: number): IpReassembly | undefined {
  const ask = ctx.session?.ipFragment;
  if (!ask || ctx.inner) return undefined;
  return ask({ key, offset, length, more, payload: ctx.data.subarray(payloadAt, payloadAt + length) }, ctx);
}

/** "[3 IPv4 Fragments (3008 bytes): #1(1480), #2(1480), #3(48)]" */
function fragmentsLabel(v: IpVersionNames, dg: Pick<ReassembledDatagram, 'frames' | 'lengths' | 'total'>): string {
  return `[${dg.frames.length} ${v.name} Fragments (${dg.total} bytes): ${dg.frames.map((f, i) => `#${f}(${dg.lengths[i]})`).join(', ')}]`;
}

/**
 * Inside the IP node of the completing frame: the fragment list, placed in
 * the reassembled bytes; then, after `closeIp` closes the IP node, `next`
 * dissects the transport over those bytes, [0, total).
 */
export function dissectDatagram(ctx: LayerContext, v: IpVersionNames, dg: ReassembledDatagram, closeIp: () => void, next: (end: number) => void): void {
  const F = v.fields;
  ctx.withSource(`Reassembled ${v.name}`, dg.bytes, () => {
    const { out } = ctx;
    // The bytes fields read their value from the source, which is only the head in the first pass.
    const all = Math.min(dg.total, dg.bytes.length);
    // IPv4's list is a bytes field (its value is the datagram), IPv6's a plain node.
    const listValue = F.fragments.type === 'none' ? null : undefined;
    out.open(F.fragments, 0, all, listValue, out.detail ? fragmentsLabel(v, dg) : undefined);
    dg.frames.forEach((f, i) => {
      const at = dg.offsets[i];
      const n = dg.lengths[i];
      const text = out.detail ? `[Frame: ${f}, payload: ${at}-${at + n - 1} (${bytesText(n)})]` : undefined;
      if (!dg.overlaps[i]) {
        out.add(F.fragment, at, n, f, text);
        return;
      }
      out.open(F.fragment, at, n, f, text);
      out.add(F.overlap, 0, 0, true);
      out.close();
    });
    out.add(F.count, 0, 0, dg.frames.length);
    out.add(F.length, 0, 0, dg.total);
    out.add(F.data, 0, all);
    out.close();
    closeIp();
    next(dg.total);
  });
}
