// The bytes of each reassembled PDU, for the second pass. The first pass keeps
// no payload (reassembly.ts notes only where each PDU starts and ends); the
// second pass meets the segments again in capture order, so each segment's
// part is copied here as it passes and the completing frame gets the whole
// PDU. Only parts of PDUs not yet completed are held.

import type { ReassembledPdu as PduBytes } from '../layers/session.ts';
import type { ReassembledPdu } from './analysis.ts';
import { createCappedParts } from './capped-parts.ts';

export interface PduBuffers {
  /** A segment of `pdu` (completed in a later frame) passes: keep its part of `payload`. */
  keep(frame: number, pdu: ReassembledPdu, payload: Uint8Array): void;
  /**
   * The frame completing `pdu` passes: its bytes, every part in order, or
   * undefined when a part is missing (an earlier segment was not seen again,
   * or its bytes were not all captured).
   */
  build(frame: number, pdu: ReassembledPdu, payload: Uint8Array): PduBytes | undefined;
}

/**
 * Memory cap of the second pass: at most 64 MiB of parts wait for the frame
 * completing their PDU. Past it the oldest kept parts are let go and their
 * PDU shows as not reassembled (as the IP datagram buffers do).
 */
const MAX_KEPT_BYTES = 64 << 20;

/** Lists longer than this are searched through an index (a PDU of 70,000 segments would make every lookup long). */
const SCAN_LIMIT = 16;

export function createPduBuffers(maxBytes = MAX_KEPT_BYTES): PduBuffers {
  const parts = createCappedParts(maxBytes);
  const indexes = new WeakMap<ReassembledPdu, Map<number, number>>();
  const indexOf = (pdu: ReassembledPdu, frame: number): number => {
    if (pdu.frames.length <= SCAN_LIMIT) return pdu.frames.indexOf(frame);
    let index = indexes.get(pdu);
    if (!index) {
      index = new Map();
      // The first occurrence, as indexOf finds it.
      for (let i = pdu.frames.length - 1; i >= 0; i--) index.set(pdu.frames[i], i);
      indexes.set(pdu, index);
    }
    return index.get(frame) ?? -1;
  };
  return {
    keep(frame, pdu, payload) {
      const i = indexOf(pdu, frame);
      if (i < 0 || frame === pdu.completedIn) return;
      const from = pdu.offsets[i];
      if (from + pdu.lengths[i] > payload.length) return;
      parts.put(frame, payload.subarray(from, from + pdu.lengths[i]));
    },
    build(frame, pdu, payload) {
      // The completing frame's part may sit anywhere in the list (a gap filled late).
      const here = indexOf(pdu, frame);
      if (here < 0 || frame !== pdu.completedIn) return undefined;
      const bytes = new Uint8Array(pdu.total);
      let at = 0;
      let whole = true;
      for (let i = 0; i < pdu.frames.length; i++) {
        const n = pdu.lengths[i];
        let part: Uint8Array | undefined;
        if (i === here) {
          if (pdu.offsets[i] + n <= payload.length) part = payload.subarray(pdu.offsets[i], pdu.offsets[i] + n);
        } else {
          part = parts.take(pdu.frames[i]);
        }
        if (!part || part.length !== n) whole = false;
        else bytes.set(part, at);
        at += n;
      }
      if (!whole) return undefined;
      return { bytes, frames: pdu.frames, lengths: pdu.lengths, offsetHere: pdu.offsets[here], lengthHere: pdu.lengths[here] };
    },
  };
}
