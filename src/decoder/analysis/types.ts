// Input and output shapes of the TCP/UDP conversation analysis. The analysis does not depend on
// the dissector: the glue copies a few header values into these plain objects.

import { TCP_FLAG } from '../layers/tcp.ts';

/** TCP header flag bits, as the TCP table defines them (Wireshark's TH_* names). */
export const TH_FIN = TCP_FLAG.FIN;
export const TH_SYN = TCP_FLAG.SYN;
export const TH_RST = TCP_FLAG.RST;
export const TH_PSH = TCP_FLAG.PSH;
export const TH_ACK = TCP_FLAG.ACK;

export type { TcpOptionsInput, TcpSegmentInput, UdpDatagramInput } from '../layers/segment-inputs.ts';

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
