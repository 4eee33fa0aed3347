// The layer registry: decode functions by layer name (what bindings.ts names)
// and each protocol's field table (what the header diagram draws).

import type { ProtocolTable } from '../fields/spec.ts';
import type { Decoder } from './context.ts';
import { arpTable, decodeArp } from './arp.ts';
import { dataTable, decodeData } from './data.ts';
import { decodeDns, decodeLlmnr, decodeMdns, dnsTable } from './dns.ts';
import { decodeEth, ethTable } from './eth.ts';
import { frameTable } from './frame.ts';
import { decodeHttp, httpTable } from './http.ts';
import { decodeIcmp, icmpTable } from './icmp.ts';
import { decodeIcmpv6, icmpv6Table } from './icmpv6.ts';
import { decodeIpv4, ipv4Table } from './ipv4.ts';
import { decodeIpv6, ipv6Table } from './ipv6.ts';
import { decodeNull, nullTable } from './null.ts';
import { decodeRaw, rawTable } from './raw.ts';
import { decodeSll, decodeSll2, sllTable } from './sll.ts';
import { decodeJournal, journalTable } from './systemd-journal.ts';
import { decodeTcp, tcpTable } from './tcp.ts';
import { decodeTextLines, textLinesTable } from './text-lines.ts';
import { decodeTls, tlsTable } from './tls.ts';
import { decodeUdp, udpTable } from './udp.ts';
import { decodeUserDlt, userDltTable } from './user-dlt.ts';
import { decodeVlan, vlanTable } from './vlan.ts';
import { decodeXml, xmlTable } from './xml.ts';

export const decoders: Readonly<Record<string, Decoder>> = {
  eth: decodeEth,
  sll: decodeSll,
  sll2: decodeSll2,
  null: decodeNull,
  raw: decodeRaw,
  vlan: decodeVlan,
  arp: decodeArp,
  ipv4: decodeIpv4,
  ipv6: decodeIpv6,
  icmp: decodeIcmp,
  icmpv6: decodeIcmpv6,
  udp: decodeUdp,
  tcp: decodeTcp,
  dns: decodeDns,
  mdns: decodeMdns,
  llmnr: decodeLlmnr,
  http: decodeHttp,
  tls: decodeTls,
  'data-text-lines': decodeTextLines,
  xml: decodeXml,
  user_dlt: decodeUserDlt,
  systemd_journal: decodeJournal,
  data: decodeData,
};

/** Field tables by layer name ("tcp", "udp", "ipv4", "ipv6", "arp", "eth", ...). */
export const protocolTables: Readonly<Record<string, ProtocolTable>> = {
  frame: frameTable,
  eth: ethTable,
  sll: sllTable,
  null: nullTable,
  raw: rawTable,
  vlan: vlanTable,
  arp: arpTable,
  ipv4: ipv4Table,
  ipv6: ipv6Table,
  icmp: icmpTable,
  icmpv6: icmpv6Table,
  udp: udpTable,
  tcp: tcpTable,
  dns: dnsTable,
  http: httpTable,
  tls: tlsTable,
  'data-text-lines': textLinesTable,
  xml: xmlTable,
  user_dlt: userDltTable,
  systemd_journal: journalTable,
  data: dataTable,
};
