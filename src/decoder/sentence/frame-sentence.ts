// The plain-language sentences of one frame, by key and parameters: first what
// the frame is (by its outermost protocol that has a sentence: ARP, ICMP,
// ICMPv6, TCP, DNS, UDP; or an IP fragment), then the explanation of every
// TCP analysis flag it carries. Pure: it reads the capture's dissection and
// analysis, and the words come from the strings (sentenceText).
import type { Field } from '../types.ts';
import { arpSentence } from './arp-sentence.ts';
import { dnsSentence } from './dns-sentence.ts';
import { icmpSentence } from './icmp-sentence.ts';
import { num } from './read-fields.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import type { FrameSentence } from './sentence-types.ts';
import { tcpSentence } from './tcp-sentence.ts';
import { udpSentence } from './udp-sentence.ts';

export function frameSentences(capture: SentenceCapture, n: number): FrameSentence[] {
  const d = capture.dissect(n);
  const first = kindSentence(capture, n, d.tree, d.protocols.split(':'));
  const seg = d.layers.tcp ? capture.tcpSegment(n) : undefined;
  const flags: FrameSentence[] = seg ? capture.analysis.explain(seg).map(({ key, params }) => ({ key: 'analysis', params: { key, params } })) : [];
  return [first, ...flags];
}

function kindSentence(capture: SentenceCapture, n: number, tree: readonly Field[], protocols: string[]): FrameSentence {
  const node = (name: string) => tree.findIndex((f) => f.name === name);
  for (const p of protocols) {
    if (p === 'arp') return arpSentence(tree[node('arp')]?.children ?? [], tree[node('eth')]?.children?.find((f) => f.name === 'eth.dst')?.show);
    if (p === 'icmp' || p === 'icmpv6') return icmpSentence(tree, node(p), p === 'icmpv6');
    if (p === 'tcp') return tcpSentence(capture, n, tree[node('tcp')]?.children ?? []);
    if (p === 'udp') {
      const dns = ['dns', 'mdns', 'llmnr'].map(node).find((i) => i >= 0);
      if (dns !== undefined) return dnsSentence(tree[dns].children ?? []);
      return udpSentence(tree[node('udp')]?.children ?? [], protocols);
    }
  }
  // A fragment whose datagram a later frame completes (ip.reassembled_in; tshark 4.0 names IPv6's ipv6.reassembled.in).
  const ip = tree.find((f) => f.name === 'ip' || f.name === 'ipv6');
  const reassembledIn = ip ? num(ip.children ?? [], ip.name === 'ip' ? 'ip.reassembled_in' : 'ipv6.reassembled.in') : 0;
  if (reassembledIn > 0) return { key: 'ip_fragment', params: { reassembledIn } };
  const top = tree[tree.length - 1];
  return { key: 'other', params: { protocol: top?.name.toUpperCase() ?? '' } };
}
