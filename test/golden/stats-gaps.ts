// Statistics views (capture fixture name and -z argument) where wirebook does
// not yet print what tshark prints, each with the reason. stats.test.ts skips
// them visibly and fails when one agrees again, so this list only shrinks.

/** Why, for the views that share a reason (the same causes as the field gaps in known-gaps.ts). */
const WHY = {
  heur: "every TCP checksum in the loopback recordings is wrong (offloaded on lo); with checksums verified tshark reassembles no segment whose checksum is wrong, so it lists the HTTP it finds (by its heuristic, as wirebook now does) in every segment, with _ws.unreassembled items, where wirebook reassembles the messages: the hierarchy and the expert summary's reassembly notes differ (the field gap 'checksum' in known-gaps.ts)",
  reassembly:
    "reassembly.pcapng: after the de-chunked body of frame 13 tshark files one more segment under the HTTP message's tcp.segments than wirebook, which lists it as data; and tshark raises 'DNS query retransmission' in frame 23, which wirebook does not (DNS over TCP is not matched: see known-gaps.ts, dnsretx)",
  crafted:
    "crafted-eth.pcap's hand-made edge cases: where a header is cut before its minimum length tshark adds no item for that protocol (frame 29 has no eth in the hierarchy), a malformed TCP header's exception is counted once with the protocol's long name (Ethernet, ARP/RARP), and the bogus TCP header length item is not in tshark's summary; wirebook's tree differs in these, not investigated further yet",
  nesting:
    "hostile-nesting.pcap hits tshark's 499-layer limit: tshark's 'Dissector bug' exception ends the frame before its taps run, so the conversation, hierarchy and expert taps skip those frames (and it counts the ICMP/ICMPv6 errors quoted inside no further), where wirebook notes the limit, stops the dissection and still counts the frame and every checksum item of the layers it dissected",
  icmp_two_routers:
    "icmp-two-routers.pcapng: as in icmp-path, the UDP datagrams quoted in the ICMP errors are data in tshark's hierarchy and udp in wirebook's; the expert view lacks tshark's 'Possible traceroute' notes (see known-gaps.ts, traceroute) and counts the TTL notes of the IPv4 headers quoted in the errors, which tshark's expert view leaves out",
  icmp_path:
    "icmp-path.pcapng: the UDP datagram quoted in frame 6's port unreachable is data in tshark's hierarchy and udp in wirebook's; the expert view counts a third TTL note, the one on the IPv4 header quoted in frame 2 (filed under ICMP), which tshark's expert view leaves out",
} as const;

export const STATS_GAPS: Readonly<Record<string, string>> = {
  'src__decoder__analysis__testdata__loopback-bulk-mangled-1.pcapng io,phs': WHY.heur,
  'src__decoder__analysis__testdata__loopback-bulk-mangled-1.pcapng expert': WHY.heur,
  'src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng io,phs': WHY.heur,
  'src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng expert': WHY.heur,
  'src__decoder__analysis__testdata__loopback-bulk.pcapng io,phs': WHY.heur,
  'src__decoder__analysis__testdata__loopback-bulk.pcapng expert': WHY.heur,
  'src__decoder__analysis__testdata__loopback-midstream.pcapng io,phs': WHY.heur,
  'src__decoder__analysis__testdata__loopback-midstream.pcapng expert': WHY.heur,
  'src__decoder__analysis__testdata__loopback-mixed.pcapng io,phs': WHY.heur,
  'src__decoder__analysis__testdata__loopback-mixed.pcapng expert': WHY.heur,
  'src__decoder__analysis__testdata__reassembly.pcapng io,phs': WHY.reassembly,
  'src__decoder__analysis__testdata__reassembly.pcapng expert': WHY.reassembly,
  'src__decoder__layers__testdata__crafted-eth.pcap io,phs': WHY.crafted,
  'src__decoder__layers__testdata__crafted-eth.pcap expert': WHY.crafted,
  'src__decoder__layers__testdata__loopback.pcapng io,phs': WHY.heur,
  'src__decoder__layers__testdata__loopback.pcapng expert': WHY.heur,
  'src__decoder__layers__testdata__hostile-nesting.pcap conv,ipv6': WHY.nesting,
  'src__decoder__layers__testdata__hostile-nesting.pcap io,phs': WHY.nesting,
  'src__decoder__layers__testdata__hostile-nesting.pcap expert': WHY.nesting,
  'icmp-path io,phs': WHY.icmp_path,
  'icmp-path expert': WHY.icmp_path,
  'icmp-two-routers io,phs': WHY.icmp_two_routers,
  'icmp-two-routers expert': WHY.icmp_two_routers,
};
