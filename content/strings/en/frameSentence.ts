// The plain-language sentence of each kind of frame, in English: one function
// per key of src/decoder/sentence/sentence-types.ts. The decoder gives the key
// and the facts (read from decoded fields); this file the words.
import type { ArpFacts, DnsFacts, IcmpFacts, ResentBeforeReset, SentenceParams, TcpFacts, TcpStates } from '../../../src/decoder/sentence/sentence-types.ts';

type Words = { [K in Exclude<keyof SentenceParams, 'analysis'>]: (p: SentenceParams[K]) => string };

const ports = (p: { srcPort: number; dstPort: number }) => `port ${p.srcPort} to port ${p.dstPort}`;
/** The states after the segment, said only when it changed them (an unchanged ESTABLISHED on every ACK tells nothing). */
const after = (s: TcpStates | null): string =>
  !s?.changed || (s.sender === 'unknown' && s.receiver === 'unknown')
    ? ''
    : ` After it the sender is in ${stateName(s.sender)} and the receiver in ${stateName(s.receiver)} (RFC 9293 states).`;
const stateName = (s: string) => (s === 'unknown' ? 'a state the capture cannot tell' : s);
const bytes = (n: number) => (n === 1 ? '1 byte' : `${n} bytes`);

/** Response codes (RFC 1035 4.1.1, RFC 2136 2.2) and what each means for the question. */
const RCODES: Record<number, string> = {
  0: 'NOERROR: the name exists and the server answered',
  1: 'FORMERR: the server could not read the query',
  2: 'SERVFAIL: the server failed to get an answer (often a problem upstream, or a DNSSEC failure)',
  3: 'NXDOMAIN: no such name exists',
  4: 'NOTIMP: the server does not support this kind of query',
  5: 'REFUSED: the server will not answer this client (policy)',
  6: 'YXDOMAIN: a name exists that should not',
  7: 'YXRRSET: a record set exists that should not',
  8: 'NXRRSET: a record set that should exist does not',
  9: 'NOTAUTH: the server is not authoritative for the zone',
  10: 'NOTZONE: the name is not in the zone',
};

const ICMP_TYPES: Record<number, string> = {
  0: 'an echo reply (ping answer)',
  3: 'a destination unreachable message',
  4: 'a source quench message (deprecated)',
  5: 'a redirect: a router tells the host a better next hop',
  8: 'an echo request (ping)',
  9: 'a router advertisement',
  10: 'a router solicitation',
  11: 'a time exceeded message',
  12: 'a parameter problem message: a header field was wrong',
  13: 'a timestamp request',
  14: 'a timestamp reply',
};
const UNREACHABLE: Record<number, string> = {
  0: 'the network is unreachable',
  1: 'the host is unreachable',
  2: 'the protocol is not supported by the destination',
  3: 'the port is unreachable, nothing listens on it',
  4: 'fragmentation needed, but the datagram has Don’t Fragment set (path MTU discovery)',
  5: 'the source route failed',
  6: 'the destination network is unknown',
  7: 'the destination host is unknown',
  9: 'the network is administratively prohibited',
  10: 'the host is administratively prohibited',
  13: 'communication is administratively prohibited (a filter)',
};
const ICMPV6_TYPES: Record<number, string> = {
  1: 'a destination unreachable message',
  2: 'a packet too big message: a link on the path has a smaller MTU (IPv6 routers never fragment)',
  3: 'a time exceeded message',
  4: 'a parameter problem message: a header field was wrong',
  128: 'an echo request (ping)',
  129: 'an echo reply (ping answer)',
  133: 'a router solicitation: a host asks routers to announce themselves',
  134: 'a router advertisement: a router announces itself and the link’s prefixes',
  135: 'a neighbor solicitation: IPv6’s ARP request, asking for a link-layer address (or checking that an address is free)',
  136: 'a neighbor advertisement: IPv6’s ARP reply, giving a link-layer address',
  137: 'a redirect',
};
const UNREACHABLE_V6: Record<number, string> = {
  0: 'there is no route to the destination',
  1: 'communication is administratively prohibited (a filter)',
  2: 'the destination is beyond the scope of the source address',
  3: 'the address is unreachable',
  4: 'the port is unreachable, nothing listens on it',
  5: 'the source address failed an ingress or egress policy',
  6: 'the route to the destination is rejected',
};
const TIME_EXCEEDED: Record<number, string> = {
  0: 'the time to live (hop limit) reached 0 in transit: a router dropped the datagram, as traceroute provokes',
  1: 'the fragments of a datagram did not all arrive in time to be reassembled',
};

const icmpCode = (v6: boolean, p: IcmpFacts): string => {
  const unreachable = v6 ? p.type === 1 : p.type === 3;
  const exceeded = v6 ? p.type === 3 : p.type === 11;
  const reason = unreachable ? (v6 ? UNREACHABLE_V6 : UNREACHABLE)[p.code] : exceeded ? TIME_EXCEEDED[p.code] : undefined;
  return reason ? ` (${reason})` : '';
};
const quoted = (p: IcmpFacts): string =>
  p.quoted
    ? ` It quotes the datagram that caused it: ${p.quoted.protocol || 'IP'} to ${p.quoted.dst}${p.quoted.dstPort ? `, port ${p.quoted.dstPort}` : ''}.`
    : '';
const echoPair = (p: IcmpFacts, request: boolean): string =>
  p.otherFrame
    ? request
      ? ` Its reply is frame ${p.otherFrame}.`
      : ` It answers the request in frame ${p.otherFrame}.`
    : request
      ? ' The capture has no reply to it.'
      : '';
const icmpText = (v6: boolean, p: IcmpFacts): string => {
  const names = v6 ? ICMPV6_TYPES : ICMP_TYPES;
  const what = names[p.type] ?? `ICMP${v6 ? 'v6' : ''} type ${p.type}`;
  const request = v6 ? p.type === 128 : p.type === 8;
  const reply = v6 ? p.type === 129 : p.type === 0;
  const mtu = p.mtu ? ` The next hop’s MTU is ${p.mtu} bytes: the sender must send smaller packets.` : '';
  return `ICMP${v6 ? 'v6' : ''} type ${p.type}, code ${p.code}: ${what}${icmpCode(v6, p)}.` + (request || reply ? echoPair(p, request) : '') + mtu + quoted(p);
};

const question = (p: DnsFacts) => (p.name ? `${p.type ? `the ${p.type} records of ` : ''}${p.name}` : 'no question (an announcement)');
const arpWho = (p: ArpFacts) => `${p.senderIp} (${p.senderMac})`;
/** What the copies repeated: bytes, or an empty FIN (which has no byte range). */
const resentWhat = (r: ResentBeforeReset): string =>
  r.len > 0 ? `bytes ${r.seq}-${r.seq + r.len - 1}${r.fin ? ' with the FIN' : ''}` : r.fin ? `the FIN (sequence number ${r.seq})` : `sequence number ${r.seq}`;
const more = (n: number) => (n === 1 ? 'once more' : n === 2 ? 'twice more' : `${n} more times`);
/** A reset after the sender's own unanswered retransmissions: what the fields show, then what stacks do (RFC 9293 3.8.3). */
const gaveUp = (r: ResentBeforeReset): string =>
  (r.sameSegment
    ? `Before it, the sender had sent ${resentWhat(r)}${r.firstFrame ? ` in frame ${r.firstFrame} and` : ''} ${more(r.count)}, the last copy in frame ${r.lastFrame}, ` +
      `and no ACK from the other side acknowledged ${r.len > 0 ? 'them' : 'it'}; then came this RST. `
    : `Before it, the sender had made ${r.count === 1 ? '1 retransmission' : `${r.count} retransmissions`} of data the other side had not acknowledged, ` +
      `the last in frame ${r.lastFrame} (${resentWhat(r)}), and no ACK from the other side acknowledged them; then came this RST. `) +
  'A stack that gets no answer to the same segment gives up after a limit of its own (RFC 9293, section 3.8.3, leaves the limit to the stack and recommends at least 100 seconds); ' +
  'some stacks send a reset when they give up, others drop the connection silently.';
/** What a bare ACK's number says (`start`: it opens a sentence): what arrived before it, or (ACK 1) only the SYN, or what came before the capture. */
const ackCount = (p: SentenceParams['tcp_ack'], start: boolean): string =>
  p.acked === 'data'
    ? `${start ? 'It' : 'it'} tells the other side that everything it sent before sequence number ${p.ack} arrived.`
    : `${start ? 'Its' : 'its'} acknowledgment number, 1, ` +
      (p.acked === 'nothing-sent'
        ? 'acknowledges only the other side’s SYN: the other side has sent no data.'
        : p.acked === 'first-byte-missing'
          ? 'acknowledges only the other side’s SYN: the other side has sent data, but its first byte, 1, had not arrived when this ACK left.'
          : 'is relative to where the capture begins: the capture has no handshake, so relative numbers start at the first segment it shows from each side, and ACK 1 acknowledges what the other side sent in segments the capture does not show.');
const acking = (p: TcpFacts) => (p.acksFrame ? ` It acknowledges frame ${p.acksFrame}.` : '');

export const frameSentence = {
  tcp_syn: (p) =>
    `A SYN from ${ports(p)}: the sender asks to open a connection and proposes its initial sequence number (shown as relative 0).${after(p.states)}`,
  tcp_syn_ack: (p) =>
    `A SYN-ACK from ${ports(p)}: the receiver of a SYN accepts the connection, acknowledges the SYN (ACK ${p.ack}) and proposes its own initial sequence number.${acking(p)}${after(p.states)}`,
  tcp_ack: (p) =>
    p.completesHandshake
      ? `An ACK of the SYN-ACK in frame ${p.acksFrame}: the third segment of the handshake. Both sides now have the connection ESTABLISHED and may send data.`
      : p.answers
        ? `A plain ACK from ${ports(p)}, with no data: it answers the probe in frame ${p.answers.probeFrame}` +
          `${p.answers.windowBefore === 0 ? ', sent while this side’s window was 0,' : ''} with the same acknowledgment as before (${p.ack}). ` +
          (p.answers.window === 0
            ? 'Its window is still 0.'
            : p.answers.windowBefore === 0
              ? `Its window is now ${bytes(p.answers.window)}: the window has opened, and the other side may send again.`
              : `Its window is ${bytes(p.answers.window)}.`) +
          after(p.states)
        : (p.oldSeq
            ? `An ACK from ${ports(p)} with no data and an old sequence number (${p.seq}). ${ackCount(p, true)}`
            : `A plain ACK from ${ports(p)}, with no data: ${ackCount(p, false)}`) + `${acking(p)}${after(p.states)}`,
  tcp_data: (p) =>
    (p.probe === 'keep_alive'
      ? `${bytes(p.len)} from ${ports(p)} at sequence number ${p.seq}, one below the next: ${p.len === 1 ? 'a byte' : 'bytes'} this side had already sent, nothing new, so the receiver can only answer with an ACK.`
      : p.probe === 'zero_window'
        ? `${bytes(p.len)} of data from ${ports(p)} (byte ${p.seq}), sent while the other side’s window is 0: a probe. ` +
          'If the window is still closed, the receiver drops the byte and answers with an ACK that shows its window (RFC 9293 section 3.10.7.4).'
        : `${bytes(p.len)} of data from ${ports(p)}: bytes ${p.seq} to ${p.nxtseq - 1} of this direction` +
          (p.behind ? ', at sequence numbers this side had already reached.' : `; the next segment should start at ${p.nxtseq}.`)) +
    `${p.push && !p.probe ? ' PSH is set: the receiver should hand the data to its application at once.' : ''}` +
    `${p.ack > 1 ? ` It also acknowledges the other side’s bytes before ${p.ack}.` : ''}`,
  tcp_fin: (p) =>
    `A FIN from ${ports(p)}: the sender has no more data to send (it may still receive).` +
    `${p.len ? ` It also carries ${bytes(p.len)} of data.` : ''}${acking(p)}${after(p.states)}`,
  rst_refused: (p) =>
    `An RST answering the SYN in frame ${p.synFrame}: nothing listens on port ${p.srcPort}, so the host refuses the connection. ` +
    'What shows it: the RST acknowledges that SYN (its ACK number is the SYN’s plus one) and no SYN-ACK was ever sent. The client sees “connection refused”.',
  rst_abort: (p) =>
    (p.resent
      ? `An RST from ${ports(p)}: the sender drops the connection at once (CLOSED); if the reset arrives, the other side drops it too, and any data not yet delivered is lost. `
      : `An RST from ${ports(p)}: the sender aborts the connection at once, without the orderly FIN exchange; both ends drop it (CLOSED) and any data not yet delivered is lost. `) +
    (p.unacked > 0
      ? `Data was still in flight: frame ${p.peerFrame} had sent bytes up to ${p.ack + p.unacked - 1}, but this RST acknowledges only those before ${p.ack}, so ${bytes(p.unacked)} were not acknowledged. `
      : p.sent + p.received > 0
        ? `None of the other side’s data was left waiting: this RST acknowledges everything it had sent (sequence numbers before ${p.ack}). `
        : 'No data had been exchanged in the frames captured. ') +
    (p.resent ? gaveUp(p.resent) : 'An application that closes with unread data, or with SO_LINGER set to 0, sends such a reset.'),
  rst_unknown: (p) =>
    `An RST without ACK: the sender answers a segment of a connection it does not know (a stray ACK, or a peer that restarted). ` +
    (p.answersFrame
      ? `What shows it: its sequence number is the acknowledgment number of frame ${p.answersFrame}, as RFC 9293 (3.10.7.1) requires of such a reset.`
      : 'RFC 9293 (3.10.7.1) has such a reset take its sequence number from the acknowledgment of the segment it answers.'),
  rst_other: (p) => `An RST from ${ports(p)}: the sender resets the connection; the capture shows too little of it to tell why.`,
  arp_request: (p) =>
    p.linkDst === undefined || p.linkDst === 'ff:ff:ff:ff:ff:ff'
      ? `An ARP request, broadcast: who has ${p.targetIp}? ${arpWho(p)} asks for its link-layer (MAC) address.`
      : `An ARP request sent by unicast to ${p.linkDst}, not broadcast: who has ${p.targetIp}? ${arpWho(p)} already has a MAC address for it and asks that host alone to confirm it (a cache entry re-checked, RFC 1122 2.3.2.1).`,
  arp_reply: (p) => `An ARP reply to ${p.targetIp}: ${p.senderIp} is at ${p.senderMac}. The asker can now send it frames directly.`,
  arp_gratuitous_request: (p) =>
    `A gratuitous ARP request (an announcement): ${arpWho(p)} asks for its own address ${p.senderIp}, so that every host on the link updates its cache. ` +
    'What shows it: the sender and target IP addresses are the same.',
  arp_gratuitous_reply: (p) =>
    `A gratuitous ARP reply: ${p.senderIp} is at ${p.senderMac}, sent without a request so that every host updates its cache (after an address change or a failover). ` +
    'What shows it: the sender and target IP addresses are the same.',
  arp_probe: (p) =>
    `An ARP probe (RFC 5227): ${p.senderMac} checks that nobody already uses ${p.targetIp} before taking it. ` +
    'What shows it: the sender IP address is 0.0.0.0; an answer would mean the address is taken.',
  dns_query: (p) =>
    `A DNS query (ID ${p.id}) asking for ${question(p)}.${p.otherFrame ? ` The response is frame ${p.otherFrame}.` : ' The capture has no response to it.'}`,
  dns_response: (p) =>
    `A DNS response (ID ${p.id}) for ${question(p)}${p.queryFrame ? `, answering the query in frame ${p.queryFrame}` : ''}. ` +
    `Response code ${p.rcode}, ${RCODES[p.rcode] ?? 'a code this page does not describe'}; ${p.answers === 1 ? '1 answer record' : `${p.answers} answer records`}.`,
  icmp: (p) => icmpText(false, p),
  icmpv6: (p) => icmpText(true, p),
  udp: (p) =>
    `A UDP datagram from ${ports(p)}, ${bytes(p.length)} long with its 8-byte header. ` +
    (p.service ? `Port ${p.service.port} is registered for “${p.service.name}” (/etc/services). ` : '') +
    (p.protocol
      ? `Its payload is read as ${p.protocol.toUpperCase()} (by its port).`
      : 'No protocol is bound to these ports here, so its payload is shown as data.') +
    ' UDP sends it without a connection, an acknowledgment or a retransmission.',
  ip_fragment: (p) =>
    `A fragment of an IP datagram too large for the link; frame ${p.reassembledIn} brings its last part, where the whole datagram is put together and read.`,
  other: (p) => `A ${p.protocol || 'frame'} frame.`,
} as const satisfies Words;
