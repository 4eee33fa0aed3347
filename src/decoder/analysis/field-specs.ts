// The generated fields of the TCP/UDP analysis, as a declarative table (Wireshark's names,
// labels and types). Registered like every layer's table, so display filters and `-e` know them.
import { defineFields, type FieldDef, type FieldSpec } from '../fields/spec.ts';
import { tcpFields } from '../layers/tcp.ts';
import { FLAG_TABLE } from './analysis-flags.ts';

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
  duplicateAckNum: { name: 'tcp.analysis.duplicate_ack_num', label: 'Duplicate ACK #', type: 'uint', width: 32, generated: true },
  duplicateAckFrame: { name: 'tcp.analysis.duplicate_ack_frame', label: 'Duplicate to the ACK in frame', type: 'framenum', width: 32, generated: true },
  rto: { name: 'tcp.analysis.rto', label: 'The RTO for this segment was', type: 'reltime', generated: true },
  rtoFrame: { name: 'tcp.analysis.rto_frame', label: 'RTO based on delta from frame', type: 'framenum', width: 32, generated: true },
  dsack: { name: 'tcp.options.sack.dsack', label: 'D-SACK Sequence', type: 'none', generated: true },
  dsackLe: { name: 'tcp.options.sack.dsack_le', label: 'TCP D-SACK Left Edge', type: 'uint', width: 32, generated: true },
  dsackRe: { name: 'tcp.options.sack.dsack_re', label: 'TCP D-SACK Right Edge', type: 'uint', width: 32, generated: true },
  udpStream: { name: 'udp.stream', label: 'Stream index', type: 'uint', width: 32, generated: true },
  udpTimeRelative: { name: 'udp.time_relative', label: 'Time since first frame', type: 'reltime', generated: true },
  udpTimeDelta: { name: 'udp.time_delta', label: 'Time since previous frame', type: 'reltime', generated: true },
});

/** One field per analysis flag, made from the flag table (Wireshark labels each with its expert text), by bit. */
export const FLAG_FIELDS: ReadonlyMap<number, FieldSpec> = (() => {
  const defs: Record<string, FieldDef> = {};
  for (const f of FLAG_TABLE) defs[f.field] = { name: f.field, label: f.message, type: 'none', generated: true };
  const specs = defineFields(defs);
  return new Map(FLAG_TABLE.map((f) => [f.bit, specs[f.field]]));
})();

/** Every field the analysis adds. */
export const ANALYSIS_SPECS: readonly FieldSpec[] = [...Object.values(A), ...FLAG_FIELDS.values()];

/** Every field the analysis adds, by name. */
export const ANALYSIS_NAMES: readonly string[] = ANALYSIS_SPECS.map((s) => s.name);

/**
 * Fields of the TCP layer's table whose values the analysis gives (the layer
 * alone has raw numbers): relative sequence numbers, the scaled window, and
 * SACK edges relative to the peer's initial sequence number.
 */
export const TCP_ANALYSED: readonly FieldSpec[] = [
  tcpFields.seq,
  tcpFields.nxtseq,
  tcpFields.ack,
  tcpFields.windowSize,
  tcpFields.scaleFactor,
  tcpFields.sackLe,
  tcpFields.sackRe,
];
