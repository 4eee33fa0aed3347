// Which kind of reset a RST is, and what in the capture shows it:
// - refused: RST+ACK acknowledging a SYN (tcp.analysis.acks_frame) in a
//   conversation that never had a SYN-ACK (tcp.completeness): nothing listens;
// - unknown: RST without ACK (tcp.flags), whose sequence number is the
//   acknowledgment of the segment it answers (RFC 9293 3.10.7.1): the sender
//   has no connection for that segment (a stray ACK, a host that restarted);
// - abort: any other RST with an ACK, ending a connection that was open
//   (perhaps since before the capture began), sent instead of a FIN; `unacked` counts the bytes the peer had sent
//   (its last segment's tcp.nxtseq) beyond this RST's tcp.ack.
import type { Field } from '../types.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import { num } from './read-fields.ts';
import type { FrameSentence, TcpFacts } from './sentence-types.ts';

const TH_ACK = 0x10;
const TH_SYN = 0x02;
/** tcp.completeness bit (Wireshark 4.0): a SYN-ACK was seen. */
const C_SYN_ACK = 2;
/** How far back to look for the peer's previous segment (frames of any stream). */
const LOOK_BACK = 5000;

export function rstSentence(capture: SentenceCapture, n: number, tcp: readonly Field[], facts: TcpFacts): FrameSentence {
  const flags = num(tcp, 'tcp.flags');
  const completeness = num(tcp, 'tcp.completeness');
  const stream = num(tcp, 'tcp.stream', -1);
  const peer = peerBefore(capture, n, stream, facts.srcPort);
  const peerTcp = peer ? tcpNode(capture, peer) : undefined;
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
    return {
      key: 'rst_abort',
      params: {
        ...facts,
        peerFrame: peer ?? 0,
        unacked: peerTcp ? Math.max(0, peerNext - facts.ack) : 0,
        sent: Math.max(0, facts.seq - 1),
        received: Math.max(0, facts.ack - 1),
      },
    };
  }
  return { key: 'rst_other', params: facts };
}

function tcpNode(capture: SentenceCapture, n: number): readonly Field[] | undefined {
  return capture.dissect(n).tree.find((f) => f.name === 'tcp')?.children;
}

/** The latest earlier frame of the same stream sent by the other side, if the capture has one near. */
function peerBefore(capture: SentenceCapture, n: number, stream: number, srcPort: number): number | undefined {
  if (stream < 0) return undefined;
  for (let k = n - 1; k >= 1 && k >= n - LOOK_BACK; k--) {
    if (capture.analysis.streamOf(k) !== stream) continue;
    const tcp = tcpNode(capture, k);
    if (tcp && num(tcp, 'tcp.srcport') !== srcPort) return k;
  }
  return undefined;
}
