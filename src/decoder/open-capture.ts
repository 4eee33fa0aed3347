// One capture file, opened for reading in a page or a lesson check: its index,
// each frame's packet-list row, and the full dissection of any frame on demand.
// Widgets, quizzes and lesson checks all read captures through this.

import type { CaptureError, FrameRecord } from './types.ts';
import type { CaptureIndex } from './capture/capture-types.ts';
import { frameData, readCapture } from './capture/index.ts';
import { compileWanted, createExtractor, dissectFrame, type DissectedFrame, type DissectSession } from './dissect.ts';
import { createAnalysisSessions, secondPassSession } from './analysis/session-adapter.ts';
import type { ConversationAnalysis } from './analysis/analysis.ts';
import type { TcpSegmentInput } from './analysis/types.ts';
import { tcpSegmentInput } from './analysis/segment-input.ts';
import { plainTcpSegment } from './analysis/header-walk.ts';
import { secondsText } from './text/seconds.ts';

export { secondsText } from './text/seconds.ts';

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
  /** Frame n's packet-list row. */
  summary(n: number): FrameSummary;
  /** Every frame's packet-list row, in order. */
  summaries(): FrameSummary[];
  /** A fresh second-pass session, for a walk over every frame in order (a display filter). */
  walkSession(): DissectSession;
  /** Frame n's TCP segment as the analysis reads it, or undefined when it carries none. */
  tcpSegment(n: number): TcpSegmentInput | undefined;
}

/** The conversation analysis after the first pass, and the session for the second. */
export type Analysed = { analysis: ConversationAnalysis; secondPass: DissectSession };

export interface OpenOptions {
  /** The first pass, made already (while the file was read: createFirstPass). */
  analysed?: Analysed;
  /**
   * Keep at most this many dissected frames (the oldest go first). A page
   * showing a capture of 700,000 frames must not hold every details tree.
   */
  cacheLimit?: number;
}

export function openCapture(bytes: Uint8Array, options: OpenOptions = {}): OpenedCapture {
  return openIndexed(bytes, readCapture(bytes), options);
}

/** Open a capture already indexed (the index can be shown while the analysis runs). */
export function openIndexed(bytes: Uint8Array, index: CaptureIndex, options: OpenOptions = {}): OpenedCapture {
  const frames = index.frames;
  const first = frames[0]?.timestamp ?? 0n;
  const limit = options.cacheLimit ?? Infinity;
  // A Map iterates in insertion order: its first key is the oldest entry.
  const cache = new Map<number, DissectedFrame>();
  let rows: FrameSummary[] | undefined;
  const { analysis, secondPass } = options.analysed ?? analyse(bytes, frames);

  const dissectNow = (n: number, record: FrameRecord): DissectedFrame => {
    const iface = index.interfaces[record.interfaceId];
    return dissectFrame(record, frameData(bytes, record), {
      firstTimestamp: first,
      previousTimestamp: frames[n - 2]?.timestamp ?? record.timestamp,
      interfaceName: iface?.name,
      interfaceDescription: iface?.description,
      session: secondPass,
    });
  };

  const dissect = (n: number): DissectedFrame => {
    let d = cache.get(n);
    if (!d) {
      const record = frames[n - 1];
      if (!record) throw new RangeError(`frame ${n} is not in this capture (it has ${frames.length} frames)`);
      // A frame completing a reassembled PDU takes the bytes its earlier segments
      // leave in the session as they pass: pass them again, cached or not.
      const pdu = analysis.reassembled(n);
      if (pdu) for (const f of pdu.frames) if (f < n) dissectNow(f, frames[f - 1]);
      // The same for an IP datagram's earlier fragments.
      const datagram = analysis.ipFragments?.datagrams.get(n);
      if (datagram) for (const f of datagram.frames) if (f < n) dissectNow(f, frames[f - 1]);
      d = dissectNow(n, record);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as number);
      cache.set(n, d);
    }
    return d;
  };

  const summary = (n: number): FrameSummary => {
    const record = frames[n - 1];
    const d = dissect(n);
    return {
      number: record.number,
      // A record without a time (simple packet, custom block) shows none, as Wireshark's list.
      time: record.noTime ? '' : secondsText(record.timestamp - first),
      source: d.columns.source,
      destination: d.columns.destination,
      protocol: d.columns.protocol,
      length: record.origLen,
      info: d.columns.info,
      malformed: d.malformed,
    };
  };

  return {
    index,
    frames,
    error: index.error,
    analysis,
    data: (n) => frameData(bytes, frames[n - 1]),
    dissect,
    tcpSegment(n) {
      // A plain Ethernet/IPv4 segment is read from its headers: a graph of 700,000 segments reads them all.
      const plain = plainTcpSegment(frames[n - 1], frameData(bytes, frames[n - 1]));
      if (plain) return plain;
      const { tcp, tcpIp } = dissect(n).layers;
      return (tcp && tcpSegmentInput(frames[n - 1], tcp, tcpIp, frameData(bytes, frames[n - 1]))) ?? undefined;
    },
    summary,
    summaries() {
      rows ??= frames.map((record) => summary(record.number));
      return rows;
    },
    walkSession: () => secondPassSession(analysis),
  };
}

/** What a first pass asks of the dissector: dns.id keeps the DNS layer running, which notes queries and responses for matching. */
export const FIRST_PASS_FIELDS: readonly string[] = ['frame.number', 'dns.id'];

/**
 * The first pass, as tshark -2 makes it: every frame once, in order, so that
 * each frame's dissection can then use facts from the whole capture. Frames
 * may be added as they are read; `bytes` must hold each one when it is added.
 */
export function createFirstPass(bytes: Uint8Array): { add(record: FrameRecord): void; finish(): Analysed } {
  const sessions = createAnalysisSessions();
  const extract = createExtractor(compileWanted(FIRST_PASS_FIELDS));
  return {
    add(record) {
      const data = frameData(bytes, record);
      // Plain Ethernet/IPv4 TCP and UDP frames go straight to the analysis, without a dissection.
      if (!sessions.walkFirstPass(record, data)) extract(record, data, sessions.firstPass);
    },
    finish: () => sessions.finish(),
  };
}

function analyse(bytes: Uint8Array, frames: readonly FrameRecord[]): Analysed {
  const pass = createFirstPass(bytes);
  for (const record of frames) pass.add(record);
  return pass.finish();
}
