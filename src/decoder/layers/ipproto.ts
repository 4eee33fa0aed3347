// IP protocol numbers as Wireshark's ipproto_val names them (IPv4 Protocol, IPv6 Next Header).

export const IP_PROTOCOLS: Readonly<Record<number, string>> = {
  0: 'IPv6 Hop-by-Hop Option',
  1: 'ICMP',
  2: 'IGMP',
  4: 'IPIP',
  6: 'TCP',
  17: 'UDP',
  41: 'IPv6',
  43: 'Routing Header for IPv6',
  44: 'Fragment Header for IPv6',
  47: 'Generic Routing Encapsulation',
  50: 'Encap Security Payload',
  51: 'Authentication Header',
  58: 'ICMPv6',
  59: 'IPv6 No Next Header',
  60: 'Destination Options for IPv6',
  89: 'OSPF IGP',
  103: 'PIM',
  112: 'Virtual Router Redundancy Protocol',
  132: 'SCTP',
  135: 'Mobility Header for IPv6',
  136: 'UDPLite',
};

/** Short names used in "Fragmented IP protocol (proto=UDP 17, ...)". */
export function ipProtoName(p: number): string {
  return IP_PROTOCOLS[p] ?? 'Unknown';
}
