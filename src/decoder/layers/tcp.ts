// TCP (RFC 9293): header, flags, options, checksum over the pseudo-header.
// Sequence analysis (relative numbers, streams, retransmissions) belongs to
// the analysis layer, which hooks in through the session (see session.ts).

import { defineFields } from '../fields/spec.ts';
import { EXPERT_SPECS } from '../fields/expert-fields.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { bitPattern, hexOf } from '../fields/format.ts';
import { CHECKSUM_BAD, CHECKSUM_GOOD, CHECKSUM_STATUS, CHECKSUM_UNVERIFIED } from '../checksum.ts';
import { need, u16, u32 } from './context.ts';
import type { Decoder, LayerContext } from './context.ts';
import { transportChecksum } from './pseudo.ts';
import { bindingKey } from '../bindings.ts';
import type { TcpAnalysis } from './session.ts';
import { dissectReassembled, emitSegmentLines, isHeldSegment, ownSpan, SEGMENT_INFO } from './tcp-segment.ts';
import { routePayload } from './route-payload.ts';
import { TCP_FLAG } from './tcp-flags.ts';

export { TCP_FLAG };

/** Fixed header byte offsets (RFC 9293 3.1): the decoder, the fast paths and the builder read them here. */
export const TCP_HEADER = {
  srcPort: 0,
  dstPort: 2,
  seq: 4,
  ack: 8,
  /** Data offset (high nibble, in 32-bit words) and the 12 flag bits share these two bytes. */
  dataOffset: 12,
  flags: 12,
  window: 14,
  checksum: 16,
  urgentPointer: 18,
  /** Header without options; also where the options begin. */
  length: 20,
  /** The 12 flag bits of the 16-bit word at `flags`. */
  flagsMask: 0x0fff,
} as const;

/** Option kinds (IANA TCP parameters) Wirebook decodes or builds. */
export const TCP_OPT = {
  EOL: 0,
  NOP: 1,
  MSS: 2,
  WSCALE: 3,
  SACK_PERM: 4,
  SACK: 5,
  TIMESTAMP: 8,
  TFO: 34,
} as const;

/** Each option's whole length (kind and length bytes included) where it is fixed; a SACK block's size. */
export const TCP_OPT_LEN = {
  /** Kind and length bytes: an option's value begins after them. */
  HEAD: 2,
  MSS: 4,
  WSCALE: 3,
  SACK_PERM: 2,
  TIMESTAMP: 10,
  /** A SACK option is these two bytes plus 8 per block. */
  SACK_HEAD: 2,
  SACK_BLOCK: 8,
  TFO_REQUEST: 2,
} as const;

const H = TCP_HEADER;
const F = TCP_FLAG;
const K = TCP_OPT;
const L = TCP_OPT_LEN;
/** TCP's IP protocol number, for the pseudo-header. */
const IP_PROTO_TCP = bindingKey('ip.proto', 'tcp');

const OPTION_KINDS: Readonly<Record<number, string>> = {
  [K.EOL]: 'End of Option List',
  [K.NOP]: 'No-Operation',
  [K.MSS]: 'Maximum Segment Size',
  [K.WSCALE]: 'Window Scale',
  [K.SACK_PERM]: 'SACK Permitted',
  [K.SACK]: 'SACK',
  [K.TIMESTAMP]: 'Time Stamp Option',
  19: 'MD5 Signature Option',
  28: 'User Timeout',
  29: 'TCP Authentication Option',
  30: 'Multipath TCP',
  [K.TFO]: 'TCP Fast Open Cookie',
  253: 'RFC3692-style Experiment 1',
  254: 'RFC3692-style Experiment 2',
};

/** Names of the 12 flag bits, high to low, as tcp.flags.str letters. */
const FLAG_LETTERS = 'RRRACEUAPRSF';
/** Info-column order: FIN first, as Wireshark lists them. */
const FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [F.FIN, 'FIN'],
  [F.SYN, 'SYN'],
  [F.RST, 'RST'],
  [F.PSH, 'PSH'],
  [F.ACK, 'ACK'],
  [F.URG, 'URG'],
  [F.ECE, 'ECE'],
  [F.CWR, 'CWR'],
  [F.AE, 'AE'],
  [F.RES, 'Reserved'],
];

export const tcpFields = defineFields({
  tcp: { name: 'tcp', label: 'Transmission Control Protocol', type: 'protocol' },
  srcport: { name: 'tcp.srcport', label: 'Source Port', type: 'uint', bits: 16, width: 16 },
  dstport: { name: 'tcp.dstport', label: 'Destination Port', type: 'uint', bits: 16, width: 16 },
  port: { name: 'tcp.port', label: 'Source or Destination Port', type: 'uint', width: 16, hidden: true },
  len: { name: 'tcp.len', label: 'TCP Segment Len', type: 'uint', width: 32, generated: true },
  seq: { name: 'tcp.seq', label: 'Sequence Number', type: 'uint', bits: 32, width: 32 },
  seqRaw: { name: 'tcp.seq_raw', label: 'Sequence Number (raw)', type: 'uint', width: 32, hidden: true },
  // With sequence analysis Wireshark shows the raw number under the relative one.
  seqRawShown: { name: 'tcp.seq_raw', label: 'Sequence Number (raw)', type: 'uint', width: 32 },
  nxtseq: { name: 'tcp.nxtseq', label: 'Next Sequence Number', type: 'uint', width: 32, generated: true },
  ack: { name: 'tcp.ack', label: 'Acknowledgment Number', type: 'uint', bits: 32, width: 32 },
  ackRaw: { name: 'tcp.ack_raw', label: 'Acknowledgment number (raw)', type: 'uint', width: 32 },
  // Without sequence analysis Wireshark does not show the raw number beside the (equal) shown one.
  ackRawHidden: { name: 'tcp.ack_raw', label: 'Acknowledgment number (raw)', type: 'uint', width: 32, hidden: true },
  hdrLen: { name: 'tcp.hdr_len', label: 'Header Length', type: 'uint', bits: 4, width: 8 },
  flags: { name: 'tcp.flags', label: 'Flags', type: 'uint', bits: 12, width: 16, mask: H.flagsMask, base: 'hex' },
  res: { name: 'tcp.flags.res', label: 'Reserved', type: 'bool', bits: 3, width: 12, mask: F.RES },
  ae: { name: 'tcp.flags.ae', label: 'Accurate ECN', type: 'bool', bits: 1, width: 12, mask: F.AE },
  cwr: { name: 'tcp.flags.cwr', label: 'Congestion Window Reduced', type: 'bool', bits: 1, width: 12, mask: F.CWR },
  ece: { name: 'tcp.flags.ece', label: 'ECN-Echo', type: 'bool', bits: 1, width: 12, mask: F.ECE },
  urg: { name: 'tcp.flags.urg', label: 'Urgent', type: 'bool', bits: 1, width: 12, mask: F.URG },
  ackFlag: { name: 'tcp.flags.ack', label: 'Acknowledgment', type: 'bool', bits: 1, width: 12, mask: F.ACK },
  push: { name: 'tcp.flags.push', label: 'Push', type: 'bool', bits: 1, width: 12, mask: F.PSH },
  reset: { name: 'tcp.flags.reset', label: 'Reset', type: 'bool', bits: 1, width: 12, mask: F.RST },
  syn: { name: 'tcp.flags.syn', label: 'Syn', type: 'bool', bits: 1, width: 12, mask: F.SYN },
  fin: { name: 'tcp.flags.fin', label: 'Fin', type: 'bool', bits: 1, width: 12, mask: F.FIN },
  flagsStr: { name: 'tcp.flags.str', label: 'TCP Flags', type: 'string', generated: true },
  window: { name: 'tcp.window_size_value', label: 'Window', type: 'uint', bits: 16, width: 16 },
  windowSize: { name: 'tcp.window_size', label: 'Calculated window size', type: 'uint', width: 32, generated: true },
  scaleFactor: {
    name: 'tcp.window_size_scalefactor',
    label: 'Window size scaling factor',
    type: 'int',
    width: 32,
    generated: true,
    fmt: (v) => (v === -1 ? '-1 (unknown)' : v === -2 ? '-2 (no window scaling used)' : String(v)),
  },
  checksum: { name: 'tcp.checksum', label: 'Checksum', type: 'uint', bits: 16, width: 16, base: 'hex' },
  checksumStatus: { name: 'tcp.checksum.status', label: 'Checksum Status', type: 'uint', width: 8, generated: true, fmt: (v) => CHECKSUM_STATUS[Number(v)] },
  checksumCalculated: { name: 'tcp.checksum_calculated', label: 'Calculated Checksum', type: 'uint', width: 16, base: 'hex', generated: true },
  urgentPointer: { name: 'tcp.urgent_pointer', label: 'Urgent Pointer', type: 'uint', bits: 16, width: 16 },
  options: { name: 'tcp.options', label: 'TCP Options', type: 'bytes' },
  optionKind: { name: 'tcp.option_kind', label: 'Kind', type: 'uint', width: 8, strings: OPTION_KINDS },
  optionLen: { name: 'tcp.option_len', label: 'Length', type: 'uint', width: 8 },
  eol: { name: 'tcp.options.eol', label: 'TCP Option - End of Option List (EOL)', type: 'none' },
  nop: { name: 'tcp.options.nop', label: 'TCP Option - No-Operation (NOP)', type: 'none' },
  mss: { name: 'tcp.options.mss', label: 'TCP Option - Maximum segment size', type: 'none' },
  mssVal: { name: 'tcp.options.mss_val', label: 'MSS Value', type: 'uint', width: 16 },
  wscale: { name: 'tcp.options.wscale', label: 'TCP Option - Window scale', type: 'none' },
  wscaleShift: { name: 'tcp.options.wscale.shift', label: 'Shift count', type: 'uint', width: 8 },
  wscaleMultiplier: { name: 'tcp.options.wscale.multiplier', label: 'Multiplier', type: 'uint', width: 16, generated: true },
  sackPerm: { name: 'tcp.options.sack_perm', label: 'TCP Option - SACK permitted', type: 'none' },
  sack: { name: 'tcp.options.sack', label: 'TCP Option - SACK', type: 'none' },
  sackLe: { name: 'tcp.options.sack_le', label: 'TCP SACK Left Edge', type: 'uint', width: 32, fmt: (v) => `${v}` },
  sackRe: { name: 'tcp.options.sack_re', label: 'TCP SACK Right Edge', type: 'uint', width: 32 },
  sackCount: { name: 'tcp.options.sack.count', label: 'TCP SACK Count', type: 'uint', width: 8, generated: true },
  timestamp: { name: 'tcp.options.timestamp', label: 'TCP Option - Timestamps', type: 'none' },
  tsval: { name: 'tcp.options.timestamp.tsval', label: 'Timestamp value', type: 'uint', width: 32 },
  tsecr: { name: 'tcp.options.timestamp.tsecr', label: 'Timestamp echo reply', type: 'uint', width: 32 },
  tfo: { name: 'tcp.options.tfo', label: 'TCP Option - TCP Fast Open', type: 'none' },
  tfoRequest: { name: 'tcp.options.tfo.request', label: 'Fast Open Cookie Request', type: 'none' },
  tfoCookie: { name: 'tcp.options.tfo.cookie', label: 'Fast Open Cookie', type: 'bytes' },
  unknown: { name: 'tcp.options.unknown', label: 'TCP Option - Unknown', type: 'none' },
  unknownPayload: { name: 'tcp.options.unknown.payload', label: 'Payload', type: 'bytes' },
  payload: { name: 'tcp.payload', label: 'TCP payload', type: 'bytes' },
});

const T = tcpFields;

/** Every field inside the options subtree. */
const OPTION_SPECS = Object.values(tcpFields).filter((s) => s.name.startsWith('tcp.option'));
const FLAG_SPECS = [T.flags, T.res, T.ae, T.cwr, T.ece, T.urg, T.ackFlag, T.push, T.reset, T.syn, T.fin, T.flagsStr];
const NO_OPTIONS: { opts: TcpOptions; names: string[]; info: string[] } = Object.freeze({ opts: Object.freeze({}), names: [], info: [] });

export const tcpTable: ProtocolTable = {
  layer: 'tcp',
  filter: 'tcp',
  title: 'Transmission Control Protocol',
  header: [T.srcport, T.dstport, T.seq, T.ack, T.hdrLen, T.flags, T.window, T.checksum, T.urgentPointer],
  fields: tcpFields,
};

/** The options a segment carried, decoded (undefined members were absent). */
export interface TcpOptions {
  mss?: number;
  /** Window scale shift count. */
  wscale?: number;
  sackPermitted?: boolean;
  /** SACK blocks as raw [left, right) edges. */
  sack?: Array<[number, number]>;
  tsval?: number;
  tsecr?: number;
  tfoCookie?: Uint8Array;
  tfoRequest?: boolean;
  /** The snap length cut the options: those after the last one captured whole are unknown. */
  cut?: boolean;
}

/** Decoded TCP header values: what the analysis layer works from. */
export interface TcpHeader {
  offset: number;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  hdrLen: number;
  /** The 12 flag bits (0x002 SYN, 0x010 ACK, ...). */
  flags: number;
  window: number;
  checksum: number;
  checksumStatus: number;
  urgentPointer: number;
  options: TcpOptions;
  /** Payload on the wire, and how much of it was captured. */
  payloadOffset: number;
  payloadLength: number;
  payloadCaptured: number;
}

const hex16 = (n: number) => hexOf(n, 16);

/** "1010 .... = Header Length: 40 bytes (10)" */
function hdrLenLine(n: number): string {
  return `${bitPattern(0xf0, 8, n / 4)} = Header Length: ${n} bytes (${n / 4})`;
}

function flagList(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n);
  return names.length ? names.join(', ') : '<None>';
}

function flagString(flags: number): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += flags & (0x800 >> i) ? FLAG_LETTERS[i] : '·';
  return s;
}

/** Names and Info when not described: never pushed to. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/**
 * One pass over the options: values for the header record and Info, and the names for the summary line.
 * Names and Info texts are built only when `describe` (details tree or columns): per frame they cost more than the values.
 */
function parseOptions(data: Uint8Array, from: number, to: number, describe: boolean): { opts: TcpOptions; names: string[]; info: string[] } {
  const opts: TcpOptions = {};
  const names: string[] = describe ? [] : NONE;
  const info: string[] = describe ? [] : NONE;
  for (let at = from; at < to; ) {
    const kind = data[at];
    if (kind === K.EOL || kind === K.NOP) {
      if (describe) names.push(kind === K.EOL ? 'End of Option List (EOL)' : 'No-Operation (NOP)');
      at++;
      continue;
    }
    const len = at + 1 < to ? data[at + 1] : 0;
    if (len < 2 || at + len > to) break;
    if (kind === K.MSS && len === L.MSS) {
      opts.mss = u16(data, at + 2);
      if (describe) names.push('Maximum segment size'), info.push(`MSS=${opts.mss}`);
    } else if (kind === K.WSCALE && len === L.WSCALE) {
      opts.wscale = data[at + 2];
      if (describe) names.push('Window scale'), info.push(`WS=${2 ** Math.min(opts.wscale, 14)}`);
    } else if (kind === K.SACK_PERM && len === L.SACK_PERM) {
      opts.sackPermitted = true;
      if (describe) names.push('SACK permitted'), info.push('SACK_PERM');
    } else if (kind === K.SACK && len >= L.SACK_HEAD) {
      const blocks: Array<[number, number]> = [];
      for (let p = at + L.SACK_HEAD; p + L.SACK_BLOCK <= at + len; p += L.SACK_BLOCK) {
        blocks.push([u32(data, p), u32(data, p + 4)]);
        if (describe) info.push(`SLE=${u32(data, p)} SRE=${u32(data, p + 4)}`);
      }
      opts.sack = blocks;
      if (describe) names.push('SACK');
    } else if (kind === K.TIMESTAMP && len === L.TIMESTAMP) {
      opts.tsval = u32(data, at + 2);
      opts.tsecr = u32(data, at + 6);
      if (describe) names.push('Timestamps'), info.push(`TSval=${opts.tsval} TSecr=${opts.tsecr}`);
    } else if (kind === K.TFO) {
      if (describe) names.push('TCP Fast Open');
      if (len === L.TFO_REQUEST) {
        opts.tfoRequest = true;
        if (describe) info.push('TFO=R');
      } else {
        opts.tfoCookie = data.subarray(at + 2, at + len);
        if (describe) info.push('TFO=C');
      }
    } else if (describe) {
      names.push(`${OPTION_KINDS[kind] ?? `Unknown (0x${kind.toString(16).padStart(2, '0')})`}`);
    }
    at += len;
  }
  return { opts, names, info };
}

/**
 * The options subtree, as Wireshark nests it. `sack`: relative edges from the analysis,
 * shown instead of the raw ones as Wireshark does. When the snap length cut the options
 * (`to` beyond the captured bytes), the item holds the captured bytes and the walk stops
 * in the option the cut falls in, as Wireshark's does when a read fails.
 */
function emitOptions(ctx: LayerContext, from: number, to: number, names: string[], sack?: ReadonlyArray<readonly [number, number]>): void {
  const { data, out } = ctx;
  const n = to - from;
  const captured = Math.min(to, data.length);
  out.open(T.options, from, captured - from, undefined, out.detail ? `Options: (${n} bytes)${names.length ? `, ${names.join(', ')}` : ''}` : undefined);
  const kindLen = (at: number, len: number) => {
    out.add(T.optionKind, at, 1, data[at]);
    out.add(T.optionLen, at + 1, 1, len);
  };
  for (let at = from; at < captured; ) {
    const kind = data[at];
    if (kind === K.EOL || kind === K.NOP) {
      out.open(kind === K.EOL ? T.eol : T.nop, at, 1);
      out.add(T.optionKind, at, 1, kind);
      out.close();
      at++;
      continue;
    }
    const name =
      kind === K.MSS
        ? 'Maximum segment size'
        : kind === K.WSCALE
          ? 'Window scale'
          : kind === K.SACK_PERM
            ? 'SACK permitted'
            : kind === K.SACK
              ? 'SACK'
              : kind === K.TIMESTAMP
                ? 'Timestamps'
                : kind === K.TFO
                  ? 'TCP Fast Open'
                  : 'Unknown';
    // The length byte itself was not captured: nothing of this option can be shown.
    if (at + 1 >= captured && at + 1 < to) break;
    const len = at + 1 < to ? data[at + 1] : 0;
    if (at + 1 >= to || len < 2) {
      const text = `${name} (with too-short option length = ${at + 1 < to ? len : 0} byte${len === 1 ? '' : 's'})`;
      if (out.detail) out.text(text, at, Math.min(2, to - at));
      out.expert('tcp.option.len.invalid', 'note', text);
      ctx.markBad();
      break;
    }
    if (at + len > to) {
      const text = `${name} (option length = ${len} bytes says option goes past end of options)`;
      if (out.detail) out.text(text, at, 2);
      out.expert('tcp.option.len.invalid', 'note', text);
      ctx.markBad();
      break;
    }
    if (at + len > captured) {
      emitCutOption(ctx, kind, at, len, captured);
      break;
    }
    if (kind === K.MSS && len === L.MSS) {
      const v = u16(data, at + 2);
      out.open(T.mss, at, len, undefined, out.detail ? `TCP Option - Maximum segment size: ${v} bytes` : undefined);
      kindLen(at, len);
      out.add(T.mssVal, at + 2, 2, v);
    } else if (kind === K.WSCALE && len === L.WSCALE) {
      const shift = data[at + 2];
      const mult = 2 ** Math.min(shift, 14);
      out.open(T.wscale, at, len, undefined, out.detail ? `TCP Option - Window scale: ${shift} (multiply by ${mult})` : undefined);
      kindLen(at, len);
      out.add(T.wscaleShift, at + 2, 1, shift);
      out.add(T.wscaleMultiplier, at + 2, 1, mult);
    } else if (kind === K.SACK_PERM && len === L.SACK_PERM) {
      out.open(T.sackPerm, at, len);
      kindLen(at, len);
    } else if (kind === K.SACK) {
      const block = (p: number, i: number): readonly [number, number] => sack?.[i] ?? [u32(data, p), u32(data, p + 4)];
      const rel = sack ? ' (relative)' : '';
      let edges = '';
      for (let p = at + L.SACK_HEAD, i = 0; p + L.SACK_BLOCK <= at + len; p += L.SACK_BLOCK, i++) edges += ` ${block(p, i)[0]}-${block(p, i)[1]}`;
      out.open(T.sack, at, len, undefined, out.detail ? `TCP Option - SACK${edges}` : undefined);
      kindLen(at, len);
      let count = 0;
      for (let p = at + L.SACK_HEAD; p + L.SACK_BLOCK <= at + len; p += L.SACK_BLOCK, count++) {
        const [le, re] = block(p, count);
        out.add(T.sackLe, p, 4, le, out.detail ? `left edge = ${le}${rel}` : undefined);
        out.add(T.sackRe, p + 4, 4, re, out.detail ? `right edge = ${re}${rel}` : undefined);
      }
      out.add(T.sackCount, at, 0, count);
    } else if (kind === K.TIMESTAMP && len === L.TIMESTAMP) {
      const tsval = u32(data, at + 2);
      const tsecr = u32(data, at + 6);
      out.open(T.timestamp, at, len, undefined, out.detail ? `TCP Option - Timestamps: TSval ${tsval}, TSecr ${tsecr}` : undefined);
      kindLen(at, len);
      out.add(T.tsval, at + 2, 4, tsval);
      out.add(T.tsecr, at + 6, 4, tsecr);
    } else if (kind === K.TFO) {
      out.open(T.tfo, at, len);
      kindLen(at, len);
      if (len === L.TFO_REQUEST) out.add(T.tfoRequest, at, 2);
      else out.add(T.tfoCookie, at + 2, len - 2);
    } else {
      out.open(T.unknown, at, len);
      kindLen(at, len);
      if (len > 2) out.add(T.unknownPayload, at + 2, len - 2);
    }
    out.close();
    at += len;
  }
  out.close();
}

/** Item of each option kind, for the one a cut falls in. */
const OPTION_ITEMS: Readonly<Record<number, (typeof T)[keyof typeof T]>> = {
  [K.MSS]: T.mss,
  [K.WSCALE]: T.wscale,
  [K.SACK_PERM]: T.sackPerm,
  [K.SACK]: T.sack,
  [K.TIMESTAMP]: T.timestamp,
  [K.TFO]: T.tfo,
};

/**
 * The option the snap length cut: its item over the captured bytes, kind and length, and
 * (timestamps) a value whose bytes were all captured; Wireshark stops at the first value
 * it cannot read, before its summary text. SACK blocks are left out: their edges are
 * shown relative, which needs the analysis of a whole option.
 */
function emitCutOption(ctx: LayerContext, kind: number, at: number, len: number, captured: number): void {
  const { data, out } = ctx;
  out.open(OPTION_ITEMS[kind] ?? T.unknown, at, captured - at);
  out.add(T.optionKind, at, 1, kind);
  out.add(T.optionLen, at + 1, 1, len);
  if (kind === K.TIMESTAMP && len === L.TIMESTAMP && at + 6 <= captured) out.add(T.tsval, at + 2, 4, u32(data, at + 2));
  out.close();
}

/** tcp.flags and its bit fields, with Wireshark's connection experts on SYN, FIN and RST. */
function flagFields(ctx: LayerContext, offset: number, flags: number, sp: number, dp: number, finRole?: 'active' | 'passive'): void {
  const { out } = ctx;
  out.open(T.flags, offset + H.flags, 2, flags, out.detail ? `Flags: ${hexOf(flags, 12)} (${flagList(flags)})` : undefined);
  out.add(T.res, offset + H.flags, 1, (flags & F.RES) !== 0);
  out.add(T.ae, offset + H.flags, 1, (flags & F.AE) !== 0);
  out.add(T.cwr, offset + H.flags + 1, 1, (flags & F.CWR) !== 0);
  out.add(T.ece, offset + H.flags + 1, 1, (flags & F.ECE) !== 0);
  out.add(T.urg, offset + H.flags + 1, 1, (flags & F.URG) !== 0);
  out.add(T.ackFlag, offset + H.flags + 1, 1, (flags & F.ACK) !== 0);
  out.add(T.push, offset + H.flags + 1, 1, (flags & F.PSH) !== 0);
  out.add(T.reset, offset + H.flags + 1, 1, (flags & F.RST) !== 0);
  if (flags & F.RST) out.expert('tcp.connection.rst', 'warn', 'Connection reset (RST)');
  out.add(T.syn, offset + H.flags + 1, 1, (flags & F.SYN) !== 0);
  if (flags & F.SYN) {
    if ((flags & F.ACK) !== 0) out.expert('tcp.connection.synack', 'chat', `Connection establish acknowledge (SYN+ACK): server port ${sp}`);
    else out.expert('tcp.connection.syn', 'chat', `Connection establish request (SYN): server port ${dp}`);
  }
  out.add(T.fin, offset + H.flags + 1, 1, (flags & F.FIN) !== 0);
  if (flags & F.FIN) out.expert('tcp.connection.fin', 'chat', 'Connection finish (FIN)');
  // The analysis knows which FIN closed first: the frame of the conversation's first FIN is
  // active, every other FIN frame passive (a resent first FIN too, as Wireshark counts frames).
  if (flags & F.FIN && finRole === 'active') out.expert('tcp.connection.fin_active', 'note', 'This frame initiates the connection closing');
  if (flags & F.FIN && finRole === 'passive') out.expert('tcp.connection.fin_passive', 'note', 'This frame undergoes the connection closing');
  out.add(T.flagsStr, offset + H.flags, 2, out.detail || out.wants(T.flagsStr) ? flagString(flags) : '');
  out.close();
}

const ALL_SPECS = Object.values(tcpFields);

/** The Info column: "[prefix]sp → dp [flags] Seq= Ack= Win= Len=" and the options read. */
function infoText(
  prefix: string,
  sp: number,
  dp: number,
  flags: number,
  seq: number,
  ack: number,
  win: number,
  status: number,
  urp: number,
  short: boolean,
  payloadLength: number,
  options: readonly string[],
  an: TcpAnalysis | undefined,
): string {
  let info = `${prefix}${sp} → ${dp} [${flagList(flags)}] Seq=${seq}`;
  if (flags & F.ACK) info += ` Ack=${ack}`;
  info += ` Win=${win}`;
  if (status === CHECKSUM_BAD) info += ' [TCP CHECKSUM INCORRECT]';
  if (flags & F.URG) info += ` Urg=${urp}`;
  if (!short) info += ` Len=${payloadLength}`;
  let block = 0;
  for (const o of options) {
    const rel = o.startsWith('SLE=') ? an?.sack?.[block++] : undefined;
    info += rel ? ` SLE=${rel[0]} SRE=${rel[1]}` : ` ${o}`;
  }
  return info;
}

/** Fast path: nothing of TCP is wanted, only its payload may be. */
function routeOnly(ctx: LayerContext, offset: number, end: number): number | void {
  const { data } = ctx;
  if (offset + H.length > Math.min(end, data.length)) return;
  const hdrLen = (data[offset + H.dataOffset] >> 4) * 4;
  if (hdrLen < H.length || offset + hdrLen > end) return;
  ctx.protocols.push('tcp');
  const payload = offset + hdrLen;
  if (payload >= end) return end;
  const sp = u16(data, offset);
  const dp = u16(data, offset + H.dstPort);
  routePayload(ctx, 'tcp.port', sp, dp, payload, end);
  return end;
}

export const decodeTcp: Decoder = (ctx, offset, end) => {
  if (ctx.quiet(ALL_SPECS)) return routeOnly(ctx, offset, end);
  const { data, out } = ctx;
  ctx.protocols.push('tcp');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = 'TCP';
  out.open(T.tcp, offset, 20, 'Transmission Control Protocol');
  const summaryWanted = out.detail || out.wants(T.tcp);
  if (!need(ctx, 'TCP', offset, 4, end)) {
    out.close();
    return;
  }
  const sp = u16(data, offset);
  const dp = u16(data, offset + H.dstPort);
  out.add(T.srcport, offset, 2, sp);
  out.add(T.dstport, offset + H.dstPort, 2, dp);
  out.add(T.port, offset, 2, sp);
  out.add(T.port, offset + H.dstPort, 2, dp);
  // An ICMP error quotes only the first 8 bytes: show what is there and stop quietly.
  if (ctx.inner && offset + H.length > Math.min(end, data.length)) {
    if (offset + H.ack <= data.length) out.add(T.seq, offset + H.seq, 4, u32(data, offset + H.seq));
    if (summaryWanted) out.finish(Math.min(end, data.length) - offset, `Transmission Control Protocol, Src Port: ${sp}, Dst Port: ${dp}`);
    out.close();
    return;
  }
  if (!need(ctx, 'TCP', offset, 13, end)) {
    out.close();
    return;
  }
  const seq = u32(data, offset + H.seq);
  const hdrLen = (data[offset + H.dataOffset] >> 4) * 4;
  const wireLen = end - offset;
  if (hdrLen < H.length) {
    // Wireshark stops at a data offset below 5 (RFC 9293 section 3.1).
    const msg = `Bogus TCP header length (${hdrLen}, must be at least 20)`;
    out.add(T.len, offset, 0, wireLen - hdrLen);
    out.add(T.seq, offset + H.seq, 4, seq);
    out.add(T.seqRaw, offset + H.seq, 4, seq);
    out.add(T.hdrLen, offset + H.flags, 1, hdrLen, out.detail ? hdrLenLine(hdrLen) : undefined);
    out.expert('tcp.bogus_header_length', 'error', msg);
    ctx.markBad();
    if (summaryWanted) out.finish(hdrLen, `Transmission Control Protocol, Src Port: ${sp}, Dst Port: ${dp}, Seq: ${seq}`);
    out.close();
    if (ctx.columns && !ctx.inner) {
      const flags = u16(data, offset + H.flags) & H.flagsMask;
      ctx.cols.info = `${sp} → ${dp} [${flagList(flags)}] Seq=${seq}${flags & F.ACK ? ` Ack=${u32(data, offset + H.ack)}` : ''} Win=${u16(data, offset + H.window)}, ${msg[0].toLowerCase()}${msg.slice(1)}`;
    }
    return;
  }
  if (!need(ctx, 'TCP', offset, 20, end)) {
    out.close();
    return;
  }
  const ack = u32(data, offset + H.ack);
  const flags = u16(data, offset + H.flags) & H.flagsMask;
  const win = u16(data, offset + H.window);
  const stored = u16(data, offset + H.checksum);
  const urp = u16(data, offset + H.urgentPointer);
  const short = hdrLen > wireLen;
  const payloadOffset = offset + hdrLen;
  const payloadLength = short ? 0 : wireLen - hdrLen;
  const payloadCaptured = short ? 0 : Math.max(0, Math.min(end, data.length) - payloadOffset);
  // Options are parsed when someone looks: the tree, the Info column, the analysis session, or a wanted option field.
  const optionsWanted = out.detail || out.wantsAny(OPTION_SPECS);
  const parseWanted = optionsWanted || ctx.columns || ctx.session !== undefined;
  // The snap length cut the options: those captured whole still count (Info, window scale).
  const optionsCut = !short && hdrLen > H.length && offset + hdrLen > data.length;
  const parsed =
    parseWanted && hdrLen > H.length && !short
      ? parseOptions(data, offset + H.length, Math.min(offset + hdrLen, data.length), out.detail || ctx.columns)
      : NO_OPTIONS;
  if (optionsCut && parsed !== NO_OPTIONS) parsed.opts.cut = true;

  // Checksum over the pseudo-header and the whole segment, when all of it was captured.
  // Summing the whole segment is the costliest step: the fields path does it only when asked.
  const ip = ctx.lastIp;
  const verify = out.detail || ctx.columns || ctx.session !== undefined || out.wants(T.checksumStatus) || out.wants(T.checksumCalculated);
  const calc = ip && verify ? transportChecksum(ctx, ip, IP_PROTO_TCP, offset, end, offset + H.checksum) : undefined;
  const status = calc === undefined ? CHECKSUM_UNVERIFIED : calc === stored ? CHECKSUM_GOOD : CHECKSUM_BAD;

  const header: TcpHeader = {
    offset,
    srcPort: sp,
    dstPort: dp,
    seq,
    ack,
    hdrLen,
    flags,
    window: win,
    checksum: stored,
    checksumStatus: status,
    urgentPointer: urp,
    options: parsed.opts,
    payloadOffset,
    payloadLength,
    payloadCaptured,
  };
  const an: TcpAnalysis | undefined = ctx.inner ? undefined : ctx.session?.tcp?.(header, ctx);
  const seqShown = an?.seq ?? seq;
  const ackShown = an?.ack ?? ack;
  const hasAck = (flags & F.ACK) !== 0;
  if (summaryWanted) {
    let s = `Transmission Control Protocol, Src Port: ${sp}, Dst Port: ${dp}, Seq: ${seqShown}`;
    if (hasAck) s += `, Ack: ${ackShown}`;
    if (!short) s += `, Len: ${payloadLength}`;
    out.finish(short ? 20 : hdrLen, s);
  }
  an?.emitAfterPorts?.(out);
  if (short) {
    const msg = 'Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)';
    if (out.detail) out.text(msg, offset, 0);
    out.expert('tcp.short_segment', 'warn', msg);
  } else {
    out.add(T.len, offset, 0, payloadLength);
  }
  // With sequence analysis Wireshark marks the numbers it shows as relative.
  const relSeq = out.detail && an?.seq !== undefined;
  const relAck = out.detail && an?.ack !== undefined && hasAck;
  out.add(T.seq, offset + H.seq, 4, seqShown, relSeq ? `Sequence Number: ${seqShown}    (relative sequence number)` : undefined);
  out.add(an?.seq !== undefined ? T.seqRawShown : T.seqRaw, offset + H.seq, 4, seq);
  // SYN and FIN each take one sequence number; Wireshark adds one when either is set.
  const nxt = payloadLength + (flags & (F.SYN | F.FIN) ? 1 : 0);
  const nxtShown = (seqShown + nxt) >>> 0;
  if (!short) out.add(T.nxtseq, offset, 0, nxtShown, relSeq ? `[Next Sequence Number: ${nxtShown}    (relative sequence number)]` : undefined);
  out.add(T.ack, offset + H.ack, 4, ackShown, relAck ? `Acknowledgment Number: ${ackShown}    (relative ack number)` : undefined);
  if (!short) out.add(an?.ack !== undefined || !hasAck ? T.ackRaw : T.ackRawHidden, offset + H.ack, 4, ack);
  out.add(T.hdrLen, offset + H.flags, 1, hdrLen, out.detail ? hdrLenLine(hdrLen) : undefined);
  if (out.detail || out.wantsAny(FLAG_SPECS) || out.wantsAny(EXPERT_SPECS)) flagFields(ctx, offset, flags, sp, dp, an?.finRole);
  out.add(T.window, offset + H.window, 2, win);
  out.add(T.windowSize, offset + H.window, 2, an?.windowSize ?? win);
  if (an?.scaleFactor !== undefined) out.add(T.scaleFactor, offset + H.window, 2, an.scaleFactor);
  const hx = hex16;
  const at = offset + H.checksum;
  if (status === CHECKSUM_GOOD) {
    out.add(T.checksum, at, 2, stored, out.detail ? `Checksum: ${hx(stored)} [correct]` : undefined);
  } else if (status === CHECKSUM_BAD) {
    out.add(
      T.checksum,
      at,
      2,
      stored,
      out.detail ? `Checksum: ${hx(stored)} incorrect, should be ${hx(calc!)}(maybe caused by "TCP checksum offload"?)` : undefined,
    );
    out.expert('tcp.checksum_bad.expert', 'error', `Bad checksum [should be ${hx(calc!)}]`);
  } else {
    out.add(T.checksum, at, 2, stored, out.detail ? `Checksum: ${hx(stored)} [unverified]` : undefined);
  }
  out.add(T.checksumStatus, at, 0, status);
  if (status !== CHECKSUM_UNVERIFIED) out.add(T.checksumCalculated, at, 2, calc!);
  out.add(T.urgentPointer, offset + H.urgentPointer, 2, urp);
  if (short) {
    out.add(T.options, offset + H.length, 0, new Uint8Array(0), out.detail ? `Options: (${hdrLen - H.length} bytes)` : undefined);
    ctx.malformed('TCP');
  } else if (hdrLen > H.length && optionsWanted) {
    emitOptions(ctx, offset + H.length, offset + hdrLen, parsed.names, an?.sack);
  }
  // On a cut segment the analysis shows only the times (its facts carry no flags).
  an?.emitAfterOptions?.(out);
  if (optionsCut) {
    // Wireshark stops in the options: no payload, and the marker ends Info.
    out.close();
    ctx.truncated('TCP');
    if (!ctx.inner) {
      ctx.layers.tcp = header;
      ctx.layers.tcpIp = ip;
    }
    if (ctx.columns && !ctx.inner) {
      ctx.cols.info = infoText(
        an?.infoPrefix ?? '',
        sp,
        dp,
        flags,
        seqShown,
        ackShown,
        an?.windowSize ?? win,
        status,
        urp,
        short,
        payloadLength,
        parsed.info,
        an,
      );
    }
    return;
  }
  if (payloadCaptured > 0) {
    out.add(
      T.payload,
      payloadOffset,
      payloadCaptured,
      undefined,
      out.detail ? `TCP payload (${payloadLength} byte${payloadLength === 1 ? '' : 's'})` : undefined,
    );
  }
  if (an && (an.reassembledIn !== undefined || an.unfinished || an.reassembled)) emitSegmentLines(ctx, an, offset, payloadOffset, payloadCaptured);
  out.close();

  if (!ctx.inner) {
    ctx.layers.tcp = header;
    ctx.layers.tcpIp = ip;
  }
  if (ctx.columns && !ctx.inner) {
    let info = infoText(an?.infoPrefix ?? '', sp, dp, flags, seqShown, ackShown, an?.windowSize ?? win, status, urp, short, payloadLength, parsed.info, an);
    if (!short && isHeldSegment(an, payloadLength)) info += SEGMENT_INFO;
    ctx.cols.info = info;
  }
  if (short || payloadLength === 0) return;
  if (an?.repeat) {
    // A repeated or out-of-order payload goes to no dissector; one that fills a PDU's last gap still shows its segments.
    if (an.reassembled) dissectReassembled(ctx, an.reassembled, sp, dp, an.app, false);
    return;
  }
  let start = payloadOffset;
  let stop = end;
  if (an && (an.reassembled || an.reassembledIn !== undefined || an.unfinished)) {
    if (an.reassembled) dissectReassembled(ctx, an.reassembled, sp, dp, an.app);
    // What the frame's own bytes hold besides the reassembled and held parts.
    const [from, to] = ownSpan(an, payloadLength);
    if (to <= from) return end;
    start = payloadOffset + from;
    if (to < payloadLength) stop = payloadOffset + to;
  }
  routePayload(ctx, 'tcp.port', sp, dp, start, stop, an?.app);
  return end;
};
