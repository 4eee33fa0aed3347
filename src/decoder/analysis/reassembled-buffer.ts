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
      if (i < 0 || i === pdu.frames.length - 1) return;
      const from = pdu.offsets[i];
      // A copy: the caller's buffer is reused for the next frames.
      if (from + pdu.lengths[i] <= payload.length) parts.set(frame, payload.slice(from, from + pdu.lengths[i]));
    },
    build(frame, pdu, payload) {
      const last = pdu.frames.length - 1;
      if (pdu.frames[last] !== frame) return undefined;
      const bytes = new Uint8Array(pdu.total);
      let at = 0;
      let whole = true;
      for (let i = 0; i < last; i++) {
        const part = parts.get(pdu.frames[i]);
        parts.delete(pdu.frames[i]);
        if (!part || part.length !== pdu.lengths[i]) whole = false;
        else bytes.set(part, at);
        at += pdu.lengths[i];
      }
      const from = pdu.offsets[last];
      const n = pdu.lengths[last];
      if (!whole || from + n > payload.length) return undefined;
      bytes.set(payload.subarray(from, from + n), at);
      return { bytes, frames: pdu.frames, lengths: pdu.lengths, offsetHere: from };
    },
  };
}
