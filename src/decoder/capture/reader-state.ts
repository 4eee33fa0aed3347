// The mutable state the format readers share while a file streams through.

import type { CaptureError, FrameRecord } from '../types.ts';
import type { CaptureFormat, FramePeek, FrameSink, InterfaceInfo, SectionInfo } from './capture-types.ts';
import type { TsClock } from './timestamp.ts';

/** Records longer than this are damage, whatever the snap length says. */
export const HARD_MAX_RECORD = 64 * 1024 * 1024;
/** Wireshark's usual ceiling for a packet (WTAP_MAX_PACKET_SIZE_STANDARD). */
export const STANDARD_MAX_PACKET = 262144;

/** A pcapng interface of the current section, with what packet blocks need. */
export interface SectionInterface {
  id: number;
  linkType: number;
  snapLen: number;
  clock: TsClock;
}

/**
 * The comments of every frame that has none: one shared, frozen array, since
 * a fresh [] per frame doubles the garbage-collector's work on big files.
 */
export const NO_COMMENTS: string[] = Object.freeze([]) as unknown as string[];

export const STAGE_MAGIC = 0;
export const STAGE_PCAP_HEADER = 1;
export const STAGE_PCAP = 2;
export const STAGE_PCAPNG = 3;
export const STAGE_DONE = 4;

export class ReaderState {
  format: CaptureFormat = 'unknown';
  interfaces: InterfaceInfo[] = [];
  sections: SectionInfo[] = [];
  error: CaptureError | undefined = undefined;
  frameCount = 0;
  stage = STAGE_MAGIC;
  /** Bytes needed from the current position before reading can go on. */
  need = 4;
  /** Byte order of the pcap file or current pcapng section. */
  le = true;

  pcapNano = false;
  pcapLinkType = 1;
  pcapMaxRecord = STANDARD_MAX_PACKET;

  /** The last record's timestamp: Wireshark's time for a block that gives none (custom, journal without one). */
  lastTimestamp = 0n;

  /** Interfaces of the current pcapng section, by local id. */
  sectionInterfaces: SectionInterface[] = [];

  /** Where frames go: collected records (whole-file index) or a sink. */
  records: FrameRecord[] | null = null;
  sink: FrameSink | null = null;
  /** Or, when set, only a look at each frame's bytes (no records at all). */
  peek: FramePeek | null = null;

  /** Records the first error only, and stops reading. */
  fail(message: string, offset: number): void {
    if (!this.error) this.error = { message, offset };
    this.stage = STAGE_DONE;
  }
}
