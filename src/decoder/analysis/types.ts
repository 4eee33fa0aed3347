// Input and output shapes of the TCP/UDP conversation analysis. The analysis does not depend on
// the dissector: the glue copies a few header values into these plain objects.

import { TCP_FLAG } from '../layers/tcp.ts';

/** TCP header flag bits, as the TCP table defines them (Wireshark's TH_* names). */
export const TH_FIN = TCP_FLAG.FIN;
export const TH_SYN = TCP_FLAG.SYN;
export const TH_RST = TCP_FLAG.RST;
export const TH_PSH = TCP_FLAG.PSH;
export const TH_ACK = TCP_FLAG.ACK;

export interface TcpOptionsInput {
  mss?: number;
  /** Window scale shift count from the option (as sent, before Wireshark's cap of 14). */
  wscale?: number;
  sackPerm?: boolean;
  /** SACK blocks as raw (absolute) [left edge, right edge] pairs. */
  sack?: Array<[number, number]>;
  tsval?: number;
  tsecr?: number;
  /** The snap length cut the options: any option after the captured ones is unknown. */
  cut?: boolean;
}

/** One TCP segment, as the dissector read it. */
export interface TcpSegmentInput {
  /** 1-based frame number; frames must be given in increasing order. */
  frame: number;
  /** Capture time, nanoseconds since the epoch. */
  time: bigint;
  /** Addresses as text (IPv4 dotted or IPv6), used only as conversation keys. */
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  seqRaw: number;
  ackRaw: number;
  /** Flag bits (TH_*). */
  flags: number;
  /** The 16-bit window field as sent. */
  windowRaw: number;
  /** TCP payload length (from the IP length, not the captured length). */
  payloadLength: number;
  options: TcpOptionsInput;
  /** Captured payload bytes; only needed for reassembly and follow-stream. */
  payload?: Uint8Array;
}

export interface UdpDatagramInput {
  frame: number;
  time: bigint;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
}

/** One generated field, as `tshark -T fields` prints it. Names may repeat (tcp.segment). */
export interface AnalysisField {
  name: string;
  show: string;
}

/** RFC 9293 connection states, plus "unknown" where the capture cannot tell. */
export type ConnState =
  | 'unknown'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT'
  | 'CLOSED';

export interface ConversationSummary {
  stream: number;
  /** Endpoint A is the side that sent the first SYN, else the sender of the first segment seen. */
  a: { address: string; port: number };
  b: { address: string; port: number };
  firstFrame: number;
  lastFrame: number;
  packetsAtoB: number;
  packetsBtoA: number;
  /** TCP payload bytes each way (retransmitted bytes counted again, as on the wire). */
  bytesAtoB: number;
  bytesBtoA: number;
  /** Nanoseconds from the first to the last frame. */
  durationNs: bigint;
  /** SYN to the ACK completing the handshake, if all three were seen. */
  handshakeRttNs: bigint | null;
  retransmissions: number;
  ending: 'fin-both' | 'fin-a' | 'fin-b' | 'rst' | 'open';
  /** Frame of the first RST, if any. */
  rstFrame: number | null;
  reusedPorts: boolean;
}

/** A chunk of a followed stream: consecutive new bytes from one side. */
export interface FollowChunk {
  fromA: boolean;
  frames: number[];
  bytes: Uint8Array;
}
