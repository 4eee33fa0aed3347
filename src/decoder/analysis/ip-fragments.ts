// IPv4 and IPv6 fragment reassembly, first pass: which frame completes each
// datagram, as Wireshark's reassembly table decides it (reassembly.c,
// fragment_add_check). Only offsets and lengths are noted, plus the head of
// each pending datagram's first fragment (what the transport's analysis reads
// in the first pass: ports, DNS id, ICMP echo id); the second pass joins the
// bytes (ip-fragment-buffer.ts).

/** The fragments of one datagram, in Wireshark's order, and its length. */
export interface FragmentPlan {
  frames: number[];
  offsets: number[];
  lengths: number[];
  /** The fragment starts before the end of what the fragments listed before it gave. */
  overlaps: boolean[];
  total: number;
}

export interface IpFragmentState {
  /** Frame -> the later frame completing its datagram (not set for the completing frame itself). */
  readonly reassembledIn: Map<number, number>;
  /** Completing frame -> its datagram's fragments. */
  readonly datagrams: Map<number, FragmentPlan>;
}

export interface FragmentTracker {
  /**
   * First pass, in capture order: one fragment. Returns the datagram's plan
   * and head when this fragment completes it.
   */
  add(frame: number, key: string, offset: number, length: number, more: boolean, payload: Uint8Array): { plan: FragmentPlan; head: Uint8Array } | undefined;
  readonly state: IpFragmentState;
}

/** Bytes of a first fragment kept in the first pass: UDP, DNS and ICMP headers with room to spare. */
const HEAD_BYTES = 512;

/**
 * Memory cap of the first pass: at most this many fragments wait for the
 * rest of their datagram (about 40 bytes each, 10 MB in all, plus a
 * 512-byte head per datagram). Past it the oldest pending datagram is
 * given up, as if its other fragments had never come.
 */
const MAX_PENDING_FRAGMENTS = 1 << 18;

interface Pending {
  frames: number[];
  offsets: number[];
  lengths: number[];
  /** Length of the datagram once its last fragment (MF clear) was seen, else -1. */
  datalen: number;
  /** Bytes from offset 0 the fragments so far cover without a gap, and how many (in offset order) that took. */
  covered: number;
  scanned: number;
  head: Uint8Array | undefined;
}

export function createFragmentTracker(): FragmentTracker {
  const state: IpFragmentState = { reassembledIn: new Map(), datagrams: new Map() };
  // A Map iterates in insertion order: the first key is the oldest datagram.
  const pending = new Map<string, Pending>();
  let held = 0;

  const drop = (key: string): void => {
    const p = pending.get(key);
    if (!p) return;
    held -= p.frames.length;
    pending.delete(key);
  };

  return {
    state,
    add(frame, key, offset, length, more, payload) {
      let p = pending.get(key);
      if (!p) {
        p = { frames: [], offsets: [], lengths: [], datalen: -1, head: undefined, covered: 0, scanned: 0 };
        pending.set(key, p);
      }
      if (offset === 0 && !p.head) p.head = payload.slice(0, HEAD_BYTES);
      // The tail fragment says how long the datagram is (the first tail seen wins).
      if (!more && p.datalen < 0) p.datalen = offset + length;
      // Kept sorted by offset; a fragment goes after those at the same offset.
      let i = p.offsets.length;
      while (i > 0 && p.offsets[i - 1] > offset) i--;
      p.frames.splice(i, 0, frame);
      p.offsets.splice(i, 0, offset);
      p.lengths.splice(i, 0, length);
      // The gapless cover from 0 only grows: a fragment before the scan point starts inside it
      // (it sorts before one that did), so the scan goes on from where it stopped, and each
      // fragment is scanned once however many come (a storm of them stays linear).
      if (i < p.scanned) {
        p.scanned++;
        if (offset + length > p.covered) p.covered = offset + length;
      }
      while (p.scanned < p.offsets.length && p.offsets[p.scanned] <= p.covered) {
        const end = p.offsets[p.scanned] + p.lengths[p.scanned];
        if (end > p.covered) p.covered = end;
        p.scanned++;
      }
      held++;
      if (held > MAX_PENDING_FRAGMENTS) {
        for (const k of pending.keys()) {
          if (k !== key) {
            drop(k);
            break;
          }
        }
      }
      if (p.datalen < 0) return undefined;
      const max = p.covered;
      if (max < p.datalen) return undefined;
      drop(key);
      const overlaps: boolean[] = [];
      let end = 0;
      for (let j = 0; j < p.offsets.length; j++) {
        overlaps.push(p.offsets[j] < end);
        end = Math.max(end, p.offsets[j] + p.lengths[j]);
      }
      const plan: FragmentPlan = { frames: p.frames, offsets: p.offsets, lengths: p.lengths, overlaps, total: p.datalen };
      for (const f of p.frames) if (f !== frame) state.reassembledIn.set(f, frame);
      state.datagrams.set(frame, plan);
      return { plan, head: p.head ?? new Uint8Array(0) };
    },
  };
}
