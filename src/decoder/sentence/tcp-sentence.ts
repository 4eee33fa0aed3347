// A TCP segment's sentence by its flags (tcp.flags): SYN, SYN-ACK, RST (see
// rst-sentence.ts), FIN, data (tcp.len > 0), or a plain ACK; each with the
// states RFC 9293 moves both ends to (the analysis' connection states). A
// plain ACK also says what its number counts, whether it repeats an old
// sequence number, and which probe it answers (probe-answer.ts).
import type { Field } from '../types.ts';
import { probeAnswer } from './probe-answer.ts';
import { has, num } from './read-fields.ts';
import { rstSentence } from './rst-sentence.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import type { AckMeaning, FrameSentence } from './sentence-types.ts';
import { peerBefore } from './stream-history.ts';
import { tcpFacts } from './tcp-facts.ts';
import { TCP_FLAG } from '../layers/tcp-flags.ts';

// The flag bits, from the TCP table.
const { FIN: TH_FIN, SYN: TH_SYN, RST: TH_RST, PSH: TH_PSH, ACK: TH_ACK } = TCP_FLAG;
/** tcp.completeness bits (Wireshark 4.0): a SYN, a SYN-ACK was seen. */
const C_SYN = 1;
const C_SYN_ACK = 2;

export function tcpSentence(capture: SentenceCapture, n: number, tcp: readonly Field[]): FrameSentence {
  const flags = num(tcp, 'tcp.flags');
  const facts = tcpFacts(tcp, n, capture.analysis);
  if (flags & TH_RST) return rstSentence(capture, n, tcp, facts);
  if (flags & TH_SYN) return flags & TH_ACK ? { key: 'tcp_syn_ack', params: facts } : { key: 'tcp_syn', params: facts };
  if (flags & TH_FIN) return { key: 'tcp_fin', params: facts };
  if (facts.len > 0) {
    // Fast and spurious retransmissions carry tcp.analysis.retransmission too.
    const behind = has(tcp, 'tcp.analysis.retransmission') || has(tcp, 'tcp.analysis.out_of_order');
    const probe = has(tcp, 'tcp.analysis.zero_window_probe') ? 'zero_window' : has(tcp, 'tcp.analysis.keep_alive') ? 'keep_alive' : undefined;
    return { key: 'tcp_data', params: { ...facts, push: (flags & TH_PSH) !== 0, behind, ...(probe ? { probe } : {}) } };
  }
  // The third segment of the handshake: it acknowledges the SYN-ACK (relative ack 1, seq 1).
  const acked = facts.acksFrame > 0 ? capture.dissect(facts.acksFrame).tree.find((f) => f.name === 'tcp')?.children : undefined;
  const completesHandshake = !!acked && (num(acked, 'tcp.flags') & (TH_SYN | TH_ACK)) === (TH_SYN | TH_ACK);
  const answers = completesHandshake ? undefined : probeAnswer(capture, n, tcp);
  return {
    key: 'tcp_ack',
    params: {
      ...facts,
      completesHandshake,
      acked: ackMeaning(capture, n, tcp, facts.ack),
      oldSeq: has(tcp, 'tcp.analysis.keep_alive'),
      ...(answers ? { answers } : {}),
    },
  };
}

/** What ACK 1 counts: relative numbers start at a SYN's number when the capture has both SYNs, else at the first segment it shows. */
function ackMeaning(capture: SentenceCapture, n: number, tcp: readonly Field[], ack: number): AckMeaning {
  if (ack !== 1) return 'data';
  const seg = capture.tcpSegment(n);
  if (seg && capture.analysis.facts(seg)?.settled) {
    // A side that sent data has moved its sequence number past 1 (the SYN's), in every later segment.
    const peer = peerBefore(capture, n, num(tcp, 'tcp.stream', -1), num(tcp, 'tcp.srcport'));
    const sent = peer ? Math.max(num(peer.tcp, 'tcp.seq'), num(peer.tcp, 'tcp.nxtseq')) > 1 : false;
    return sent ? 'first-byte-missing' : 'nothing-sent';
  }
  return (num(tcp, 'tcp.completeness') & (C_SYN | C_SYN_ACK)) === 0 ? 'before-capture' : 'data';
}
