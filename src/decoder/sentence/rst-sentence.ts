// Which kind of reset a RST is, and what in the capture shows it:
// - refused: RST+ACK acknowledging a SYN (tcp.analysis.acks_frame) in a
//   conversation that never had a SYN-ACK (tcp.completeness): nothing listens;
// - unknown: RST without ACK (tcp.flags), whose sequence number is the
//   acknowledgment of the segment it answers (RFC 9293 3.10.7.1): the sender
//   has no connection for that segment (a stray ACK, a host that restarted);
// - abort: any other RST with an ACK, ending a connection that was open
//   (perhaps since before the capture began), sent instead of a FIN; `unacked` counts the bytes the peer had sent
//   (its last segment's tcp.nxtseq) beyond this RST's tcp.ack, and `resent` the sender's own
//   retransmissions the peer never acknowledged (a stack giving up, RFC 9293 3.8.3).
import type { Field } from '../types.ts';
import { num } from './read-fields.ts';
import { resentBeforeReset } from './resent-before-reset.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import type { FrameSentence, TcpFacts } from './sentence-types.ts';
import { peerBefore, tcpNode } from './stream-history.ts';
import { TCP_FLAG } from '../layers/tcp-flags.ts';

// The flag bits, from the TCP table.
const { ACK: TH_ACK, SYN: TH_SYN } = TCP_FLAG;
/** tcp.completeness bit (Wireshark 4.0): a SYN-ACK was seen. */
const C_SYN_ACK = 2;

export function rstSentence(capture: SentenceCapture, n: number, tcp: readonly Field[], facts: TcpFacts): FrameSentence {
  const flags = num(tcp, 'tcp.flags');
  const completeness = num(tcp, 'tcp.completeness');
  const stream = num(tcp, 'tcp.stream', -1);
  const before = peerBefore(capture, n, stream, facts.srcPort);
  const peer = before?.frame;
  const peerTcp = before?.tcp;
  if (!(flags & TH_ACK)) {
    // RFC 9293: a reset answering a segment with an ACK takes that ACK as its sequence number.
    const answers = peerTcp && num(peerTcp, 'tcp.ack_raw', -1) === num(tcp, 'tcp.seq_raw', -2) ? peer! : 0;
    return { key: 'rst_unknown', params: { ...facts, answersFrame: answers } };
  }
  if (!(completeness & C_SYN_ACK) && facts.acksFrame > 0) {
    const acked = tcpNode(capture, facts.acksFrame);
    if (acked && num(acked, 'tcp.flags') & TH_SYN) return { key: 'rst_refused', params: { ...facts, synFrame: facts.acksFrame } };
  }
  // Anything else with an ACK ends a connection that was open (perhaps before the capture began).
  if (stream >= 0) {
    const peerNext = peerTcp ? num(peerTcp, 'tcp.nxtseq') : 0;
    const resent = resentBeforeReset(capture, n, stream, facts.srcPort, peerTcp ? num(peerTcp, 'tcp.ack') : 0);
    return {
      key: 'rst_abort',
      params: {
        ...facts,
        peerFrame: peer ?? 0,
        unacked: peerTcp ? Math.max(0, peerNext - facts.ack) : 0,
        sent: Math.max(0, facts.seq - 1),
        received: Math.max(0, facts.ack - 1),
        ...(resent ? { resent } : {}),
      },
    };
  }
  return { key: 'rst_other', params: facts };
}
