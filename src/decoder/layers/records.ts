// Quick access to decoded header values, for the analysis layer and the
// widgets: one record per layer, filled as the frame is dissected.

import type { ArpRecord } from './arp.ts';
import type { Ipv4Record } from './ipv4.ts';
import type { Ipv6Record } from './ipv6.ts';
import type { TcpHeader } from './tcp.ts';
import type { UdpHeader } from './udp.ts';
import type { DnsRecord } from './dns.ts';
import type { IcmpRecord } from './icmp.ts';

export interface EthRecord {
  offset: number;
  /** EtherType (after any VLAN tags it is the outer one). */
  type: number;
}

export interface LayerRecords {
  eth?: EthRecord;
  arp?: ArpRecord;
  ipv4?: Ipv4Record;
  ipv6?: Ipv6Record;
  icmp?: IcmpRecord;
  icmpv6?: IcmpRecord;
  udp?: UdpHeader;
  tcp?: TcpHeader;
  /** The IP header `tcp` travelled in (the innermost one: a tunnel's frame has two). */
  tcpIp?: IpHeader;
  dns?: DnsRecord;
}

/** The IP header a transport checksum's pseudo-header is built from. */
export type IpHeader = { version: 4; rec: Ipv4Record } | { version: 6; rec: Ipv6Record };
