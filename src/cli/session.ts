// The per-capture analysis session for the CLI: the decoder's analysis glue
// (analysis/session-adapter.ts) behind one object that a command hands to
// every frame. Two ways to read:
// - two passes, as `tshark -2`: the first pass feeds the analysis, rewind(),
//   then the second answers each frame with the whole capture known;
// - one pass, when every field asked is one a frame keeps from the moment it
//   is analysed (LIVE_FIELDS): each frame is analysed and answered at once.
//   Should a frame's answer still be open (a conversation whose handshake the
//   capture missed), `unsettled` names it: from there the command goes on as
//   a first pass and answers the rest after rewind().

import { createAnalysisSessions, LIVE_FIELDS, SCALE_FIELDS } from '../decoder/analysis/session-adapter.ts';
import { createScaleCheck } from '../decoder/analysis/scales-settle.ts';
import { createCaptureStream } from '../decoder/capture/stream.ts';
import { ANALYSIS_NAMES, TCP_ANALYSED } from '../decoder/analysis/field-specs.ts';
import { ipv4ReassemblyFields, ipv6ReassemblyFields } from '../decoder/layers/ip-reassembly.ts';
import { tcpSegmentFields } from '../decoder/layers/tcp-segment.ts';
import type { DissectSession, TcpAnalysis } from '../decoder/dissect.ts';
import type { LayerContext } from '../decoder/layers/context.ts';
import type { IpFragment, IpReassembly, PlainAnalysis } from '../decoder/layers/session.ts';
import type { TcpHeader } from '../decoder/layers/tcp.ts';
import type { UdpHeader } from '../decoder/layers/udp.ts';
import type { FrameRecord } from '../decoder/types.ts';
import type { TransactionMatch, TransactionNote } from '../decoder/layers/request-response.ts';

/** A session for one capture. */
export interface CliSession extends DissectSession {
  /** Ends the first pass: from now on frames are dissected with the whole capture known. */
  rewind(): void;
  /** First pass only: reads a plain frame's headers straight into the analysis; false when it must be dissected. */
  walk(record: FrameRecord, data: Uint8Array): boolean;
  /** Reading in one pass: frames are answered as they come (until `unsettled`). */
  readonly live: boolean;
  /** One pass: 0, or the first frame left unanswered (it and all later frames need the second pass). */
  readonly unsettled: number;
}

/** Field names only the analysis can fill in (a field list naming one needs two passes). */
const SESSION_FIELDS: ReadonlySet<string> = new Set([
  ...ANALYSIS_NAMES,
  ...[...TCP_ANALYSED, ...Object.values(tcpSegmentFields), ...Object.values(ipv4ReassemblyFields), ...Object.values(ipv6ReassemblyFields)].map((s) => s.name),
  // Columns, protocol stacks and payloads that reassembly or a matched request decides.
  '_ws.col.Info',
  '_ws.col.Protocol',
  'frame.protocols',
  'data.len',
  'data.data',
  'dns.response_in',
  'dns.response_to',
  'dns.time',
  'icmp.resp_in',
  'icmp.resp_to',
  'icmp.resptime',
  '_ws.expert.message',
  'tcp.connection.fin_active',
  'tcp.connection.fin_passive',
]);

/** The TCP layer's reassembly lines: what a frame shows of them depends on the segments after it. */
const SEGMENT_NAMES: ReadonlySet<string> = new Set(Object.values(tcpSegmentFields).map((s) => s.name));

/**
 * Whether `name` can depend on payload bytes the analysis reads (a heuristic binding a
 * conversation to a protocol, messages reassembled from segments): the payload layers, columns
 * and expert items (`payloadField`), the protocol stack and the TCP layer's reassembly lines.
 * A field list with none lets the analysis read no payload at all.
 */
export function needsPayloads(name: string, payloadField: (name: string) => boolean): boolean {
  return payloadField(name) || SEGMENT_NAMES.has(name) || name === 'frame.protocols';
}

/** True when `name` needs the conversation analysis (the list above, or HTTP, which reassembly feeds). */
export function needsAnalysis(name: string): boolean {
  return SESSION_FIELDS.has(name) || name.startsWith('http.');
}

/**
 * Whether `names` can be read in one pass: every analysis field among them is
 * settled when its frame is analysed, and no field comes from a payload layer
 * (whose dissection depends on reassembly, which needs the whole capture).
 * With `scalesSettle`, the window fields count as settled too (see scalesSettle()).
 */
export function readableInOnePass(names: readonly string[], payloadField: (name: string) => boolean, scalesSettle = false): boolean {
  return names.every((n) => (needsAnalysis(n) ? LIVE_FIELDS.has(n) || (scalesSettle && SCALE_FIELDS.has(n)) : !payloadField(n)));
}

/**
 * Whether the capture's window scales settle in reading order (analysis/scales-settle.ts), so
 * that the window fields need no second pass: a quick look over the bytes, stopped at the first
 * frame that says no. A damaged file says no (the two passes report the damage).
 */
export function scalesSettle(source: () => Iterable<Uint8Array>): boolean {
  const check = createScaleCheck();
  const stream = createCaptureStream();
  for (const chunk of source()) {
    stream.pushPeek(chunk, check.peek);
    if (!check.settled || stream.error) return false;
  }
  return stream.end() === undefined && check.settled;
}

/** `payloads` false: nothing asked depends on payloads (needsPayloads), so the analysis reads none. */
export function createSession(opts: { live?: boolean; payloads?: boolean } = {}): CliSession {
  const sessions = createAnalysisSessions({ reassemble: !opts.live, readPayloads: opts.payloads !== false });
  let current: DissectSession = opts.live ? sessions.live : sessions.firstPass;
  // The live pass stopped at a frame: the analysis goes on as a first pass.
  const settle = (): void => {
    if (current === sessions.live && sessions.live.unsettled) current = sessions.firstPass;
  };
  const livePlain = sessions.live.plain!;
  const plain: PlainAnalysis = {
    tcp(seg, offset) {
      const an = livePlain.tcp(seg, offset);
      settle();
      return an;
    },
    udp: (d, offset, out) => livePlain.udp(d, offset, out),
  };
  return {
    // Plain frames take the fast path while the analysis answers them: live, or in the second pass.
    get plain() {
      return current === sessions.live ? plain : current.plain;
    },
    live: opts.live === true,
    get unsettled() {
      return sessions.live.unsettled;
    },
    walk: (record, data) => current === sessions.firstPass && sessions.walkFirstPass(record, data),
    rewind() {
      if (current !== sessions.firstPass && current !== sessions.live) return;
      current = sessions.finish().secondPass;
    },
    tcp(h: TcpHeader, ctx: LayerContext): TcpAnalysis | undefined {
      const an = current.tcp?.(h, ctx);
      settle();
      return an;
    },
    ipFragment(frag: IpFragment, ctx: LayerContext): IpReassembly | undefined {
      const an = current.ipFragment?.(frag, ctx);
      settle();
      return an;
    },
    udp: (h: UdpHeader, ctx: LayerContext): void => current.udp?.(h, ctx),
    transaction: (note: TransactionNote, ctx: LayerContext): TransactionMatch | undefined => current.transaction?.(note, ctx),
    frameDone: (ctx: LayerContext): void => current.frameDone?.(ctx),
  };
}
