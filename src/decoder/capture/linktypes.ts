// Link-layer header types (LINKTYPE_* values from tcpdump.org), the numbers
// pcap headers and pcapng interface blocks carry to say what the first header
// of each frame is.

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  PPP: 9,
  RAW: 101,
  IEEE802_11: 105,
  LOOP: 108,
  LINUX_SLL: 113,
  IEEE802_11_RADIOTAP: 127,
  IPV4: 228,
  IPV6: 229,
  NFLOG: 239,
  LINUX_SLL2: 276,
} as const;

/** Display names, in Wireshark's wording where it has one. */
const NAMES: Record<number, string> = {
  0: 'BSD loopback',
  1: 'Ethernet',
  9: 'PPP',
  101: 'Raw IP',
  105: 'IEEE 802.11 Wireless LAN',
  108: 'OpenBSD loopback',
  113: 'Linux cooked-mode capture v1',
  127: '802.11 radiotap',
  228: 'Raw IPv4',
  229: 'Raw IPv6',
  239: 'Linux netfilter log messages',
  276: 'Linux cooked-mode capture v2',
};

/** A name for any link type, so unknown ones still list ("link type 147"). */
export function linkTypeName(linkType: number): string {
  return NAMES[linkType] ?? `link type ${linkType}`;
}
