// The facts every TCP sentence may state, from the decoded tcp node and the
// analysis' connection states (RFC 9293) after the segment, and whether the
// segment changed them (a sentence names the states only when it did).
import type { ConversationAnalysis } from '../analysis/analysis.ts';
import type { Field } from '../types.ts';
import { num } from './read-fields.ts';
import type { TcpFacts, TcpStates } from './sentence-types.ts';
import { LOOK_BACK } from './stream-history.ts';

export function tcpFacts(tcp: readonly Field[], frame: number, analysis: ConversationAnalysis): TcpFacts {
  const srcPort = num(tcp, 'tcp.srcport');
  return {
    srcPort,
    dstPort: num(tcp, 'tcp.dstport'),
    seq: num(tcp, 'tcp.seq'),
    ack: num(tcp, 'tcp.ack'),
    len: num(tcp, 'tcp.len'),
    nxtseq: num(tcp, 'tcp.nxtseq'),
    acksFrame: num(tcp, 'tcp.analysis.acks_frame'),
    states: statesOf(analysis, frame, num(tcp, 'tcp.stream', -1), srcPort),
  };
}

/** The sender's and receiver's states just after the frame; null outside a known stream. */
function statesOf(analysis: ConversationAnalysis, frame: number, stream: number, srcPort: number): TcpStates | null {
  const both = analysis.connectionStates(frame);
  const summary = stream >= 0 ? analysis.summary(stream) : null;
  if (!both || !summary) return null;
  // connectionStates reports from the summary's endpoint A; both ends may share a port only on loopback tricks.
  const fromA = summary.a.port === srcPort && (summary.a.port !== summary.b.port || summary.a.address !== summary.b.address);
  const before = previousInStream(analysis, frame, stream);
  const was = before ? analysis.connectionStates(before) : null;
  const changed = !was || was.a !== both.a || was.b !== both.b;
  return fromA ? { sender: both.a, receiver: both.b, changed } : { sender: both.b, receiver: both.a, changed };
}

/** The stream's frame just before this one, if the capture has one near. */
function previousInStream(analysis: ConversationAnalysis, frame: number, stream: number): number | undefined {
  for (let k = frame - 1; k >= 1 && k >= frame - LOOK_BACK; k--) if (analysis.streamOf(k) === stream) return k;
  return undefined;
}
