// Whether a frame's TCP or UDP header reached the point where Wireshark's
// dissector hands it to its statistics and follow taps. The dissector returns
// before that on a header the capture cut short, a TCP header length below 20
// or a UDP length below 8, and an exception inside TCP (a malformed header)
// unwinds past it too.

import type { Field } from '../types.ts';

const child = (f: Field, name: string): Field | undefined => f.children?.find((c) => c.name === name);

/** Whether the capture cut `proto`'s own header short ("TCP", "UDP"). */
const cut = (tree: readonly Field[], proto: string): boolean => tree.some((f) => f.name === '_ws.short' && f.show.endsWith(`: ${proto} truncated]`));

const malformedIn = (tree: readonly Field[], proto: string): boolean =>
  tree.some((f) => f.name === '_ws.malformed' && f.show === `[Malformed Packet: ${proto}]`);

export function reachesTap(tree: readonly Field[], node: Field): boolean {
  if (node.name === 'tcp') {
    const hlen = child(node, 'tcp.hdr_len');
    return !cut(tree, 'TCP') && !malformedIn(tree, 'TCP') && !(hlen && Number(hlen.value) < 20);
  }
  if (node.name === 'udp') {
    const len = child(node, 'udp.length');
    return !cut(tree, 'UDP') && !(len && Number(len.value) < 8);
  }
  return true;
}
