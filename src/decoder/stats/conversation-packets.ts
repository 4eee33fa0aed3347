// What each conversation table counts in a frame: the Ethernet, IPv4, IPv6,
// TCP or UDP header it carries at the top level of its dissection.

import { macName } from '../fields/oui.ts';
import type { Field } from '../types.ts';
import type { ConvPacket } from './conversations.ts';
import type { StatFrame } from './frame-walk.ts';
import { reachesTap } from './tap-reach.ts';

export type ConvKind = 'eth' | 'ip' | 'ipv6' | 'tcp' | 'udp';

export const CONV_KINDS: readonly ConvKind[] = ['eth', 'ip', 'ipv6', 'tcp', 'udp'];

const child = (f: Field, name: string): Field | undefined => f.children?.find((c) => c.name === name);

/** An Ethernet address as the conversation table names it (vendor-resolved, as Wireshark resolves it). */
function macText(f: Field | undefined): string {
  if (!f) return '';
  return (f.value instanceof Uint8Array && macName(f.value)) || f.show;
}

/**
 * An IPv6 fragment that does not complete its datagram (one that does lists
 * the fragments): Wireshark's IPv6 dissector stops there, before its statistics.
 */
function partialFragment(ipv6: Field): boolean {
  const frag = child(ipv6, 'ipv6.fraghdr');
  if (!frag) return false;
  const atomic = child(frag, 'ipv6.fraghdr.offset')?.value === 0 && !child(frag, 'ipv6.fraghdr.more')?.value;
  return !atomic && !child(ipv6, 'ipv6.fragments');
}

function* packetsOf(s: StatFrame, kind: ConvKind): Generator<ConvPacket> {
  const base = { length: s.length, relNs: s.relNs };
  const tree = s.frame.tree;
  let ip: { src: string; dst: string } | undefined;
  for (const f of tree) {
    if (f.name === 'ip' || f.name === 'ipv6') {
      const [src, dst] = [child(f, `${f.name}.src`), child(f, `${f.name}.dst`)];
      // A header cut before its addresses never reaches the statistics.
      if (!src || !dst) continue;
      ip = { src: src.show, dst: dst.show };
      const early = f.name === 'ipv6' && partialFragment(f);
      if (kind === f.name && !early) yield { ...ip, srcPort: 0, dstPort: 0, id: -1, ...base };
    } else if (f.name === 'eth' && kind === 'eth' && child(f, 'eth.src')) {
      yield { src: macText(child(f, 'eth.src')), dst: macText(child(f, 'eth.dst')), srcPort: 0, dstPort: 0, id: -1, ...base };
    } else if ((f.name === 'tcp' || f.name === 'udp') && kind === f.name && ip && reachesTap(tree, f)) {
      const port = (end: string) => Number(child(f, `${kind}.${end}port`)?.value ?? 0);
      const id = Number(child(f, `${kind}.stream`)?.value ?? -1);
      yield { ...ip, srcPort: port('src'), dstPort: port('dst'), id, ...base };
    }
  }
}

export function* conversationPackets(frames: Iterable<StatFrame>, kind: ConvKind): Generator<ConvPacket> {
  for (const s of frames) yield* packetsOf(s, kind);
}
