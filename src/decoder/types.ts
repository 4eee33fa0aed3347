// Shared shapes of the decoder. Everything above the decoder (CLI, widgets,
// lessons, quizzes) reads packets through these types only.

/** A raw value as the bytes hold it; `display` and `show` carry the text. */
export type FieldValue = number | bigint | string | boolean | Uint8Array | null;

/** Wireshark's expert-info severities, lowest first. */
export type Severity = 'chat' | 'note' | 'warn' | 'error';

/** A problem found while dissecting, tied to the bytes where it happened. */
export interface Expert {
  /** Wireshark's expert name where one exists, e.g. "_ws.malformed", "tcp.analysis.retransmission". */
  name: string;
  severity: Severity;
  message: string;
}

/**
 * One node of the packet-details tree, as Wireshark's details pane shows it.
 * Protocol nodes (name "tcp") hold their fields as children.
 */
export interface Field {
  /** Display-filter name ("tcp.srcport"); "" for a text-only line. */
  name: string;
  /** Human label ("Source Port"). */
  label: string;
  /** Byte offset within the frame, and length in bytes (0 for generated fields). */
  offset: number;
  length: number;
  /** Bit mask within the field's bytes, for bit fields. */
  mask?: number;
  /** The raw value. */
  value: FieldValue;
  /** The details-pane line, e.g. "Source Port: 54744" or ".... ..1. = Syn: Set". */
  display: string;
  /** The value as `tshark -T fields` prints it, e.g. "54744", "0x0002", "192.168.0.5". */
  show: string;
  /** Computed, not read from the bytes (Wireshark's [bracketed] fields). */
  generated?: boolean;
  /**
   * The data source `offset` and `length` point into, by name: an entry of the
   * dissection's `sources` (e.g. "Reassembled TCP", the bytes of a PDU rebuilt
   * from several TCP segments). Absent: the frame's own bytes.
   */
  source?: string;
  /** Problems found at this field (malformed, bad checksum, analysis notes). */
  expert?: Expert[];
  children?: Field[];
}

/** Capture timestamp as an exact integer: nanoseconds since the Unix epoch. */
export type TimestampNs = bigint;

/** One record of a capture file, as indexed by the first pass. */
export interface FrameRecord {
  /** 1-based frame number, as Wireshark counts. */
  number: number;
  /** Byte offset of the packet data within the capture file. */
  dataOffset: number;
  /** Bytes captured (may be fewer than on the wire). */
  capLen: number;
  /** Bytes on the wire. */
  origLen: number;
  timestamp: TimestampNs;
  /** Link-layer header type (LINKTYPE_*), from the file or its interface. */
  linkType: number;
  /** Index in the capture's list of interfaces, across sections (CaptureIndex.interfaces). */
  interfaceId: number;
  /**
   * The interface's number within its pcapng section, which Wireshark shows as
   * frame.interface_id (a file of several sections numbers each from 0); the
   * same as interfaceId when absent.
   */
  sectionInterfaceId?: number;
  /** pcapng opt_comment values, in order. */
  comments: string[];
  /**
   * The file gives no time (a Simple Packet Block, a custom block): Wireshark
   * leaves the time fields out. `timestamp` then holds what its time deltas
   * use: 0 for a simple packet, the record before's time for the others.
   */
  noTime?: boolean;
  /** A pcapng block Wireshark numbers as a frame though it holds no packet (no interface: linkType and interfaceId are -1). */
  block?: RecordBlock;
}

/** Custom Block (its Private Enterprise Number, and whether it may be copied), or systemd Journal Export Block. */
export type RecordBlock = { kind: 'custom'; pen: number; copy: boolean } | { kind: 'journal' };

/** A damaged file: what is wrong and where. Frames before it are still returned. */
export interface CaptureError {
  message: string;
  /** Byte offset in the file where reading stopped. */
  offset: number;
}

/**
 * A data source besides the frame's bytes, as Wireshark's extra bytes tabs
 * ("Reassembled TCP (4606 bytes)"): fields whose `source` is `name` have their
 * offset and length in `bytes`.
 */
export interface DataSource {
  name: string;
  bytes: Uint8Array;
}
