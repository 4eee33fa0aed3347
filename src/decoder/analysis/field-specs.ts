// The generated fields of the TCP/UDP analysis, as a declarative table (Wireshark's names,
// labels and types). Registered like every layer's table, so display filters and `-e` know them.
import { defineFields } from '../fields/spec.ts';

/**
 * Wireshark's words for tcp.completeness, a bit set of what the capture saw:
 * SYN 1, SYN-ACK 2, ACK 4, data 8, FIN 16, RST 32. Complete means a handshake
 * and an end (FIN or RST).
 */
function completenessText(v: number): string {
  const has = (bits: number) => (v & bits) === bits;
  if (has(0x1f) || has(0x2f)) return 'Complete, WITH_DATA';
  if (has(0x17) || has(0x27)) return 'Complete, NO_DATA';
  const partial: Record<number, string> = { 1: 'SYN_SENT', 3: 'CLIENT_ESTABLISHED', 7: 'ESTABLISHED', 15: 'DATA' };
  return partial[v] ? `Incomplete, ${partial[v]}` : 'Incomplete';
}

export const A = defineFields({
  stream: { name: 'tcp.stream', label: 'Stream index', type: 'uint', width: 32, generated: true },
  completeness: { name: 'tcp.completeness', label: 'Conversation completeness', type: 'uint', width: 8, generated: true, strings: completenessText },
  timeRelative: { name: 'tcp.time_relative', label: 'Time since first frame in this TCP stream', type: 'reltime', generated: true },
  timeDelta: { name: 'tcp.time_delta', label: 'Time since previous frame in this TCP stream', type: 'reltime', generated: true },
  analysis: { name: 'tcp.analysis', label: 'SEQ/ACK analysis', type: 'none', generated: true },
  acksFrame: { name: 'tcp.analysis.acks_frame', label: 'This is an ACK to the segment in frame', type: 'framenum', width: 32, generated: true },
  ackRtt: { name: 'tcp.analysis.ack_rtt', label: 'The RTT to ACK the segment was', type: 'reltime', generated: true },
  initialRtt: { name: 'tcp.analysis.initial_rtt', label: 'iRTT', type: 'reltime', generated: true },
  bytesInFlight: { name: 'tcp.analysis.bytes_in_flight', label: 'Bytes in flight', type: 'uint', width: 32, generated: true },
  pushBytesSent: { name: 'tcp.analysis.push_bytes_sent', label: 'Bytes sent since last PSH flag', type: 'uint', width: 32, generated: true },
  flags: { name: 'tcp.analysis.flags', label: 'TCP Analysis Flags', type: 'none', generated: true },
  retransmission: { name: 'tcp.analysis.retransmission', label: 'This frame is a (suspected) retransmission', type: 'none', generated: true },
  fastRetransmission: { name: 'tcp.analysis.fast_retransmission', label: 'This frame is a (suspected) fast retransmission', type: 'none', generated: true },
  spuriousRetransmission: {
    name: 'tcp.analysis.spurious_retransmission',
    label: 'This frame is a (suspected) spurious retransmission',
    type: 'none',
    generated: true,
  },
  outOfOrder: { name: 'tcp.analysis.out_of_order', label: 'This frame is a (suspected) out-of-order segment', type: 'none', generated: true },
  reusedPorts: {
    name: 'tcp.analysis.reused_ports',
    label: 'A new tcp session is started with the same ports as an earlier session in this trace',
    type: 'none',
    generated: true,
  },
  lostSegment: { name: 'tcp.analysis.lost_segment', label: 'Previous segment(s) not captured (common at capture start)', type: 'none', generated: true },
  ackLostSegment: {
    name: 'tcp.analysis.ack_lost_segment',
    label: "ACKed segment that wasn't captured (common at capture start)",
    type: 'none',
    generated: true,
  },
  windowUpdate: { name: 'tcp.analysis.window_update', label: 'TCP window update', type: 'none', generated: true },
  windowFull: { name: 'tcp.analysis.window_full', label: 'TCP window specified by the receiver is now completely full', type: 'none', generated: true },
  keepAlive: { name: 'tcp.analysis.keep_alive', label: 'TCP keep-alive segment', type: 'none', generated: true },
  keepAliveAck: { name: 'tcp.analysis.keep_alive_ack', label: 'ACK to a TCP keep-alive segment', type: 'none', generated: true },
  duplicateAck: { name: 'tcp.analysis.duplicate_ack', label: 'Duplicate ACK', type: 'none', generated: true },
  duplicateAckNum: { name: 'tcp.analysis.duplicate_ack_num', label: 'Duplicate ACK #', type: 'uint', width: 32, generated: true },
  duplicateAckFrame: { name: 'tcp.analysis.duplicate_ack_frame', label: 'Duplicate to the ACK in frame', type: 'framenum', width: 32, generated: true },
  zeroWindow: { name: 'tcp.analysis.zero_window', label: 'TCP Zero Window segment', type: 'none', generated: true },
  zeroWindowProbe: { name: 'tcp.analysis.zero_window_probe', label: 'TCP Zero Window Probe', type: 'none', generated: true },
  zeroWindowProbeAck: { name: 'tcp.analysis.zero_window_probe_ack', label: 'ACK to a TCP Zero Window Probe', type: 'none', generated: true },
  rto: { name: 'tcp.analysis.rto', label: 'The RTO for this segment was', type: 'reltime', generated: true },
  rtoFrame: { name: 'tcp.analysis.rto_frame', label: 'RTO based on delta from frame', type: 'framenum', width: 32, generated: true },
  dsack: { name: 'tcp.options.sack.dsack', label: 'D-SACK Sequence', type: 'none', generated: true },
  dsackLe: { name: 'tcp.options.sack.dsack_le', label: 'TCP D-SACK Left Edge', type: 'uint', width: 32, generated: true },
  dsackRe: { name: 'tcp.options.sack.dsack_re', label: 'TCP D-SACK Right Edge', type: 'uint', width: 32, generated: true },
  udpStream: { name: 'udp.stream', label: 'Stream index', type: 'uint', width: 32, generated: true },
  udpTimeRelative: { name: 'udp.time_relative', label: 'Time since first frame', type: 'reltime', generated: true },
  udpTimeDelta: { name: 'udp.time_delta', label: 'Time since previous frame', type: 'reltime', generated: true },
});
