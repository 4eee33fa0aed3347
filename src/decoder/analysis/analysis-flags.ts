// The per-segment analysis flags: one table says everything about each flag (its bit, Wireshark's
// field, expert item and Info prefix, where the analyzer tests it, its packet-list colour and the
// key of its plain explanation). The analyzer sets bits; every other place reads this table.
import type { Severity } from '../types.ts';
import type { ExplainContext, ExplainKey } from './explain.ts';
import type { FrameNote } from './tcp-analyzer.ts';

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

/**
 * Which of Wireshark's packet-list colouring classes a flag belongs to. Its "Bad TCP" rule is
 * `tcp.analysis.flags && !tcp.analysis.window_update && ...`: any flag puts a frame in it
 * ('bad-tcp') unless the frame also has one of the flags the rule excludes ('exempt').
 */
export type FlagColour = 'bad-tcp' | 'exempt';

/** What an explanation reads: a field of the explanation context, or of the analyzer's note. */
export type ExplainParam = Exclude<keyof ExplainContext, 'note'> | keyof FrameNote;

export interface FlagInfo {
  bit: number;
  field: string;
  /**
   * Where the analyzer tests the flag among the tests on one segment (tcp-analyzer.ts, Wireshark's
   * User's Guide order): 0 when the conversation is looked up, then the tests on this direction,
   * then the ACK check, then the retransmission family.
   */
  test: number;
  /** Rank in the retransmission family: a repeated segment gets the first that applies. */
  family?: number;
  severity: Severity;
  /** Wireshark's expert summary text (also the field's label). */
  message: string;
  /** The expert text and Info prefix carry the duplicate ACK's frame and number. */
  numbered?: boolean;
  /** Info-column prefix, without brackets. */
  info: string;
  /** Wireshark prepends the Info prefixes in this order, so the highest comes first. */
  infoRank: number;
  colour: FlagColour;
  /** Its plain-language explanation (explain.ts) and what that explanation reads. */
  explain: ExplainKey;
  explainParams: readonly ExplainParam[];
}

const RANGE: readonly ExplainParam[] = ['first', 'last', 'control'];

/** In the order Wireshark lists them under "SEQ/ACK analysis". */
export const FLAG_TABLE: readonly FlagInfo[] = [
  {
    bit: A_RETRANSMISSION,
    field: 'tcp.analysis.retransmission',
    test: 11,
    family: 4,
    severity: 'note',
    message: 'This frame is a (suspected) retransmission',
    info: 'TCP Retransmission',
    infoRank: 0,
    colour: 'bad-tcp',
    explain: 'retransmission',
    explainParams: [...RANGE, 'origFrame', 'sinceNs', 'rtoFrame', 'rtoNs'],
  },
  {
    bit: A_FAST_RETRANSMISSION,
    field: 'tcp.analysis.fast_retransmission',
    test: 11,
    family: 1,
    severity: 'note',
    message: 'This frame is a (suspected) fast retransmission',
    info: 'TCP Fast Retransmission',
    infoRank: 1,
    colour: 'bad-tcp',
    explain: 'fast_retransmission',
    explainParams: [...RANGE, 'origFrame', 'dupAckNum', 'ackFrame'],
  },
  {
    bit: A_SPURIOUS_RETRANSMISSION,
    field: 'tcp.analysis.spurious_retransmission',
    test: 11,
    family: 2,
    severity: 'note',
    message: 'This frame is a (suspected) spurious retransmission',
    info: 'TCP Spurious Retransmission',
    infoRank: 2,
    colour: 'bad-tcp',
    explain: 'spurious_retransmission',
    explainParams: [...RANGE, 'origFrame', 'ackFrame'],
  },
  {
    bit: A_OUT_OF_ORDER,
    field: 'tcp.analysis.out_of_order',
    test: 11,
    family: 3,
    severity: 'warn',
    message: 'This frame is a (suspected) out-of-order segment',
    info: 'TCP Out-Of-Order',
    infoRank: 3,
    colour: 'bad-tcp',
    explain: 'out_of_order',
    explainParams: [...RANGE, 'origFrame', 'aheadFrame', 'sinceNs', 'irttKnown', 'thresholdNs'],
  },
  {
    bit: A_REUSED_PORTS,
    field: 'tcp.analysis.reused_ports',
    test: 0,
    severity: 'note',
    message: 'A new tcp session is started with the same ports as an earlier session in this trace',
    info: 'TCP Port numbers reused',
    infoRank: 14,
    colour: 'bad-tcp',
    explain: 'reused_ports',
    explainParams: ['reusedFromStream'],
  },
  {
    bit: A_LOST_PACKET,
    field: 'tcp.analysis.lost_segment',
    test: 3,
    severity: 'warn',
    message: 'Previous segment(s) not captured (common at capture start)',
    info: 'TCP Previous segment not captured',
    infoRank: 4,
    colour: 'bad-tcp',
    explain: 'lost_segment',
    explainParams: ['first', 'gapFrom', 'gapTo', 'aheadFrame'],
  },
  {
    bit: A_ACK_LOST_PACKET,
    field: 'tcp.analysis.ack_lost_segment',
    test: 10,
    severity: 'warn',
    message: "ACKed segment that wasn't captured (common at capture start)",
    info: 'TCP ACKed unseen segment',
    infoRank: 5,
    colour: 'bad-tcp',
    explain: 'ack_lost_segment',
    explainParams: ['ack', 'gapFrom', 'gapTo'],
  },
  {
    bit: A_WINDOW_UPDATE,
    field: 'tcp.analysis.window_update',
    test: 5,
    severity: 'chat',
    message: 'TCP window update',
    info: 'TCP Window Update',
    infoRank: 6,
    colour: 'exempt',
    explain: 'window_update',
    explainParams: ['window', 'prevWindow'],
  },
  {
    bit: A_WINDOW_FULL,
    field: 'tcp.analysis.window_full',
    test: 6,
    severity: 'warn',
    message: 'TCP window specified by the receiver is now completely full',
    info: 'TCP Window Full',
    infoRank: 7,
    colour: 'bad-tcp',
    explain: 'window_full',
    explainParams: ['last', 'ackFrame', 'prevWindow'],
  },
  {
    bit: A_KEEP_ALIVE,
    field: 'tcp.analysis.keep_alive',
    test: 4,
    severity: 'note',
    message: 'TCP keep-alive segment',
    info: 'TCP Keep-Alive',
    infoRank: 8,
    colour: 'exempt',
    explain: 'keep_alive',
    explainParams: ['first', 'last', 'nextExpected', 'peerWindow', 'peerWindowFrame'],
  },
  {
    bit: A_KEEP_ALIVE_ACK,
    field: 'tcp.analysis.keep_alive_ack',
    test: 7,
    severity: 'note',
    message: 'ACK to a TCP keep-alive segment',
    info: 'TCP Keep-Alive ACK',
    infoRank: 9,
    colour: 'exempt',
    explain: 'keep_alive_ack',
    explainParams: ['answersFrame'],
  },
  {
    bit: A_DUPLICATE_ACK,
    field: 'tcp.analysis.duplicate_ack',
    test: 9,
    severity: 'note',
    message: 'Duplicate ACK',
    numbered: true,
    info: 'TCP Dup ACK',
    infoRank: 10,
    colour: 'bad-tcp',
    explain: 'duplicate_ack',
    explainParams: ['ack', 'dupAckNum', 'dupAckFrame', 'dsack'],
  },
  {
    bit: A_ZERO_WINDOW_PROBE,
    field: 'tcp.analysis.zero_window_probe',
    test: 1,
    severity: 'note',
    message: 'TCP Zero Window Probe',
    info: 'TCP ZeroWindowProbe',
    infoRank: 11,
    colour: 'bad-tcp',
    explain: 'zero_window_probe',
    explainParams: ['first'],
  },
  {
    bit: A_ZERO_WINDOW,
    field: 'tcp.analysis.zero_window',
    test: 2,
    severity: 'warn',
    message: 'TCP Zero Window segment',
    info: 'TCP ZeroWindow',
    infoRank: 12,
    colour: 'bad-tcp',
    explain: 'zero_window',
    explainParams: ['frame', 'zeroBeforeFrame', 'probeFrame'],
  },
  {
    bit: A_ZERO_WINDOW_PROBE_ACK,
    field: 'tcp.analysis.zero_window_probe_ack',
    test: 8,
    severity: 'note',
    message: 'ACK to a TCP Zero Window Probe',
    info: 'TCP ZeroWindowProbeAck',
    infoRank: 13,
    colour: 'bad-tcp',
    explain: 'zero_window_probe_ack',
    explainParams: ['answersFrame'],
  },
];

/** Bits that make Wireshark add the tcp.analysis.flags subtree. */
export const A_EXPERT_BITS = FLAG_TABLE.reduce((m, f) => m | f.bit, 0);

/** The retransmission family's bits, first-applying first. */
const RETRANSMISSION_FAMILY: readonly number[] = FLAG_TABLE.filter((f) => f.family !== undefined)
  .sort((a, b) => (a.family ?? 0) - (b.family ?? 0))
  .map((f) => f.bit);

/** The family member a repeated segment gets, of those whose conditions hold (`applies`, a bit set). */
export function firstOfFamily(applies: number): number {
  for (const bit of RETRANSMISSION_FAMILY) if (applies & bit) return bit;
  return 0;
}

/** The flags in the order Wireshark prepends their Info prefixes. */
export const INFO_ORDER: readonly FlagInfo[] = [...FLAG_TABLE].sort((a, b) => a.infoRank - b.infoRank);

/** The flags whose presence keeps a frame out of the "Bad TCP" colour. */
export const BAD_TCP_EXEMPT: readonly FlagInfo[] = FLAG_TABLE.filter((f) => f.colour === 'exempt');
