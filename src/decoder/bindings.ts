// One table routing between layers, like scapy's bind_layers: which layer
// decodes a payload, by the key the outer layer names (ethertype, IP protocol,
// port, link type). Layers only say "ethertype 0x0800"; this says "ipv4".

import { dnsOverUdp } from './heuristics/dns-udp.ts';
import { httpOverTcp } from './heuristics/http-tcp.ts';

export type BindingTable = 'linktype' | 'ethertype' | 'ip.proto' | 'null.family' | 'udp.port' | 'tcp.port' | 'tls.port';

export type Bindings = Record<BindingTable, Readonly<Record<number, string>>>;

export const bindings: Bindings = {
  linktype: {
    0: 'null', // BSD loopback
    1: 'eth',
    12: 'raw', // LINKTYPE_RAW on some systems (DLT_RAW 12/14)
    14: 'raw',
    101: 'raw',
    108: 'null', // OpenBSD loopback: same family word, network order
    113: 'sll',
    228: 'raw',
    229: 'raw',
    276: 'sll2',
    147: 'user_dlt',
    148: 'user_dlt',
    149: 'user_dlt',
    150: 'user_dlt',
    151: 'user_dlt',
    152: 'user_dlt',
    153: 'user_dlt',
    154: 'user_dlt',
    155: 'user_dlt',
    156: 'user_dlt',
    157: 'user_dlt',
    158: 'user_dlt',
    159: 'user_dlt',
    160: 'user_dlt',
    161: 'user_dlt',
    162: 'user_dlt',
  },
  ethertype: {
    0x0800: 'ipv4',
    0x0806: 'arp',
    0x8100: 'vlan',
    0x88a8: 'vlan',
    0x86dd: 'ipv6',
  },
  'ip.proto': {
    1: 'icmp',
    6: 'tcp',
    17: 'udp',
    58: 'icmpv6',
  },
  'null.family': {
    2: 'ipv4',
    24: 'ipv6', // NetBSD, OpenBSD
    28: 'ipv6', // FreeBSD
    30: 'ipv6', // macOS
  },
  'udp.port': {
    53: 'dns',
    5353: 'mdns',
    5355: 'llmnr',
  },
  'tcp.port': {
    53: 'dns',
    80: 'http',
    8080: 'http',
    443: 'tls',
    5355: 'llmnr',
  },
  // What TLS application data carries, by TCP port (Wireshark's tls.port table): it names the Info text.
  'tls.port': {
    443: 'http',
  },
};

/** A transport whose payload Wireshark also offers to heuristic dissectors. */
export type HeuristicTable = 'tcp.port' | 'udp.port';

/** A heuristic dissector: a test on the payload, and the layer it hands a match to. */
export interface Heuristic {
  /** Wireshark's short name for it (tshark -G heuristic-decodes). */
  name: string;
  layer: string;
  test: (data: Uint8Array, offset: number, end: number) => boolean;
  /**
   * A match binds the conversation to the layer from that frame on, so later
   * segments go to it whatever they hold (Wireshark's
   * conversation_set_dissector_from_frame_number).
   */
  sticky?: boolean;
}

/**
 * The heuristic dissectors enabled by default in tshark 4.0 that find
 * something in our captures, in the order Wireshark tries them: when no port
 * binds a layer (after a conversation's bound layer, and the lower port then
 * the higher).
 */
export const heuristics: Readonly<Record<HeuristicTable, readonly Heuristic[]>> = {
  'tcp.port': [{ name: 'http_tcp', layer: 'http', test: httpOverTcp, sticky: true }],
  'udp.port': [{ name: 'dns_udp', layer: 'dns', test: dnsOverUdp }],
};

/** The first heuristic of `table` that takes this payload. */
export function heuristicFor(table: HeuristicTable, data: Uint8Array, offset: number, end: number): Heuristic | undefined {
  for (const h of heuristics[table]) if (h.test(data, offset, end)) return h;
  return undefined;
}

/** 1 at each port a table binds a layer to: the per-segment test reads an array, not an object's keys. */
function portMask(table: HeuristicTable): Uint8Array {
  const mask = new Uint8Array(65536);
  for (const key of Object.keys(bindings[table])) mask[Number(key)] = 1;
  return mask;
}
const BOUND: Readonly<Record<HeuristicTable, Uint8Array>> = { 'tcp.port': portMask('tcp.port'), 'udp.port': portMask('udp.port') };

/** Either port binds a layer in `table`; heuristics are tried only when neither does. */
export function portBound(table: HeuristicTable, sp: number, dp: number): boolean {
  const m = BOUND[table];
  return (m[sp] | m[dp]) !== 0;
}

/** Add "decode as" rules to the defaults, e.g. { 'udp.port': { 45953: 'dns' } }. */
export function withDecodeAs(extra: Partial<Record<BindingTable, Record<number, string>>>): Bindings {
  const out = { ...bindings };
  for (const k of Object.keys(extra) as BindingTable[]) out[k] = { ...bindings[k], ...extra[k] };
  return out;
}

/**
 * The first key binding `layer` in `table` (the protocol number, EtherType or port that
 * names it), for code that writes or recognises a layer: the builder, the fast paths.
 * Throws on a layer the table does not bind, so a renamed layer fails at load time.
 */
export function bindingKey(table: BindingTable, layer: string): number {
  for (const [key, name] of Object.entries(bindings[table])) if (name === layer) return Number(key);
  throw new Error(`no ${table} binds ${layer}`);
}

/** Every key binding one of `layers` in `table` (e.g. the UDP ports of DNS, mDNS and LLMNR). */
export function bindingKeys(table: BindingTable, layers: readonly string[]): ReadonlySet<number> {
  const keys = new Set<number>();
  for (const [key, name] of Object.entries(bindings[table])) if (layers.includes(name)) keys.add(Number(key));
  return keys;
}
