// Writes a little-endian classic pcap file. pcap holds one link type and no
// comments; pcapng (write-pcapng.ts) is the richer choice.

import type { FrameToWrite } from './capture-types.ts';
import { PCAP_MAGIC_NS, PCAP_MAGIC_US } from './pcap.ts';
import { STANDARD_MAX_PACKET } from './reader-state.ts';

export interface PcapWriteOptions {
  /** Nanosecond magic when true, microseconds (truncating) when false; by default nanoseconds only if needed. */
  nanosecond?: boolean;
  /** Link type of the file when there are no frames (default Ethernet). */
  linkType?: number;
  /** Header snap length; default 262144 or the largest frame. */
  snapLen?: number;
}

/** Throws RangeError if the frames mix link types: a pcap file cannot say that. */
export function writePcap(frames: FrameToWrite[], opts: PcapWriteOptions = {}): Uint8Array {
  const linkType = frames.length > 0 ? frames[0].linkType : (opts.linkType ?? 1);
  for (const f of frames) {
    if (f.linkType !== linkType) {
      throw new RangeError(`pcap holds one link type: frames mix ${linkType} and ${f.linkType}; write pcapng instead`);
    }
  }
  const nano = opts.nanosecond ?? frames.some((f) => f.timestamp % 1000n !== 0n);
  let snapLen = opts.snapLen ?? STANDARD_MAX_PACKET;
  if (opts.snapLen === undefined) for (const f of frames) snapLen = Math.max(snapLen, f.data.length);

  let total = 24;
  for (const f of frames) total += 16 + f.data.length;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, nano ? PCAP_MAGIC_NS : PCAP_MAGIC_US, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, snapLen, true);
  view.setUint32(20, linkType, true);
  let p = 24;
  for (const f of frames) {
    const ts = f.timestamp;
    let sec = ts / 1_000_000_000n;
    let ns = ts % 1_000_000_000n;
    if (ns < 0n) {
      ns += 1_000_000_000n;
      sec -= 1n;
    }
    view.setUint32(p, Number(BigInt.asUintN(32, sec)), true);
    view.setUint32(p + 4, Number(nano ? ns : ns / 1000n), true);
    view.setUint32(p + 8, f.data.length, true);
    view.setUint32(p + 12, f.origLen ?? f.data.length, true);
    bytes.set(f.data, p + 16);
    p += 16 + f.data.length;
  }
  return bytes;
}
