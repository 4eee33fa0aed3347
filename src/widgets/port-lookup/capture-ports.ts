// The ports a capture's conversations use, and which side used each: the
// side that spoke first is the client (a TCP SYN, ACK marks its sender as the
// server even when the SYN was not captured).
import type { Sighting, Transport } from './lookup.ts';

/** One frame's transport endpoints, as the component reads them from the decoder. */
export interface FramePorts {
  protocol: Transport;
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** TCP SYN and ACK flags, when TCP. */
  syn?: boolean;
  ack?: boolean;
}

/** Client and server ports of every conversation, in order of first appearance, without repeats. */
export function sightingsOf(capture: string, frames: readonly FramePorts[]): Sighting[] {
  const known = new Set<string>();
  const out: Sighting[] = [];
  const add = (port: number, role: Sighting['role'], protocol: Transport): void => {
    const key = `${protocol}:${role}:${port}`;
    if (known.has(key)) return;
    known.add(key);
    out.push({ port, capture, role, protocol });
  };
  const conversations = new Set<string>();
  for (const f of frames) {
    const a = `${f.src}|${f.srcPort}`;
    const b = `${f.dst}|${f.dstPort}`;
    const key = `${f.protocol}:${a < b ? a + '>' + b : b + '>' + a}`;
    if (conversations.has(key)) continue;
    conversations.add(key);
    const senderIsServer = f.protocol === 'tcp' && f.syn === true && f.ack === true;
    add(senderIsServer ? f.dstPort : f.srcPort, 'client', f.protocol);
    add(senderIsServer ? f.srcPort : f.dstPort, 'server', f.protocol);
  }
  return out;
}
