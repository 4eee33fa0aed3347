// One capture file, opened for reading in a page or a lesson check: its index,
// each frame's packet-list row, and the full dissection of any frame on demand.
// Widgets, quizzes and lesson checks all read captures through this.

import type { CaptureError, FrameRecord } from './types.ts';
import type { CaptureIndex } from './capture/capture-types.ts';
import { frameData, readCapture } from './capture/index.ts';
import { compileWanted, createExtractor, dissectFrame, type DissectedFrame, type DissectSession } from './dissect.ts';
import { createAnalysisSessions } from './analysis/session-adapter.ts';
import type { ConversationAnalysis } from './analysis/analysis.ts';

/** A packet-list row, as Wireshark's list pane shows it. */
export interface FrameSummary {
  number: number;
  /** Seconds since the first frame, as text with six decimals ("0.005087"). */
  time: string;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  info: string;
  malformed: boolean;
}

export interface OpenedCapture {
  index: CaptureIndex;
  frames: FrameRecord[];
  error?: CaptureError;
  /** TCP and UDP conversation analysis over the whole capture (as tshark -2). */
  analysis: ConversationAnalysis;
  /** The captured bytes of frame n (1-based). */
  data(n: number): Uint8Array;
  /** Frame n's full dissection (details tree, columns, layer records). */
  dissect(n: number): DissectedFrame;
  /** Every frame's packet-list row, in order. */
  summaries(): FrameSummary[];
}

/** Seconds as text with `digits` decimals, from exact nanoseconds. */
export function secondsText(ns: bigint, digits = 6): string {
  const negative = ns < 0n;
  const abs = negative ? -ns : ns;
  const unit = 10n ** BigInt(9 - digits);
  const rounded = (abs + unit / 2n) / unit;
  const scale = 10n ** BigInt(digits);
  const whole = rounded / scale;
  const frac = (rounded % scale).toString().padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function openCapture(bytes: Uint8Array): OpenedCapture {
  const index = readCapture(bytes);
  const frames = index.frames;
  const first = frames[0]?.timestamp ?? 0n;
  const cache = new Map<number, DissectedFrame>();
  let rows: FrameSummary[] | undefined;
  const { analysis, secondPass } = analyse(bytes, frames);

  const dissect = (n: number): DissectedFrame => {
    let d = cache.get(n);
    if (!d) {
      const record = frames[n - 1];
      if (!record) throw new RangeError(`frame ${n} is not in this capture (it has ${frames.length} frames)`);
      const iface = index.interfaces[record.interfaceId];
      d = dissectFrame(record, frameData(bytes, record), {
        firstTimestamp: first,
        previousTimestamp: frames[n - 2]?.timestamp ?? record.timestamp,
        interfaceName: iface?.name,
        interfaceDescription: iface?.description,
        session: secondPass,
      });
      cache.set(n, d);
    }
    return d;
  };

  return {
    index,
    frames,
    error: index.error,
    analysis,
    data: (n) => frameData(bytes, frames[n - 1]),
    dissect,
    summaries() {
      rows ??= frames.map((record) => {
        const d = dissect(record.number);
        return {
          number: record.number,
          time: secondsText(record.timestamp - first),
          source: d.columns.source,
          destination: d.columns.destination,
          protocol: d.columns.protocol,
          length: record.origLen,
          info: d.columns.info,
          malformed: d.malformed,
        };
      });
      return rows;
    },
  };
}

/**
 * The first pass, as tshark -2 makes it: every frame once, in order, so that
 * each frame's dissection can then use facts from the whole capture.
 */
function analyse(bytes: Uint8Array, frames: readonly FrameRecord[]): { analysis: ConversationAnalysis; secondPass: DissectSession } {
  const sessions = createAnalysisSessions();
  const extract = createExtractor(compileWanted(['frame.number']));
  for (const record of frames) extract(record, frameData(bytes, record), sessions.firstPass);
  return sessions.finish();
}
