// An IP header's addresses as text, written one way for every reader:
// IPv4 dotted, IPv6 compressed as RFC 5952 and Wireshark write it. The
// analysis tells a conversation's two sides apart by comparing these strings,
// so a second spelling of the same address would make a second side.

import { ipv4Text, ipv6Text } from '../fields/format.ts';
import type { IpHeader } from './records.ts';

export function addressText(ip: IpHeader, end: 'src' | 'dst'): string {
  return ip.version === 4 ? ipv4Text(ip.rec[end]) : ipv6Text(ip.rec[end]);
}
