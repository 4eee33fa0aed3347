// Follow UDP stream, as tshark 4.0's follow tap: every datagram of the stream
// is one record, empty ones included, in capture order.

import { nodeOf, senderNode, type FollowNode, type FollowPacket, type FollowRecord, type FollowResult } from './follow-records.ts';

export function followUdp(stream: number, packets: Iterable<FollowPacket>): FollowResult {
  let nodes: [FollowNode, FollowNode] | undefined;
  const records: FollowRecord[] = [];
  for (const p of packets) {
    nodes ??= [nodeOf(p.src, p.srcPort), nodeOf(p.dst, p.dstPort)];
    records.push({ node: senderNode(nodes, p), frame: p.frame, bytes: p.payload });
  }
  return nodes ? { proto: 'udp', stream, nodes, records } : { proto: 'udp', stream, records };
}
