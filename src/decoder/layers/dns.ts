// DNS (RFC 1035) over UDP and TCP, and the same format as mDNS (RFC 6762)
// and LLMNR (RFC 4795). Names may be compressed; a pointer loop is shown as
// Wireshark shows it, and a name cut short or pointing outside the message
// marks the packet malformed.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { hexOf, ipv4Text, ipv6Text } from '../fields/format.ts';
import { need, u16, u32 } from './context.ts';
import { endpointsKey } from './endpoints.ts';
import { DnsNameReader } from './dns-name.ts';
import type { DnsName } from './dns-name.ts';
import type { Decoder, LayerContext } from './context.ts';

const TYPES: Readonly<Record<number, readonly [string, string]>> = {
  1: ['A', 'Host Address'],
  2: ['NS', 'authoritative Name Server'],
  5: ['CNAME', 'Canonical NAME for an alias'],
  6: ['SOA', 'Start Of a zone of Authority'],
  10: ['NULL', ''],
  12: ['PTR', 'domain name PoinTeR'],
  13: ['HINFO', 'host information'],
  15: ['MX', 'Mail eXchange'],
  16: ['TXT', 'Text strings'],
  28: ['AAAA', 'IPv6 Address'],
  33: ['SRV', 'Server Selection'],
  41: ['OPT', ''],
  43: ['DS', 'Delegation Signer'],
  46: ['RRSIG', 'Resource Record Signature'],
  47: ['NSEC', 'Next Secure'],
  48: ['DNSKEY', 'DNS Public Key'],
  64: ['SVCB', 'General Purpose Service Endpoints'],
  65: ['HTTPS', 'HTTPS Specific Service Endpoints'],
  252: ['AXFR', 'transfer of an entire zone'],
  255: ['ANY', 'Request for all records the server/cache has available'],
};
const CLASSES: Readonly<Record<number, string>> = { 1: 'IN', 3: 'CH', 4: 'HS', 254: 'NONE', 255: 'ANY' };
const OPCODES: Readonly<Record<number, string>> = {
  0: 'Standard query',
  1: 'Inverse query',
  2: 'Server status request',
  4: 'Zone change notification',
  5: 'Dynamic update',
};
const RCODES: Readonly<Record<number, string>> = {
  0: 'No error',
  1: 'Format error',
  2: 'Server failure',
  3: 'No such name',
  4: 'Not implemented',
  5: 'Refused',
};

const typeShort = (t: number) => TYPES[t]?.[0] ?? `Unknown (${t})`;
const typeLong = (t: number) => {
  const e = TYPES[t];
  if (!e) return `Unknown (${t})`;
  // Wireshark names type 10 "NULL RR" in the tree and "NULL" elsewhere.
  if (t === 10) return 'NULL RR (10)';
  return e[1] ? `${e[0]} (${e[1]}) (${t})` : `${e[0]} (${t})`;
};
const className = (c: number) => CLASSES[c] ?? `Unknown (0x${c.toString(16).padStart(4, '0')})`;

/** "1 minute, 40 seconds", as Wireshark writes TTLs. */
export function ttlText(s: number): string {
  const parts: string[] = [];
  const unit = (n: number, w: string) => parts.push(`${n} ${w}${n === 1 ? '' : 's'}`);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d) unit(d, 'day');
  if (h) unit(h, 'hour');
  if (m) unit(m, 'minute');
  if (sec || !parts.length) unit(sec, 'second');
  return parts.join(', ');
}

const dnsFields = defineFields({
  dns: { name: 'dns', label: 'Domain Name System', type: 'protocol' },
  mdns: { name: 'mdns', label: 'Multicast Domain Name System', type: 'protocol' },
  llmnr: { name: 'llmnr', label: 'Link-local Multicast Name Resolution', type: 'protocol' },
  length: { name: 'dns.length', label: 'Length', type: 'uint', bits: 16, width: 16 },
  id: { name: 'dns.id', label: 'Transaction ID', type: 'uint', bits: 16, width: 16, base: 'hex' },
  flags: { name: 'dns.flags', label: 'Flags', type: 'uint', bits: 16, width: 16, base: 'hex' },
  response: {
    name: 'dns.flags.response',
    label: 'Response',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x8000,
    tfs: ['Message is a response', 'Message is a query'],
  },
  opcode: { name: 'dns.flags.opcode', label: 'Opcode', type: 'uint', bits: 4, width: 16, mask: 0x7800, strings: OPCODES },
  authoritative: {
    name: 'dns.flags.authoritative',
    label: 'Authoritative',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0400,
    tfs: ['Server is an authority for domain', 'Server is not an authority for domain'],
  },
  truncated: {
    name: 'dns.flags.truncated',
    label: 'Truncated',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0200,
    tfs: ['Message is truncated', 'Message is not truncated'],
  },
  recdesired: {
    name: 'dns.flags.recdesired',
    label: 'Recursion desired',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0100,
    tfs: ['Do query recursively', "Don't do query recursively"],
  },
  recavail: {
    name: 'dns.flags.recavail',
    label: 'Recursion available',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0080,
    tfs: ['Server can do recursive queries', "Server can't do recursive queries"],
  },
  z: { name: 'dns.flags.z', label: 'Z', type: 'bool', bits: 1, width: 16, mask: 0x0040, tfs: ['reserved (1)', 'reserved (0)'] },
  authenticated: {
    name: 'dns.flags.authenticated',
    label: 'Answer authenticated',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0020,
    tfs: ['Answer/authority portion was authenticated by the server', 'Answer/authority portion was not authenticated by the server'],
  },
  conflictQuery: {
    name: 'dns.flags.conflict',
    label: 'Conflict',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0400,
    tfs: ['The sender received multiple responses', 'None'],
  },
  conflictResponse: {
    name: 'dns.flags.conflict',
    label: 'Conflict',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0400,
    tfs: ['The name is not considered unique', 'The name is considered unique'],
  },
  tentative: { name: 'dns.flags.tentative', label: 'Tentative', type: 'bool', bits: 1, width: 16, mask: 0x0100, tfs: ['Tentative', 'Not tentative'] },
  checkdisable: {
    name: 'dns.flags.checkdisable',
    label: 'Non-authenticated data',
    type: 'bool',
    bits: 1,
    width: 16,
    mask: 0x0010,
    tfs: ['Acceptable', 'Unacceptable'],
  },
  rcode: { name: 'dns.flags.rcode', label: 'Reply code', type: 'uint', bits: 4, width: 16, mask: 0x000f, strings: RCODES },
  countQueries: { name: 'dns.count.queries', label: 'Questions', type: 'uint', bits: 16, width: 16 },
  countAnswers: { name: 'dns.count.answers', label: 'Answer RRs', type: 'uint', bits: 16, width: 16 },
  countAuth: { name: 'dns.count.auth_rr', label: 'Authority RRs', type: 'uint', bits: 16, width: 16 },
  countAdd: { name: 'dns.count.add_rr', label: 'Additional RRs', type: 'uint', bits: 16, width: 16 },
  responseIn: { name: 'dns.response_in', label: 'Response In', type: 'framenum', width: 32, generated: true },
  responseTo: { name: 'dns.response_to', label: 'Request In', type: 'framenum', width: 32, generated: true },
  time: { name: 'dns.time', label: 'Time', type: 'reltime', generated: true },
  qryName: { name: 'dns.qry.name', label: 'Name', type: 'string' },
  qryNameLen: { name: 'dns.qry.name.len', label: 'Name Length', type: 'uint', width: 16, generated: true },
  countLabels: { name: 'dns.count.labels', label: 'Label Count', type: 'uint', width: 16, generated: true },
  qryType: { name: 'dns.qry.type', label: 'Type', type: 'uint', width: 16, fmt: (v) => typeLong(Number(v)) },
  qryClass: { name: 'dns.qry.class', label: 'Class', type: 'uint', width: 16, base: 'hex', fmt: (v) => `${className(Number(v))} (${hexOf(Number(v), 16)})` },
  qryUnicast: { name: 'dns.qry.qu', label: '"QU" question', type: 'bool', width: 16, mask: 0x8000 },
  respName: { name: 'dns.resp.name', label: 'Name', type: 'string' },
  respType: { name: 'dns.resp.type', label: 'Type', type: 'uint', width: 16, fmt: (v) => typeLong(Number(v)) },
  respClass: { name: 'dns.resp.class', label: 'Class', type: 'uint', width: 16, base: 'hex', fmt: (v) => `${className(Number(v))} (${hexOf(Number(v), 16)})` },
  cacheFlush: { name: 'dns.resp.cache_flush', label: 'Cache flush', type: 'bool', width: 16, mask: 0x8000, tfs: ['True', 'False'] },
  respTtl: { name: 'dns.resp.ttl', label: 'Time to live', type: 'uint', width: 32, fmt: (v) => `${v} (${ttlText(Number(v))})` },
  respLen: { name: 'dns.resp.len', label: 'Data length', type: 'uint', width: 16 },
  a: { name: 'dns.a', label: 'Address', type: 'ipv4' },
  aaaa: { name: 'dns.aaaa', label: 'AAAA Address', type: 'ipv6' },
  cname: { name: 'dns.cname', label: 'CNAME', type: 'string' },
  ns: { name: 'dns.ns', label: 'Name Server', type: 'string' },
  ptr: { name: 'dns.ptr.domain_name', label: 'Domain Name', type: 'string' },
  mxPreference: { name: 'dns.mx.preference', label: 'Preference', type: 'uint', width: 16 },
  mxExchange: { name: 'dns.mx.mail_exchange', label: 'Mail Exchange', type: 'string' },
  txtLength: { name: 'dns.txt.length', label: 'TXT Length', type: 'uint', width: 8 },
  txt: { name: 'dns.txt', label: 'TXT', type: 'string' },
  srvService: { name: 'dns.srv.service', label: 'Service', type: 'string' },
  srvProto: { name: 'dns.srv.proto', label: 'Protocol', type: 'string' },
  srvName: { name: 'dns.srv.name', label: 'Name', type: 'string' },
  srvPriority: { name: 'dns.srv.priority', label: 'Priority', type: 'uint', width: 16 },
  srvWeight: { name: 'dns.srv.weight', label: 'Weight', type: 'uint', width: 16 },
  srvPort: { name: 'dns.srv.port', label: 'Port', type: 'uint', width: 16 },
  srvTarget: { name: 'dns.srv.target', label: 'Target', type: 'string' },
  soaMname: { name: 'dns.soa.mname', label: 'Primary name server', type: 'string' },
  soaRname: { name: 'dns.soa.rname', label: "Responsible authority's mailbox", type: 'string' },
  soaSerial: { name: 'dns.soa.serial_number', label: 'Serial Number', type: 'uint', width: 32 },
  soaRefresh: { name: 'dns.soa.refresh_interval', label: 'Refresh Interval', type: 'uint', width: 32, fmt: (v) => `${v} (${ttlText(Number(v))})` },
  soaRetry: { name: 'dns.soa.retry_interval', label: 'Retry Interval', type: 'uint', width: 32, fmt: (v) => `${v} (${ttlText(Number(v))})` },
  soaExpire: { name: 'dns.soa.expire_limit', label: 'Expire limit', type: 'uint', width: 32, fmt: (v) => `${v} (${ttlText(Number(v))})` },
  soaMinimum: { name: 'dns.soa.minimum_ttl', label: 'Minimum TTL', type: 'uint', width: 32, fmt: (v) => `${v} (${ttlText(Number(v))})` },
  udpPayloadSize: { name: 'dns.rr.udp_payload_size', label: 'UDP payload size', type: 'uint', width: 16 },
  extRcode: { name: 'dns.resp.ext_rcode', label: 'Higher bits in extended RCODE', type: 'uint', width: 8, base: 'hex' },
  ednsVersion: { name: 'dns.resp.edns0_version', label: 'EDNS0 version', type: 'uint', width: 8 },
  ednsZ: { name: 'dns.resp.z', label: 'Z', type: 'uint', width: 16, base: 'hex' },
  ednsDo: {
    name: 'dns.resp.z.do',
    label: 'DO bit',
    type: 'bool',
    width: 16,
    mask: 0x8000,
    tfs: ['Accepts DNSSEC security RRs', 'Cannot handle DNSSEC security RRs'],
  },
  ednsZReserved: { name: 'dns.resp.z.reserved', label: 'Reserved', type: 'uint', width: 16, mask: 0x7fff, base: 'hex' },
  ednsOptions: { name: 'dns.opt', label: 'Option', type: 'bytes' },
  data: { name: 'dns.data', label: 'Data', type: 'bytes' },
  nullData: { name: 'dns.null', label: 'Null (data)', type: 'bytes' },
});

const D = dnsFields;

export const dnsTable: ProtocolTable = {
  layer: 'dns',
  filter: 'dns',
  title: 'Domain Name System',
  header: [D.id, D.flags, D.countQueries, D.countAnswers, D.countAuth, D.countAdd],
  fields: dnsFields,
};

/** Decoded DNS message values. */
export interface DnsRecord {
  offset: number;
  id: number;
  flags: number;
  response: boolean;
  questions: Array<{ name: string; type: number; class: number }>;
  answers: Array<{ name: string; type: number; class: number; ttl: number; data: string }>;
}

type Variant = 'dns' | 'mdns' | 'llmnr';

function decodeMessage(ctx: LayerContext, variant: Variant, start: number, end: number, tcpLength: boolean): number | void {
  const { data, out } = ctx;
  const node = variant === 'dns' ? D.dns : variant === 'mdns' ? D.mdns : D.llmnr;
  ctx.protocols.push(variant);
  if (ctx.columns && !ctx.inner) ctx.cols.protocol = variant.toUpperCase();
  const stop = Math.min(end, data.length);
  out.open(node, start, stop - start, node.label);
  let msg = start;
  if (tcpLength) {
    if (!need(ctx, 'DNS', start, 2, end)) {
      out.close();
      return;
    }
    const l = u16(data, start);
    out.add(D.length, start, 2, l);
    msg = start + 2;
    end = Math.min(end, msg + l);
  }
  const proto = variant === 'dns' ? 'DNS' : variant === 'mdns' ? 'MDNS' : 'LLMNR';
  if (!need(ctx, proto, msg, 12, end)) {
    out.close();
    return;
  }
  const id = u16(data, msg);
  const flags = u16(data, msg + 2);
  const isResponse = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0xf;
  const rcode = flags & 0xf;
  if (out.detail || out.wants(node)) out.finish(stop - start, `${node.label} (${isResponse ? 'response' : 'query'})`);
  out.add(D.id, msg, 2, id);
  let flagText = OPCODES[opcode] ?? 'Unknown operation';
  if (isResponse) flagText += ` response, ${RCODES[rcode] ?? 'Unknown error'}`;
  out.open(D.flags, msg + 2, 2, flags, out.detail ? `Flags: ${hexOf(flags, 16)} ${flagText}` : undefined);
  const f = (spec: (typeof D)[keyof typeof D], v: number | boolean) => out.add(spec, msg + 2, 2, v);
  f(D.response, isResponse);
  f(D.opcode, opcode);
  if (variant === 'llmnr') {
    // LLMNR (RFC 4795 2.1.1) reuses the header with its own C and T bits.
    f(isResponse ? D.conflictResponse : D.conflictQuery, (flags & 0x0400) !== 0);
    f(D.truncated, (flags & 0x0200) !== 0);
    f(D.tentative, (flags & 0x0100) !== 0);
    if (isResponse) f(D.rcode, rcode);
  } else {
    if (isResponse) f(D.authoritative, (flags & 0x0400) !== 0);
    f(D.truncated, (flags & 0x0200) !== 0);
    f(D.recdesired, (flags & 0x0100) !== 0);
    if (isResponse) f(D.recavail, (flags & 0x0080) !== 0);
    f(D.z, (flags & 0x0040) !== 0);
    if (isResponse) f(D.authenticated, (flags & 0x0020) !== 0);
    f(D.checkdisable, (flags & 0x0010) !== 0);
    if (isResponse) f(D.rcode, rcode);
  }
  out.close();
  const counts = [u16(data, msg + 4), u16(data, msg + 6), u16(data, msg + 8), u16(data, msg + 10)];
  out.add(D.countQueries, msg + 4, 2, counts[0]);
  out.add(D.countAnswers, msg + 6, 2, counts[1]);
  out.add(D.countAuth, msg + 8, 2, counts[2]);
  out.add(D.countAdd, msg + 10, 2, counts[3]);

  const rec: DnsRecord = { offset: msg, id, flags, response: isResponse, questions: [], answers: [] };
  const info: string[] = [];
  let at = msg + 12;
  let broken = false;
  const columns = ctx.columns && !ctx.inner;
  // One reader per message: its names share the reader's table of label runs.
  const names = new DnsNameReader(data, msg, end);

  // A section header ("Queries") spans its records; its length is known only at the end.
  const section = (title: string, count: number, one: () => boolean) => {
    if (!count || broken) return;
    const from = at;
    if (out.detail) out.openText(title, at, 0);
    for (let i = 0; i < count && !broken; i++) if (!one()) broken = true;
    if (out.detail) {
      out.finish(broken ? Math.min(end, data.length) - from : at - from);
      out.close();
    }
  };
  const badName = (n: DnsName) => {
    if (n.state === 'bad') ctx.malformed(proto);
    else if (n.state === 'cut') ctx.truncated(proto);
    else return false;
    return true;
  };

  section('Queries', counts[0], () => {
    const n = names.read(at, end);
    if (badName(n)) return false;
    if (!need(ctx, proto, at + n.used, 4, end)) return false;
    const type = u16(data, at + n.used);
    const rawClass = u16(data, at + n.used + 2);
    const cls = variant === 'mdns' ? rawClass & 0x7fff : rawClass;
    const qu = variant === 'mdns' && (rawClass & 0x8000) !== 0;
    const size = n.used + 4;
    if (out.detail) out.openText(`${n.text}: type ${typeShort(type)}, class ${className(cls)}${qu ? ', "QU" question' : ''}`, at, size);
    out.add(D.qryName, at, n.used, n.text);
    // Wireshark reports 0 for both when the name text is a single character.
    out.add(D.qryNameLen, at, n.used, n.text.length > 1 ? n.text.length : 0);
    out.add(D.countLabels, at, n.used, n.text.length > 1 ? n.labels : 0);
    out.add(D.qryType, at + n.used, 2, type);
    if (variant === 'mdns') {
      out.add(
        D.qryClass,
        at + n.used + 2,
        2,
        cls,
        out.detail ? `.000 0000 0000 ${(cls & 0xf).toString(2).padStart(4, '0')} = Class: ${className(cls)} (${hexOf(cls, 16)})` : undefined,
      );
      out.add(D.qryUnicast, at + n.used + 2, 2, qu);
    } else out.add(D.qryClass, at + n.used + 2, 2, cls);
    if (out.detail) out.close();
    rec.questions.push({ name: n.text, type, class: cls });
    if (columns) info.push(`${typeShort(type)}${qu ? ', "QU" question' : ''} ${n.text}`);
    at += size;
    return true;
  });

  const rr = (): boolean => {
    const n = names.read(at, end);
    if (badName(n)) return false;
    if (!need(ctx, proto, at + n.used, 10, end)) return false;
    const p = at + n.used;
    const type = u16(data, p);
    const rawClass = u16(data, p + 2);
    const ttl = u32(data, p + 4);
    const rdlen = u16(data, p + 8);
    const rd = p + 10;
    const isOpt = type === 41;
    const flush = variant === 'mdns' && !isOpt && (rawClass & 0x8000) !== 0;
    const cls = variant === 'mdns' && !isOpt ? rawClass & 0x7fff : rawClass;
    if (!need(ctx, proto, rd, rdlen, end)) return false;
    // rdata text for the title line and the Info column
    let summary = '';
    let infoText = '';
    const nameAt = (o: number) => names.read(o, rd + rdlen);
    if (type === 1 && rdlen === 4) summary = infoText = ipv4Text(u32(data, rd));
    else if (type === 28 && rdlen === 16) summary = infoText = ipv6Text(data.subarray(rd, rd + 16));
    else if (type === 5 || type === 2 || type === 12) summary = infoText = nameAt(rd).text;
    else if (type === 15 && rdlen >= 3) {
      const x = nameAt(rd + 2).text;
      summary = `preference ${u16(data, rd)}, mx ${x}`;
      infoText = `${u16(data, rd)} ${x}`;
    } else if (type === 33 && rdlen >= 7) {
      const x = nameAt(rd + 6).text;
      summary = `priority ${u16(data, rd)}, weight ${u16(data, rd + 2)}, port ${u16(data, rd + 4)}, target ${x}`;
      infoText = `${u16(data, rd)} ${u16(data, rd + 2)} ${u16(data, rd + 4)} ${x}`;
    } else if (type === 6 && rdlen >= 2) {
      const x = nameAt(rd).text;
      summary = `mname ${x}`;
      infoText = x;
    } else if (type === 10) infoText = n.text; // Wireshark's Info repeats the owner name of a NULL record

    const label = type === 1 || type === 28 ? 'addr' : type === 5 ? 'cname' : type === 2 ? 'ns' : '';
    let title = isOpt ? `${n.text}: type OPT` : `${n.text}: type ${typeShort(type)}, class ${className(cls)}${flush ? ', cache flush' : ''}`;
    if (summary && !isOpt) title += label ? `, ${label} ${summary}` : `, ${summary}`;
    const size = n.used + 10 + rdlen;
    if (out.detail) out.openText(title, at, size);
    if (type === 33 && n.state === 'ok') {
      const parts = n.text.split('.');
      out.add(D.srvService, at, n.used, parts[0]);
      out.add(D.srvProto, at, n.used, parts[1] ?? '');
      out.add(D.srvName, at, n.used, parts.slice(2).join('.'));
    } else out.add(D.respName, at, n.used, n.text);
    out.add(D.respType, p, 2, type);
    if (isOpt) {
      out.add(D.udpPayloadSize, p + 2, 2, rawClass);
      out.add(D.extRcode, p + 4, 1, data[p + 4]);
      out.add(D.ednsVersion, p + 5, 1, data[p + 5]);
      const z = u16(data, p + 6);
      out.open(D.ednsZ, p + 6, 2, z);
      out.add(D.ednsDo, p + 6, 2, (z & 0x8000) !== 0);
      out.add(D.ednsZReserved, p + 6, 2, z & 0x7fff);
      out.close();
      out.add(D.respLen, p + 8, 2, rdlen);
      if (rdlen) out.add(D.ednsOptions, rd, rdlen);
    } else {
      if (variant === 'mdns') {
        out.add(
          D.respClass,
          p + 2,
          2,
          cls,
          out.detail ? `.000 0000 0000 ${(cls & 0xf).toString(2).padStart(4, '0')} = Class: ${className(cls)} (${hexOf(cls, 16)})` : undefined,
        );
        out.add(D.cacheFlush, p + 2, 2, flush);
      } else out.add(D.respClass, p + 2, 2, cls);
      out.add(D.respTtl, p + 4, 4, ttl);
      out.add(D.respLen, p + 8, 2, rdlen);
      if (type === 1 && rdlen === 4) out.add(D.a, rd, 4, u32(data, rd));
      else if (type === 28 && rdlen === 16) out.add(D.aaaa, rd, 16);
      else if (type === 5 || type === 2 || type === 12) {
        const x = nameAt(rd);
        out.add(type === 5 ? D.cname : type === 2 ? D.ns : D.ptr, rd, x.used, x.text);
      } else if (type === 15 && rdlen >= 3) {
        out.add(D.mxPreference, rd, 2, u16(data, rd));
        const x = nameAt(rd + 2);
        out.add(D.mxExchange, rd + 2, x.used, x.text);
      } else if (type === 16) {
        for (let q = rd; q < rd + rdlen; ) {
          const l = data[q];
          out.add(D.txtLength, q, 1, l);
          const e = Math.min(q + 1 + l, rd + rdlen);
          let s = '';
          for (let i = q + 1; i < e; i++) s += String.fromCharCode(data[i]);
          out.add(D.txt, q + 1, e - q - 1, s);
          q = e;
        }
      } else if (type === 33 && rdlen >= 7) {
        out.add(D.srvPriority, rd, 2, u16(data, rd));
        out.add(D.srvWeight, rd + 2, 2, u16(data, rd + 2));
        out.add(D.srvPort, rd + 4, 2, u16(data, rd + 4));
        const x = nameAt(rd + 6);
        out.add(D.srvTarget, rd + 6, x.used, x.text);
      } else if (type === 6 && rdlen >= 22) {
        const m = nameAt(rd);
        out.add(D.soaMname, rd, m.used, m.text);
        const r = nameAt(rd + m.used);
        out.add(D.soaRname, rd + m.used, r.used, r.text);
        const q = rd + m.used + r.used;
        if (q + 20 <= rd + rdlen) {
          out.add(D.soaSerial, q, 4, u32(data, q));
          out.add(D.soaRefresh, q + 4, 4, u32(data, q + 4));
          out.add(D.soaRetry, q + 8, 4, u32(data, q + 8));
          out.add(D.soaExpire, q + 12, 4, u32(data, q + 12));
          out.add(D.soaMinimum, q + 16, 4, u32(data, q + 16));
        }
      } else if (type === 10 && rdlen) out.add(D.nullData, rd, rdlen);
      else if (rdlen) {
        if (!TYPES[type]) {
          out.expert(
            'dns.undecoded.type',
            'note',
            `Dissector for DNS Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`,
          );
        }
        out.add(D.data, rd, rdlen);
      }
    }
    if (out.detail) out.close();
    rec.answers.push({ name: n.text, type, class: cls, ttl, data: infoText });
    if (columns) info.push(isOpt ? 'OPT' : `${typeShort(type)}${flush ? ', cache flush' : ''}${infoText ? ' ' + infoText : ''}`);
    at += size;
    return true;
  };
  section('Answers', counts[1], rr);
  section('Authoritative nameservers', counts[2], rr);
  section('Additional records', counts[3], rr);
  // The query's response, or the response's query (matched by the analysis' first pass).
  const ports = ctx.layers.udp ?? ctx.layers.tcp;
  const match = ctx.inner ? undefined : ctx.session?.transaction?.({ key: `dns|${id}|${endpointsKey(ctx, ports)}`, request: !isResponse }, ctx);
  if (match?.responseIn) out.add(D.responseIn, msg, 0, match.responseIn);
  if (match?.requestIn) {
    out.add(D.responseTo, msg, 0, match.requestIn);
    out.add(D.time, msg, 0, BigInt(match.deltaNs));
  }
  out.close();
  if (!ctx.inner) ctx.layers.dns = rec;
  if (columns) {
    let s = `${OPCODES[opcode] ?? 'Unknown operation'}${isResponse ? ' response' : ''} ${hexOf(id, 16)}`;
    if (isResponse && rcode !== 0) s += ` ${RCODES[rcode] ?? 'Unknown error'}`;
    // The column keeps 4095 characters (dissect.ts cuts it): stop once past that.
    for (const i of info) {
      if (s.length > 4095) break;
      s += ' ' + i;
    }
    ctx.cols.info = s;
  }
  return end;
}

/** DNS over UDP, or over TCP with its two-byte length prefix (RFC 1035 4.2.2). */
export const decodeDns: Decoder = (ctx, offset, end) => decodeMessage(ctx, 'dns', offset, end, ctx.protocols[ctx.protocols.length - 1] === 'tcp');
export const decodeMdns: Decoder = (ctx, offset, end) => decodeMessage(ctx, 'mdns', offset, end, false);
export const decodeLlmnr: Decoder = (ctx, offset, end) => decodeMessage(ctx, 'llmnr', offset, end, ctx.protocols[ctx.protocols.length - 1] === 'tcp');
