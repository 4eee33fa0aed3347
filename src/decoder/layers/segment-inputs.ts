// A TCP segment or UDP datagram as a few header values in a plain object: the
// analysis' input, which the session glue, the header walk and the fields fast
// path fill in. The session seam (session.ts) names them too, so they live
// below the analysis; analysis/types.ts re-exports them with its other shapes.

export interface TcpOptionsInput {
  mss?: number;
  /** Window scale shift count from the option (as sent, before Wireshark's cap of 14). */
  wscale?: number;
  sackPerm?: boolean;
  /** SACK blocks as raw (absolute) [left edge, right edge] pairs. */
  sack?: Array<[number, number]>;
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
