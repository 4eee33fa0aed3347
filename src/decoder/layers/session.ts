// The seam for per-capture analysis (TCP conversations, streams): a session
// object passed to every dissectFrame call of one capture. The decoder calls
// its hooks; it keeps whatever state it needs between frames.

import type { LayerContext } from './context.ts';
import type { Sink } from '../fields/sink.ts';
import type { TcpHeader } from './tcp.ts';
import type { UdpHeader } from './udp.ts';
import type { TransactionMatch, TransactionNote } from './request-response.ts';
import type { TcpSegmentInput, UdpDatagramInput } from './segment-inputs.ts';

/** What the analysis layer says about one TCP segment; every member is optional. */
export interface TcpAnalysis {
  /** tcp.stream */
  stream?: number;
  /** Relative numbers shown as tcp.seq / tcp.ack / tcp.nxtseq and in Info (raw ones stay in *_raw). */
  seq?: number;
  ack?: number;
  /** tcp.window_size (calculated) and tcp.window_size_scalefactor (-1 unknown, -2 no scaling). */
  windowSize?: number;
  scaleFactor?: number;
  /** SACK blocks with relative edges, in the option's order (the raw edges stay in the bytes). */
  sack?: ReadonlyArray<readonly [number, number]>;
  /** The payload repeats bytes already sent (a plain or spurious retransmission, an out-of-order segment): Wireshark hands it to no further dissector. */
  repeat?: boolean;
  /**
   * The payload is part of a PDU completed in that later frame (tcp.reassembled_in):
   * it goes to no further dissector and Info ends in "[TCP segment of a reassembled PDU]".
   */
  reassembledIn?: number;
  /** Where in the payload that PDU's part starts (0 unless the payload first ends earlier PDUs, which are dissected here). */
  heldFrom?: number;
  /** The payload from heldFrom belongs to a PDU the capture ends before completing: held, but by no later frame. */
  unfinished?: boolean;
  /** This frame completes a PDU reassembled from several segments: its application layer is dissected from these bytes. */
  reassembled?: ReassembledPdu;
  /**
   * The layer this conversation was bound to at this frame or an earlier one (a
   * sticky heuristic's match, bindings.ts): tried before the ports.
   */
  app?: string;
  /** On a FIN: whether this frame holds the conversation's first FIN (active close) or a later one. */
  finRole?: 'active' | 'passive';
  /** Text put before the Info column's ports, e.g. "[TCP Retransmission] ". */
  infoPrefix?: string;
  /** Emit fields right after tcp.port (tcp.stream, tcp.completeness). */
  emitAfterPorts?(out: Sink): void;
  /** Emit fields after the options (the [SEQ/ACK analysis] and [Timestamps] subtrees). */
  emitAfterOptions?(out: Sink): void;
}

/** A PDU rebuilt from the payloads of several segments, as the completing frame shows it. */
export interface ReassembledPdu {
  /** The PDU's bytes, every segment's part in order. */
  bytes: Uint8Array;
  /** The frames holding its parts, and how many bytes each gave. */
  frames: readonly number[];
  lengths: readonly number[];
  /** Where this frame's part starts within its TCP payload, and its length. */
  offsetHere: number;
  lengthHere: number;
}

/** One IPv4 or IPv6 fragment, as the IP layer hands it to the session. */
export interface IpFragment {
  /** The datagram it belongs to: IP version, both addresses and the identification, as Wireshark keys it. */
  key: string;
  /** Where its bytes go in the datagram, and how many it carries. */
  offset: number;
  length: number;
  /** More fragments follow (MF set). */
  more: boolean;
  /** Its bytes, all captured (a cut fragment is not reassembled). */
  payload: Uint8Array;
}

/** A datagram rebuilt from its fragments, as the completing frame shows it. */
export interface ReassembledDatagram {
  /**
   * The datagram's bytes. In the first pass only the head of the first
   * fragment (what the transport's analysis reads); the layers then see a
   * datagram cut short, as by a snaplen.
   */
  bytes: Uint8Array;
  /** The datagram's length. */
  total: number;
  /** The fragments in the order Wireshark lists them (by offset, duplicates after the first copy). */
  frames: readonly number[];
  offsets: readonly number[];
  lengths: readonly number[];
  /** Each fragment overlaps bytes an earlier one in the list already gave. */
  overlaps: readonly boolean[];
}

/** What the session says of one fragment; every member is optional. */
export interface IpReassembly {
  /** The datagram is completed in that later frame: this fragment shows ip.reassembled_in and data only. */
  reassembledIn?: number;
  /** This frame completes the datagram: the transport layer is dissected from its bytes. */
  datagram?: ReassembledDatagram;
}

/** The analysis, for plain frames: the same answers as through the layers, from header values alone. */
export interface PlainAnalysis {
  /**
   * The segment's analysis (undefined: none). null: this frame must go
   * through the layers after all (it takes part in reassembly); said before
   * anything of the frame was taken in.
   */
  tcp(seg: TcpSegmentInput, offset: number): TcpAnalysis | undefined | null;
  udp(d: UdpDatagramInput, offset: number, out: Sink): void;
}

export interface DissectSession {
  /** Called once per IPv4 or IPv6 fragment (not those an ICMP error quotes), after the IP header's fields. */
  ipFragment?(frag: IpFragment, ctx: LayerContext): IpReassembly | undefined;
  /** Called once per TCP header, before its fields are emitted. */
  tcp?(header: TcpHeader, ctx: LayerContext): TcpAnalysis | undefined;
  /** Called once per UDP header, after its fields (udp.stream and timestamps go here). */
  udp?(header: UdpHeader, ctx: LayerContext): void;
  /**
   * A request or response of a request/response protocol (DNS, ICMP echo): the
   * first pass notes it; the second pass returns what it was matched with.
   */
  transaction?(note: TransactionNote, ctx: LayerContext): TransactionMatch | undefined;
  /** Called when a frame is done (after every layer). */
  frameDone?(ctx: LayerContext): void;
  /**
   * The same analysis for the fast path of plain frames (fields/plain-frames.ts),
   * from header values alone. A session without it has every frame dissected.
   */
  plain?: PlainAnalysis;
}
