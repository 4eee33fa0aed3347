// The bytes of each reassembled PDU, for the second pass. The first pass keeps
// no payload (reassembly.ts notes only where each PDU starts and ends); the
// second pass meets the segments again in capture order, so each segment's
// part is copied here as it passes and the completing frame gets the whole
// PDU. Only parts of PDUs not yet completed are held.

import type { ReassembledPdu as PduBytes } from '../layers/session.ts';
import type { ReassembledPdu } from './analysis.ts';

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

export function createPduBuffers(): PduBuffers {
  const parts = new Map<number, Uint8Array>();
  return {
    keep(frame, pdu, payload) {
      const i = pdu.frames.indexOf(frame);
      if (i < 0 || frame === pdu.completedIn) return;
      const from = pdu.offsets[i];
      // A copy: the caller's buffer is reused for the next frames.
      if (from + pdu.lengths[i] <= payload.length) parts.set(frame, payload.slice(from, from + pdu.lengths[i]));
    },
    build(frame, pdu, payload) {
      // The completing frame's part may sit anywhere in the list (a gap filled late).
      const here = pdu.frames.indexOf(frame);
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
          part = parts.get(pdu.frames[i]);
          parts.delete(pdu.frames[i]);
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
