// The facts every TCP sentence may state, from the decoded tcp node and the
// analysis' connection states (RFC 9293) after the segment.
import type { ConversationAnalysis } from '../analysis/analysis.ts';
import type { Field } from '../types.ts';
import { num } from './read-fields.ts';
import type { TcpFacts, TcpStates } from './sentence-types.ts';

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
  return fromA ? { sender: both.a, receiver: both.b } : { sender: both.b, receiver: both.a };
}
