// The fast path of `fields -e ...` for plain frames (layers/plain-ipv4.ts)
// with a whole TCP or UDP header. Most
// frames of most captures are like that, and for them the wanted fields are
// read straight from their fixed places, with none of the dissector's layer
// calls or header records. Each value is the one the layer's decoder gives
// (the same spec formats it, so the text is the same); the equivalence test
// (plain-frames.test.ts) holds both ways to the same output on every capture
// in the repository. Anything less plain, or a field without a reader here,
// goes through the dissector.

import type { FieldSpec } from './spec.ts';
import type { WantedSink, FieldWanted } from './wanted-sink.ts';
import type { FrameRecord } from '../types.ts';
import type { PlainAnalysis, TcpAnalysis } from '../layers/session.ts';
import type { TcpSegmentInput } from '../analysis/types.ts';
import { emitFrame, frameFields, frameFields as F, type FrameInfo } from '../layers/frame.ts';
import { ETH_HEADER, ethFields as E } from '../layers/eth.ts';
import { IPV4_HEADER, ipv4Fields as I } from '../layers/ipv4.ts';
import { TCP_FLAG, TCP_HEADER, TCP_OPT, TCP_OPT_LEN, tcpFields as T } from '../layers/tcp.ts';
import { UDP_HEADER, udpFields as U } from '../layers/udp.ts';
import { bindingKey } from '../bindings.ts';
import { ipv4Text } from './format.ts';
import { fieldsByName } from '../field-registry.ts';
import { ANALYSIS_SPECS } from '../analysis/field-specs.ts';
import { analysisOptions } from '../analysis/header-walk.ts';
import { blankTcpSegment } from '../analysis/segment-input.ts';
import { u16, u32 } from '../layers/context.ts';
import { PLAIN, plainIpv4End, plainTcpHeaderLength } from '../layers/plain-ipv4.ts';

/** Where a plain frame's headers are, and what the analysis said of it. */
interface Plain {
  data: Uint8Array;
  record: FrameRecord;
  /** The frame layer's view: first and previous timestamps for the relative times. */
  info: FrameInfo;
  /** End of the IP payload (Total Length, or the frame's end when shorter). */
  end: number;
  /** TCP: header length; UDP: 8. */
  hdrLen: number;
  tcp: boolean;
  an: TcpAnalysis | undefined;
}

type Emit = (f: Plain, out: WantedSink) => void;

// Every place a reader reads (layers/plain-ipv4.ts), as constants: the readers run per frame.
const IP = PLAIN.ip;
const L4 = PLAIN.l4;
const ETH_DST = PLAIN.ethDst;
const ETH_SRC = PLAIN.ethSrc;
const ETH_TYPE = PLAIN.ethType;
const MAC = ETH_HEADER.addressLength;
const IP_LEN = PLAIN.ipLen;
const IP_ID = PLAIN.ipId;
const IP_FRAG = PLAIN.ipFlagsFragment;
const IP_TTL = PLAIN.ipTtl;
const IP_PROTO = PLAIN.ipProto;
const IP_CHECKSUM = PLAIN.ipChecksum;
const IP_SRC = PLAIN.ipSrc;
const IP_DST = PLAIN.ipDst;
const IP_HDR_LEN = IPV4_HEADER.length;
const PROTO_TCP = bindingKey('ip.proto', 'tcp');
const PROTO_UDP = bindingKey('ip.proto', 'udp');
const SPORT = PLAIN.tcpSport;
const DPORT = PLAIN.tcpDport;
const T_SEQ = PLAIN.tcpSeq;
const T_ACK = PLAIN.tcpAck;
const T_DATA_OFFSET = PLAIN.tcpDataOffset;
const T_FLAGS = PLAIN.tcpFlags;
const T_FLAGS_LOW = PLAIN.tcpFlagsLow;
const T_FLAGS_MASK = TCP_HEADER.flagsMask;
const T_SYN_FIN = TCP_FLAG.SYN | TCP_FLAG.FIN;
const T_WINDOW = PLAIN.tcpWindow;
const T_CHECKSUM = PLAIN.tcpChecksum;
const T_URGENT = PLAIN.tcpUrgent;
const T_OPTIONS = PLAIN.tcpOptions;
const T_MIN = TCP_HEADER.length;
const U_SPORT = PLAIN.udpSport;
const U_DPORT = PLAIN.udpDport;
const U_LENGTH = PLAIN.udpLength;
const U_CHECKSUM = PLAIN.udpChecksum;
const U_PAYLOAD = PLAIN.udpPayload;
const U_SIZE = UDP_HEADER.size;

/** A reader of a field that only one transport has (a UDP frame has no tcp.srcport). */
interface Only {
  on: 'tcp' | 'udp';
  emit: Emit;
}
type Reader = Emit | Only;
const onTcp = (emit: Emit): Only => ({ on: 'tcp', emit });
const onUdp = (emit: Emit): Only => ({ on: 'udp', emit });

/** The frame layer's commonest fields, as emitFrame gives them (any other frame field: emitFrame itself). */
const FRAME_READERS: Readonly<Record<string, Emit>> = {
  'frame.number': (f, o) => o.add(F.number, 0, 0, f.record.number),
  'frame.len': (f, o) => o.add(F.len, 0, 0, f.record.origLen),
  'frame.cap_len': (f, o) => o.add(F.capLen, 0, 0, f.record.capLen),
  'frame.time_epoch': (f, o) => o.add(F.timeEpoch, 0, 0, f.record.timestamp),
  'frame.time_relative': (f, o) => o.add(F.timeRelative, 0, 0, f.record.timestamp - (f.info.firstTimestamp ?? f.record.timestamp)),
  'frame.time_delta': (f, o) => o.add(F.timeDelta, 0, 0, f.record.timestamp - (f.info.previousTimestamp ?? f.record.timestamp)),
};

/** The fields plain frames can answer, by name, as the layers emit them (offsets as in the frame). */
const HEADER_READERS: Readonly<Record<string, Reader>> = {
  'eth.dst': (_f, o) => o.add(E.dst, ETH_DST, MAC),
  'eth.src': (_f, o) => o.add(E.src, ETH_SRC, MAC),
  'eth.addr': (_f, o) => (o.add(E.addr, ETH_DST, MAC), o.add(E.addr, ETH_SRC, MAC)),
  'eth.type': (f, o) => o.add(E.type, ETH_TYPE, 2, u16(f.data, ETH_TYPE)),
  'ip.version': (_f, o) => o.add(I.version, IP, 1, 4),
  'ip.hdr_len': (_f, o) => o.add(I.hdrLen, IP, 1, IP_HDR_LEN),
  // 0 (segmentation offload): the frame's length from the IP header on, as the IPv4 layer.
  'ip.len': (f, o) => o.add(I.len, IP_LEN, 2, u16(f.data, IP_LEN) || f.record.origLen - IP),
  'ip.id': (f, o) => o.add(I.id, IP_ID, 2, u16(f.data, IP_ID)),
  'ip.frag_offset': (_f, o) => o.add(I.fragOffset, IP_FRAG, 2, 0),
  'ip.ttl': (f, o) => o.add(I.ttl, IP_TTL, 1, f.data[IP_TTL]),
  'ip.proto': (f, o) => o.add(I.proto, IP_PROTO, 1, f.data[IP_PROTO]),
  'ip.checksum': (f, o) => o.add(I.checksum, IP_CHECKSUM, 2, u16(f.data, IP_CHECKSUM)),
  'ip.src': (f, o) => o.add(I.src, IP_SRC, 4, u32(f.data, IP_SRC)),
  'ip.dst': (f, o) => o.add(I.dst, IP_DST, 4, u32(f.data, IP_DST)),
  'ip.addr': (f, o) => (o.add(I.addr, IP_SRC, 4, u32(f.data, IP_SRC)), o.add(I.addr, IP_DST, 4, u32(f.data, IP_DST))),
  'ip.src_host': (f, o) => o.add(I.srcHost, IP_SRC, 4, ipv4Text(u32(f.data, IP_SRC))),
  'ip.dst_host': (f, o) => o.add(I.dstHost, IP_DST, 4, ipv4Text(u32(f.data, IP_DST))),
  'tcp.srcport': onTcp((f, o) => o.add(T.srcport, SPORT, 2, u16(f.data, SPORT))),
  'tcp.dstport': onTcp((f, o) => o.add(T.dstport, DPORT, 2, u16(f.data, DPORT))),
  'tcp.port': onTcp((f, o) => (o.add(T.port, SPORT, 2, u16(f.data, SPORT)), o.add(T.port, DPORT, 2, u16(f.data, DPORT)))),
  'tcp.len': onTcp((f, o) => o.add(T.len, L4, 0, f.end - L4 - f.hdrLen)),
  'tcp.seq': onTcp((f, o) => o.add(T.seq, T_SEQ, 4, f.an?.seq ?? u32(f.data, T_SEQ))),
  'tcp.seq_raw': onTcp((f, o) => o.add(T.seqRaw, T_SEQ, 4, u32(f.data, T_SEQ))),
  'tcp.nxtseq': onTcp((f, o) => {
    const flags = f.data[T_FLAGS_LOW];
    const nxt = f.end - L4 - f.hdrLen + (flags & T_SYN_FIN ? 1 : 0);
    o.add(T.nxtseq, L4, 0, ((f.an?.seq ?? u32(f.data, T_SEQ)) + nxt) >>> 0);
  }),
  'tcp.ack': onTcp((f, o) => o.add(T.ack, T_ACK, 4, f.an?.ack ?? u32(f.data, T_ACK))),
  'tcp.ack_raw': onTcp((f, o) => o.add(T.ackRaw, T_ACK, 4, u32(f.data, T_ACK))),
  'tcp.hdr_len': onTcp((f, o) => o.add(T.hdrLen, T_DATA_OFFSET, 1, f.hdrLen)),
  'tcp.flags': onTcp((f, o) => o.add(T.flags, T_FLAGS, 2, u16(f.data, T_FLAGS) & T_FLAGS_MASK)),
  'tcp.window_size_value': onTcp((f, o) => o.add(T.window, T_WINDOW, 2, u16(f.data, T_WINDOW))),
  'tcp.window_size': onTcp((f, o) => o.add(T.windowSize, T_WINDOW, 2, f.an?.windowSize ?? u16(f.data, T_WINDOW))),
  'tcp.window_size_scalefactor': onTcp((f, o) => {
    if (f.an?.scaleFactor !== undefined) o.add(T.scaleFactor, T_WINDOW, 2, f.an.scaleFactor);
  }),
  'tcp.checksum': onTcp((f, o) => o.add(T.checksum, T_CHECKSUM, 2, u16(f.data, T_CHECKSUM))),
  'tcp.urgent_pointer': onTcp((f, o) => o.add(T.urgentPointer, T_URGENT, 2, u16(f.data, T_URGENT))),
  'udp.srcport': onUdp((f, o) => o.add(U.srcport, U_SPORT, 2, u16(f.data, U_SPORT))),
  'udp.dstport': onUdp((f, o) => o.add(U.dstport, U_DPORT, 2, u16(f.data, U_DPORT))),
  'udp.port': onUdp((f, o) => (o.add(U.port, U_SPORT, 2, u16(f.data, U_SPORT)), o.add(U.port, U_DPORT, 2, u16(f.data, U_DPORT)))),
  'udp.length': onUdp((f, o) => o.add(U.length, U_LENGTH, 2, u16(f.data, U_LENGTH))),
  'udp.checksum': onUdp((f, o) => o.add(U.checksum, U_CHECKSUM, 2, u16(f.data, U_CHECKSUM))),
};

/**
 * Of the TCP flag bits, as flagFields emits them: every frame has them all.
 * (Wanting one makes the layer emit the connection experts too, which only
 * _ws.expert fields would show; those have no reader here.)
 */
const FLAG_BITS: ReadonlyArray<readonly [FieldSpec, number]> = [
  [T.res, TCP_FLAG.RES],
  [T.ae, TCP_FLAG.AE],
  [T.cwr, TCP_FLAG.CWR],
  [T.ece, TCP_FLAG.ECE],
  [T.urg, TCP_FLAG.URG],
  [T.ackFlag, TCP_FLAG.ACK],
  [T.push, TCP_FLAG.PSH],
  [T.reset, TCP_FLAG.RST],
  [T.syn, TCP_FLAG.SYN],
  [T.fin, TCP_FLAG.FIN],
];

function readers(): Map<string, Reader> {
  const m = new Map<string, Reader>(Object.entries(HEADER_READERS));
  for (const [spec, bit] of FLAG_BITS)
    m.set(
      spec.name,
      onTcp((f, o) => o.add(spec, T_FLAGS, 2, (u16(f.data, T_FLAGS) & bit) !== 0)),
    );
  return m;
}

let readerTable: Map<string, Reader> | undefined;

/** The names plain frames answer without the layers (besides the frame layer's and the analysis'). */
export const PLAIN_FIELD_NAMES: readonly string[] = [...Object.keys(HEADER_READERS), ...FLAG_BITS.map(([spec]) => spec.name)];
/** Names the analysis emits itself (TcpAnalysis.emitAfterPorts/emitAfterOptions, PlainAnalysis.udp). */
let analysisNames: Set<string> | undefined;

/**
 * A plain frame's fields into the sink (the frame layer's too), with
 * `analysis` fed the frame when given; false (having done nothing) when the
 * frame is not plain.
 */
export type PlainExtractor = (record: FrameRecord, data: Uint8Array, info: FrameInfo, analysis: PlainAnalysis | undefined) => boolean;

/**
 * The fast path for one `-e` list, or undefined when some field has no
 * reader here. Analysis fields are answered only when the caller passes a
 * PlainAnalysis, which sees every plain frame.
 */
export function createPlainExtractor(wanted: FieldWanted, sink: WantedSink): PlainExtractor | undefined {
  readerTable ??= readers();
  analysisNames ??= new Set(ANALYSIS_SPECS.map((s) => s.name));
  const frameEmits: Emit[] = [];
  const readersWanted: Reader[] = [];
  let analysis = false;
  // Frame fields without a reader here (comments, interface names...): the frame layer's emitter.
  let wholeFrame = false;
  for (const name of wanted.names) {
    if (frameFieldName(name)) {
      const r = FRAME_READERS[name];
      if (r) frameEmits.push(r);
      else wholeFrame = true;
      continue;
    }
    const r = readerTable.get(name);
    if (r) readersWanted.push(r);
    else if (analysisNames.has(name)) analysis = true;
    else return undefined;
  }
  // Each name once (a reader emits all of its occurrences), split by transport up front.
  const unique = [...new Set(readersWanted)];
  const common = wholeFrame ? [] : frameEmits;
  const forTcp = [...common, ...unique.flatMap((r) => (typeof r === 'function' ? [r] : r.on === 'tcp' ? [r.emit] : []))];
  const forUdp = [...common, ...unique.flatMap((r) => (typeof r === 'function' ? [r] : r.on === 'udp' ? [r.emit] : []))];
  const f: Plain = {
    data: new Uint8Array(0),
    record: undefined as unknown as FrameRecord,
    info: undefined as unknown as FrameInfo,
    end: 0,
    hdrLen: 0,
    tcp: true,
    an: undefined,
  };
  const options: TcpSegmentInput['options'] = { mss: undefined, wscale: undefined, sackPerm: undefined, sack: undefined };
  const seg = blankTcpSegment();
  return (record, data, info, session) => {
    const end = plainIpv4End(record, data);
    if (end < 0) return false;
    const proto = data[IP_PROTO];
    if (proto === PROTO_TCP) {
      const hdrLen = plainTcpHeaderLength(data, end);
      if (hdrLen < 0 || (hdrLen > T_MIN && !plainOptions(data, T_OPTIONS, L4 + hdrLen))) return false;
      f.hdrLen = hdrLen;
      f.tcp = true;
    } else if (proto === PROTO_UDP) {
      if (U_PAYLOAD > Math.min(end, data.length)) return false;
      const len = u16(data, U_LENGTH);
      // The UDP length must fit the IP payload (or the layer marks it bad); the datagram ends where the IP payload does.
      if (len < U_SIZE || L4 + len !== end) return false;
      f.hdrLen = U_SIZE;
      f.tcp = false;
    } else {
      return false;
    }
    f.data = data;
    f.record = record;
    f.info = info;
    f.end = end;
    f.an = undefined;
    if (analysis && !session) return false;
    if (session) {
      seg.frame = record.number;
      seg.time = record.timestamp;
      seg.src = ipv4Text(u32(data, IP_SRC));
      seg.dst = ipv4Text(u32(data, IP_DST));
      seg.srcPort = u16(data, SPORT);
      seg.dstPort = u16(data, DPORT);
      if (f.tcp) {
        seg.seqRaw = u32(data, T_SEQ);
        seg.ackRaw = u32(data, T_ACK);
        seg.flags = u16(data, T_FLAGS) & T_FLAGS_MASK;
        seg.windowRaw = u16(data, T_WINDOW);
        seg.payloadLength = end - L4 - f.hdrLen;
        seg.options = f.hdrLen > T_MIN ? analysisOptions(data, T_OPTIONS, L4 + f.hdrLen, options) : NO_OPTIONS;
        const an = session.tcp(seg, L4);
        if (an === null) return false;
        f.an = an;
      }
    }
    if (wholeFrame) {
      emitFrame(sink, info);
      sink.close();
    }
    const emits = f.tcp ? forTcp : forUdp;
    for (let i = 0; i < emits.length; i++) emits[i](f, sink);
    if (f.an) {
      f.an.emitAfterPorts?.(sink);
      f.an.emitAfterOptions?.(sink);
    }
    if (session && !f.tcp) session.udp({ frame: seg.frame, time: seg.time, src: seg.src, dst: seg.dst, srcPort: seg.srcPort, dstPort: seg.dstPort }, L4, sink);
    return true;
  };
}

const NO_OPTIONS: TcpSegmentInput['options'] = Object.freeze({});
const K = TCP_OPT;
const KL = TCP_OPT_LEN;

/**
 * Options the TCP layer reads without a complaint: NOPs and well-formed
 * options of the kinds it knows, ending exactly at the header's end. Anything
 * else (EOL and padding, odd lengths, unknown kinds) is left to the layer.
 */
function plainOptions(d: Uint8Array, from: number, to: number): boolean {
  let at = from;
  while (at < to) {
    const kind = d[at];
    if (kind === K.NOP) {
      at++;
      continue;
    }
    if (at + 1 >= to) return false;
    const len = d[at + 1];
    const ok =
      (kind === K.MSS && len === KL.MSS) ||
      (kind === K.WSCALE && len === KL.WSCALE) ||
      (kind === K.SACK_PERM && len === KL.SACK_PERM) ||
      (kind === K.TIMESTAMP && len === KL.TIMESTAMP) ||
      (kind === K.SACK && len >= KL.SACK_HEAD + KL.SACK_BLOCK && (len - KL.SACK_HEAD) % KL.SACK_BLOCK === 0);
    if (!ok || at + len > to) return false;
    at += len;
  }
  return true;
}

const FRAME_SPECS: ReadonlySet<FieldSpec> = new Set(Object.values(frameFields));

/** Field names of the frame layer, which emitFrame answers (frame.protocols needs the layers). */
function frameFieldName(name: string): boolean {
  return name !== frameFields.protocols.name && fieldsByName(name).some((s) => FRAME_SPECS.has(s));
}
