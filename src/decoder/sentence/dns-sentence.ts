// A DNS message's sentence: a query, or a response with its response code
// (dns.flags.response, dns.flags.rcode, dns.qry.name, dns.qry.type,
// dns.count.answers, dns.response_in / dns.response_to).
import { findField } from '../fields/find.ts';
import type { Field } from '../types.ts';
import { num, text } from './read-fields.ts';
import type { DnsFacts, FrameSentence } from './sentence-types.ts';

export function dnsSentence(dns: readonly Field[]): FrameSentence {
  // The type's name is in the details line: "Type: AAAA (IPv6 Address) (28)".
  const typeLine = findField(dns, 'dns.qry.type')?.display ?? '';
  const facts: DnsFacts = {
    id: text(dns, 'dns.id'),
    name: text(dns, 'dns.qry.name'),
    type: /Type: (\S+)/.exec(typeLine)?.[1] ?? text(dns, 'dns.qry.type'),
    otherFrame: 0,
  };
  if (num(dns, 'dns.flags.response') !== 1) return { key: 'dns_query', params: { ...facts, otherFrame: num(dns, 'dns.response_in') } };
  const queryFrame = num(dns, 'dns.response_to');
  return {
    key: 'dns_response',
    params: { ...facts, otherFrame: queryFrame, queryFrame, rcode: num(dns, 'dns.flags.rcode'), answers: num(dns, 'dns.count.answers') },
  };
}
