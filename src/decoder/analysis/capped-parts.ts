// Bytes kept per frame for the second pass, under a memory cap: the PDU and
// IP datagram buffers both hold the parts of a message completed in a later
// frame. Past the cap the oldest parts are let go, and their message shows
// as not reassembled.

export interface CappedParts {
  /** Keep a copy of `bytes` for `frame` (the caller's buffer is reused for the next frames). */
  put(frame: number, bytes: Uint8Array): void;
  /** The part kept for `frame`, removed from the store; undefined when none is (any more). */
  take(frame: number): Uint8Array | undefined;
}

export function createCappedParts(maxBytes: number): CappedParts {
  // A Map iterates in insertion order: the first key is the oldest part.
  const parts = new Map<number, Uint8Array>();
  let kept = 0;
  const take = (frame: number): Uint8Array | undefined => {
    const part = parts.get(frame);
    if (part) {
      parts.delete(frame);
      kept -= part.length;
    }
    return part;
  };
  return {
    put(frame, bytes) {
      take(frame);
      const part = bytes.slice();
      parts.set(frame, part);
      kept += part.length;
      for (const f of parts.keys()) {
        if (kept <= maxBytes) break;
        take(f);
      }
    },
    take,
  };
}
