// One capture file, opened for reading in a page or a lesson check: its index,
// each frame's packet-list row, and the full dissection of any frame on demand.
// Widgets, quizzes and lesson checks all read captures through this.

import type { CaptureError, FrameRecord } from './types.ts';
import type { CaptureIndex } from './capture/capture-types.ts';
import { frameData, readCapture } from './capture/index.ts';
import { compileWanted, createExtractor, dissectFrame, type DissectedFrame, type DissectSession } from './dissect.ts';
import { createAnalysisSessions } from './analysis/session-adapter.ts';
import type { ConversationAnalysis } from './analysis/analysis.ts';
import type { TcpSegmentInput } from './analysis/types.ts';
import { ipv4Text, ipv6Text } from './fields/format.ts';
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
  /** Every frame's packet-list row, in order. */
  summaries(): FrameSummary[];
  /** Frame n's TCP segment as the analysis reads it, or undefined when it carries none. */
  tcpSegment(n: number): TcpSegmentInput | undefined;
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
      // A frame completing a reassembled PDU takes the bytes its earlier segments left in the session.
      const pdu = analysis.reassembled(n);
      if (pdu) for (const f of pdu.frames) if (f < n) dissect(f);
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
    tcpSegment: (n) => tcpSegmentOf(n, frames[n - 1], dissect(n), frameData(bytes, frames[n - 1])),
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

function tcpSegmentOf(n: number, record: FrameRecord, d: DissectedFrame, data: Uint8Array): TcpSegmentInput | undefined {
  const tcp = d.layers.tcp;
  const v4 = d.layers.ipv4;
  const v6 = d.layers.ipv6;
  if (!tcp || (!v4 && !v6)) return undefined;
  const o = tcp.options;
  return {
    frame: n,
    time: record.timestamp,
    src: v4 ? ipv4Text(v4.src) : ipv6Text(v6!.src),
    dst: v4 ? ipv4Text(v4.dst) : ipv6Text(v6!.dst),
    srcPort: tcp.srcPort,
    dstPort: tcp.dstPort,
    seqRaw: tcp.seq,
    ackRaw: tcp.ack,
    flags: tcp.flags,
    windowRaw: tcp.window,
    payloadLength: tcp.payloadLength,
    options: { mss: o.mss, wscale: o.wscale, sackPerm: o.sackPermitted, sack: o.sack, tsval: o.tsval, tsecr: o.tsecr },
    payload: data.subarray(tcp.payloadOffset, tcp.payloadOffset + tcp.payloadCaptured),
  };
}
