// Statistics views (capture fixture name and -z argument) where wirebook does
// not yet print what tshark prints, each with the reason. stats.test.ts skips
// them visibly and fails when one agrees again, so this list only shrinks.

/** Why, for the views that share a reason (the same causes as the field gaps in known-gaps.ts). */
const WHY = {
  heur: "tshark's heuristic dissectors find HTTP on TCP ports 45997/45998 and DNS on UDP port 45953 in the loopback recordings; wirebook binds HTTP and DNS by port only, so the payload stays data: the hierarchy lists data instead of http, and the HTTP chat items and reassembly notes of the expert summary are missing",
  reassembly:
    "reassembly.pcapng: tshark de-chunks the chunked HTTP body of frame 13 (no data item, its segments list under http) and raises 'DNS query retransmission' in frame 23; wirebook does neither yet",
  crafted:
    "crafted-eth.pcap's hand-made edge cases: where a header is cut before its minimum length tshark adds no item for that protocol (frame 29 has no eth in the hierarchy), a malformed TCP header's exception is counted once with the protocol's long name (Ethernet, ARP/RARP), and the bogus TCP header length item is not in tshark's summary; wirebook's tree differs in these, not investigated further yet",
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
};
