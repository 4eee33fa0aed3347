// An ICMP or ICMPv6 message's sentence, by type and code (icmp.type,
// icmp.code, icmpv6.type, icmpv6.code), with the echo it pairs with
// (icmp.resp_to / icmp.resp_in), the MTU a "too big" message reports
// (icmp.mtu, icmpv6.mtu), and for an error the datagram it quotes (the
// IP and UDP/TCP headers after the ICMP header).
import type { Field } from '../types.ts';
import { has, num, text } from './read-fields.ts';
import type { FrameSentence, IcmpFacts } from './sentence-types.ts';

/** `tree`: the frame's top-level nodes; `at`: the index of the ICMP node among them. */
export function icmpSentence(tree: readonly Field[], at: number, v6: boolean): FrameSentence {
  const p = v6 ? 'icmpv6' : 'icmp';
  const icmp = tree[at].children ?? [];
  const facts: IcmpFacts = {
    type: num(icmp, `${p}.type`),
    code: num(icmp, `${p}.code`),
    otherFrame: num(icmp, `${p}.resp_to`) || num(icmp, `${p}.resp_in`),
    mtu: num(icmp, `${p}.mtu`),
  };
  // An error quotes the offending datagram: the decoder nests it under the ICMP node.
  const quotedIp = icmp.find((f) => f.name === 'ip' || f.name === 'ipv6');
  if (quotedIp) {
    const inner = quotedIp.children ?? [];
    const transport = icmp.find((f) => f.name === 'udp' || f.name === 'tcp');
    const proto = transport?.name ?? '';
    facts.quoted = {
      protocol: proto.toUpperCase(),
      dst: text(inner, quotedIp.name === 'ip' ? 'ip.dst' : 'ipv6.dst'),
      dstPort: transport && has(transport.children ?? [], `${proto}.dstport`) ? num(transport.children ?? [], `${proto}.dstport`) : 0,
    };
  }
  return v6 ? { key: 'icmpv6', params: facts } : { key: 'icmp', params: facts };
}
