// "Follow TCP stream": a conversation's payload in both directions as ordered chunks, each byte
// once. Retransmitted copies are dropped by sequence number; bytes beyond a gap are kept
// (the gap itself cannot be filled from the capture). The caller re-reads the stream's
// segments (with payload), so nothing of the payload is kept by the analysis.
import type { ConversationAnalysis } from './analysis.ts';
import { seqDiff } from './seq.ts';
import { TH_FIN, TH_SYN, type FollowChunk, type TcpSegmentInput } from './types.ts';

export function followStream(analysis: ConversationAnalysis, stream: number, segments: Iterable<TcpSegmentInput>): FollowChunk[] {
  const sum = analysis.summary(stream);
  if (!sum) return [];
  const chunks: FollowChunk[] = [];
  const next: Record<'a' | 'b', number | null> = { a: null, b: null };
  let cur: { fromA: boolean; frames: number[]; parts: Uint8Array[]; size: number } | null = null;
  const flush = (): void => {
    if (!cur) return;
    const bytes = new Uint8Array(cur.size);
    let o = 0;
    for (const p of cur.parts) {
      bytes.set(p, o);
      o += p.length;
    }
    chunks.push({ fromA: cur.fromA, frames: cur.frames, bytes });
    cur = null;
  };
  for (const seg of segments) {
    if (analysis.streamOf(seg.frame) !== stream) continue;
    const fromA = seg.src === sum.a.address && seg.srcPort === sum.a.port && seg.dst === sum.b.address && seg.dstPort === sum.b.port;
    const side = fromA ? 'a' : 'b';
    const seq = (seg.seqRaw + (seg.flags & TH_SYN ? 1 : 0)) >>> 0;
    const payload = seg.payload ?? new Uint8Array(0);
    let data = payload.subarray(0, Math.min(payload.length, seg.payloadLength));
    const n = next[side];
    if (n !== null) {
      const d = seqDiff(seq, n);
      if (d < 0) data = data.subarray(Math.min(-d, data.length));
    }
    const end = (seq + seg.payloadLength) >>> 0;
    if (n === null || seqDiff(end, n) > 0) next[side] = end;
    if (seg.flags & TH_FIN && next[side] === end) next[side] = (end + 1) >>> 0;
    if (data.length === 0) continue;
    if (!cur || cur.fromA !== fromA) {
      flush();
      cur = { fromA, frames: [], parts: [], size: 0 };
    }
    cur.frames.push(seg.frame);
    cur.parts.push(data);
    cur.size += data.length;
  }
  flush();
  return chunks;
}
