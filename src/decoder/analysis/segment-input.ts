// The analysis input for one decoded TCP or UDP header: the one place that
// turns layer records into what the analyzer reads. The first pass, the
// second pass and openCapture().tcpSegment() all build it here, so the
// analysis answers exactly the segment it was given. (The plain-frame fast
// paths read the same values straight from the bytes; fast-path-input.test.ts
// holds them to this.)

import { heuristicFor, portBound } from '../bindings.ts';
import { addressText } from '../layers/address-text.ts';
import type { IpHeader } from '../layers/records.ts';
import type { TcpHeader } from '../layers/tcp.ts';
import type { UdpHeader } from '../layers/udp.ts';
import type { FrameRecord } from '../types.ts';
import type { TcpSegmentInput, UdpDatagramInput } from './types.ts';

type Frame = Pick<FrameRecord, 'number' | 'timestamp'>;

/**
 * The segment `h` of `frame`, sent over `ip`; null without an IP header.
 * `data` (the bytes `h`'s offsets point into) gives the captured payload;
 * leave it out when nothing will read the payload (the second pass), and ask
 * for 'analysis' when only the analysis will (the first pass).
 */
export function tcpSegmentInput(
  frame: Frame,
  h: TcpHeader,
  ip: IpHeader | undefined,
  data?: Uint8Array,
  reader: 'all' | 'analysis' = 'all',
): TcpSegmentInput | null {
  if (!ip) return null;
  const o = h.options;
  return {
    frame: frame.number,
    time: frame.timestamp,
    src: addressText(ip, 'src'),
    dst: addressText(ip, 'dst'),
    srcPort: h.srcPort,
    dstPort: h.dstPort,
    seqRaw: h.seq,
    ackRaw: h.ack,
    flags: h.flags,
    windowRaw: h.window,
    payloadLength: h.payloadLength,
    options: { mss: o.mss, wscale: o.wscale, sackPerm: o.sackPermitted, sack: o.sack, cut: o.cut },
    payload:
      data && reader === 'analysis'
        ? analysisPayload(data, h.payloadOffset, h.payloadCaptured, h.payloadLength, h.srcPort, h.dstPort)
        : data?.subarray(h.payloadOffset, h.payloadOffset + h.payloadCaptured),
  };
}

/**
 * The payload view the analysis needs, if any: it offers a payload to a heuristic only when no
 * port binds a layer, and reassembles only payloads captured whole. So a snap-length capture's
 * cut payloads get a view only where no port binds a layer and a heuristic takes them (the
 * analysis asks the heuristic again on the view): one object fewer per frame of such a capture.
 * `have`: bytes captured.
 */
export function analysisPayload(data: Uint8Array, offset: number, have: number, length: number, srcPort: number, dstPort: number): Uint8Array | undefined {
  if (have <= 0) return undefined;
  const cut = have < length;
  if (cut && (portBound('tcp.port', srcPort, dstPort) || !heuristicFor('tcp.port', data, offset, offset + have))) return undefined;
  return data.subarray(offset, offset + have);
}

/** The datagram `h` of `frame`, sent over `ip`; null without an IP header. */
export function udpDatagramInput(frame: Frame, h: UdpHeader, ip: IpHeader | undefined): UdpDatagramInput | null {
  if (!ip) return null;
  return { frame: frame.number, time: frame.timestamp, src: addressText(ip, 'src'), dst: addressText(ip, 'dst'), srcPort: h.srcPort, dstPort: h.dstPort };
}

/** A segment input with nothing in it yet, for a reader that fills one object frame after frame. */
export function blankTcpSegment(): TcpSegmentInput {
  return {
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
    payload: undefined,
  };
}
