// First pass of the TCP sequence analysis: consumes segments in frame order, keeps per-stream and
// per-direction state, and stores per-frame results compactly. `finish()` freezes it into a
// ConversationAnalysis that answers per-frame questions with the whole capture known, which is what
// `tshark -2` does: conversation-wide facts (relative-sequence bases, window scale, iRTT,
// completeness, which later frame reassembled a PDU) apply to every frame of the stream,
// including frames seen before the fact was learned.
//
// The tests and their order follow the rules published in the Wireshark User's Guide
// ("TCP Analysis"). Several of them are heuristics, marked HEURISTIC below.
import {
  A_ACK_LOST_PACKET,
  A_DSACK,
  A_DUPLICATE_ACK,
  A_FAST_RETRANSMISSION,
  A_KEEP_ALIVE,
  A_KEEP_ALIVE_ACK,
  A_LOST_PACKET,
  A_OUT_OF_ORDER,
  A_RETRANSMISSION,
  A_REUSED_PORTS,
  A_SPURIOUS_RETRANSMISSION,
  A_WINDOW_FULL,
  A_WINDOW_UPDATE,
  A_ZERO_WINDOW,
  A_ZERO_WINDOW_PROBE,
  A_ZERO_WINDOW_PROBE_ACK,
  firstOfFamily,
} from './analysis-flags.ts';
import { heuristicFor, portBound } from '../bindings.ts';
import { S_UNKNOWN, stepStates } from './conn-state.ts';
import { BASE_SET, FIN_SEEN, FlowState, LAST_ACK_SET, MAX_SEQ_SET, NEXT_SEQ_SET, SYN_SEEN, VALID_BIF, WINDOW_SET } from './flow-state.ts';
import { FrameColumn } from './frame-table.ts';
import { createPduTracker, type HttpMessage, type PduTracker } from './reassembly.ts';
import { seqAdd, seqDiff, seqGE, seqGT, seqLE, seqLT } from './seq.ts';
import type { UnackedSegments } from './unacked.ts';
import { pushWaiting, waitingList } from './waiting.ts';
import { TH_ACK, TH_FIN, TH_PSH, TH_RST, TH_SYN, type TcpSegmentInput, type UdpDatagramInput } from './types.ts';

/** Fast retransmission: the duplicate ACKs must be this recent (ns). HEURISTIC. */
const FAST_RETRANS_WINDOW_NS = 20_000_000;
/** Out-of-order threshold when no handshake RTT is known (ns). HEURISTIC. */
const OOO_DEFAULT_THRESHOLD_NS = 3_000_000;

/** wsOpt when a SYN's options were cut before a window scale option could appear. */
const WS_UNKNOWN = -3;

/** One direction of a TCP conversation. */
export interface Flow {
  addr: string;
  port: number;
  /** Relative sequence base: the ISN, or (no SYN seen) the first sequence number minus one. */
  base: number;
  /** The yes/no facts below as bits (`flow-state.ts`): the analyzer tests these, readers the booleans. */
  bits: number;
  baseSet: boolean;
  synSeen: boolean;
  /** Window scale option in this side's SYN, -1 if absent, WS_UNKNOWN if the snap length cut the options before it. */
  wsOpt: number;
  /** Shift applied to this side's windows: >= 0, -1 unknown (no SYN seen), -2 not in use. */
  scale: number;
  nextSeq: number;
  nextSeqSet: boolean;
  nextSeqFrame: number;
  nextSeqTime: number;
  /** Highest sequence an ACK may cover without having skipped a gap we saw. */
  maxSeqToBeAcked: number;
  maxSeqSet: boolean;
  lastAck: number;
  lastAckSet: boolean;
  lastAckTime: number;
  lastAckFrame: number;
  lastNonDupAck: number;
  dupAckNum: number;
  window: number;
  windowSet: boolean;
  lastAnalysis: number;
  /** Frame of this side's latest segment. */
  lastFrame: number;
  pushBytes: number;
  validBif: boolean;
  /** Bytes covered by the SACK blocks of this side's latest segment. */
  sackBytes: number;
  /** Segments waiting for an ACK, and the last ones acknowledged: made when needed (`waitingList`); until then the lone one is in the four numbers below. */
  unacked: UnackedSegments | undefined;
  loneLen: number;
  loneFrame: number;
  loneSeq: number;
  loneTime: number;
  finSeen: boolean;
  /** Sequence number just after this side's FIN. */
  finNext: number;
  finFrame: number;
  rstFrame: number;
  packets: number;
  bytes: number;
  retransmissions: number;
  state: number;
  pdu: PduTracker | null;
}

export interface Stream {
  index: number;
  a: Flow;
  /**
   * The side that did not send first: made when it first sends (or its state is more than the
   * fields below), as most of a SYN flood's never do; read it through `flowB`.
   */
  b: Flow | null;
  bAddr: string;
  bPort: number;
  /** While `b` is null: the only things the other side's segments set on it. */
  bScale: number;
  bState: number;
  firstFrame: number;
  lastFrame: number;
  /** Capture times (ns since the epoch) of the stream's first and last frames. */
  firstTime: bigint;
  lastTime: bigint;
  /** The first and last frames' times in ns since the capture's first frame (differences without BigInt arithmetic). */
  firstT: number;
  lastT: number;
  /** Times below are ns since the capture's first frame. First SYN (no ACK), -1 if none. */
  synTime: number;
  synFrame: number;
  synAckFrame: number;
  /** Frame of the conversation's first FIN (either side), 0 if none. */
  firstFin: number;
  /** The side that sent it: its FINs, resent ones too, initiate the close (tshark 4.0). */
  firstFinBy: Flow | null;
  /** Handshake round-trip time (ns), -1 if unknown. */
  irtt: number;
  irttFrame: number;
  completeness: number;
  reusedPorts: boolean;
  /** Client side known from a SYN: a is the client. */
  aIsClient: boolean;
  /** The layer a sticky heuristic bound the conversation to ('' none), from frame appFrom on. */
  app: string;
  appFrom: number;
}

/** Extra facts kept only for frames that carry a flag, to write their explanations. */
export interface FrameNote {
  /** Frame that first sent the repeated bytes (retransmissions). */
  origFrame?: number;
  /** Frame whose ACK already covered the bytes (spurious), or the ACK that was duplicated. */
  ackFrame?: number;
  /** The gap in relative numbers (lost segment / ack-lost). */
  gapFrom?: number;
  gapTo?: number;
  /** For out-of-order: the frame with the highest sequence seen so far. */
  aheadFrame?: number;
  /** Time since the original was sent, or (out-of-order) since the highest segment (ns); the threshold used. */
  sinceNs?: number;
  thresholdNs?: number;
  /** The reverse direction's last segment that this answers (keep-alive / probe ACKs). */
  answersFrame?: number;
  dupAckNum?: number;
  dupAckFrame?: number;
  /** Plain retransmissions: time since the oldest unacknowledged segment, and that frame. */
  rtoNs?: number;
  rtoFrame?: number;
  /** Window update: the window before. Window full: the window that was filled. */
  prevWindow?: number;
  /** Keep-alive: the window the peer last advertised, and in which frame. */
  peerWindow?: number;
  peerWindowFrame?: number;
  /** Zero window: this side's previous segment, which already advertised 0. */
  zeroBeforeFrame?: number;
  /** Zero window: the other side's keep-alive-form probe this bare ACK answers (Wireshark flags no answer). */
  probeFrame?: number;
}

export interface ReassemblyInfo {
  /** Frame where the PDU this frame's bytes belong to was completed (absent on that frame). */
  reassembledIn: Map<number, number>;
  /** On the completing frame: the PDU's segments, with where its bytes sit in each payload. */
  segments: Map<number, { frames: number[]; lengths: number[]; offsets: number[]; total: number; kind: string; completedIn: number }>;
  /**
   * Frames holding part of a message the capture ends before completing, and
   * where in each payload that part starts: Wireshark still shows them as
   * segments of a reassembled PDU, though no frame reassembles it.
   */
  unfinished?: Map<number, number>;
  /** Every HTTP message, in the frame that completes it (request/response matching). */
  httpMessages?: HttpMessage[];
}

export interface AnalyzerState {
  streams: Stream[];
  udpStreams: number;
  streamOf: FrameColumn;
  udpStreamOf: FrameColumn;
  analysis: FrameColumn;
  deltaNs: FrameColumn;
  /** Time since the stream's first frame (ns; NaN where not exact as a double), read back without BigInt arithmetic. */
  relNs: FrameColumn;
  acksFrame: FrameColumn;
  ackRttNs: FrameColumn;
  bytesInFlight: FrameColumn;
  pushBytes: FrameColumn;
  stateA: FrameColumn;
  stateB: FrameColumn;
  udpDeltaNs: FrameColumn;
  notes: Map<number, FrameNote>;
  reassembly: ReassemblyInfo;
  udpFirstTime: bigint[];
  udpLastTime: bigint[];
}

/** The stream's second side, or (it never sent) a blank one with what was learned about it. */
export function flowB(s: Stream): Flow {
  return s.b ?? blankB(s);
}

function blankB(s: Stream): Flow {
  const f = newFlow(s.bAddr, s.bPort);
  f.scale = s.bScale;
  f.state = s.bState;
  return f;
}

/** Is `f` a blank flow apart from its address, port, scale and state? */
function onlyScaleAndState(f: Flow, blank: Flow): boolean {
  for (const k in blank) {
    const name = k as keyof Flow;
    if (name !== 'addr' && name !== 'port' && name !== 'scale' && name !== 'state' && f[name] !== blank[name]) return false;
  }
  return true;
}

function newFlow(addr: string, port: number): Flow {
  return new FlowState(addr, port);
}

// Joined, not concatenated: a map keeps its keys, and a concatenation is a tree of pieces
// (about 160 bytes more per conversation, which a SYN flood has 150,000 of).
const key = (a: string, ap: number, b: string, bp: number): string => [a, ap, b, bp].join('|');

export interface TcpAnalyzer {
  /** First pass: one TCP segment, in frame order. */
  addTcp(seg: TcpSegmentInput): void;
  /** First pass: one UDP datagram, in frame order (for udp.stream and its times). */
  addUdp(d: UdpDatagramInput): void;
  /** Ends the first pass. */
  finish(): AnalyzerState;
  /** The state so far, for reading a frame's facts just after it was added (one-pass reading). */
  readonly state: AnalyzerState;
  /** One-pass reading: nothing will be asked about frames below `frame` again; their per-frame results may go. */
  forgetBefore(frame: number): void;
}

/**
 * `reassemble` false: no application messages are reassembled. `readPayloads` false: no payload
 * byte is read at all (no heuristic binds a conversation, nothing is reassembled), for a reader
 * whose fields no payload decides (see needsPayloads in the command line's session).
 */
export function createTcpAnalyzer(opts: { reassemble?: boolean; readPayloads?: boolean } = {}): TcpAnalyzer {
  const readPayloads = opts.readPayloads !== false;
  const reassemble = readPayloads && opts.reassemble !== false;
  const st: AnalyzerState = {
    streams: [],
    udpStreams: 0,
    streamOf: new FrameColumn(Int32Array, -1),
    udpStreamOf: new FrameColumn(Int32Array, -1),
    analysis: new FrameColumn(Uint32Array, 0),
    deltaNs: new FrameColumn(Float64Array, 0),
    relNs: new FrameColumn(Float64Array, Number.NaN),
    acksFrame: new FrameColumn(Int32Array, 0),
    ackRttNs: new FrameColumn(Float64Array, -1),
    bytesInFlight: new FrameColumn(Int32Array, -1),
    pushBytes: new FrameColumn(Int32Array, -1),
    stateA: new FrameColumn(Uint8Array, 0),
    stateB: new FrameColumn(Uint8Array, 0),
    udpDeltaNs: new FrameColumn(Float64Array, 0),
    notes: new Map(),
    reassembly: { reassembledIn: new Map(), segments: new Map(), unfinished: new Map(), httpMessages: [] },
    udpFirstTime: [],
    udpLastTime: [],
  };
  const byKey = new Map<string, Stream>();
  let origin = -1n;
  let lastStream: Stream | null = null;
  const udpByKey = new Map<string, number>();

  const note = (frame: number): FrameNote => {
    let n = st.notes.get(frame);
    if (!n) st.notes.set(frame, (n = {}));
    return n;
  };

  // One flow object stands in for every side that has not sent yet, while a segment is analysed.
  const blank = newFlow('', 0);
  const scratch = newFlow('', 0);
  const lend = (s: Stream): Flow => {
    Object.assign(scratch, blank);
    scratch.addr = s.bAddr;
    scratch.port = s.bPort;
    scratch.scale = s.bScale;
    scratch.state = s.bState;
    return scratch;
  };
  const giveBack = (s: Stream): void => {
    if (onlyScaleAndState(scratch, blank)) {
      s.bScale = scratch.scale;
      s.bState = scratch.state;
    } else s.b = Object.assign(newFlow(s.bAddr, s.bPort), scratch);
  };

  function newStream(seg: TcpSegmentInput, t: number): Stream {
    const s: Stream = {
      index: st.streams.length,
      a: newFlow(seg.src, seg.srcPort),
      b: null,
      bAddr: seg.dst,
      bPort: seg.dstPort,
      bScale: -1,
      bState: S_UNKNOWN,
      firstFrame: seg.frame,
      lastFrame: seg.frame,
      firstTime: seg.time,
      lastTime: seg.time,
      firstT: t,
      lastT: t,
      synTime: -1,
      synFrame: 0,
      synAckFrame: 0,
      firstFin: 0,
      firstFinBy: null,
      irtt: -1,
      irttFrame: 0,
      completeness: 0,
      app: '',
      appFrom: 0,
      reusedPorts: false,
      aIsClient: false,
    };
    st.streams.push(s);
    byKey.set(key(seg.src, seg.srcPort, seg.dst, seg.dstPort), s);
    return s;
  }

  function addTcp(seg: TcpSegmentInput): void {
    const frame = seg.frame;
    // Times are kept as float ns since the first frame: bigint arithmetic is too slow per frame.
    if (origin < 0n) origin = seg.time;
    const t = Number(seg.time - origin);
    const flags = seg.flags;
    const seq = seg.seqRaw >>> 0;
    const ack = seg.ackRaw >>> 0;
    const seglen = seg.payloadLength;
    const isSyn = (flags & TH_SYN) !== 0;
    const isAck = (flags & TH_ACK) !== 0;
    const isFin = (flags & TH_FIN) !== 0;
    const isRst = (flags & TH_RST) !== 0;

    // Consecutive frames usually belong to the same conversation: try it before the map.
    let s: Stream | undefined;
    let fromA = true;
    const c = lastStream;
    if (c && c.a.port === seg.srcPort && c.bPort === seg.dstPort && c.a.addr === seg.src && c.bAddr === seg.dst) s = c;
    else if (c && c.bPort === seg.srcPort && c.a.port === seg.dstPort && c.bAddr === seg.src && c.a.addr === seg.dst) {
      s = c;
      fromA = false;
    } else {
      s = byKey.get(key(seg.src, seg.srcPort, seg.dst, seg.dstPort));
      if (!s) {
        s = byKey.get(key(seg.dst, seg.dstPort, seg.src, seg.srcPort));
        fromA = false;
      }
    }
    let ta = 0;
    if (s) {
      if (!fromA && !s.b) s.b = blankB(s);
      const f0 = fromA ? s.a : (s.b as Flow);
      // A fresh SYN with a new ISN on a known address/port pair starts a new conversation.
      if (isSyn && !isAck && (f0.bits & BASE_SET) !== 0 && f0.base !== seq) {
        const oldFromA = fromA;
        s = newStream(seg, t);
        fromA = true;
        s.reusedPorts = true;
        ta |= A_REUSED_PORTS;
        if (!oldFromA) byKey.delete(key(seg.dst, seg.dstPort, seg.src, seg.srcPort));
      }
    } else {
      s = newStream(seg, t);
      fromA = true;
    }
    lastStream = s;
    // A side that has not sent is lent the scratch flow, and kept only if the segment gave it more than a scale and a state.
    const fwd = fromA ? s.a : (s.b as Flow);
    const rev = fromA ? (s.b ?? lend(s)) : s.a;

    st.streamOf.set(frame, s.index);
    st.deltaNs.set(frame, t - s.lastT);
    if (Number.isSafeInteger(t) && Number.isSafeInteger(s.firstT)) st.relNs.set(frame, t - s.firstT);
    s.lastTime = seg.time;
    s.lastT = t;
    s.lastFrame = frame;
    fwd.packets++;
    fwd.bytes += seglen;

    // Relative-sequence base and window scaling, from the handshake when it was captured.
    if (isSyn) {
      if ((fwd.bits & SYN_SEEN) === 0 || (fwd.bits & BASE_SET) === 0) {
        fwd.base = seq;
        fwd.bits |= BASE_SET;
      }
      fwd.bits |= SYN_SEEN;
      const ws = seg.options.wscale;
      fwd.wsOpt = ws !== undefined ? Math.min(ws, 14) : seg.options.cut ? WS_UNKNOWN : -1;
      if (!isAck) {
        if (s.synTime < 0) {
          s.synTime = t;
          s.synFrame = frame;
          s.aIsClient = fromA;
        }
        s.completeness |= 1;
      } else {
        if (!s.synAckFrame) s.synAckFrame = frame;
        s.completeness |= 2;
      }
      if (seg.options.cut) {
        // The snap length cut the options: Wireshark takes a shift it could read and checks
        // nothing else, so what this SYN did not show stays unknown (-1) on both sides.
        if (ws !== undefined) fwd.scale = fwd.wsOpt;
        // A cut SYN-ACK: the SYN's own shift, which Wireshark took when it read that SYN, applies.
        if (isAck && (rev.bits & SYN_SEEN) !== 0 && rev.wsOpt >= 0 && rev.scale === -1) rev.scale = rev.wsOpt;
      } else if (!isAck) {
        // Without the option in the SYN, neither side may scale (RFC 7323 2.2).
        fwd.scale = fwd.wsOpt < 0 ? -2 : -1;
        if (fwd.wsOpt < 0) rev.scale = -2;
      } else {
        if (rev.wsOpt === WS_UNKNOWN) {
          // The SYN's options were cut: only this side's own choice is known.
          fwd.scale = fwd.wsOpt < 0 ? -2 : fwd.wsOpt;
          if (fwd.wsOpt < 0) rev.scale = -2;
        } else if ((rev.bits & SYN_SEEN) !== 0) {
          const both = fwd.wsOpt >= 0 && rev.wsOpt >= 0;
          fwd.scale = both ? fwd.wsOpt : -2;
          rev.scale = both ? rev.wsOpt : -2;
        } else {
          // The SYN was not captured: this side's own shift is known, the other side's is not.
          fwd.scale = fwd.wsOpt < 0 ? -2 : fwd.wsOpt;
        }
      }
    } else if ((fwd.bits & BASE_SET) === 0) {
      fwd.base = (seq - 1) >>> 0;
      fwd.bits |= BASE_SET;
    }
    // Wireshark's iRTT: from the first SYN to the first later segment with ACK but no SYN
    // (the handshake's third segment, or a RST answering the SYN).
    if (!isSyn && isAck && s.synTime >= 0 && s.irtt < 0) {
      s.irtt = t - s.synTime;
      s.irttFrame = frame;
    }
    if (isAck && !isSyn) s.completeness |= 4;
    if (seglen > 0) s.completeness |= 8;
    if (isFin) s.completeness |= 16;
    if (isRst) s.completeness |= 32;

    const win = isSyn || fwd.scale < 0 ? seg.windowRaw : seg.windowRaw * (1 << fwd.scale); // shifts are at most 14
    const nxt = seqAdd(seq, seglen + (isSyn ? 1 : 0) + (isFin ? 1 : 0));
    const noSFR = (flags & (TH_SYN | TH_FIN | TH_RST)) === 0;

    // ---- Tests on this direction, in the User's Guide order (FlagInfo.test in analysis-flags.ts) ----
    let skipRest = false;
    // Zero window probe: one byte at the next expected sequence while the peer's window is 0.
    if (seglen === 1 && (fwd.bits & NEXT_SEQ_SET) !== 0 && seq === fwd.nextSeq && (rev.bits & WINDOW_SET) !== 0 && rev.window === 0) {
      ta |= A_ZERO_WINDOW_PROBE;
      skipRest = true;
    }
    if (!skipRest) {
      if (win === 0 && noSFR) {
        ta |= A_ZERO_WINDOW;
        // Already 0 in this side's previous segment: the window stays closed rather than closing.
        if ((fwd.bits & WINDOW_SET) !== 0 && fwd.window === 0 && fwd.lastFrame > 0) note(frame).zeroBeforeFrame = fwd.lastFrame;
      }
      // Previous segment not captured: a sequence gap ahead of what we expected.
      if ((fwd.bits & NEXT_SEQ_SET) !== 0 && seqGT(seq, fwd.nextSeq) && !isRst) {
        ta |= A_LOST_PACKET;
        // After a gap the count of bytes in flight is unknown until the peer ACKs again.
        fwd.bits &= ~VALID_BIF;
        const n = note(frame);
        n.gapFrom = seqDiff(fwd.nextSeq, fwd.base) >>> 0;
        n.gapTo = seqDiff(seq, fwd.base) >>> 0;
        n.aheadFrame = fwd.nextSeqFrame;
      }
      // Keep-alive: zero or one byte, one before the next expected sequence. HEURISTIC.
      if (seglen <= 1 && noSFR && (fwd.bits & NEXT_SEQ_SET) !== 0 && seq === (fwd.nextSeq - 1) >>> 0) {
        ta |= A_KEEP_ALIVE;
        // The same pattern probes a closed window: say what the peer last advertised.
        if ((rev.bits & WINDOW_SET) !== 0) {
          const n = note(frame);
          n.peerWindow = rev.window;
          n.peerWindowFrame = rev.lastFrame;
        }
      }
      // Window update: a bare ACK whose only news is a changed, non-zero window.
      if (
        seglen === 0 &&
        win !== 0 &&
        (fwd.bits & WINDOW_SET) !== 0 &&
        win !== fwd.window &&
        (fwd.bits & NEXT_SEQ_SET) !== 0 &&
        seq === fwd.nextSeq &&
        (fwd.bits & LAST_ACK_SET) !== 0 &&
        ack === fwd.lastAck &&
        noSFR
      ) {
        ta |= A_WINDOW_UPDATE;
        note(frame).prevWindow = fwd.window;
      }
      // Window full: this segment fills exactly what the receiver last advertised.
      if (seglen > 0 && (rev.bits & WINDOW_SET) !== 0 && (rev.bits & LAST_ACK_SET) !== 0 && seqAdd(seq, seglen) === seqAdd(rev.lastAck, rev.window) && noSFR) {
        ta |= A_WINDOW_FULL;
        const n = note(frame);
        n.ackFrame = rev.lastAckFrame;
        n.prevWindow = rev.window;
      }
      const bareRepeat =
        seglen === 0 &&
        win === fwd.window &&
        (fwd.bits & WINDOW_SET) !== 0 &&
        (fwd.bits & NEXT_SEQ_SET) !== 0 &&
        seq === fwd.nextSeq &&
        (fwd.bits & LAST_ACK_SET) !== 0 &&
        ack === fwd.lastAck &&
        noSFR;
      if (bareRepeat && win !== 0 && rev.lastAnalysis & A_KEEP_ALIVE) {
        ta |= A_KEEP_ALIVE_ACK;
        note(frame).answersFrame = rev.lastFrame;
      } else if (bareRepeat && win === 0 && rev.lastAnalysis & A_ZERO_WINDOW_PROBE) {
        ta |= A_ZERO_WINDOW_PROBE_ACK;
        note(frame).answersFrame = rev.lastFrame;
      } else if (bareRepeat && win === 0 && rev.lastAnalysis & A_KEEP_ALIVE && fwd.lastFrame < rev.lastFrame) {
        // No flag (Wireshark's keep-alive ACK needs an open window), but the zero-window note says
        // which probe this first answer to it answers: Linux probes a closed window this way.
        note(frame).probeFrame = rev.lastFrame;
      } else if (bareRepeat && win !== 0) {
        // Duplicate ACK: same ACK, same window, no data. HEURISTIC (a SACK-only change still counts).
        fwd.dupAckNum++;
        ta |= A_DUPLICATE_ACK;
        const n = note(frame);
        n.dupAckNum = fwd.dupAckNum;
        n.dupAckFrame = fwd.lastNonDupAck;
      }
    }

    // ---- finished with this direction: ACK covering bytes never seen ----
    if (isAck && (rev.bits & NEXT_SEQ_SET) !== 0 && seqGT(ack, rev.maxSeqToBeAcked)) {
      ta |= A_ACK_LOST_PACKET;
      const n = note(frame);
      n.gapFrom = seqDiff(rev.maxSeqToBeAcked, rev.base) >>> 0;
      n.gapTo = seqDiff(ack, rev.base) >>> 0;
      // Say it once: from here on, the other side's bytes so far count as acknowledgeable.
      rev.maxSeqToBeAcked = rev.nextSeq;
    }

    // ---- Retransmission family: data (or SYN/FIN) that does not advance the sequence, or that
    // the peer has already acknowledged ----
    const notAdvanced = (fwd.bits & NEXT_SEQ_SET) !== 0 && seqLT(seq, fwd.nextSeq);
    const alreadyAcked = seglen > 0 && (rev.bits & LAST_ACK_SET) !== 0 && seqLE(seqAdd(seq, seglen), rev.lastAck);
    if ((seglen > 0 || isSyn || isFin) && (fwd.bits & NEXT_SEQ_SET) !== 0 && (notAdvanced || alreadyAcked) && !(ta & (A_KEEP_ALIVE | A_ZERO_WINDOW_PROBE))) {
      const n = note(frame);
      const orig = waitingList(fwd)?.whoSent(seq);
      if (orig) {
        n.origFrame = orig.frame;
        n.sinceNs = t - orig.time;
      }
      const sinceNext = t - fwd.nextSeqTime;
      const oooThreshold = s.irtt > 0 ? s.irtt : OOO_DEFAULT_THRESHOLD_NS;
      // Which members' conditions hold; the flag table's family rank picks the one it gets.
      const applies =
        // Fast retransmission: answers at least two duplicate ACKs that asked for exactly this byte. HEURISTIC.
        (notAdvanced && rev.dupAckNum >= 2 && (rev.bits & LAST_ACK_SET) !== 0 && rev.lastAck === seq && t - rev.lastAckTime < FAST_RETRANS_WINDOW_NS
          ? A_FAST_RETRANSMISSION
          : 0) |
        // Spurious: every byte of it had already been acknowledged.
        (alreadyAcked ? A_SPURIOUS_RETRANSMISSION : 0) |
        // Out of order: arrived sooner after the highest segment than a round trip would allow. HEURISTIC.
        (sinceNext < oooThreshold && fwd.nextSeq !== nxt ? A_OUT_OF_ORDER : 0) |
        A_RETRANSMISSION;
      const member = firstOfFamily(applies);
      ta |= member;
      if (member === A_FAST_RETRANSMISSION) {
        n.dupAckNum = rev.dupAckNum;
        n.ackFrame = rev.lastNonDupAck;
      } else if (member === A_SPURIOUS_RETRANSMISSION) {
        n.ackFrame = orig?.ackedBy || rev.lastAckFrame;
      } else if (member === A_OUT_OF_ORDER) {
        n.aheadFrame = fwd.nextSeqFrame;
        // origFrame stays: an earlier copy of the same bytes in the capture is what tells a retransmission.
        n.sinceNs = sinceNext;
        n.thresholdNs = oooThreshold;
      } else {
        // RTO as Wireshark reports it: time since the oldest segment still waiting for its ACK
        // (or, when none is, since the segment that last advanced the sequence).
        const oldest: { frame: number; time: number } | null =
          waitingList(fwd)?.oldest() ?? (fwd.nextSeqFrame ? { frame: fwd.nextSeqFrame, time: fwd.nextSeqTime } : null);
        if (oldest) {
          n.rtoNs = t - oldest.time;
          n.rtoFrame = oldest.frame;
        } else {
          n.rtoNs = undefined;
          n.rtoFrame = undefined;
        }
      }
      fwd.retransmissions++;
    }

    // D-SACK (RFC 2883 section 4): the first SACK block lies below the cumulative ACK, or inside
    // the second block.
    const sack = seg.options.sack;
    if (sack && sack.length > 0 && isAck) {
      const le = sack[0][0] >>> 0;
      const re = sack[0][1] >>> 0;
      if (seqLT(le, ack) || (sack.length > 1 && seqLE(sack[1][0] >>> 0, le) && seqLE(re, sack[1][1] >>> 0))) ta |= A_DSACK;
    }

    // ---- Bookkeeping ----
    // A zero window probe's byte is not counted as sent: the receiver may drop it.
    if (!(ta & (A_KEEP_ALIVE | A_ZERO_WINDOW_PROBE)) && ((fwd.bits & NEXT_SEQ_SET) === 0 || seqGT(nxt, fwd.nextSeq))) {
      fwd.nextSeq = nxt;
      fwd.bits |= NEXT_SEQ_SET;
      fwd.nextSeqFrame = frame;
      fwd.nextSeqTime = t;
    }
    // The highest sequence an ACK may cover follows the data while it comes without gaps; after a
    // gap it stays at the gap until a segment starts there again (or an ACK beyond it is flagged).
    // Inferred from tshark 4.0's output; it differs in rare cases (see README).
    if ((fwd.bits & MAX_SEQ_SET) === 0 || seq === fwd.maxSeqToBeAcked) {
      fwd.maxSeqToBeAcked = fwd.nextSeq;
      fwd.bits |= MAX_SEQ_SET;
    }
    // Every segment that occupies sequence space waits for its ACK, copies included.
    if (seglen > 0 || isSyn || isFin) {
      pushWaiting(fwd, frame, seq, nxt, t);
    }
    if (isFin && !s.firstFin) {
      s.firstFin = frame;
      s.firstFinBy = fwd;
    }
    if (isFin && (fwd.bits & FIN_SEEN) === 0) {
      fwd.bits |= FIN_SEEN;
      fwd.finNext = nxt;
      fwd.finFrame = frame;
    }
    if (isRst && !fwd.rstFrame) fwd.rstFrame = frame;

    if (isAck) {
      // An ACK names the segment whose end it equals (the oldest copy, if it was sent twice);
      // segments wholly below it are dropped, and one it cuts through is trimmed.
      const hit = waitingList(rev)?.ack(ack, frame);
      if (hit) {
        st.acksFrame.set(frame, hit.frame);
        st.ackRttNs.set(frame, Number(t - hit.time));
      }
      // An ACK from this side makes the other side's bytes-in-flight count trustworthy again.
      rev.bits |= VALID_BIF;
      // Duplicate-ACK counting restarts only when the ACK number moves (a window update in between
      // does not interrupt a run of duplicates).
      if ((fwd.bits & LAST_ACK_SET) === 0 || ack !== fwd.lastAck) {
        fwd.lastNonDupAck = frame;
        fwd.dupAckNum = 0;
      }
      fwd.lastAck = ack;
      fwd.bits |= LAST_ACK_SET;
      fwd.lastAckTime = t;
      fwd.lastAckFrame = frame;
    }
    fwd.window = win;
    fwd.bits |= WINDOW_SET;
    fwd.lastAnalysis = ta;
    fwd.lastFrame = frame;
    let sacked = 0;
    if (sack) for (const [le, re] of sack) if (seqGT(re >>> 0, le >>> 0)) sacked += seqDiff(re >>> 0, le >>> 0);
    fwd.sackBytes = sacked;

    const waiting = seglen > 0 && (fwd.bits & VALID_BIF) !== 0 ? waitingList(fwd) : undefined;
    if (waiting && waiting.length > 0) {
      // Bytes in flight: the span of sequence space sent and not yet acknowledged.
      const lo = waiting.lo();
      const hi = waiting.hi;
      // The FIN's sequence number is not a byte; bytes the peer's latest SACK reports as received
      // are not in flight.
      const inFlight = seqDiff(hi, lo) - (isFin && hi === nxt ? 1 : 0) - rev.sackBytes;
      if (inFlight > 0) {
        st.bytesInFlight.set(frame, inFlight);
        // Bytes since the last PSH are counted only where bytes in flight are known.
        fwd.pushBytes += seglen;
        st.pushBytes.set(frame, fwd.pushBytes);
        if (flags & TH_PSH) fwd.pushBytes = 0;
      }
    }
    if (ta) st.analysis.set(frame, ta);

    // Connection states of both endpoints after this segment.
    const packed = stepStates(fwd.state, rev.state, isSyn, isAck, isFin, isRst, isAck && (rev.bits & FIN_SEEN) !== 0 && seqGE(ack, rev.finNext));
    fwd.state = packed & 15;
    rev.state = packed >> 4;
    st.stateA.set(frame, s.a.state);
    st.stateB.set(frame, fromA ? rev.state : fwd.state);

    // Application-message reassembly. As tshark, plain and spurious retransmissions and keep-alives
    // are left out; fast retransmissions count as any segment; out-of-order ones fill gaps only.
    // A payload no port binds is offered to the heuristics as Wireshark's first pass does (repeats
    // reach no dissector); a sticky one that takes it binds the conversation from this frame on.
    // A conversation no port binds and no heuristic has bound yet has no messages: no tracker.
    const bound = portBound('tcp.port', seg.srcPort, seg.dstPort);
    const payload = readPayloads ? seg.payload : undefined;
    if (seglen > 0 && !bound && !s.app && payload && payload.length > 0 && !(ta & (A_RETRANSMISSION | A_SPURIOUS_RETRANSMISSION | A_OUT_OF_ORDER))) {
      const h = heuristicFor('tcp.port', payload, 0, seglen);
      if (h?.sticky) {
        s.app = h.layer;
        s.appFrom = frame;
      }
    }
    if (reassemble && seglen > 0 && (bound || s.app) && !(ta & (A_RETRANSMISSION | A_SPURIOUS_RETRANSMISSION | A_KEEP_ALIVE))) {
      if (!fwd.pdu) fwd.pdu = createPduTracker(fwd.port, rev.port, st.reassembly, s.index);
      fwd.pdu.push(frame, seqDiff(seq, fwd.base) >>> 0, seglen, payload, seg.time, (ta & A_OUT_OF_ORDER) !== 0, s.app);
    }
    if (rev === scratch) giveBack(s);
  }

  function addUdp(d: UdpDatagramInput): void {
    const k1 = key(d.src, d.srcPort, d.dst, d.dstPort);
    let idx = udpByKey.get(k1);
    if (idx === undefined) idx = udpByKey.get(key(d.dst, d.dstPort, d.src, d.srcPort));
    if (idx === undefined) {
      idx = st.udpStreams++;
      udpByKey.set(k1, idx);
      st.udpFirstTime.push(d.time);
      st.udpLastTime.push(d.time);
    }
    st.udpStreamOf.set(d.frame, idx);
    st.udpDeltaNs.set(d.frame, Number(d.time - st.udpLastTime[idx]));
    st.udpLastTime[idx] = d.time;
  }

  return {
    addTcp,
    addUdp,
    state: st,
    forgetBefore(frame: number): void {
      for (const c of Object.values(st)) if (c instanceof FrameColumn) c.forgetBefore(frame);
      for (const f of st.notes.keys()) if (f < frame) st.notes.delete(f);
    },
    finish(): AnalyzerState {
      for (const s of st.streams) {
        s.a.pdu?.flush();
        s.a.pdu = null;
        s.a.unacked = undefined;
        if (!s.b) continue;
        s.b.pdu?.flush();
        s.b.pdu = null;
        s.b.unacked = undefined;
      }
      byKey.clear();
      udpByKey.clear();
      return st;
    },
  };
}
