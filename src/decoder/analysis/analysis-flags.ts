// The per-segment analysis flags, as bits, with Wireshark's field names and expert texts.
// Declarative like a field table: the analyzer sets bits, the field builder reads this table.
import type { Severity } from '../types.ts';

export const A_RETRANSMISSION = 1 << 0;
export const A_LOST_PACKET = 1 << 1;
export const A_ACK_LOST_PACKET = 1 << 2;
export const A_KEEP_ALIVE = 1 << 3;
export const A_DUPLICATE_ACK = 1 << 4;
export const A_ZERO_WINDOW = 1 << 5;
export const A_ZERO_WINDOW_PROBE = 1 << 6;
export const A_ZERO_WINDOW_PROBE_ACK = 1 << 7;
export const A_KEEP_ALIVE_ACK = 1 << 8;
export const A_OUT_OF_ORDER = 1 << 9;
export const A_FAST_RETRANSMISSION = 1 << 10;
export const A_WINDOW_UPDATE = 1 << 11;
export const A_WINDOW_FULL = 1 << 12;
export const A_REUSED_PORTS = 1 << 13;
export const A_SPURIOUS_RETRANSMISSION = 1 << 14;
/** Not an expert flag: the segment carries a D-SACK block (RFC 2883). */
export const A_DSACK = 1 << 15;

export interface FlagInfo {
  bit: number;
  field: string;
  severity: Severity;
  /** Wireshark's expert summary text. */
  message: string;
}

/** In the order Wireshark lists them under "SEQ/ACK analysis". */
export const FLAG_TABLE: readonly FlagInfo[] = [
  { bit: A_RETRANSMISSION, field: 'tcp.analysis.retransmission', severity: 'note', message: 'This frame is a (suspected) retransmission' },
  { bit: A_FAST_RETRANSMISSION, field: 'tcp.analysis.fast_retransmission', severity: 'note', message: 'This frame is a (suspected) fast retransmission' },
  {
    bit: A_SPURIOUS_RETRANSMISSION,
    field: 'tcp.analysis.spurious_retransmission',
    severity: 'note',
    message: 'This frame is a (suspected) spurious retransmission',
  },
  { bit: A_OUT_OF_ORDER, field: 'tcp.analysis.out_of_order', severity: 'warn', message: 'This frame is a (suspected) out-of-order segment' },
  {
    bit: A_REUSED_PORTS,
    field: 'tcp.analysis.reused_ports',
    severity: 'note',
    message: 'A new tcp session is started with the same ports as an earlier session in this trace',
  },
  { bit: A_LOST_PACKET, field: 'tcp.analysis.lost_segment', severity: 'warn', message: 'Previous segment(s) not captured (common at capture start)' },
  { bit: A_ACK_LOST_PACKET, field: 'tcp.analysis.ack_lost_segment', severity: 'warn', message: "ACKed segment that wasn't captured (common at capture start)" },
  { bit: A_WINDOW_UPDATE, field: 'tcp.analysis.window_update', severity: 'chat', message: 'TCP window update' },
  { bit: A_WINDOW_FULL, field: 'tcp.analysis.window_full', severity: 'warn', message: 'TCP window specified by the receiver is now completely full' },
  { bit: A_KEEP_ALIVE, field: 'tcp.analysis.keep_alive', severity: 'note', message: 'TCP keep-alive segment' },
  { bit: A_KEEP_ALIVE_ACK, field: 'tcp.analysis.keep_alive_ack', severity: 'note', message: 'ACK to a TCP keep-alive segment' },
  { bit: A_DUPLICATE_ACK, field: 'tcp.analysis.duplicate_ack', severity: 'note', message: 'Duplicate ACK' },
  { bit: A_ZERO_WINDOW_PROBE, field: 'tcp.analysis.zero_window_probe', severity: 'note', message: 'TCP Zero Window Probe' },
  { bit: A_ZERO_WINDOW, field: 'tcp.analysis.zero_window', severity: 'warn', message: 'TCP Zero Window segment' },
  { bit: A_ZERO_WINDOW_PROBE_ACK, field: 'tcp.analysis.zero_window_probe_ack', severity: 'note', message: 'ACK to a TCP Zero Window Probe' },
];

/** Bits that make Wireshark add the tcp.analysis.flags subtree. */
export const A_EXPERT_BITS = FLAG_TABLE.reduce((m, f) => m | f.bit, 0);
