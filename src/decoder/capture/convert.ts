// Rewrites any readable capture as pcapng (e.g. pcap to pcapng), keeping
// timestamps, lengths and comments.

import type { CaptureError } from '../types.ts';
import { frameData, readCapture } from './read.ts';
import { writePcapng } from './write-pcapng.ts';
import type { PcapngWriteOptions } from './write-pcapng.ts';

export interface Converted {
  bytes: Uint8Array;
  frames: number;
  /** The input's damage, if any: the output holds the frames before it. */
  error?: CaptureError;
}

export function convertToPcapng(input: Uint8Array, opts: PcapngWriteOptions = {}): Converted {
  const index = readCapture(input);
  const frames = index.frames.map((r) => ({
    linkType: r.linkType,
    timestamp: r.timestamp,
    data: frameData(input, r),
    origLen: r.origLen,
    comments: r.comments,
  }));
  const result: Converted = { bytes: writePcapng(frames, opts), frames: frames.length };
  if (index.error) result.error = index.error;
  return result;
}
