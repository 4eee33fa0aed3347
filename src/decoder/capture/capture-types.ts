// Shapes of the capture-file layer: what a pcap or pcapng file says about
// itself, beside the per-frame FrameRecord of ../types.ts.

import type { CaptureError, FrameRecord, TimestampNs } from '../types.ts';

export type CaptureFormat = 'pcap' | 'pcapng' | 'unknown';

/** One capture interface: the pcap file header, or a pcapng Interface Description Block. */
export interface InterfaceInfo {
  /** Index in CaptureIndex.interfaces; FrameRecord.interfaceId names it. */
  id: number;
  /** 0-based pcapng section holding it (always 0 for pcap). */
  section: number;
  /** The id packet blocks of its section use for it. */
  localId: number;
  linkType: number;
  linkTypeName: string;
  /** 0 means "no limit" in pcapng. */
  snapLen: number;
  /** Timestamp units per second: 1e6 by default, 1e9 for nanosecond pcap or if_tsresol 9. */
  tsUnitsPerSecond: bigint;
  /** if_tsresol as written (pcapng), e.g. 6, 9 or 0x94 for 2^-20. */
  tsResol?: number;
  /** if_tsoffset in seconds, already added to every FrameRecord.timestamp. */
  tsOffsetSeconds: bigint;
  /** Bytes of frame check sequence at the end of each frame, when the file says. */
  fcsLen?: number;
  name?: string;
  description?: string;
  filter?: string;
  os?: string;
  hardware?: string;
  comments: string[];
  /** Byte offset of the block (or pcap header) that described it. */
  offset: number;
}

/** A pcapng section (Section Header Block), or the pcap file header. */
export interface SectionInfo {
  offset: number;
  byteOrder: 'little' | 'big';
  /** "1.0" for pcapng, "2.4" for pcap. */
  version: string;
  hardware?: string;
  os?: string;
  userAppl?: string;
  comments: string[];
}

export interface CaptureIndex {
  format: CaptureFormat;
  frames: FrameRecord[];
  interfaces: InterfaceInfo[];
  sections: SectionInfo[];
  error?: CaptureError;
}

/** A frame and its captured bytes. */
export interface CaptureFrame {
  record: FrameRecord;
  data: Uint8Array;
}

/**
 * Receives each frame as it is read. `data` is a view into the chunk just
 * pushed (or an internal buffer): valid during the call; copy it to keep it.
 */
export type FrameSink = (record: FrameRecord, data: Uint8Array) => void;

/**
 * Sees each frame's bytes where they lie, b[at, at + capLen), with no record
 * built (no timestamp, no view): for a quick scan ahead of the real reading.
 * `linkType` is -1 for a pcapng block that is not a packet (custom, journal).
 */
export type FramePeek = (b: Uint8Array, at: number, capLen: number, origLen: number, linkType: number) => void;

/** A frame to write: the writers' input. */
export interface FrameToWrite {
  linkType: number;
  timestamp: TimestampNs;
  data: Uint8Array;
  /** Bytes on the wire; defaults to data.length. */
  origLen?: number;
  /** pcapng opt_comment values (pcap cannot hold them). */
  comments?: string[];
}
