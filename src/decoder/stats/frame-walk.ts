// Every frame of an opened capture with what the statistics read: its
// dissection, its length on the wire and its time since the first frame.

import type { DissectedFrame } from '../dissect.ts';
import type { OpenedCapture } from '../open-capture.ts';

export interface StatFrame {
  number: number;
  /** Bytes on the wire (frame.len), which tshark's statistics sum. */
  length: number;
  /** Nanoseconds since the first frame. */
  relNs: bigint;
  frame: DissectedFrame;
}

export function* statFrames(cap: OpenedCapture): Generator<StatFrame> {
  const first = cap.frames[0]?.timestamp ?? 0n;
  for (const r of cap.frames) yield { number: r.number, length: r.origLen, relNs: r.timestamp - first, frame: cap.dissect(r.number) };
}

/** Seconds as a double, the way Wireshark turns a time into one (whole seconds plus nanoseconds / 1e9). */
export function nsToSeconds(ns: bigint): number {
  const s = ns / 1_000_000_000n;
  return Number(s) + Number(ns - s * 1_000_000_000n) / 1e9;
}
