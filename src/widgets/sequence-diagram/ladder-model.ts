// The data behind a sequence (ladder) diagram of one TCP stream: every
// segment with its direction, flags, numbers and what the TCP analysis says
// about it. Built at build time from the decoder and the analysis; the
// browser only reads the result (it never loads the decoder for the ladder).

import type { OpenedCapture } from '../../decoder/open-capture.ts';
import { endpointText } from '../../decoder/text/endpoint.ts';
import type { Field } from '../../decoder/types.ts';
import { findField } from '../../decoder/fields/find.ts';
import { FLAG_TABLE, A_LOST_PACKET, TH_ACK, TH_RST } from '../../decoder/analysis/index.ts';
import type { ConversationAnalysis, TcpSegmentInput } from '../../decoder/analysis/index.ts';
import type { Explanation } from '../../decoder/analysis/explain.ts';

export interface LadderEndpoint {
  /** The sidecar's host name, else the address. */
  name: string;
  address: string;
  port: number;
}

export interface LadderSegment {
  frame: number;
  /** Seconds since the stream's first segment (for one without a time, the segment's before). */
  t: number;
  /** The file gives this segment no time (a pcapng simple packet): the table shows none. */
  noTime?: true;
  fromA: boolean;
  /** Flag names as the Info column lists them ("SYN, ACK"). */
  flags: string;
  rst: boolean;
  seq: number;
  /** Null when the ACK flag is off. */
  ack: number | null;
  len: number;
  /** Analysis results by short key ("retransmission", "duplicate_ack"), plus "rst". */
  marks: string[];
  /** What the analysis explains about it, by key (put into words by explanationText). */
  explain: Explanation[];
  /** Each endpoint's state just after this segment ('unknown' for a side the capture cannot tell, put into words by stateLabel); null when neither is known. */
  states: [string, string] | null;
  /** Bytes the analysis says were sent before this segment but not captured (relative). */
  lost?: [number, number];
}

export interface LadderModel {
  stream: number;
  a: LadderEndpoint;
  b: LadderEndpoint;
  /** Seq and ack are relative (the analysis ran) or raw. */
  relative: boolean;
  /** Estimated one-way delay in seconds (half the handshake RTT), null when unknown. */
  owd: number | null;
  /** Where the capture point sits between A (0) and B (1), from the handshake; null when unknown. */
  captureAt: number | null;
  segments: LadderSegment[];
}

export interface HostNames {
  A?: { name: string; address: string };
  B?: { name: string; address: string };
}

function segmentOf(capture: OpenedCapture, n: number): { seg: TcpSegmentInput; tree: Field[]; noTime: boolean } | undefined {
  const seg = capture.tcpSegment(n);
  return seg && { seg, tree: capture.dissect(n).tree, noTime: capture.frames[n - 1]?.noTime === true };
}

function flagNames(tree: readonly Field[]): string {
  const f = findField(tree, 'tcp.flags');
  return f?.display.match(/\(([^)]*)\)\s*$/)?.[1] ?? '';
}

/**
 * The frames of one stream, read from the analysis without dissecting the
 * rest of the capture (which may hold 700,000 frames); at most `limit`.
 */
function framesOfStream(analysis: ConversationAnalysis, stream: number, limit: number): number[] {
  const summary = analysis.summary(stream);
  const out: number[] = [];
  if (!summary) return out;
  for (let n = summary.firstFrame; n <= summary.lastFrame && out.length < limit; n++) if (analysis.streamOf(n) === stream) out.push(n);
  return out;
}

/** The ladder of TCP stream `stream` (Wireshark's tcp.stream numbering), or undefined. */

export function buildLadder(capture: OpenedCapture, stream: number, hosts: HostNames = {}, opts: { limit?: number } = {}): LadderModel | undefined {
  const analysis: ConversationAnalysis | undefined = capture.analysis;
  const numbers = opts.limit !== undefined && analysis ? framesOfStream(analysis, stream, opts.limit) : capture.frames.map((r) => r.number);
  const all: { seg: TcpSegmentInput; tree: Field[]; noTime: boolean }[] = [];
  for (const n of numbers) {
    const s = segmentOf(capture, n);
    if (s) all.push(s);
  }
  // Without the analysis, streams are told apart by address and port pairs, in order of appearance.
  const keyOf = (s: TcpSegmentInput) => [`${s.src}|${s.srcPort}`, `${s.dst}|${s.dstPort}`].sort().join('/');
  const keys: string[] = [];
  const streamOf = (s: TcpSegmentInput): number => {
    const i = analysis?.streamOf(s.frame);
    if (i !== undefined && i >= 0) return i;
    const k = keyOf(s);
    if (!keys.includes(k)) keys.push(k);
    return keys.indexOf(k);
  };
  const mine = all.filter((s) => streamOf(s.seg) === stream);
  if (mine.length === 0) return undefined;
  const summary = analysis?.summary(stream) ?? null;
  const first = mine[0].seg;
  const aAddr = summary?.a.address ?? first.src;
  const aPort = summary?.a.port ?? first.srcPort;
  const bAddr = summary?.b.address ?? first.dst;
  const bPort = summary?.b.port ?? first.dstPort;
  const nameOf = (address: string, port: number) => [hosts.A, hosts.B].find((h) => h && h.address === address)?.name ?? endpointText(address, port);
  // A segment the file gives no time (a pcapng simple packet) is drawn where the one before it is.
  const t0 = mine.find((s) => !s.noTime)?.seg.time ?? first.time;
  let lastT = 0;
  const segments = mine.map(({ seg, tree, noTime }): LadderSegment => {
    const t = noTime ? lastT : Number(seg.time - t0) / 1e9;
    lastT = t;
    const fields = analysis?.tcpFields(seg) ?? [];
    const num = (name: string) => {
      const f = fields.find((x) => x.name === name);
      return f ? Number(f.show) : undefined;
    };
    const bits = analysis?.flagsOf(seg.frame) ?? 0;
    const marks = FLAG_TABLE.filter((f) => bits & f.bit).map((f) => f.field.slice('tcp.analysis.'.length));
    const rst = (seg.flags & TH_RST) !== 0;
    if (rst) marks.push('rst');
    const note = analysis?.state.notes.get(seg.frame);
    const lost: [number, number] | undefined =
      bits & A_LOST_PACKET && note?.gapFrom !== undefined && note.gapTo !== undefined ? [note.gapFrom, note.gapTo - 1] : undefined;
    const st = analysis?.connectionStates(seg.frame) ?? null;
    const fromA = seg.src === aAddr && seg.srcPort === aPort;
    return {
      frame: seg.frame,
      t,
      ...(noTime ? { noTime: true } : {}),
      fromA,
      flags: flagNames(tree),
      rst,
      seq: num('tcp.seq') ?? seg.seqRaw,
      ack: seg.flags & TH_ACK ? (num('tcp.ack') ?? seg.ackRaw) : null,
      len: seg.payloadLength,
      marks,
      explain: analysis?.explain(seg).map(({ key, params }) => ({ key, params })) ?? [],
      states: st && (st.a !== 'unknown' || st.b !== 'unknown') ? [st.a, st.b] : null,
      ...(lost ? { lost } : {}),
    };
  });
  const rtt = summary?.handshakeRttNs;
  // The handshake as the capture saw it: SYN (t1), SYN-ACK (t2), the ACK completing it (t3).
  // B answered after t2 - t1 = 2(1-f)D and A after t3 - t2 = 2fD, so f = (t3 - t2) / (t3 - t1).
  const syn = segments.find((s) => s.fromA && s.flags === 'SYN');
  const synAck = syn && segments.find((s) => !s.fromA && s.frame > syn.frame && /SYN/.test(s.flags));
  const ack = synAck && segments.find((s) => s.fromA && s.frame > synAck.frame && !/SYN/.test(s.flags));
  const captureAt = syn && synAck && ack && ack.t > syn.t ? Math.min(1, Math.max(0, (ack.t - synAck.t) / (ack.t - syn.t))) : null;
  return {
    stream,
    a: { name: nameOf(aAddr, aPort), address: aAddr, port: aPort },
    b: { name: nameOf(bAddr, bPort), address: bAddr, port: bPort },
    relative: analysis !== undefined,
    owd: rtt !== null && rtt !== undefined && rtt > 0n ? Number(rtt) / 2e9 : null,
    captureAt,
    segments,
  };
}
