// Whole-file entry points: index a capture held in memory.

import type { FrameRecord } from '../types.ts';
import type { CaptureIndex } from './capture-types.ts';
import { CaptureStream } from './stream.ts';

/**
 * Indexes every frame of a pcap or pcapng file. Never throws: a damaged or
 * truncated file gives the frames before the damage and one error.
 */
export function readCapture(bytes: Uint8Array): CaptureIndex {
  const stream = new CaptureStream();
  const frames: FrameRecord[] = [];
  stream.pushRecords(bytes, frames);
  const error = stream.end();
  const index: CaptureIndex = {
    format: stream.format,
    frames,
    interfaces: stream.interfaces,
    sections: stream.sections,
  };
  if (error) index.error = error;
  return index;
}

/** A frame's captured bytes: a view into the file's bytes, not a copy. */
export function frameData(bytes: Uint8Array, record: FrameRecord): Uint8Array {
  return bytes.subarray(record.dataOffset, record.dataOffset + record.capLen);
}
