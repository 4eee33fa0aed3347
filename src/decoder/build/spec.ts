// Reads a capture spec (YAML, see captures/rebuilt/README.md) into frames to
// build. Every value is checked against its field's type and range; the first
// problem stops reading and is reported with its line and column.

import type { YamlMap, YamlNode } from '../../lib/yaml/yaml-lite.ts';
import { entry } from '../../lib/yaml/yaml-lite.ts';
import { parseHex, parseHexDump, parseIpv4, parseIpv6, parseMac } from './bytes.ts';
import type { ArpSpec, EthSpec, Ipv4Spec, Ipv6Spec, PacketSpec, TcpSpec, UdpSpec } from './packet.ts';
import { TCP_FLAG_BITS } from './packet.ts';
import { parseTcpOption } from './tcp-options.ts';
import type { TcpOption } from './tcp-options.ts';
import { decimalSecondsToNs } from './time.ts';
import { readDns, readPayload } from './spec-payload.ts';
import { bool, fail, int, list, map, need, onlyKeys, optInt, parsed, scalar, text } from './spec-values.ts';

export { SpecProblem } from './spec-values.ts';

export interface Expectation {
  field: string;
  value: number | string;
  /** The value as written in the spec, for messages. */
  text: string;
  line: number;
  col: number;
}

export interface FrameSpec {
  /** 1-based position in the built file. */
  number: number;
  line: number;
  /** The source's own frame number(s), e.g. "3" or "288". */
  report?: string;
  timestamp: bigint;
  /** The time: text as written (seconds after capture.epoch), kept for the comment. */
  time?: string;
  /** Raw bytes for the whole frame, or field values to assemble. */
  raw?: Uint8Array;
  packet: PacketSpec;
  expect: Expectation[];
  note?: string;
}

export interface CaptureSpec {
  comment?: string;
  link: 'ethernet' | 'raw';
  frames: FrameSpec[];
}

interface Host {
  mac?: Uint8Array;
  ip?: Uint8Array;
  ttl?: number;
}

function readHosts(node: YamlNode | undefined): Map<string, Host> {
  const hosts = new Map<string, Host>();
  if (!node) return hosts;
  for (const e of map(node, 'hosts').entries) {
    const h = map(e.value, `host ${e.key}`);
    onlyKeys(h, `host ${e.key}`, ['mac', 'ip', 'ttl']);
    const host: Host = {};
    const mac = entry(h, 'mac');
    if (mac) host.mac = parsed(mac.value, `${e.key}.mac`, parseMac, 'a MAC address like 70:5d:cc:65:65:aa');
    const ip = entry(h, 'ip');
    if (ip) host.ip = parsed(ip.value, `${e.key}.ip`, (t) => parseIpv4(t) ?? parseIpv6(t), 'an IPv4 or IPv6 address');
    host.ttl = optInt(h, 'ttl', e.key, 255);
    hosts.set(e.key, host);
  }
  return hosts;
}

/** An address from the field, or from the host named by from/to. */
function address<T>(
  m: YamlMap | undefined,
  key: string,
  what: string,
  host: Host | undefined,
  pick: (h: Host) => T | undefined,
  parse: (t: string) => T | undefined,
  form: string,
  at: { line: number; col: number },
): T {
  const e = m && entry(m, key);
  if (e) return parsed(e.value, `${what}.${key}`, parse, form);
  const v = host && pick(host);
  return v ?? fail(m ?? at, `${what} needs '${key}' (or from:/to: naming a host that has it)`);
}

function readTcp(m: YamlMap): TcpSpec {
  onlyKeys(m, 'tcp', ['sport', 'dport', 'seq', 'ack', 'flags', 'window', 'urgent', 'options', 'checksum']);
  let flags = 0;
  for (const f of list(need(m, 'flags', 'tcp').value, 'tcp.flags')) {
    const name = text(f, 'a TCP flag');
    const bit = TCP_FLAG_BITS[name] ?? fail(f, `unknown TCP flag '${name}': use ${Object.keys(TCP_FLAG_BITS).join(', ')}`);
    flags |= bit;
  }
  const options: TcpOption[] = [];
  const oe = entry(m, 'options');
  if (oe) {
    for (const o of list(oe.value, 'tcp.options')) {
      const r = parseTcpOption(text(o, 'a TCP option'));
      if (typeof r === 'string') fail(o, r);
      options.push(r as TcpOption);
    }
  }
  const spec: TcpSpec = {
    proto: 'tcp',
    sport: int(need(m, 'sport', 'tcp').value, 'tcp.sport', 0xffff),
    dport: int(need(m, 'dport', 'tcp').value, 'tcp.dport', 0xffff),
    seq: int(need(m, 'seq', 'tcp').value, 'tcp.seq', 0xffffffff),
    ack: optInt(m, 'ack', 'tcp', 0xffffffff) ?? 0,
    flags,
    window: int(need(m, 'window', 'tcp').value, 'tcp.window', 0xffff),
    urgent: optInt(m, 'urgent', 'tcp', 0xffff) ?? 0,
    options,
  };
  const checksum = optInt(m, 'checksum', 'tcp', 0xffff);
  if (checksum !== undefined) spec.checksum = checksum;
  return spec;
}

const FRAME_KEYS = [
  'report',
  'time',
  'epoch_time',
  'from',
  'to',
  'raw',
  'eth',
  'ipv4',
  'ipv6',
  'udp',
  'tcp',
  'arp',
  'dns',
  'payload',
  'pad_to',
  'expect',
  'note',
];

function readFrame(
  node: YamlNode,
  number: number,
  epoch: bigint | undefined,
  link: 'ethernet' | 'raw',
  hosts: Map<string, Host>,
  data: Map<string, Uint8Array>,
): FrameSpec {
  const m = map(node, 'a frame');
  onlyKeys(m, 'a frame', FRAME_KEYS);
  const hostOf = (key: string) => {
    const e = entry(m, key);
    if (!e) return undefined;
    const name = text(e.value, key);
    return hosts.get(name) ?? fail(e.value, `no host named '${name}': define it under hosts:`);
  };
  const from = hostOf('from');
  const to = hostOf('to');

  // Time: seconds after capture.epoch, or absolute.
  const rel = entry(m, 'time');
  const abs = entry(m, 'epoch_time');
  if (!!rel === !!abs) fail(m, 'a frame needs exactly one of time: (seconds after capture.epoch) or epoch_time: (seconds since 1970)');
  let timestamp: bigint;
  if (rel) {
    if (epoch === undefined) fail(rel, 'time: is relative to capture.epoch, which is not set');
    timestamp = epoch! + parsed(rel.value, 'time', decimalSecondsToNs, 'decimal seconds with at most 9 fraction digits');
  } else timestamp = parsed(abs!.value, 'epoch_time', decimalSecondsToNs, 'decimal seconds with at most 9 fraction digits');

  const expect: Expectation[] = [];
  const ee = entry(m, 'expect');
  if (ee) {
    for (const x of map(ee.value, 'expect').entries) {
      const s = scalar(x.value, `expect.${x.key}`);
      const numeric = s.style === 'plain' && /^(0x[0-9a-fA-F]+|0|[1-9]\d*)$/.test(s.text);
      expect.push({ field: x.key, value: numeric ? Number(s.text) : s.text, text: s.text, line: x.line, col: x.col });
    }
  }
  const reportEntry = entry(m, 'report');
  const noteEntry = entry(m, 'note');
  const frame: FrameSpec = {
    number,
    line: m.line,
    timestamp,
    packet: { link, payload: new Uint8Array(0) },
    expect,
  };
  if (reportEntry) frame.report = text(reportEntry.value, 'report');
  if (rel) frame.time = text(rel.value, 'time');
  if (noteEntry) frame.note = text(noteEntry.value, 'note').trim();

  const rawEntry = entry(m, 'raw');
  if (rawEntry) {
    const layered = FRAME_KEYS.filter((k) => !['report', 'time', 'epoch_time', 'raw', 'expect', 'note'].includes(k) && entry(m, k));
    if (layered.length) fail(entry(m, layered[0])!, `'${layered[0]}' cannot be combined with raw: (raw gives the whole frame)`);
    frame.raw = parsed(rawEntry.value, 'raw', (t) => parseHexDump(t) ?? parseHex(t), 'hex bytes or a hex dump ("0000  70 5d ...")');
    return frame;
  }

  const p = frame.packet;
  if (link === 'ethernet') {
    const em = entry(m, 'eth') ? map(entry(m, 'eth')!.value, 'eth') : undefined;
    if (em) onlyKeys(em, 'eth', ['src', 'dst', 'type']);
    const eth: EthSpec = {
      src: address(em, 'src', 'eth', from, (h) => h.mac, parseMac, 'a MAC address', m),
      dst: address(em, 'dst', 'eth', to, (h) => h.mac, parseMac, 'a MAC address', m),
    };
    const type = em && optInt(em, 'type', 'eth', 0xffff);
    if (type !== undefined) eth.type = type;
    p.eth = eth;
    const pad = entry(m, 'pad_to');
    if (pad) p.padTo = int(pad.value, 'pad_to', 0xffff);
  } else if (entry(m, 'eth') || entry(m, 'pad_to')) fail(entry(m, 'eth') ?? entry(m, 'pad_to')!, 'this capture has link: raw (no Ethernet header)');

  const v4 = entry(m, 'ipv4');
  const v6 = entry(m, 'ipv6');
  const arp = entry(m, 'arp');
  if ([v4, v6, arp].filter(Boolean).length > 1) fail(m, 'a frame has one of ipv4:, ipv6: or arp:');
  if (v4) {
    const im = map(v4.value, 'ipv4');
    onlyKeys(im, 'ipv4', ['src', 'dst', 'id', 'ttl', 'df', 'dscp', 'ecn', 'checksum']);
    const ip: Ipv4Spec = {
      version: 4,
      src: address(im, 'src', 'ipv4', from, (h) => (h.ip?.length === 4 ? h.ip : undefined), parseIpv4, 'an IPv4 address', v4),
      dst: address(im, 'dst', 'ipv4', to, (h) => (h.ip?.length === 4 ? h.ip : undefined), parseIpv4, 'an IPv4 address', v4),
      id: int(need(im, 'id', 'ipv4').value, 'ipv4.id', 0xffff),
      ttl: optInt(im, 'ttl', 'ipv4', 255) ?? from?.ttl ?? fail(im, "ipv4 needs 'ttl' (or from: naming a host with a ttl)"),
      df: entry(im, 'df') ? bool(entry(im, 'df')!.value, 'ipv4.df') : false,
      dscp: optInt(im, 'dscp', 'ipv4', 63) ?? 0,
      ecn: optInt(im, 'ecn', 'ipv4', 3) ?? 0,
    };
    const c = optInt(im, 'checksum', 'ipv4', 0xffff);
    if (c !== undefined) ip.checksum = c;
    p.ip = ip;
  } else if (v6) {
    const im = map(v6.value, 'ipv6');
    onlyKeys(im, 'ipv6', ['src', 'dst', 'hop_limit', 'flow_label', 'dscp', 'ecn']);
    const ip: Ipv6Spec = {
      version: 6,
      src: address(im, 'src', 'ipv6', from, (h) => (h.ip?.length === 16 ? h.ip : undefined), parseIpv6, 'an IPv6 address', v6),
      dst: address(im, 'dst', 'ipv6', to, (h) => (h.ip?.length === 16 ? h.ip : undefined), parseIpv6, 'an IPv6 address', v6),
      hopLimit: optInt(im, 'hop_limit', 'ipv6', 255) ?? from?.ttl ?? fail(im, "ipv6 needs 'hop_limit'"),
      flowLabel: optInt(im, 'flow_label', 'ipv6', 0xfffff) ?? 0,
      dscp: optInt(im, 'dscp', 'ipv6', 63) ?? 0,
      ecn: optInt(im, 'ecn', 'ipv6', 3) ?? 0,
    };
    p.ip = ip;
  } else if (arp) {
    const am = map(arp.value, 'arp');
    onlyKeys(am, 'arp', ['op', 'sender_mac', 'sender_ip', 'target_mac', 'target_ip']);
    const opText = text(need(am, 'op', 'arp').value, 'arp.op');
    const op = opText === 'request' ? 1 : opText === 'reply' ? 2 : int(entry(am, 'op')!.value, 'arp.op (request, reply or a number)', 0xffff);
    const a: ArpSpec = {
      op,
      senderMac: address(am, 'sender_mac', 'arp', from, (h) => h.mac, parseMac, 'a MAC address', arp),
      senderIp: address(am, 'sender_ip', 'arp', from, (h) => (h.ip?.length === 4 ? h.ip : undefined), parseIpv4, 'an IPv4 address', arp),
      targetMac: parsed(need(am, 'target_mac', 'arp').value, 'arp.target_mac', parseMac, 'a MAC address (00:00:00:00:00:00 when unknown)'),
      targetIp: address(am, 'target_ip', 'arp', to, (h) => (h.ip?.length === 4 ? h.ip : undefined), parseIpv4, 'an IPv4 address', arp),
    };
    p.arp = a;
  }

  const udp = entry(m, 'udp');
  const tcp = entry(m, 'tcp');
  if (udp && tcp) fail(tcp, 'a frame has udp: or tcp:, not both');
  if ((udp || tcp) && arp) fail((udp ?? tcp)!, 'ARP carries no UDP or TCP');
  if (udp) {
    const um = map(udp.value, 'udp');
    onlyKeys(um, 'udp', ['sport', 'dport', 'checksum']);
    const u: UdpSpec = {
      proto: 'udp',
      sport: int(need(um, 'sport', 'udp').value, 'udp.sport', 0xffff),
      dport: int(need(um, 'dport', 'udp').value, 'udp.dport', 0xffff),
    };
    const c = optInt(um, 'checksum', 'udp', 0xffff);
    if (c !== undefined) u.checksum = c;
    p.l4 = u;
  } else if (tcp) {
    const t = readTcp(map(tcp.value, 'tcp'));
    const optLen = t.options.reduce(
      (n, o) => n + (o.kind === 'sack' ? 2 + 8 * o.blocks.length : { eol: 1, nop: 1, mss: 4, wscale: 3, sack_perm: 2, ts: 10 }[o.kind]),
      0,
    );
    if (optLen % 4 !== 0)
      fail(
        entry(map(tcp.value, 'tcp'), 'options')!,
        `the options take ${optLen} bytes: add nop or eol to make a multiple of 4 (the header length counts 32-bit words)`,
      );
    if (optLen > 40) fail(entry(map(tcp.value, 'tcp'), 'options')!, `the options take ${optLen} bytes; at most 40 fit`);
    p.l4 = t;
  }

  const dns = entry(m, 'dns');
  const payload = entry(m, 'payload');
  if (dns && payload) fail(payload, 'a frame has dns: or payload:, not both');
  if (dns) p.payload = readDns(dns.value);
  if (payload) p.payload = readPayload(payload.value, data);
  return frame;
}

/** Reads the spec's top level: capture:, hosts:, data:, frames:. Throws SpecProblem. */
export function readSpec(root: YamlNode): CaptureSpec {
  const top = map(root, 'the spec');
  onlyKeys(top, 'the spec', ['capture', 'hosts', 'data', 'frames']);
  const cap = entry(top, 'capture') ? map(entry(top, 'capture')!.value, 'capture') : undefined;
  if (cap) onlyKeys(cap, 'capture', ['comment', 'epoch', 'link']);
  const epochE = cap && entry(cap, 'epoch');
  const epoch = epochE ? parsed(epochE.value, 'capture.epoch', decimalSecondsToNs, 'decimal seconds since 1970') : undefined;
  const linkE = cap && entry(cap, 'link');
  const linkText = linkE ? text(linkE.value, 'capture.link') : 'ethernet';
  if (linkText !== 'ethernet' && linkText !== 'raw') fail(linkE!.value, "capture.link must be 'ethernet' or 'raw'");
  const link = linkText as 'ethernet' | 'raw';
  const hosts = readHosts(entry(top, 'hosts')?.value);
  const data = new Map<string, Uint8Array>();
  const de = entry(top, 'data');
  if (de) for (const d of map(de.value, 'data').entries) data.set(d.key, readPayload(d.value, data));
  const framesE = need(top, 'frames', 'the spec');
  const items = list(framesE.value, 'frames');
  if (items.length === 0) fail(framesE, 'frames is empty');
  const frames = items.map((n, i) => readFrame(n, i + 1, epoch, link, hosts, data));
  const commentE = cap && entry(cap, 'comment');
  const spec: CaptureSpec = { link, frames };
  if (commentE) spec.comment = text(commentE.value, 'capture.comment').trim();
  return spec;
}
