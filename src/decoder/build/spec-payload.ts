// Payload readers: byte strings from text, hex, fill patterns and named data,
// and DNS messages from names and records.

import type { YamlNode } from '../../lib/yaml/yaml-lite.ts';
import { entry } from '../../lib/yaml/yaml-lite.ts';
import { concat, fill, parseHex, parseHexDump, parseIpv4, parseIpv6 } from './bytes.ts';
import { DNS_TYPES, encodeDns } from './dns-message.ts';
import type { DnsQuestion, DnsRecord } from './dns-message.ts';
import { fail, int, list, map, need, onlyKeys, optInt, parsed, text } from './spec-values.ts';

/** Payload parts: {text}, {hex}, {fill, length}, {fill_hex, length}, {data, offset, length}. */
function readPart(node: YamlNode, data: Map<string, Uint8Array>): Uint8Array {
  const m = map(node, 'a payload part');
  onlyKeys(m, 'a payload part', ['text', 'hex', 'fill', 'fill_hex', 'length', 'data', 'offset']);
  const kinds = ['text', 'hex', 'fill', 'fill_hex', 'data'].filter((k) => entry(m, k));
  if (kinds.length !== 1)
    fail(
      m,
      'a payload part is exactly one of {text: ...}, {hex: ...}, {fill: ..., length: N}, {fill_hex: ..., length: N} or {data: NAME, offset: N, length: N}',
    );
  const kind = kinds[0];
  const length = optInt(m, 'length', 'payload', 0xffff);
  if ((kind === 'fill' || kind === 'fill_hex') && length === undefined) fail(m, `{${kind}: ...} needs length: N`);
  if ((kind === 'text' || kind === 'hex') && (length !== undefined || entry(m, 'offset')))
    fail(m, `{${kind}: ...} takes no length or offset: the bytes given are the part`);
  const v = entry(m, kind)!.value;
  switch (kind) {
    case 'text':
      return new TextEncoder().encode(text(v, 'text'));
    case 'hex':
      return parsed(v, 'hex', (t) => parseHex(t) ?? parseHexDump(t), 'hex bytes ("45 00 00 3e" or a hex dump)');
    case 'fill':
      return fill(new TextEncoder().encode(text(v, 'fill')), length!);
    case 'fill_hex':
      return fill(parsed(v, 'fill_hex', parseHex, 'hex bytes'), length!);
    default: {
      const name = text(v, 'data');
      const bytes = data.get(name) ?? fail(v, `no data named '${name}': define it under data: at the top of the spec`);
      const offset = optInt(m, 'offset', 'payload', 0xffffff) ?? 0;
      const len = length ?? bytes.length - offset;
      if (offset + len > bytes.length) fail(m, `data '${name}' has ${bytes.length} bytes: offset ${offset} + length ${len} goes past its end`);
      return bytes.slice(offset, offset + len);
    }
  }
}

export function readPayload(node: YamlNode, data: Map<string, Uint8Array>): Uint8Array {
  return node.kind === 'seq' ? concat(node.items.map((p) => readPart(p, data))) : readPart(node, data);
}

function dnsType(node: YamlNode): number {
  const t = text(node, 'DNS type');
  return DNS_TYPES[t] ?? fail(node, `unknown DNS type '${t}': use one of ${Object.keys(DNS_TYPES).join(', ')}`);
}

function dnsRecord(node: YamlNode): DnsRecord {
  const items = list(node, 'a DNS record');
  if (items.length !== 4) fail(node, 'a DNS record is [NAME, TYPE, TTL, DATA]');
  const type = dnsType(items[1]);
  const ttl = int(items[2], 'TTL', 0xffffffff);
  let rdata: DnsRecord['data'];
  if (type === DNS_TYPES.A) rdata = parsed(items[3], 'an A record', parseIpv4, 'an IPv4 address');
  else if (type === DNS_TYPES.AAAA) rdata = parsed(items[3], 'an AAAA record', parseIpv6, 'an IPv6 address');
  else if (type === DNS_TYPES.NS || type === DNS_TYPES.CNAME || type === DNS_TYPES.PTR) rdata = { name: text(items[3], 'a name') };
  else rdata = parsed(items[3], 'record data', parseHex, 'hex bytes');
  return { name: text(items[0], 'NAME'), type, ttl, data: rdata };
}

export function readDns(node: YamlNode): Uint8Array {
  const m = map(node, 'dns');
  onlyKeys(m, 'dns', ['id', 'flags', 'questions', 'answers', 'authority', 'additional']);
  const questions: DnsQuestion[] = list(need(m, 'questions', 'dns').value, 'dns.questions').map((q) => {
    const items = list(q, 'a DNS question');
    if (items.length !== 2) fail(q, 'a DNS question is [NAME, TYPE]');
    return { name: text(items[0], 'NAME'), type: dnsType(items[1]) };
  });
  const records = (key: string) => {
    const e = entry(m, key);
    return e ? list(e.value, `dns.${key}`).map(dnsRecord) : [];
  };
  return encodeDns({
    id: int(need(m, 'id', 'dns').value, 'dns.id', 0xffff),
    flags: int(need(m, 'flags', 'dns').value, 'dns.flags', 0xffff),
    questions,
    answers: records('answers'),
    authority: records('authority'),
    additional: records('additional'),
  });
}
