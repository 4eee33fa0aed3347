// Follow TCP stream, by tshark 4.0's rules: each side's bytes in sequence
// order, each byte once. A segment ahead of the next expected byte waits until
// the gap fills; when the other side acknowledges bytes past a gap that never
// fills, the gap becomes a placeholder record "[N bytes missing in capture
// file]" (with its C string's NUL, as tshark copies it).

import { nodeOf, senderNode, type FollowNode, type FollowPacket, type FollowRecord, type FollowResult } from './follow-records.ts';

export interface FollowTcpPacket extends FollowPacket {
  seq: number;
  ack: number;
  syn: boolean;
  /** Payload length on the wire (the captured payload may be shorter). */
  length: number;
}

const diff = (a: number, b: number): number => (a - b) | 0;
const lt = (a: number, b: number): boolean => diff(a, b) < 0;
const gt = (a: number, b: number): boolean => diff(a, b) > 0;

interface Pending {
  frame: number;
  seq: number;
  bytes: Uint8Array;
}

const gapText = (n: number): Uint8Array => new TextEncoder().encode(`[${n} bytes missing in capture file]\0`);

/** The stream's records from its packets, in capture order. */
export function followTcp(stream: number, packets: Iterable<FollowTcpPacket>): FollowResult {
  let nodes: [FollowNode, FollowNode] | undefined;
  const records: FollowRecord[] = [];
  const next = [0, 0];
  const written = [0, 0];
  const pending: Pending[][] = [[], []];

  // Places a waiting segment that now fits (or, using the ACK, a gap); false when none did.
  const drain = (side: 0 | 1, ack: number, frame: number, useAck: boolean): boolean => {
    const list = pending[side];
    if (list.length === 0) return false;
    let lowest = list[0].seq;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (gt(lowest, p.seq)) lowest = p.seq;
      if (lt(p.seq, next[side])) {
        const end = (p.seq + p.bytes.length) >>> 0;
        if (gt(end, next[side])) {
          const from = (next[side] - p.seq) >>> 0;
          if (p.bytes.length > from) records.push({ node: side, frame: p.frame, bytes: p.bytes.subarray(from) });
          next[side] = (next[side] + p.bytes.length - from) >>> 0;
        }
        list.splice(i, 1);
        return true;
      }
      if (p.seq === next[side]) {
        if (p.bytes.length > 0) records.push({ node: side, frame: p.frame, bytes: p.bytes });
        next[side] = (next[side] + p.bytes.length) >>> 0;
        list.splice(i, 1);
        return true;
      }
    }
    if (useAck && gt(ack, lowest)) {
      const missing = diff(lowest, next[side]);
      records.push({ node: side, frame, bytes: gapText(missing), missing });
      next[side] = lowest;
      return true;
    }
    return false;
  };

  for (const p of packets) {
    nodes ??= [nodeOf(p.src, p.srcPort), nodeOf(p.dst, p.dstPort)];
    const side = senderNode(nodes, p);
    const other = side === 0 ? 1 : 0;
    let seq = p.syn ? (p.seq + 1) >>> 0 : p.seq >>> 0;
    let length = p.length;
    let data = p.payload;
    // This segment acknowledges bytes the capture may have lost on the way back.
    while (drain(other, p.ack >>> 0, p.frame, true));
    if (written[side] === 0 && next[side] === 0) next[side] = seq;
    if (lt(seq, next[side])) {
      const end = (seq + length) >>> 0;
      if (gt(end, next[side])) {
        const skip = (next[side] - seq) >>> 0;
        data = data.length <= skip ? data.subarray(0, 0) : data.subarray(skip);
        seq = next[side];
        length = (end - next[side]) >>> 0;
      }
    }
    if (data.length === 0 || lt(seq, next[side])) continue;
    if (seq === next[side]) {
      records.push({ node: side, frame: p.frame, bytes: data });
      next[side] = (next[side] + length) >>> 0;
      written[side] += data.length;
      while (drain(side, 0, p.frame, false));
    } else {
      pending[side].push({ frame: p.frame, seq, bytes: data });
    }
  }
  return nodes ? { proto: 'tcp', stream, nodes, records } : { proto: 'tcp', stream, records };
}
