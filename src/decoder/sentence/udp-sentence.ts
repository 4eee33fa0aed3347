// A UDP datagram's sentence when no protocol above it has one: its ports
// (udp.srcport, udp.dstport), its length (udp.length) and the protocol the
// port bindings gave its payload (frame.protocols after "udp").
import type { Field } from '../types.ts';
import { num } from './read-fields.ts';
import type { FrameSentence } from './sentence-types.ts';

export function udpSentence(udp: readonly Field[], protocols: readonly string[]): FrameSentence {
  const above = protocols[protocols.indexOf('udp') + 1] ?? '';
  return {
    key: 'udp',
    params: { srcPort: num(udp, 'udp.srcport'), dstPort: num(udp, 'udp.dstport'), length: num(udp, 'udp.length'), protocol: above === 'data' ? '' : above },
  };
}
