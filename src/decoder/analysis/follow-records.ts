// What "Follow TCP/UDP stream" yields, as tshark's follow tap keeps it: the two
// nodes and one record per piece of new payload, in the order the receiving
// application got them.

export interface FollowNode {
  address: string;
  port: number;
  ipv6: boolean;
}

export interface FollowRecord {
  /** 0: the node that sent the stream's first frame (tshark's client), 1: the other. */
  node: 0 | 1;
  /** The frame that brought these bytes (for a gap: the frame whose ACK revealed it). */
  frame: number;
  bytes: Uint8Array;
  /** Set on a gap's placeholder: how many bytes the capture lacks there. */
  missing?: number;
}

export interface FollowResult {
  proto: 'tcp' | 'udp';
  stream: number;
  /** Undefined when no frame of the stream was seen. */
  nodes?: [FollowNode, FollowNode];
  records: FollowRecord[];
}

/** One frame of the stream as the follow logic reads it. */
export interface FollowPacket {
  frame: number;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** The transport payload as captured (may be shorter than on the wire). */
  payload: Uint8Array;
}

const isV6 = (address: string): boolean => address.includes(':');

export const nodeOf = (address: string, port: number): FollowNode => ({ address, port, ipv6: isV6(address) });

/** Which node sent `p`: 0 when it comes from the stream's first sender. */
export const senderNode = (nodes: readonly [FollowNode, FollowNode], p: FollowPacket): 0 | 1 =>
  p.src === nodes[0].address && p.srcPort === nodes[0].port ? 0 : 1;
