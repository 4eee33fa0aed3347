// What the plain-language sentence of a frame says, by key, with the facts it
// says it with. Every fact is read from a decoded field (named beside it) or
// from the conversation analysis; the words live in the strings
// (content/strings/<language>/frameSentence.ts), so a translation needs no
// change here.
import type { Explanation } from '../analysis/explain.ts';
import type { ConnState } from '../analysis/types.ts';

/** Both ends of a TCP segment after it (RFC 9293 states from the analysis). */
export interface TcpStates {
  sender: ConnState;
  receiver: ConnState;
  /** Either end is in another state than after the stream's previous frame (always so for its first). */
  changed: boolean;
}

/** What every TCP sentence may mention (relative numbers, as tcp.seq / tcp.ack show them). */
export interface TcpFacts {
  srcPort: number; // tcp.srcport
  dstPort: number; // tcp.dstport
  seq: number; // tcp.seq
  ack: number; // tcp.ack
  len: number; // tcp.len
  nxtseq: number; // tcp.nxtseq
  /** The frame this one acknowledges (tcp.analysis.acks_frame), 0 if none. */
  acksFrame: number;
  states: TcpStates | null;
}

export interface SentenceParams {
  tcp_syn: TcpFacts;
  tcp_syn_ack: TcpFacts;
  /**
   * `acked`: what the acknowledgment number counts (see AckMeaning); `oldSeq`: the segment has the keep-alive
   * form (tcp.analysis.keep_alive: one below the sender's next sequence number); `answers`: the probe it answers.
   */
  tcp_ack: TcpFacts & { completesHandshake: boolean; acked: AckMeaning; oldSeq: boolean; answers?: ProbeAnswer };
  /**
   * `behind`: the segment does not advance the sequence (tcp.analysis.retransmission or out_of_order), so its
   * tcp.nxtseq is not where the next segment starts. `probe`: Wireshark flags it as a probe, whose byte the
   * receiver is not expected to keep: a keep-alive's byte already sent (tcp.analysis.keep_alive) or a byte
   * sent into a zero window (tcp.analysis.zero_window_probe).
   */
  tcp_data: TcpFacts & { push: boolean; behind: boolean; probe?: 'keep_alive' | 'zero_window' };
  tcp_fin: TcpFacts;
  /** A RST answering a SYN: nothing listens on the port (tcp.flags RST+ACK, acks_frame is the SYN). */
  rst_refused: TcpFacts & { synFrame: number };
  /**
   * A RST ending an established connection; `unacked`: bytes the peer sent that it does not acknowledge;
   * `resent`: the sender's own retransmissions, unacknowledged, just before it.
   */
  rst_abort: TcpFacts & { peerFrame: number; unacked: number; sent: number; received: number; resent?: ResentBeforeReset };
  /** A RST without ACK answering a segment of a connection the sender does not know (RFC 9293 3.10.7.1). */
  rst_unknown: TcpFacts & { answersFrame: number };
  /** Any other RST (the capture shows too little to tell). */
  rst_other: TcpFacts;
  arp_request: ArpFacts;
  arp_reply: ArpFacts;
  arp_gratuitous_request: ArpFacts;
  arp_gratuitous_reply: ArpFacts;
  arp_probe: ArpFacts;
  dns_query: DnsFacts;
  dns_response: DnsFacts & { rcode: number; answers: number; queryFrame: number };
  icmp: IcmpFacts;
  icmpv6: IcmpFacts;
  /** `service`: a name the services file gives one of the ports; the page adds it (content/ports), the decoder names none. */
  udp: { srcPort: number; dstPort: number; length: number; protocol: string; service?: { port: number; name: string } };
  /** An IP fragment whose datagram is put together in a later frame. */
  ip_fragment: { reassembledIn: number };
  /** The frame's top protocol, when nothing more specific applies. */
  other: { protocol: string };
  /** A TCP analysis flag's explanation (words: explanationText). */
  analysis: Explanation;
}

/**
 * What a relative acknowledgment number of a bare ACK counts: data bytes ('data'); with both SYNs in the
 * capture, ACK 1 acknowledges only the other side's SYN, and the other side has sent no data ('nothing-sent':
 * its latest segment's tcp.seq and tcp.nxtseq are at most 1) or has sent data whose first byte has not arrived
 * ('first-byte-missing'); without the handshake, ACK 1 acknowledges what the other side sent before the capture
 * began ('before-capture': relative numbers start at the first segment shown).
 */
export type AckMeaning = 'data' | 'nothing-sent' | 'first-byte-missing' | 'before-capture';

/** A bare ACK's answer to the other side's probe (see probe-answer.ts). */
export interface ProbeAnswer {
  probeFrame: number;
  /** This ACK's window (tcp.window_size), and this side's window before the probe (-1 if not shown). */
  window: number;
  windowBefore: number;
}

/** A reset's sender's retransmissions of what the other side never acknowledged (tcp.analysis.retransmission). */
export interface ResentBeforeReset {
  /** How many copies (the original not counted), and the frame of the last one. */
  count: number;
  lastFrame: number;
  /** The original of the last copy's segment, 0 if the capture does not show it. */
  firstFrame: number;
  /** The last copy's tcp.seq and tcp.len, and whether it carries a FIN (an empty FIN has no byte range). */
  seq: number;
  len: number;
  fin: boolean;
  /** Every copy repeats the same segment (same tcp.seq and tcp.len). */
  sameSegment: boolean;
}

export interface ArpFacts {
  senderIp: string; // arp.src.proto_ipv4
  senderMac: string; // arp.src.hw_mac
  targetIp: string; // arp.dst.proto_ipv4
  targetMac: string; // arp.dst.hw_mac
  /** The link-layer destination (eth.dst), when the frame has an Ethernet header: a request sent to one MAC is no broadcast. */
  linkDst?: string;
}

export interface DnsFacts {
  id: string; // dns.id
  name: string; // dns.qry.name
  /** The query type's name, from dns.qry.type ("A", "AAAA"). */
  type: string;
  /** The other half of the transaction (dns.response_in / dns.response_to), 0 if not in the capture. */
  otherFrame: number;
}

export interface IcmpFacts {
  type: number; // icmp.type / icmpv6.type
  code: number; // icmp.code / icmpv6.code
  /** The echo request this reply answers (icmp.resp_to), or the reply to this request (icmp.resp_in), 0 if none. */
  otherFrame: number;
  /** The next-hop MTU of "fragmentation needed" / "packet too big" (icmp.mtu / icmpv6.mtu), 0 if none. */
  mtu: number;
  /** For an error: the datagram it quotes (its protocol, destination address and port). */
  quoted?: { protocol: string; dst: string; dstPort: number };
}

export type SentenceKey = keyof SentenceParams;

/** One sentence: what to say (key) and the facts to say it with (params). */
export type FrameSentence = { [K in SentenceKey]: { key: K; params: SentenceParams[K] } }[SentenceKey];
