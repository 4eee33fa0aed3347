// Follow a TCP or UDP stream of an opened capture: its frames, read through
// the same dissection and analysis the site uses, handed to the follow logic.

import { followTcp, type FollowTcpPacket } from '../analysis/follow-tcp.ts';
import { followUdp } from '../analysis/follow-udp.ts';
import type { FollowPacket, FollowResult } from '../analysis/follow-records.ts';
import { addressText } from '../layers/address-text.ts';
import { findField } from '../fields/find.ts';
import type { OpenedCapture } from '../open-capture.ts';
import { reachesTap } from './tap-reach.ts';
import { TH_SYN } from '../analysis/types.ts';

function* tcpPackets(cap: OpenedCapture, stream: number): Generator<FollowTcpPacket> {
  for (const { number: n } of cap.frames) {
    if (cap.analysis.streamOf(n) !== stream) continue;
    const { tree } = cap.dissect(n);
    const node = tree.find((f) => f.name === 'tcp');
    if (!node || !reachesTap(tree, node)) continue;
    const seg = cap.tcpSegment(n);
    if (!seg) continue;
    yield {
      frame: n,
      src: seg.src,
      dst: seg.dst,
      srcPort: seg.srcPort,
      dstPort: seg.dstPort,
      seq: seg.seqRaw,
      ack: seg.ackRaw,
      syn: (seg.flags & TH_SYN) !== 0,
      length: seg.payloadLength,
      payload: seg.payload ?? new Uint8Array(0),
    };
  }
}

function* udpPackets(cap: OpenedCapture, stream: number): Generator<FollowPacket> {
  for (const { number: n } of cap.frames) {
    if (cap.analysis.udpStreamOf(n) !== stream) continue;
    const d = cap.dissect(n);
    const { udp } = d.layers;
    const ip = d.layers.ipv6 && !d.layers.ipv4 ? { version: 6 as const, rec: d.layers.ipv6 } : d.layers.ipv4 && { version: 4 as const, rec: d.layers.ipv4 };
    const node = d.tree.find((f) => f.name === 'udp');
    // An empty datagram is handed to no payload dissector, and so to no follow tap.
    if (!udp || !ip || !node || !reachesTap(d.tree, node) || udp.payloadLength === 0) continue;
    // The datagram may sit in reassembled IP bytes rather than the frame's own.
    const source = findField(d.tree, 'udp')?.source;
    const bytes = (source && d.sources.find((s) => s.name === source)?.bytes) || cap.data(n);
    const payload = bytes.subarray(udp.payloadOffset, Math.min(udp.payloadOffset + udp.payloadLength, bytes.length));
    yield { frame: n, src: addressText(ip, 'src'), dst: addressText(ip, 'dst'), srcPort: udp.srcPort, dstPort: udp.dstPort, payload };
  }
}

/** The stream's packets as the follow logic reads them, one at a time (a caller may pause between them). */
export function followPackets(cap: OpenedCapture, proto: 'tcp' | 'udp', stream: number): Iterable<FollowTcpPacket | FollowPacket> {
  return proto === 'tcp' ? tcpPackets(cap, stream) : udpPackets(cap, stream);
}

/** The follow records from packets gathered with followPackets. */
export function followOf(proto: 'tcp' | 'udp', stream: number, packets: Iterable<FollowTcpPacket | FollowPacket>): FollowResult {
  return proto === 'tcp' ? followTcp(stream, packets as Iterable<FollowTcpPacket>) : followUdp(stream, packets);
}

export function followCapture(cap: OpenedCapture, proto: 'tcp' | 'udp', stream: number): FollowResult {
  return followOf(proto, stream, followPackets(cap, proto, stream));
}
