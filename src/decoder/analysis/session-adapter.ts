// Glue between the dissector's per-capture session seam (layers/session.ts) and this analysis.
// Two passes, as `tshark -2`: the first pass feeds every TCP/UDP header to the analyzer and
// shows nothing; after `finish()`, the second pass answers each frame with the whole capture known.
import type { Sink } from '../fields/sink.ts';
import type { LayerContext } from '../layers/context.ts';
import type { DissectSession, IpFragment, IpReassembly, TcpAnalysis as LayerTcpAnalysis } from '../layers/session.ts';
import { tcpFields, type TcpHeader } from '../layers/tcp.ts';
import type { FieldSpec } from '../fields/spec.ts';
import {
  A_DUPLICATE_ACK,
  A_FAST_RETRANSMISSION,
  A_RETRANSMISSION,
  A_SPURIOUS_RETRANSMISSION,
  FLAG_TABLE,
  INFO_ORDER,
  type FlagInfo,
} from './analysis-flags.ts';
import { blankFacts, finishAnalysis, type ConversationAnalysis, type SegmentFacts } from './analysis.ts';
import { A, ANALYSIS_SPECS, FLAG_FIELDS, TCP_ANALYSED } from './field-specs.ts';
import { createTcpAnalyzer } from './tcp-analyzer.ts';
import { createHeaderWalker } from './header-walk.ts';
import { createPduBuffers, type PduBuffers } from './reassembled-buffer.ts';
import type { FrameRecord } from '../types.ts';
import { TH_FIN, type TcpSegmentInput, type UdpDatagramInput } from './types.ts';
import { createTransactionTable } from './transactions.ts';
import { tcpSegmentInput, udpDatagramInput } from './segment-input.ts';
import { createFragmentTracker } from './ip-fragments.ts';
import { createDatagramBuffers } from './ip-fragment-buffer.ts';

/** The Info column's prefixes, as Wireshark prepends them (the later ones come first). */
function infoPrefix(x: SegmentFacts): string {
  let s = '';
  for (const f of INFO_ORDER) {
    if (!(x.flags & f.bit)) continue;
    s = (f.numbered ? `[${f.info} ${x.dupAckFrame}#${x.dupAckNum}] ` : `[${f.info}] `) + s;
  }
  return s;
}

const RETRANSMISSION = FLAG_TABLE.find((f) => f.bit === A_RETRANSMISSION)!;
const DUPLICATE_ACK = FLAG_FIELDS.get(A_DUPLICATE_ACK)!;

/** One analysis flag: its field, its expert item, and for a retransmission the RTO. (Not a closure: emitAnalysis runs for every frame.) */
function emitFlag(out: Sink, x: SegmentFacts, at: number, info: FlagInfo): void {
  const spec = FLAG_FIELDS.get(info.bit);
  if (!spec) return;
  out.add(spec, at, 0);
  out.expert(info.field, info.severity, info.numbered ? `${info.message} (#${x.dupAckNum})` : info.message);
  if (info.bit === A_RETRANSMISSION && x.rtoFrame) {
    out.add(A.rto, at, 0, BigInt(x.rtoNs));
    out.add(A.rtoFrame, at, 0, x.rtoFrame);
  }
}

/** The [Timestamps] and [SEQ/ACK analysis] subtrees for one segment (the reassembly lines are the TCP layer's: tcp-segment.ts). */
function emitAnalysis(out: Sink, x: SegmentFacts, at: number): void {
  // Two BigInts a frame: made only when someone looks.
  if (out.detail || out.wants(A.timeRelative) || out.wants(A.timeDelta)) {
    out.openText('[Timestamps]', at, 0);
    out.add(A.timeRelative, at, 0, BigInt(x.timeRelativeNs));
    out.add(A.timeDelta, at, 0, BigInt(x.timeDeltaNs));
    out.close();
  }
  if (x.analysisSubtree) {
    out.open(A.analysis, at, 0);
    // BigInts only for someone who reads them (most ACKs carry an RTT).
    if (x.acksFrame > 0) {
      out.add(A.acksFrame, at, 0, x.acksFrame);
      if (out.detail || out.wants(A.ackRtt)) out.add(A.ackRtt, at, 0, BigInt(x.ackRttNs));
    }
    if (x.initialRttNs >= 0 && (out.detail || out.wants(A.initialRtt))) out.add(A.initialRtt, at, 0, BigInt(x.initialRttNs));
    if (x.bytesInFlight >= 0) out.add(A.bytesInFlight, at, 0, x.bytesInFlight);
    if (x.pushBytesSent >= 0) out.add(A.pushBytesSent, at, 0, x.pushBytesSent);
    if (x.flags) {
      out.open(A.flags, at, 0);
      // A fast or spurious retransmission is also a retransmission: Wireshark lists that right after it.
      const implied = (x.flags & (A_FAST_RETRANSMISSION | A_SPURIOUS_RETRANSMISSION)) !== 0 && (x.flags & A_RETRANSMISSION) === 0;
      for (const info of FLAG_TABLE) {
        if (!(x.flags & info.bit)) continue;
        emitFlag(out, x, at, info);
        if (implied && (info.bit === A_FAST_RETRANSMISSION || info.bit === A_SPURIOUS_RETRANSMISSION)) emitFlag(out, x, at, RETRANSMISSION);
      }
      out.close();
      if (x.flags & A_DUPLICATE_ACK) {
        out.add(DUPLICATE_ACK, at, 0);
        out.add(A.duplicateAckNum, at, 0, x.dupAckNum);
        out.add(A.duplicateAckFrame, at, 0, x.dupAckFrame);
      }
    }
    out.close();
  }
}

/**
 * The reassembly facts the TCP layer shows for one segment, added to `an`: the
 * frame that completes its PDU, or, in that frame, the PDU's bytes (kept from
 * the earlier segments as they passed).
 */
function addReassembly(an: LayerTcpAnalysis, x: SegmentFacts, h: TcpHeader, ctx: LayerContext, pdus: PduBuffers, analysis: ConversationAnalysis): void {
  const frame = ctx.record.number;
  const payload = ctx.data.subarray(h.payloadOffset, h.payloadOffset + h.payloadCaptured);
  if (x.reassembledIn) {
    an.reassembledIn = x.reassembledIn;
    const later = analysis.reassembled(x.reassembledIn);
    const i = later ? later.frames.indexOf(frame) : -1;
    if (later && i >= 0) {
      an.heldFrom = later.offsets[i];
      pdus.keep(frame, later, payload);
    }
  }
  if (x.reassembled) an.reassembled = pdus.build(frame, x.reassembled, payload);
}

/**
 * What the TCP layer shows of one segment's facts (the reassembly's part is
 * added by the caller). A class, so one-pass reading can refill one answer
 * frame after frame instead of making closures for each.
 */
class TcpAnswer implements LayerTcpAnalysis {
  stream = 0;
  seq = 0;
  ack = 0;
  windowSize = 0;
  scaleFactor: number | undefined = undefined;
  sack: Array<[number, number]> | undefined = undefined;
  repeat = false;
  app: string | undefined = undefined;
  infoPrefix = '';
  finRole: 'active' | 'passive' | undefined = undefined;
  reassembledIn: number | undefined = undefined;
  heldFrom: number | undefined = undefined;
  unfinished: boolean | undefined = undefined;
  reassembled: LayerTcpAnalysis['reassembled'] = undefined;
  private x: SegmentFacts = blankFacts();
  private offset = 0;

  set(x: SegmentFacts, offset: number, seg: TcpSegmentInput, analysis: ConversationAnalysis): this {
    this.x = x;
    this.offset = offset;
    this.stream = x.stream;
    this.seq = x.seq;
    this.ack = x.ack;
    this.windowSize = x.windowSize;
    this.scaleFactor = x.scaleFactor ?? undefined;
    this.sack = x.sack ?? undefined;
    this.repeat = x.payload === 'repeat';
    this.app = x.app || undefined;
    this.infoPrefix = x.flags ? infoPrefix(x) : '';
    const closer = seg.flags & TH_FIN ? analysis.state.streams[x.stream]?.firstFinBy : undefined;
    this.finRole = seg.flags & TH_FIN ? (closer && closer.addr === seg.src && closer.port === seg.srcPort ? 'active' : 'passive') : undefined;
    return this;
  }

  emitAfterPorts(out: Sink): void {
    out.add(A.stream, this.offset, 0, this.x.stream);
    out.add(A.completeness, this.offset, 0, this.x.completeness);
  }

  emitAfterOptions(out: Sink): void {
    const { x, offset } = this;
    if (x.dsack && x.sack) {
      out.add(A.dsackLe, offset, 0, x.sack[0][0]);
      out.add(A.dsackRe, offset, 0, x.sack[0][1]);
      out.add(A.dsack, offset, 0);
      out.expert('tcp.options.sack.dsack', 'warn', 'D-SACK Sequence');
    }
    emitAnalysis(out, x, offset);
  }
}

/**
 * udp.stream, then the [Timestamps] subtree, as Wireshark shows them (`offset`: the UDP header's);
 * a header an ICMP error quotes (`quoted`) gets its stream but no times (tshark 4.0).
 */
function emitUdpAnalysis(analysis: ConversationAnalysis, d: UdpDatagramInput, offset: number, out: Sink, quoted = false): void {
  const i = analysis.udpStreamOf(d.frame);
  if (i < 0) return;
  out.add(A.udpStream, offset, 0, i);
  if (quoted) return;
  out.openText('[Timestamps]', offset, 0);
  out.add(A.udpTimeRelative, offset, 0, d.time - analysis.state.udpFirstTime[i]);
  out.add(A.udpTimeDelta, offset, 0, BigInt(analysis.state.udpDeltaNs.get(d.frame)));
  out.close();
}

/** The fields a later SYN of the same conversation may still change (its window scale): live where scales-settle.ts finds none. */
const SCALED: readonly FieldSpec[] = [tcpFields.windowSize, tcpFields.scaleFactor];

/** What a later frame may still change: a repeated SYN resets the window scale; the iRTT and completeness need the handshake's or the conversation's end. */
const NOT_LIVE: ReadonlySet<FieldSpec> = new Set([...SCALED, A.initialRtt, A.completeness]);

/** Field names live once the capture's window scales are known to settle in reading order (analysis/scales-settle.ts). */
export const SCALE_FIELDS: ReadonlySet<string> = new Set(SCALED.map((s) => s.name));

/**
 * Fields whose value a frame keeps from the moment it is analysed, as
 * Wireshark's own first pass settles them: stream indexes, times, the
 * per-segment SEQ/ACK analysis, and (once SegmentFacts.settled) the
 * relative numbers. Left out: anything a later frame may still change, such
 * as the window scale (a repeated SYN resets it), the iRTT (known only at the
 * handshake's end but shown on its first frames), completeness, reassembly,
 * request/response links and the columns that name them.
 */
export const LIVE_FIELDS: ReadonlySet<string> = new Set([...TCP_ANALYSED, ...ANALYSIS_SPECS].filter((s) => !NOT_LIVE.has(s)).map((s) => s.name));

/** One-pass reading lets go of per-frame results this many frames at a time. */
const FORGET_EVERY = 1 << 16;

/** A one-pass session: each frame analysed and answered at once. */
export interface LiveSession extends DissectSession {
  /**
   * 0 while every frame was answered; else the first frame whose answer could
   * still change (SegmentFacts.settled). That frame and every later one get no
   * answer: the caller feeds the rest to `firstPass` of the same sessions
   * and answers from this frame on in a second pass.
   */
  readonly unsettled: number;
}

export interface AnalysisSessions {
  /** Give this to dissectFrame / the extractor for every frame of the first pass, in order. */
  readonly firstPass: DissectSession;
  /**
   * The first pass without dissecting: feeds a plain Ethernet/IPv4 TCP or UDP
   * frame straight to the analysis and returns true; returns false for any
   * other frame, which must then be dissected with `firstPass`.
   */
  readonly walkFirstPass: (record: FrameRecord, data: Uint8Array) => boolean;
  /** Ends the first pass; returns the analysis and the session for the second pass. */
  finish(): { analysis: ConversationAnalysis; secondPass: DissectSession };
  /** One pass instead of two, for LIVE_FIELDS only. */
  readonly live: LiveSession;
}

/**
 * `reassemble` false: no reassembly (nothing asked needs it: LIVE_FIELDS only); `readPayloads`
 * false: no payload read at all, neither by heuristics nor by reassembly (nothing asked depends on one).
 */
export function createAnalysisSessions(opts: { reassemble?: boolean; readPayloads?: boolean } = {}): AnalysisSessions {
  const analyzer = createTcpAnalyzer(opts);
  const transactions = createTransactionTable();
  const fragments = createFragmentTracker();
  /** First pass: notes a fragment; in the frame completing a datagram, only its first fragment's head (enough for the transport's analysis: ports, DNS id, ICMP echo id). */
  const noteFragment = (frag: IpFragment, ctx: LayerContext): IpReassembly | undefined => {
    const done = fragments.add(ctx.record.number, frag.key, frag.offset, frag.length, frag.more, frag.payload);
    if (!done) return undefined;
    const { plan, head } = done;
    return { datagram: { bytes: head, total: plan.total, frames: plan.frames, offsets: plan.offsets, lengths: plan.lengths, overlaps: plan.overlaps } };
  };
  const firstPass: DissectSession = {
    ipFragment: noteFragment,
    transaction(note, ctx) {
      // HTTP messages are noted by the reassembly, in the frame that completes each one.
      if (!note.inOrder) transactions.note(note, ctx.record.number, ctx.record.timestamp);
      return undefined;
    },
    tcp(h, ctx) {
      const seg = tcpSegmentInput(ctx.record, h, ctx.lastIp, ctx.data, 'analysis');
      if (seg) analyzer.addTcp(seg);
      return undefined;
    },
    udp(h, ctx) {
      const d = udpDatagramInput(ctx.record, h, ctx.lastIp);
      if (d) analyzer.addUdp(d);
    },
  };
  // The analysis so far, read frame by frame in one-pass reading.
  const now = finishAnalysis(analyzer.state);
  let unsettled = 0;
  // One answer, refilled for each frame: the layer reads it before the next frame comes.
  const facts = blankFacts();
  const answer = new TcpAnswer();
  // Frames answered in one pass are not asked about again: their per-frame results go, a chunk at a time.
  let forgotten = 0;
  const answered = (frame: number): void => {
    if (frame - forgotten < FORGET_EVERY) return;
    analyzer.forgetBefore(frame);
    forgotten = frame;
  };
  /** Analyses one segment and answers it, unless its answer could still change. */
  const liveTcp = (seg: TcpSegmentInput, offset: number): LayerTcpAnalysis | undefined => {
    analyzer.addTcp(seg);
    const x = now.factsInto(seg, facts);
    if (!x) return undefined;
    if (!x.settled) {
      unsettled = seg.frame;
      return undefined;
    }
    answered(seg.frame);
    return answer.set(x, offset, seg, now);
  };
  const liveUdp = (d: UdpDatagramInput, offset: number, out: Sink, quoted = false): void => {
    analyzer.addUdp(d);
    emitUdpAnalysis(now, d, offset, out, quoted);
    answered(d.frame);
  };
  const live: LiveSession = {
    get unsettled() {
      return unsettled;
    },
    // A fragment's datagram is dissected in the frame completing it, which only two passes know.
    ipFragment(frag, ctx) {
      noteFragment(frag, ctx);
      if (!unsettled) unsettled = ctx.record.number;
      return undefined;
    },
    tcp(h, ctx) {
      if (unsettled) return undefined;
      const seg = tcpSegmentInput(ctx.record, h, ctx.lastIp);
      return seg ? liveTcp(seg, h.offset) : undefined;
    },
    udp(h, ctx) {
      if (unsettled) return;
      const d = udpDatagramInput(ctx.record, h, ctx.lastIp);
      if (d) liveUdp(d, h.offset, ctx.out, ctx.inner);
    },
    plain: {
      tcp: (seg, offset) => (unsettled ? undefined : liveTcp(seg, offset)),
      udp: (d, offset, out) => {
        if (!unsettled) liveUdp(d, offset, out);
      },
    },
  };
  return {
    live,
    firstPass,
    walkFirstPass: createHeaderWalker(analyzer, opts.readPayloads !== false),
    finish() {
      const state = analyzer.finish();
      for (const m of state.reassembly.httpMessages ?? []) {
        transactions.note({ key: `http|${m.stream}`, request: m.request, inOrder: true, about: m.uri }, m.frame, m.time);
      }
      const analysis: ConversationAnalysis = { ...finishAnalysis(state), transactions, ipFragments: fragments.state };
      return { analysis, secondPass: secondPassSession(analysis) };
    },
  };
}

/**
 * A session for the second pass over `analysis`. Each holds the parts of
 * reassembled PDUs in flight, so two walks over the capture (a details pane
 * and a display filter running through every frame) need a session each.
 */
export function secondPassSession(analysis: ConversationAnalysis): DissectSession {
  const pdus = createPduBuffers();
  const datagrams = createDatagramBuffers();
  // For the plain-frame fast path: one answer, refilled frame after frame.
  const facts = blankFacts();
  const answer = new TcpAnswer();
  const secondPass: DissectSession = {
    ipFragment(frag, ctx) {
      const ip = analysis.ipFragments;
      if (!ip) return undefined;
      const frame = ctx.record.number;
      const plan = ip.datagrams.get(frame);
      if (plan) {
        const datagram = datagrams.build(frame, plan, frag.payload);
        return datagram ? { datagram } : undefined;
      }
      const later = ip.reassembledIn.get(frame);
      if (later === undefined) return undefined;
      datagrams.keep(frame, frag.payload);
      return { reassembledIn: later };
    },
    tcp(h, ctx): LayerTcpAnalysis | undefined {
      const seg = tcpSegmentInput(ctx.record, h, ctx.lastIp);
      const x = seg && analysis.facts(seg);
      if (!seg || !x) return undefined;
      const an = new TcpAnswer().set(x, h.offset, seg, analysis);
      if (x.reassembledIn || x.reassembled) addReassembly(an, x, h, ctx, pdus, analysis);
      // A message the capture ends before completing: its part here is held, as Wireshark holds it.
      const unfinishedFrom = analysis.state.reassembly.unfinished?.get(seg.frame);
      // Held from the earlier of the two when the payload also starts a message completed later.
      if (unfinishedFrom !== undefined && (!x.reassembledIn || unfinishedFrom < (an.heldFrom ?? 0))) {
        an.unfinished = true;
        an.heldFrom = unfinishedFrom;
      }
      return an;
    },
    udp(h, ctx) {
      const d = udpDatagramInput(ctx.record, h, ctx.lastIp);
      if (d) emitUdpAnalysis(analysis, d, h.offset, ctx.out, ctx.inner);
    },
    transaction: (_note, ctx) => analysis.transactions?.match(ctx.record.number),
    plain: {
      tcp(seg, offset) {
        const x = analysis.factsInto(seg, facts);
        if (!x) return undefined;
        // Segments of reassembled messages keep their parts in `pdus`: the layers take those.
        if (x.reassembledIn || x.reassembled || analysis.state.reassembly.unfinished?.has(seg.frame)) return null;
        return answer.set(x, offset, seg, analysis);
      },
      udp: (d, offset, out) => emitUdpAnalysis(analysis, d, offset, out),
    },
  };
  return secondPass;
}
