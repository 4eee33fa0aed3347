// The bytes of each reassembled IP datagram, for the second pass. The first
// pass (ip-fragments.ts) noted which frames make each datagram; the second
// meets them again in capture order, so each fragment of a datagram completed
// later is copied here as it passes and the completing frame joins them.

import type { ReassembledDatagram } from '../layers/session.ts';
import type { FragmentPlan } from './ip-fragments.ts';
import { createCappedParts } from './capped-parts.ts';

export interface DatagramBuffers {
  /** A fragment of a datagram completed in a later frame passes: keep its bytes. */
  keep(frame: number, payload: Uint8Array): void;
  /**
   * The frame completing `plan` passes: the datagram, or undefined when a
   * fragment's bytes are missing (it was not seen again, or given up to the cap).
   */
  build(frame: number, plan: FragmentPlan, payload: Uint8Array): ReassembledDatagram | undefined;
}

/**
 * Memory cap of the second pass: at most 64 MiB of fragments wait for the
 * frame completing their datagram (an IPv4 datagram is at most 64 KiB, so
 * about a thousand datagrams in flight at once). Past it the oldest kept
 * fragments are let go and their datagram shows as not reassembled.
 */
const MAX_KEPT_BYTES = 64 << 20;

export function createDatagramBuffers(maxBytes = MAX_KEPT_BYTES): DatagramBuffers {
  const parts = createCappedParts(maxBytes);
  return {
    keep(frame, payload) {
      parts.put(frame, payload);
    },
    build(frame, plan, payload) {
      const bytes = new Uint8Array(plan.total);
      let whole = true;
      // As Wireshark joins them: each fragment gives the bytes past those before it in the list.
      let end = 0;
      plan.frames.forEach((f, i) => {
        const part = f === frame ? payload : parts.take(f);
        const at = plan.offsets[i];
        const n = plan.lengths[i];
        if (!part || part.length < n) {
          whole = false;
          return;
        }
        const from = Math.max(end, at);
        const to = Math.min(at + n, plan.total);
        if (to > from) bytes.set(part.subarray(from - at, to - at), from);
        end = Math.max(end, at + n);
      });
      if (!whole) return undefined;
      return { bytes, total: plan.total, frames: plan.frames, offsets: plan.offsets, lengths: plan.lengths, overlaps: plan.overlaps };
    },
  };
}
