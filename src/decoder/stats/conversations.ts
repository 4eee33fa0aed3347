// Conversation tables, as tshark 4.0's `-z conv,TYPE`: one row per pair of
// endpoints (per stream for TCP and UDP), with frames and bytes each way,
// the start relative to the first frame and the duration.

export interface ConvPacket {
  src: string;
  dst: string;
  /** Ports, for TCP and UDP; 0 otherwise. */
  srcPort: number;
  dstPort: number;
  /** The stream index for TCP and UDP (rows never merge across streams); -1 otherwise. */
  id: number;
  length: number;
  relNs: bigint;
}

export interface ConvRow {
  /** Endpoint A is the sender of the conversation's first frame. */
  a: string;
  b: string;
  aPort: number;
  bPort: number;
  /** The TCP or UDP stream index (-1 for the address tables), to follow or filter on. */
  id: number;
  /** Frames and bytes from A to B (tshark's "->") and from B to A ("<-"). */
  framesAtoB: number;
  bytesAtoB: number;
  framesBtoA: number;
  bytesBtoA: number;
  startNs: bigint;
  stopNs: bigint;
}

const keyOf = (p: ConvPacket): string => {
  const x = `${p.src} ${p.srcPort}`;
  const y = `${p.dst} ${p.dstPort}`;
  return `${p.id} ${x < y ? `${x} ${y}` : `${y} ${x}`}`;
};

/** The rows in tshark's order: most frames first, ties in the order first seen. */
export function conversations(packets: Iterable<ConvPacket>): ConvRow[] {
  const rows = new Map<string, ConvRow>();
  for (const p of packets) {
    const key = keyOf(p);
    let row = rows.get(key);
    if (!row) {
      row = {
        a: p.src,
        b: p.dst,
        aPort: p.srcPort,
        bPort: p.dstPort,
        id: p.id,
        framesAtoB: 0,
        bytesAtoB: 0,
        framesBtoA: 0,
        bytesBtoA: 0,
        startNs: p.relNs,
        stopNs: p.relNs,
      };
      rows.set(key, row);
    }
    if (p.src === row.a && p.srcPort === row.aPort) {
      row.framesAtoB++;
      row.bytesAtoB += p.length;
    } else {
      row.framesBtoA++;
      row.bytesBtoA += p.length;
    }
    if (p.relNs < row.startNs) row.startNs = p.relNs;
    if (p.relNs > row.stopNs) row.stopNs = p.relNs;
  }
  const total = (r: ConvRow) => r.framesAtoB + r.framesBtoA;
  return [...rows.values()].sort((x, y) => total(y) - total(x));
}
