// Walking one TCP stream backwards from a frame: the sentences that tell what
// a segment answers or ends (a reset, a probe's answer, a state change) read
// the segments before it. Bounded, since a stream's frames may be far apart.
import type { Field } from '../types.ts';
import { num } from './read-fields.ts';
import type { SentenceCapture } from './sentence-capture.ts';

/** How far back to look (frames of any stream). */
export const LOOK_BACK = 5000;

export function tcpNode(capture: SentenceCapture, n: number): readonly Field[] | undefined {
  return capture.dissect(n).tree.find((f) => f.name === 'tcp')?.children;
}

/** The frames of `stream` before frame n, latest first, each with its tcp node. */
export function* streamBefore(capture: SentenceCapture, n: number, stream: number): Generator<{ frame: number; tcp: readonly Field[] }> {
  if (stream < 0) return;
  for (let k = n - 1; k >= 1 && k >= n - LOOK_BACK; k--) {
    if (capture.analysis.streamOf(k) !== stream) continue;
    const tcp = tcpNode(capture, k);
    if (tcp) yield { frame: k, tcp };
  }
}

/** The latest earlier frame of the same stream sent by the other side (srcPort tells the sides apart). */
export function peerBefore(capture: SentenceCapture, n: number, stream: number, srcPort: number): { frame: number; tcp: readonly Field[] } | undefined {
  for (const s of streamBefore(capture, n, stream)) if (num(s.tcp, 'tcp.srcport') !== srcPort) return s;
  return undefined;
}

/** The latest earlier frame of the same stream sent by the same side. */
export function ownBefore(capture: SentenceCapture, n: number, stream: number, srcPort: number): { frame: number; tcp: readonly Field[] } | undefined {
  for (const s of streamBefore(capture, n, stream)) if (num(s.tcp, 'tcp.srcport') === srcPort) return s;
  return undefined;
}
