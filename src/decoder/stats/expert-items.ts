// A frame's expert items as tshark's expert statistics see them: every item in
// the details tree, depth first, each with its group and the protocol that
// raised it.

import type { Field } from '../types.ts';
import type { ExpertItem } from './expert-summary.ts';

/** The protocols' short names, as Wireshark registers them, by top-level item. */
const PROTOCOL: Readonly<Record<string, string>> = {
  frame: 'Frame',
  eth: 'ETH',
  vlan: 'VLAN',
  sll: 'SLL',
  arp: 'ARP',
  ip: 'IPv4',
  ipv6: 'IPv6',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  tcp: 'TCP',
  udp: 'UDP',
  dns: 'DNS',
  http: 'HTTP',
  user_dlt: 'DLT_USER',
};

/** Wireshark's expert group of an item, by its name (as each dissector registers it). */
function groupOf(name: string, severity: string): string {
  if (name.includes('checksum')) return 'Checksum';
  if (name === 'tcp.short_segment' || name === '_ws.malformed') return 'Malformed';
  if (name === 'http.chat' || name === 'ip.ttl.too_small' || name.startsWith('tcp.') || /^icmp(v6)?\.resp_not_found/.test(name)) return 'Sequence';
  if (name === 'user_dlt.not_handled' || name === 'vlan.too_many_tags') return 'Undecoded';
  if (name === 'ip.bogus_header_length') return 'Protocol';
  return severity === 'error' ? 'Malformed' : 'Protocol';
}

/** Wireshark keeps an item's text in a 240-byte buffer: 239 bytes of UTF-8 at most. */
function clipped(text: string): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= 239) return text;
  let end = 239;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** A frame comment's item: Wireshark's own severity level for it, "comment", which the details tree files as chat. */
const COMMENT = 'frame.comment.expert';

export function expertItems(tree: readonly Field[]): ExpertItem[] {
  const items: ExpertItem[] = [];
  const walk = (fields: readonly Field[], protocol: string) => {
    for (const f of fields) {
      for (const e of f.expert ?? []) {
        const item = { severity: e.severity, group: groupOf(e.name, e.severity), protocol, summary: clipped(e.message) };
        items.push(e.name === COMMENT ? { ...item, severity: 'comment', group: 'Comment' } : item);
      }
      if (f.children) walk(f.children, protocol);
    }
  };
  for (const top of tree) walk([top], PROTOCOL[top.name] ?? top.name.toUpperCase());
  return items;
}
