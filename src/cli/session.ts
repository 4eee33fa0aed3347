// The per-capture analysis session for the CLI: the decoder's two-pass glue
// (analysis/session-adapter.ts) behind one object, so a command hands the same
// session to every frame of both passes and calls rewind() in between.

import { createAnalysisSessions } from '../decoder/analysis/session-adapter.ts';
import type { DissectSession, TcpAnalysis } from '../decoder/dissect.ts';
import type { LayerContext } from '../decoder/layers/context.ts';
import type { TcpHeader } from '../decoder/layers/tcp.ts';
import type { UdpHeader } from '../decoder/layers/udp.ts';
import type { FrameRecord } from '../decoder/types.ts';
import type { TransactionMatch, TransactionNote } from '../decoder/analysis/transactions.ts';

/** A session for one capture: run the first pass, call rewind(), then the second. */
export interface CliSession extends DissectSession {
  /** Ends the first pass: from now on frames are dissected with the whole capture known. */
  rewind(): void;
  /** First pass only: reads a plain frame's headers straight into the analysis; false when it must be dissected. */
  walk(record: FrameRecord, data: Uint8Array): boolean;
}

/** Field names only the analysis can fill in (a field list naming one needs two passes). */
export const SESSION_FIELDS: ReadonlySet<string> = new Set([
  'tcp.stream', 'tcp.completeness', 'tcp.seq', 'tcp.ack', 'tcp.nxtseq', 'tcp.window_size', 'tcp.window_size_scalefactor',
  'tcp.time_relative', 'tcp.time_delta', 'tcp.options.sack_le', 'tcp.options.sack_re',
  'tcp.options.sack.dsack', 'tcp.options.sack.dsack_le', 'tcp.options.sack.dsack_re',
  'tcp.reassembled_in', 'tcp.segments', 'tcp.segment', 'tcp.segment.count', 'tcp.reassembled.length',
  'udp.stream', 'udp.time_relative', 'udp.time_delta', '_ws.col.Info', '_ws.col.Protocol',
  'frame.protocols', 'data.len', 'data.data',
  'dns.response_in', 'dns.response_to', 'dns.time', 'icmp.resp_in', 'icmp.resp_to', 'icmp.resptime',
  '_ws.expert.message', 'tcp.connection.fin_active', 'tcp.connection.fin_passive',
]);

/** True when `name` needs the conversation analysis (tcp.analysis.* and the list above). */
export function needsAnalysis(name: string): boolean {
  return SESSION_FIELDS.has(name) || name.startsWith('tcp.analysis') || name.startsWith('http.');
}

export function createSession(): CliSession {
  const sessions = createAnalysisSessions();
  let current: DissectSession = sessions.firstPass;
  return {
    walk: (record, data) => current === sessions.firstPass && sessions.walkFirstPass(record, data),
    rewind() {
      if (current === sessions.firstPass) current = sessions.finish().secondPass;
    },
    tcp: (h: TcpHeader, ctx: LayerContext): TcpAnalysis | undefined => current.tcp?.(h, ctx),
    udp: (h: UdpHeader, ctx: LayerContext): void => current.udp?.(h, ctx),
    transaction: (note: TransactionNote, ctx: LayerContext): TransactionMatch | undefined => current.transaction?.(note, ctx),
    frameDone: (ctx: LayerContext): void => current.frameDone?.(ctx),
  };
}
