// The finished analysis (second pass): per-frame fields as `tshark -2 -T fields` prints them,
// explanations, connection states and conversation summaries.
import type { IpFragmentState } from './ip-fragments.ts';
import {
  A_DSACK,
  A_DUPLICATE_ACK,
  A_EXPERT_BITS,
  A_FAST_RETRANSMISSION,
  A_OUT_OF_ORDER,
  A_RETRANSMISSION,
  A_SPURIOUS_RETRANSMISSION,
  FLAG_TABLE,
} from './analysis-flags.ts';
import { STATE_NAMES } from './conn-state.ts';
import type { FieldSpec } from '../fields/spec.ts';
import { tcpFields as T } from '../layers/tcp.ts';
import { tcpSegmentFields as S } from '../layers/tcp-segment.ts';
import { A, FLAG_FIELDS } from './field-specs.ts';
import type { ExplainContext, Explanation } from './explain.ts';
import { seqLT, seqRel } from './seq.ts';
import type { TransactionTable } from './transactions.ts';
import { FIN_SEEN, LAST_ACK_SET, SYN_SEEN } from './flow-state.ts';
import { type AnalyzerState, type Flow, flowB, type Stream } from './tcp-analyzer.ts';
import { TH_ACK, TH_FIN, TH_SYN, type AnalysisField, type ConnState, type ConversationSummary, type TcpSegmentInput, type UdpDatagramInput } from './types.ts';

/** The duplicate ACK's flag field, which Wireshark also shows beside the ACK number. */
const DUPLICATE_ACK = FLAG_FIELDS.get(A_DUPLICATE_ACK) as FieldSpec;

/** Seconds with nine decimals, as tshark prints relative times. */
function formatSeconds(ns: number | bigint): string {
  let v = Math.round(Number(ns));
  const neg = v < 0;
  if (neg) v = -v;
  const sec = Math.floor(v / 1e9);
  return (neg ? '-' : '') + sec + '.' + String(v - sec * 1e9).padStart(9, '0');
}

/** Everything the analysis knows about one segment, as numbers (the glue formats them). */
export interface SegmentFacts {
  stream: number;
  completeness: number;
  /** Relative sequence, acknowledgment (raw when the ACK flag is clear) and next sequence numbers. */
  seq: number;
  ack: number;
  nxtseq: number;
  /** Calculated window; the scaling factor as Wireshark shows it (128, -1 unknown, -2 none), null on SYNs. */
  windowSize: number;
  scaleFactor: number | null;
  /** SACK edges relative to the acknowledged side. */
  sack: Array<[number, number]> | null;
  /** The first SACK block is a D-SACK (RFC 2883). */
  dsack: boolean;
  timeRelativeNs: number;
  timeDeltaNs: number;
  /** Wireshark shows the [SEQ/ACK analysis] subtree. */
  analysisSubtree: boolean;
  /** 0 / -1 when absent. */
  acksFrame: number;
  ackRttNs: number;
  initialRttNs: number;
  bytesInFlight: number;
  pushBytesSent: number;
  /** Analysis flag bits (analysis-flags.ts), D-SACK excluded. */
  flags: number;
  /**
   * Read just after the segment was added (one-pass reading): whether these
   * facts already are what the whole capture will say for the fields of
   * LIVE_FIELDS (session-adapter.ts). They are once the relative numbers'
   * bases are final: the sender's SYN was seen and, when the segment
   * acknowledges, the other side's too. A base taken from a first data
   * segment instead could still move to a SYN seen later.
   */
  settled: boolean;
  rtoNs: number;
  rtoFrame: number;
  dupAckNum: number;
  dupAckFrame: number;
  reassembledIn: number;
  reassembled: ReassembledPdu | null;
  /**
   * What the dissector should do with the payload: 'dissect' as usual; 'segment' (part of a PDU
   * completed in a later frame: Info gets " [TCP segment of a reassembled PDU]"); 'repeat' (a
   * retransmitted copy or out-of-order segment: Wireshark does not hand it to the application
   * dissector; see REPEATS).
   */
  payload: 'dissect' | 'segment' | 'repeat';
  /** The layer a heuristic bound the conversation to by this frame ('' none). */
  app: string;
}

/**
 * Segments whose payload tshark 4.0 hands to no further dissector: plain and
 * spurious retransmissions and out-of-order segments. A fast retransmission's
 * payload is dissected (observed with tshark -2 on captures/recorded/tcp-loss).
 */
const REPEATS = A_RETRANSMISSION | A_SPURIOUS_RETRANSMISSION | A_OUT_OF_ORDER;

/** A SegmentFacts to fill (every member present, so every one has the same shape). */
export function blankFacts(): SegmentFacts {
  return {
    stream: 0,
    completeness: 0,
    seq: 0,
    ack: 0,
    nxtseq: 0,
    windowSize: 0,
    scaleFactor: null,
    sack: null,
    dsack: false,
    timeRelativeNs: 0,
    timeDeltaNs: 0,
    analysisSubtree: false,
    acksFrame: 0,
    ackRttNs: -1,
    initialRttNs: -1,
    bytesInFlight: -1,
    pushBytesSent: -1,
    flags: 0,
    settled: false,
    rtoNs: -1,
    rtoFrame: 0,
    dupAckNum: 0,
    dupAckFrame: 0,
    reassembledIn: 0,
    reassembled: null,
    payload: 'dissect',
    app: '',
  };
}

export interface ReassembledPdu {
  /** In sequence order: the frame completing the PDU may come anywhere in the list. */
  frames: number[];
  lengths: number[];
  /** Where the PDU's bytes start within each frame's TCP payload. */
  offsets: number[];
  total: number;
  kind: string;
  /** The frame that completes it. */
  completedIn: number;
  /** "[3 Reassembled TCP Segments (4606 bytes): #8(1460), #9(1460), #10(1686)]" */
  label: string;
}

/** An explanation by key and parameters; the words come from the strings (explanationText). */
export interface FrameExplanation extends Explanation {
  /** Wireshark field of the flag ("tcp.analysis.retransmission"), or "tcp.options.sack.dsack". */
  field: string;
}

export interface ConversationAnalysis {
  readonly state: AnalyzerState;
  /** DNS and ICMP echo requests matched with their responses (the first pass fills it). */
  readonly transactions?: TransactionTable;
  /** Which frames make each reassembled IPv4/IPv6 datagram (the first pass fills it). */
  readonly ipFragments?: IpFragmentState;
  /** Stream index of a TCP frame, -1 if the frame was not given as TCP. */
  streamOf(frame: number): number;
  udpStreamOf(frame: number): number;
  /** Analysis flag bits (analysis-flags.ts) of a frame. */
  flagsOf(frame: number): number;
  /** What the analysis knows about one segment (the same input given in the first pass). */
  facts(seg: TcpSegmentInput): SegmentFacts | null;
  /** facts() written into `into` (reused frame after frame by one-pass reading); null as facts(). */
  factsInto(seg: TcpSegmentInput, into: SegmentFacts): SegmentFacts | null;
  /** Generated TCP fields of one segment, as `tshark -2 -T fields` prints them. */
  tcpFields(seg: TcpSegmentInput): AnalysisField[];
  udpFields(d: UdpDatagramInput): AnalysisField[];
  /** What to explain about every flag on this segment, by key and parameters (words: explanationText). */
  explain(seg: TcpSegmentInput): FrameExplanation[];
  /** Each endpoint's RFC 9293 state just after this frame (a = conversation endpoint A). */
  connectionStates(frame: number): { a: ConnState; b: ConnState } | null;
  summary(stream: number): ConversationSummary | null;
  streamCount(): number;
  /** The reassembled message completed in this frame, if any. */
  reassembled(frame: number): ReassembledPdu | null;
  reassembledIn(frame: number): number;
}

/** `from` sent a FIN by `frame` that `to` (null: a side that never sent) never acknowledged anywhere in the capture. */
function finUnanswered(from: Flow | null, to: Flow | null, frame: number): boolean {
  if (!from || (from.bits & FIN_SEEN) === 0 || frame < from.finFrame) return false;
  return !to || (to.bits & LAST_ACK_SET) === 0 || seqLT(to.lastAck, from.finNext);
}

export function finishAnalysis(st: AnalyzerState): ConversationAnalysis {
  /** Whether the segment travels from the stream's endpoint A to B. */
  const fromA = (s: Stream, seg: TcpSegmentInput): boolean =>
    s.a.port === seg.srcPort && s.a.addr === seg.src && s.bPort === seg.dstPort && s.bAddr === seg.dst;
  const flowsOf = (seg: TcpSegmentInput): { s: Stream; fwd: Flow; rev: Flow } | null => {
    const idx = st.streamOf.get(seg.frame);
    if (idx < 0) return null;
    const s = st.streams[idx];
    return fromA(s, seg) ? { s, fwd: s.a, rev: flowB(s) } : { s, fwd: flowB(s), rev: s.a };
  };

  const reassembled = (frame: number): ReassembledPdu | null => {
    const r = st.reassembly.segments.get(frame);
    if (!r) return null;
    const label = `[${r.frames.length} Reassembled TCP Segments (${r.total} bytes): ` + r.frames.map((f, i) => `#${f}(${r.lengths[i]})`).join(', ') + ']';
    return { ...r, label };
  };

  function factsInto(seg: TcpSegmentInput, into: SegmentFacts): SegmentFacts | null {
    // flowsOf without its object: this runs for every frame.
    const idx = st.streamOf.get(seg.frame);
    if (idx < 0) return null;
    const s = st.streams[idx];
    const ab = fromA(s, seg);
    const b = flowB(s);
    const fwd = ab ? s.a : b;
    const rev = ab ? b : s.a;
    const f = seg.flags;
    const isSyn = (f & TH_SYN) !== 0;
    const frame = seg.frame;
    const relSeq = seqRel(seg.seqRaw >>> 0, fwd.base);
    const scale = isSyn ? null : fwd.scale;
    // A segment whose options the snap length cut counts in the analysis, but Wireshark stops in
    // its options before showing any of it: no SEQ/ACK analysis, no flags, no D-SACK.
    const shown = !seg.options.cut;
    const fl = shown ? st.analysis.get(frame) : 0;
    const sack = seg.options.sack;
    const acks = shown ? st.acksFrame.get(frame) : 0;
    const bif = shown ? st.bytesInFlight.get(frame) : -1;
    // Wireshark's SEQ/ACK analysis subtree exists only when the frame acknowledges something,
    // has bytes in flight, or carries an analysis flag; the iRTT is shown inside it.
    const subtree = acks > 0 || bif >= 0 || (fl & A_EXPERT_BITS) !== 0;
    // Notes are kept only for flagged frames; reassembly maps are empty when it is off.
    const note = fl ? st.notes.get(frame) : undefined;
    const re = st.reassembly;
    const assembling = re.reassembledIn.size > 0 || (re.unfinished?.size ?? 0) > 0;
    const x = into;
    x.stream = s.index;
    x.completeness = s.completeness;
    x.app = s.app && frame >= s.appFrom ? s.app : '';
    x.seq = relSeq;
    x.ack = f & TH_ACK ? seqRel(seg.ackRaw >>> 0, rev.base) : seg.ackRaw >>> 0;
    x.nxtseq = (relSeq + seg.payloadLength + (isSyn ? 1 : 0) + (f & TH_FIN ? 1 : 0)) >>> 0;
    // Shift counts are at most 14 (RFC 7323 2.3).
    x.windowSize = scale !== null && scale >= 0 ? seg.windowRaw * (1 << scale) : seg.windowRaw;
    x.scaleFactor = scale === null ? null : scale >= 0 ? 1 << scale : scale;
    // The bits, not the accessors: this runs for every frame.
    x.settled = (fwd.bits & SYN_SEEN) !== 0 && ((f & TH_ACK) === 0 || (rev.bits & SYN_SEEN) !== 0);
    x.sack = sack ? sack.map(([le, re]) => [seqRel(le >>> 0, rev.base), seqRel(re >>> 0, rev.base)] as [number, number]) : null;
    x.dsack = (fl & A_DSACK) !== 0;
    // As the analysis noted it (BigInt arithmetic costs more than the rest of this function).
    const rel = st.relNs.get(frame);
    x.timeRelativeNs = Number.isNaN(rel) ? Number(seg.time - s.firstTime) : rel;
    x.timeDeltaNs = st.deltaNs.get(frame);
    x.analysisSubtree = subtree;
    x.acksFrame = acks;
    x.ackRttNs = acks > 0 ? st.ackRttNs.get(frame) : -1;
    x.initialRttNs = subtree && s.irtt >= 0 ? s.irtt : -1;
    x.bytesInFlight = bif;
    x.pushBytesSent = shown ? st.pushBytes.get(frame) : -1;
    x.flags = fl & A_EXPERT_BITS;
    x.rtoNs = fl & A_RETRANSMISSION && note?.rtoFrame ? (note.rtoNs ?? 0) : -1;
    x.rtoFrame = fl & A_RETRANSMISSION && note?.rtoFrame ? note.rtoFrame : 0;
    x.dupAckNum = fl & A_DUPLICATE_ACK ? (note?.dupAckNum ?? 0) : 0;
    x.dupAckFrame = fl & A_DUPLICATE_ACK ? (note?.dupAckFrame ?? 0) : 0;
    x.reassembledIn = assembling ? (re.reassembledIn.get(frame) ?? 0) : 0;
    x.reassembled = re.segments.size > 0 ? reassembled(frame) : null;
    x.payload =
      fl & REPEATS ? 'repeat' : assembling && (re.reassembledIn.has(frame) || re.unfinished?.has(frame)) && !re.segments.has(frame) ? 'segment' : 'dissect';
    return x;
  }

  function facts(seg: TcpSegmentInput): SegmentFacts | null {
    return factsInto(seg, blankFacts());
  }

  function tcpFields(seg: TcpSegmentInput): AnalysisField[] {
    const x = facts(seg);
    if (!x) return [];
    const out: AnalysisField[] = [];
    const add = (spec: FieldSpec, v: string | number): void => {
      out.push({ name: spec.name, show: String(v) });
    };
    add(A.stream, x.stream);
    add(A.completeness, x.completeness);
    add(T.len, seg.payloadLength);
    add(T.seq, x.seq);
    add(T.seqRaw, seg.seqRaw >>> 0);
    add(T.nxtseq, x.nxtseq);
    add(T.ack, x.ack);
    add(T.ackRaw, seg.ackRaw >>> 0);
    add(T.windowSize, x.windowSize);
    if (x.scaleFactor !== null) add(T.scaleFactor, x.scaleFactor);
    if (x.sack) {
      for (const [le, re] of x.sack) {
        add(T.sackLe, le);
        add(T.sackRe, re);
      }
      if (x.dsack) {
        add(A.dsackLe, x.sack[0][0]);
        add(A.dsackRe, x.sack[0][1]);
        add(A.dsack, 1);
      }
    }
    add(A.timeRelative, formatSeconds(x.timeRelativeNs));
    add(A.timeDelta, formatSeconds(x.timeDeltaNs));
    if (x.acksFrame > 0) {
      add(A.acksFrame, x.acksFrame);
      add(A.ackRtt, formatSeconds(x.ackRttNs));
    }
    if (x.analysisSubtree) add(A.analysis, 1);
    if (x.initialRttNs >= 0) add(A.initialRtt, formatSeconds(x.initialRttNs));
    if (x.bytesInFlight >= 0) add(A.bytesInFlight, x.bytesInFlight);
    if (x.pushBytesSent >= 0) add(A.pushBytesSent, x.pushBytesSent);
    const fl = x.flags;
    if (fl) {
      add(A.flags, 1);
      // Fast and spurious retransmissions are also listed as retransmissions.
      const shown = fl & (A_FAST_RETRANSMISSION | A_SPURIOUS_RETRANSMISSION) ? fl | A_RETRANSMISSION : fl;
      for (const [bit, spec] of FLAG_FIELDS) if (shown & bit) add(spec, 1);
      if (x.rtoFrame) {
        add(A.rto, formatSeconds(x.rtoNs));
        add(A.rtoFrame, x.rtoFrame);
      }
      if (fl & A_DUPLICATE_ACK) {
        // Wireshark puts this item both in the flags subtree and beside the ACK number.
        add(DUPLICATE_ACK, 1);
        add(A.duplicateAckNum, x.dupAckNum);
        add(A.duplicateAckFrame, x.dupAckFrame);
      }
    }
    if (x.reassembledIn) add(S.reassembledIn, x.reassembledIn);
    const r = x.reassembled;
    if (r) {
      for (const fr of r.frames) add(S.segment, fr);
      add(S.segmentCount, r.frames.length);
      add(S.reassembledLength, r.total);
    }
    return out;
  }

  function explain(seg: TcpSegmentInput): FrameExplanation[] {
    const ff = flowsOf(seg);
    if (!ff) return [];
    const { fwd, rev } = ff;
    // A cut segment shows no flags (see factsInto): nothing to explain.
    const fl = seg.options.cut ? 0 : st.analysis.get(seg.frame);
    if (!fl) return [];
    const first = seqRel(seg.seqRaw >>> 0, fwd.base);
    const isSyn = (seg.flags & TH_SYN) !== 0;
    const sack = seg.options.sack;
    const c: ExplainContext = {
      frame: seg.frame,
      first,
      last: first + seg.payloadLength - 1,
      nextExpected: first + 1,
      ack: seg.flags & TH_ACK ? seqRel(seg.ackRaw >>> 0, rev.base) : 0,
      window: !isSyn && fwd.scale >= 0 ? seg.windowRaw * (1 << fwd.scale) : seg.windowRaw,
      note: st.notes.get(seg.frame),
      control: seg.payloadLength > 0 ? undefined : seg.flags & TH_FIN ? 'FIN' : isSyn ? 'SYN' : undefined,
      // Only a block the analysis judged a D-SACK is one; an ordinary SACK above the ACK is not.
      dsack: fl & A_DSACK && sack?.length ? [seqRel(sack[0][0] >>> 0, rev.base), seqRel(sack[0][1] >>> 0, rev.base)] : undefined,
      dsackBelowAck: fl & A_DSACK && sack?.length ? seqLT(sack[0][0] >>> 0, seg.ackRaw >>> 0) : undefined,
      irttKnown: ff.s.irtt > 0,
    };
    const out: FrameExplanation[] = [];
    for (const info of FLAG_TABLE) {
      if (!(fl & info.bit)) continue;
      out.push({ field: info.field, key: info.explain, params: c });
    }
    if (fl & A_DSACK) out.push({ field: A.dsack.name, key: 'dsack', params: c });
    return out;
  }

  function summary(i: number): ConversationSummary | null {
    const s = st.streams[i];
    if (!s) return null;
    const [a, b] = s.aIsClient || s.synFrame === 0 ? [s.a, flowB(s)] : [flowB(s), s.a];
    const rst = a.rstFrame && b.rstFrame ? Math.min(a.rstFrame, b.rstFrame) : a.rstFrame || b.rstFrame;
    const ending = rst ? 'rst' : a.finSeen && b.finSeen ? 'fin-both' : a.finSeen ? 'fin-a' : b.finSeen ? 'fin-b' : 'open';
    return {
      stream: s.index,
      a: { address: a.addr, port: a.port },
      b: { address: b.addr, port: b.port },
      firstFrame: s.firstFrame,
      lastFrame: s.lastFrame,
      packetsAtoB: a.packets,
      packetsBtoA: b.packets,
      bytesAtoB: a.bytes,
      bytesBtoA: b.bytes,
      durationNs: s.lastTime - s.firstTime,
      handshakeRttNs: s.irtt >= 0 ? BigInt(s.irtt) : null,
      retransmissions: a.retransmissions + b.retransmissions,
      ending,
      rstFrame: rst || null,
      reusedPorts: s.reusedPorts,
    };
  }

  return {
    state: st,
    streamOf: (f) => st.streamOf.get(f),
    udpStreamOf: (f) => st.udpStreamOf.get(f),
    flagsOf: (f) => st.analysis.get(f),
    facts,
    factsInto,
    tcpFields,
    udpFields(d) {
      const i = st.udpStreamOf.get(d.frame);
      if (i < 0) return [];
      return [
        { name: A.udpStream.name, show: String(i) },
        { name: A.udpTimeRelative.name, show: formatSeconds(d.time - st.udpFirstTime[i]) },
        { name: A.udpTimeDelta.name, show: formatSeconds(st.udpDeltaNs.get(d.frame)) },
      ];
    },
    explain,
    connectionStates(frame) {
      const i = st.streamOf.get(frame);
      if (i < 0) return null;
      const s = st.streams[i];
      const b = s.b;
      // The states assume each segment arrived. A FIN the other side never acknowledged in the
      // whole capture may never have reached it, so from that FIN on its state cannot be told.
      const sa = finUnanswered(b, s.a, frame) ? 'unknown' : STATE_NAMES[st.stateA.get(frame)];
      const sb = finUnanswered(s.a, b, frame) ? 'unknown' : STATE_NAMES[st.stateB.get(frame)];
      // Report from the summary's endpoint A (the client when known).
      return s.aIsClient || s.synFrame === 0 ? { a: sa, b: sb } : { a: sb, b: sa };
    },
    summary,
    streamCount: () => st.streams.length,
    reassembled,
    reassembledIn: (f) => st.reassembly.reassembledIn.get(f) ?? 0,
  };
}
