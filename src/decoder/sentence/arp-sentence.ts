// An ARP frame's sentence: request, reply, and the special forms RFC 5227 and
// RFC 5944 name (probe: sender IP 0.0.0.0; gratuitous: sender and target IP
// the same, as a request or a reply). Read from arp.opcode, arp.src.proto_ipv4,
// arp.dst.proto_ipv4 and the hardware addresses, and eth.dst: a request sent
// to one MAC (a cache entry re-checked) must not be called a broadcast.
import type { Field } from '../types.ts';
import { num, text } from './read-fields.ts';
import type { ArpFacts, FrameSentence } from './sentence-types.ts';

export function arpSentence(arp: readonly Field[], linkDst?: string): FrameSentence {
  const facts: ArpFacts = {
    senderIp: text(arp, 'arp.src.proto_ipv4'),
    senderMac: text(arp, 'arp.src.hw_mac'),
    targetIp: text(arp, 'arp.dst.proto_ipv4'),
    targetMac: text(arp, 'arp.dst.hw_mac'),
  };
  if (linkDst) facts.linkDst = linkDst;
  const opcode = num(arp, 'arp.opcode');
  const gratuitous = facts.senderIp !== '' && facts.senderIp === facts.targetIp;
  if (opcode === 1) {
    if (facts.senderIp === '0.0.0.0') return { key: 'arp_probe', params: facts };
    return { key: gratuitous ? 'arp_gratuitous_request' : 'arp_request', params: facts };
  }
  if (opcode === 2) return { key: gratuitous ? 'arp_gratuitous_reply' : 'arp_reply', params: facts };
  return { key: 'other', params: { protocol: 'ARP' } };
}
