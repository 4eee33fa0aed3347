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
import { ethFields as E } from '../layers/eth.ts';
import { ipv4Fields as I } from '../layers/ipv4.ts';
import { tcpFields as T } from '../layers/tcp.ts';
import { udpFields as U } from '../layers/udp.ts';
import { ipv4Text } from './format.ts';
import { fieldsByName } from './spec.ts';
import { A } from '../analysis/field-specs.ts';
import { analysisOptions } from '../analysis/header-walk.ts';
import { u16, u32 } from '../layers/context.ts';
import { PLAIN_IP, PLAIN_L4, plainIpv4End, plainTcpHeaderLength } from '../layers/plain-ipv4.ts';

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

const IP = PLAIN_IP;
const L4 = PLAIN_L4;

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
  'eth.dst': (_f, o) => o.add(E.dst, 0, 6),
  'eth.src': (_f, o) => o.add(E.src, 6, 6),
  'eth.addr': (_f, o) => (o.add(E.addr, 0, 6), o.add(E.addr, 6, 6)),
  'eth.type': (f, o) => o.add(E.type, 12, 2, u16(f.data, 12)),
  'ip.version': (_f, o) => o.add(I.version, IP, 1, 4),
  'ip.hdr_len': (_f, o) => o.add(I.hdrLen, IP, 1, 20),
  'ip.len': (f, o) => o.add(I.len, IP + 2, 2, u16(f.data, IP + 2)),
  'ip.id': (f, o) => o.add(I.id, IP + 4, 2, u16(f.data, IP + 4)),
  'ip.frag_offset': (_f, o) => o.add(I.fragOffset, IP + 6, 2, 0),
  'ip.ttl': (f, o) => o.add(I.ttl, IP + 8, 1, f.data[IP + 8]),
  'ip.proto': (f, o) => o.add(I.proto, IP + 9, 1, f.data[IP + 9]),
  'ip.checksum': (f, o) => o.add(I.checksum, IP + 10, 2, u16(f.data, IP + 10)),
  'ip.src': (f, o) => o.add(I.src, IP + 12, 4, u32(f.data, IP + 12)),
  'ip.dst': (f, o) => o.add(I.dst, IP + 16, 4, u32(f.data, IP + 16)),
  'ip.addr': (f, o) => (o.add(I.addr, IP + 12, 4, u32(f.data, IP + 12)), o.add(I.addr, IP + 16, 4, u32(f.data, IP + 16))),
  'ip.src_host': (f, o) => o.add(I.srcHost, IP + 12, 4, ipv4Text(u32(f.data, IP + 12))),
  'ip.dst_host': (f, o) => o.add(I.dstHost, IP + 16, 4, ipv4Text(u32(f.data, IP + 16))),
  'tcp.srcport': onTcp((f, o) => o.add(T.srcport, L4, 2, u16(f.data, L4))),
  'tcp.dstport': onTcp((f, o) => o.add(T.dstport, L4 + 2, 2, u16(f.data, L4 + 2))),
  'tcp.port': onTcp((f, o) => (o.add(T.port, L4, 2, u16(f.data, L4)), o.add(T.port, L4 + 2, 2, u16(f.data, L4 + 2)))),
  'tcp.len': onTcp((f, o) => o.add(T.len, L4, 0, f.end - L4 - f.hdrLen)),
  'tcp.seq': onTcp((f, o) => o.add(T.seq, L4 + 4, 4, f.an?.seq ?? u32(f.data, L4 + 4))),
  'tcp.seq_raw': onTcp((f, o) => o.add(T.seqRaw, L4 + 4, 4, u32(f.data, L4 + 4))),
  'tcp.nxtseq': onTcp((f, o) => {
    const flags = f.data[L4 + 13];
    const nxt = f.end - L4 - f.hdrLen + (flags & 0x03 ? 1 : 0);
    o.add(T.nxtseq, L4, 0, ((f.an?.seq ?? u32(f.data, L4 + 4)) + nxt) >>> 0);
  }),
  'tcp.ack': onTcp((f, o) => o.add(T.ack, L4 + 8, 4, f.an?.ack ?? u32(f.data, L4 + 8))),
  'tcp.ack_raw': onTcp((f, o) => o.add(T.ackRaw, L4 + 8, 4, u32(f.data, L4 + 8))),
  'tcp.hdr_len': onTcp((f, o) => o.add(T.hdrLen, L4 + 12, 1, f.hdrLen)),
  'tcp.flags': onTcp((f, o) => o.add(T.flags, L4 + 12, 2, u16(f.data, L4 + 12) & 0x0fff)),
  'tcp.window_size_value': onTcp((f, o) => o.add(T.window, L4 + 14, 2, u16(f.data, L4 + 14))),
  'tcp.window_size': onTcp((f, o) => o.add(T.windowSize, L4 + 14, 2, f.an?.windowSize ?? u16(f.data, L4 + 14))),
  'tcp.window_size_scalefactor': onTcp((f, o) => {
    if (f.an?.scaleFactor !== undefined) o.add(T.scaleFactor, L4 + 14, 2, f.an.scaleFactor);
  }),
  'tcp.checksum': onTcp((f, o) => o.add(T.checksum, L4 + 16, 2, u16(f.data, L4 + 16))),
  'tcp.urgent_pointer': onTcp((f, o) => o.add(T.urgentPointer, L4 + 18, 2, u16(f.data, L4 + 18))),
  'udp.srcport': onUdp((f, o) => o.add(U.srcport, L4, 2, u16(f.data, L4))),
  'udp.dstport': onUdp((f, o) => o.add(U.dstport, L4 + 2, 2, u16(f.data, L4 + 2))),
  'udp.port': onUdp((f, o) => (o.add(U.port, L4, 2, u16(f.data, L4)), o.add(U.port, L4 + 2, 2, u16(f.data, L4 + 2)))),
  'udp.length': onUdp((f, o) => o.add(U.length, L4 + 4, 2, u16(f.data, L4 + 4))),
  'udp.checksum': onUdp((f, o) => o.add(U.checksum, L4 + 6, 2, u16(f.data, L4 + 6))),
};

/**
 * Of the TCP flag bits, as flagFields emits them: every frame has them all.
 * (Wanting one makes the layer emit the connection experts too, which only
 * _ws.expert fields would show; those have no reader here.)
 */
const FLAG_BITS: ReadonlyArray<readonly [FieldSpec, number]> = [
  [T.res, 0xe00],
  [T.ae, 0x100],
  [T.cwr, 0x80],
  [T.ece, 0x40],
  [T.urg, 0x20],
  [T.ackFlag, 0x10],
  [T.push, 0x08],
  [T.reset, 0x04],
  [T.syn, 0x02],
  [T.fin, 0x01],
];

function readers(): Map<string, Reader> {
  const m = new Map<string, Reader>(Object.entries(HEADER_READERS));
  for (const [spec, bit] of FLAG_BITS)
    m.set(
      spec.name,
      onTcp((f, o) => o.add(spec, L4 + 12, 2, (u16(f.data, L4 + 12) & bit) !== 0)),
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
  analysisNames ??= new Set(Object.values(A).map((s) => s.name));
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
  const options: TcpSegmentInput['options'] = { mss: undefined, wscale: undefined, sackPerm: undefined, sack: undefined, tsval: undefined, tsecr: undefined };
  const seg: TcpSegmentInput = {
    frame: 0,
    time: 0n,
    src: '',
    dst: '',
    srcPort: 0,
    dstPort: 0,
    seqRaw: 0,
    ackRaw: 0,
    flags: 0,
    windowRaw: 0,
    payloadLength: 0,
    options: {},
  };
  return (record, data, info, session) => {
    const end = plainIpv4End(record, data);
    if (end < 0) return false;
    const proto = data[IP + 9];
    if (proto === 6) {
      const hdrLen = plainTcpHeaderLength(data, end);
      if (hdrLen < 0 || (hdrLen > 20 && !plainOptions(data, L4 + 20, L4 + hdrLen))) return false;
      f.hdrLen = hdrLen;
      f.tcp = true;
    } else if (proto === 17) {
      if (L4 + 8 > Math.min(end, data.length)) return false;
      const len = u16(data, L4 + 4);
      // The UDP length must fit the IP payload (or the layer marks it bad); the datagram ends where the IP payload does.
      if (len < 8 || L4 + len !== end) return false;
      f.hdrLen = 8;
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
      seg.src = ipv4Text(u32(data, IP + 12));
      seg.dst = ipv4Text(u32(data, IP + 16));
      seg.srcPort = u16(data, L4);
      seg.dstPort = u16(data, L4 + 2);
      if (f.tcp) {
        seg.seqRaw = u32(data, L4 + 4);
        seg.ackRaw = u32(data, L4 + 8);
        seg.flags = u16(data, L4 + 12) & 0x0fff;
        seg.windowRaw = u16(data, L4 + 14);
        seg.payloadLength = end - L4 - f.hdrLen;
        seg.options = f.hdrLen > 20 ? analysisOptions(data, L4 + 20, L4 + f.hdrLen, options) : NO_OPTIONS;
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

/**
 * Options the TCP layer reads without a complaint: NOPs and well-formed
 * options of the kinds it knows, ending exactly at the header's end. Anything
 * else (EOL and padding, odd lengths, unknown kinds) is left to the layer.
 */
function plainOptions(d: Uint8Array, from: number, to: number): boolean {
  let at = from;
  while (at < to) {
    const kind = d[at];
    if (kind === 1) {
      at++;
      continue;
    }
    if (at + 1 >= to) return false;
    const len = d[at + 1];
    const ok =
      (kind === 2 && len === 4) ||
      (kind === 3 && len === 3) ||
      (kind === 4 && len === 2) ||
      (kind === 8 && len === 10) ||
      (kind === 5 && len >= 10 && (len - 2) % 8 === 0);
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
