// Millions of minimum-size frames: the per-frame cost of everything, with a
// thousand UDP conversations so the per-stream lookups stay busy.

import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';
import { at, frame, ipv4, udpFrame } from './wire.ts';

export function tinyFrames(count: number): FrameToWrite[] {
  const src = ipv4(203, 0, 113, 1);
  const dst = ipv4(203, 0, 113, 2);
  // The frames share a thousand buffers: the writer copies them, the generator need not.
  const shapes = Array.from({ length: Math.min(count, 1000) }, (_, i) => udpFrame(src, dst, 50000 + i, 40008, new Uint8Array(4)));
  const out: FrameToWrite[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = frame(shapes[i % shapes.length], at(i, 1000));
  return out;
}
