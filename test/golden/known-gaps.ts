// Fields wirebook does not yet print as tshark does, per fixture kind. The
// golden tests skip exactly these (field, capture) pairs, visibly, and fail
// when a listed gap has closed, so this list only shrinks.

export interface Gap {
  field: string;
  /** Captures where it differs; every capture when absent. */
  captures?: readonly string[];
  why: string;
}

/** The loopback recordings of the decoder's test data, which carry HTTP and DNS on unregistered ports. */
const LOOPBACK = [
  'src__decoder__analysis__testdata__loopback-bulk-mangled-1.pcapng',
  'src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng',
  'src__decoder__analysis__testdata__loopback-bulk.pcapng',
  'src__decoder__analysis__testdata__loopback-midstream.pcapng',
  'src__decoder__analysis__testdata__loopback-mixed.pcapng',
  'src__decoder__layers__testdata__loopback.pcapng',
];

const CRAFTED = 'src__decoder__layers__testdata__crafted-eth.pcap';

/** Why, for the gaps that many fields share. */
const WHY = {
  heur: "tshark's heuristic dissectors (http_tcp and dns_udp, on by default) find HTTP on TCP ports 45997/45998 and DNS on UDP port 45953 in these loopback recordings; wirebook binds HTTP and DNS by port only (the decoder's own tests use decode-as rules for them), so the payload stays data and what follows from it (HTTP reassembly, request/response links, Info, expert items) differs",
  crafted:
    "hand-made edge cases (layers/testdata/make-crafted.py: cut and odd headers); found when the golden tests were extended to the decoder's test data, not investigated yet",
  report_arp: "frame 5 of report.pcap: tshark prints the ARP protocol item as the bare 'arp', wirebook as 'Address Resolution Protocol'; not investigated yet",
  sections: "two-sections.pcapng: tshark numbers the second section's interface 0 (per section), wirebook 1 (across the file)",
  pipelined:
    "pipelined responses: tshark links each to its request's URI (http://x/), wirebook leaves http.response_for.uri empty for them; not investigated yet",
  chunked: "reassembly.pcapng frame 13, a chunked HTTP body: tshark de-chunks it ('hello world', 11 bytes), wirebook shows the chunked bytes (26)",
  dnsretx: "reassembly.pcapng frame 23: tshark's DNS expert item 'DNS query retransmission' is not implemented",
  pipelined_info: 'http-pipelined.pcap: the Info column of pipelined requests/responses differs; not investigated yet',
  quoted:
    "hostile-nesting.pcap: inside an ICMP/ICMPv6 error's quoted packet tshark leaves checksums unverified and gives the quoted UDP no times; wirebook checks them and times it (already so at depth 1, seen here first)",
  depth:
    "hostile-nesting.pcap: at its 499-layer limit tshark raises its 'Dissector bug' note twice (two _ws.malformed items, each also listed bare) and prints the last IP header's summary differently; wirebook notes it once",
} as const;

const NESTING = ['src__decoder__layers__testdata__hostile-nesting.pcap'];

/** fields.txt gaps. */
export const fieldGaps: readonly Gap[] = [
  { field: 'http.unknown_header', why: 'not defined yet (tshark prints nothing for these captures, though they carry an X-Pad header)' },
  {
    field: 'data.len',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  { field: 'dns', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.a', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.aaaa', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.cname', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.count.add_rr', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.count.answers', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.count.auth_rr', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.count.labels', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.count.queries', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.authenticated', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.authoritative', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.checkdisable', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.opcode', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.rcode', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.recavail', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.recdesired', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.response', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.truncated', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.flags.z', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.id', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.qry.class', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.qry.name', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.qry.name.len', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.qry.type', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.resp.class', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.resp.len', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.resp.name', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.resp.ttl', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.resp.type', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.response_in', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.response_to', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'dns.time', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  {
    field: 'frame.protocols',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  { field: 'http.accept', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  {
    field: 'http.connection',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  {
    field: 'http.content_length',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.content_length_header',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.content_type',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.date',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  {
    field: 'http.file_data',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.host',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request.full_uri',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request.line',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request.method',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request.uri',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request.version',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request_in',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.request_number',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response.code',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response.code.desc',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response.line',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response.phrase',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response.version',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response_for.uri',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response_in',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.response_number',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: 'http.time',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  { field: 'http.user_agent', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'arp', captures: [CRAFTED], why: WHY.crafted },
  { field: 'data.len', captures: [CRAFTED], why: WHY.crafted },
  { field: 'eth', captures: [CRAFTED], why: WHY.crafted },
  { field: 'frame.protocols', captures: [CRAFTED], why: WHY.crafted },
  { field: 'http.request_in', captures: [CRAFTED], why: WHY.crafted },
  { field: 'http.request_number', captures: [CRAFTED], why: WHY.crafted },
  { field: 'http.response_for.uri', captures: [CRAFTED], why: WHY.crafted },
  { field: 'http.response_in', captures: [CRAFTED], why: WHY.crafted },
  { field: 'http.time', captures: [CRAFTED], why: WHY.crafted },
  { field: 'ip', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.ack_raw', captures: [CRAFTED], why: WHY.crafted },
  { field: 'arp', captures: ['src__decoder__layers__testdata__report.pcap'], why: WHY.report_arp },
  { field: 'ip', captures: NESTING, why: WHY.depth },
  { field: 'ipv6', captures: NESTING, why: WHY.depth },
  { field: 'icmp.checksum.status', captures: NESTING, why: WHY.quoted },
  { field: 'icmpv6.checksum.status', captures: NESTING, why: WHY.quoted },
  { field: 'udp.checksum.status', captures: NESTING, why: WHY.quoted },
  { field: 'frame.interface_id', captures: ['src__decoder__capture__testdata__two-sections.pcapng'], why: WHY.sections },
  { field: 'http.response_for.uri', captures: ['src__decoder__layers__testdata__http-pipelined.pcap'], why: WHY.pipelined },
  { field: 'data.len', captures: ['src__decoder__analysis__testdata__reassembly.pcapng'], why: WHY.chunked },
  { field: 'http.file_data', captures: ['src__decoder__analysis__testdata__reassembly.pcapng'], why: WHY.chunked },
];

/** analysis-fields.txt gaps. */
export const analysisGaps: readonly Gap[] = [
  { field: 'udp.time_relative', captures: NESTING, why: WHY.quoted },
  { field: 'udp.time_delta', captures: NESTING, why: WHY.quoted },
  { field: '_ws.expert.message', captures: NESTING, why: `${WHY.depth}; ${WHY.quoted}` },
  {
    field: '_ws.col.Info',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: '_ws.col.Protocol',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  {
    field: '_ws.expert.message',
    captures: LOOPBACK,
    why: WHY.heur,
  },
  { field: 'tcp.analysis.ack_lost_segment', captures: ['src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng'], why: WHY.heur },
  { field: 'tcp.analysis.flags', captures: ['src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng'], why: WHY.heur },
  {
    field: 'tcp.reassembled.length',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  {
    field: 'tcp.reassembled_in',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  {
    field: 'tcp.segment',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  {
    field: 'tcp.segment.count',
    captures: LOOPBACK.slice(0, 5),
    why: WHY.heur,
  },
  { field: 'udp.time_delta', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: 'udp.time_relative', captures: ['src__decoder__layers__testdata__loopback.pcapng'], why: WHY.heur },
  { field: '_ws.col.Info', captures: [CRAFTED], why: WHY.crafted },
  { field: '_ws.col.Protocol', captures: [CRAFTED], why: WHY.crafted },
  { field: '_ws.expert.message', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.ack', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.bytes_in_flight', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.flags', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.lost_segment', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.push_bytes_sent', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.retransmission', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.rto', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.analysis.rto_frame', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.completeness', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.stream', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.time_delta', captures: [CRAFTED], why: WHY.crafted },
  { field: 'tcp.time_relative', captures: [CRAFTED], why: WHY.crafted },
  { field: 'udp.time_delta', captures: [CRAFTED], why: WHY.crafted },
  { field: 'udp.time_relative', captures: [CRAFTED], why: WHY.crafted },
  { field: '_ws.expert.message', captures: ['src__decoder__analysis__testdata__reassembly.pcapng'], why: WHY.dnsretx },
  { field: '_ws.col.Info', captures: ['src__decoder__layers__testdata__http-pipelined.pcap'], why: WHY.pipelined_info },
];

/** The fields to skip for one capture. */
export function gapsFor(gaps: readonly Gap[], capture: string): Set<string> {
  return new Set(gaps.filter((g) => !g.captures || g.captures.includes(capture)).map((g) => g.field));
}
