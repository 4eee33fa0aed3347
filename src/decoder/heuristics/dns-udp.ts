// Wireshark's dns_udp heuristic (packet-dns.c, on by default in tshark 4.0):
// more than a header, a standard query or response (opcode 0), and section
// counts a DNS message plausibly has. A query asks one question and carries
// no answer or authority records; a response answers at most one question.
// The limits were checked against tshark 4.0 (testdata/heuristics.pcap).

const HEADER = 12;
const OPCODE = 0x7800;
const RESPONSE = 0x8000;
const MAX_ANSWERS = 100;
const MAX_AUTHORITY = 10;
const MAX_ADDITIONAL = 10;

const u16 = (d: Uint8Array, at: number): number => (d[at] << 8) | d[at + 1];

export function dnsOverUdp(data: Uint8Array, offset: number, end: number): boolean {
  if (end - offset <= HEADER || offset + HEADER > data.length) return false;
  const flags = u16(data, offset + 2);
  if (flags & OPCODE) return false;
  const questions = u16(data, offset + 4);
  const answers = u16(data, offset + 6);
  const authority = u16(data, offset + 8);
  const additional = u16(data, offset + 10);
  if (additional > MAX_ADDITIONAL) return false;
  if (flags & RESPONSE) return questions <= 1 && answers <= MAX_ANSWERS && authority <= MAX_AUTHORITY;
  return questions === 1 && answers === 0 && authority === 0;
}
