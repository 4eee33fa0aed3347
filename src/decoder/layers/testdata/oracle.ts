// Test helper: compare Wirebook's dissection of a capture with what tshark
// 4.0.17 recorded for it (PDML turned into *.tshark.json by pdml2json.py).
// Fields that only conversation analysis can produce are left out on both sides.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Field } from '../../types.ts';
import { frameData, readCapture } from '../../capture/index.ts';
import { compileWanted, createExtractor, dissectFrame } from '../../dissect.ts';
import type { DissectOptions, DissectSession, DissectedFrame } from '../../dissect.ts';

/** [name, showname, show, pos, size, children?] as pdml2json.py writes them. */
type Node = [string, string, string, number, number, Node[]?];
interface Expected {
  columns: { source: string; destination: string; protocol: string; info: string };
  protocols: string;
  tree: Node[];
}

const DIR = new URL('.', import.meta.url).pathname;

/** Analysis, conversation and reassembly fields: not this layer's job. */
const SKIP = new Set([
  'tcp.stream',
  'tcp.completeness',
  'tcp.window_size_scalefactor',
  'tcp.analysis',
  'tcp.time_relative',
  'tcp.time_delta',
  'udp.stream',
  'udp.time_relative',
  'udp.time_delta',
  'dns.response_to',
  'dns.time',
  'dns.unsolicited',
  'dns.retransmission',
  'dns.retransmit_request_in',
  'http.request_number',
  'http.response_number',
  'http.time',
  'http.request_in',
  'http.prev_request_in',
  'http.prev_response_in',
  'http.response_in',
  'http.response_for.uri',
  'tls.app_data_proto',
  'icmp.resp_in',
  'icmp.resp_to',
  'icmp.resptime',
  'icmp.no_resp',
  'icmpv6.resp_in',
  'icmpv6.resp_to',
  'icmpv6.resptime',
  'icmpv6.no_resp',
  'tcp.pdu.size',
]);
const FRAME_KEEP = new Set(['frame.number', 'frame.len', 'frame.cap_len', 'frame.protocols', 'frame.encap_type', 'frame.comment', 'frame.interface_id']);

const skipExpected = (n: Node) =>
  SKIP.has(n[0]) || n[0] === '_ws.expert' || (n[0] === '' && (n[2] === 'Timestamps' || n[2].startsWith('SEQ/ACK analysis')));

const strip = (s: string) => (s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s);
const norm = (s: string) => s.replace(/:/g, '');

function compareNodes(exp: Node[], got: Field[], path: string, out: string[]): void {
  const e: Node[] = [];
  for (const n of exp) {
    if (skipExpected(n)) continue;
    const last = e[e.length - 1];
    // PDML repeats some DNS nodes verbatim; keep one.
    if (last && last[0] === n[0] && last[1] === n[1] && last[3] === n[3] && n[0] !== '' && JSON.stringify(last) === JSON.stringify(n)) continue;
    if (last && n[0] === '' && JSON.stringify(last) === JSON.stringify(n)) continue;
    e.push(n);
  }
  const g = got.filter((f) => !SKIP.has(f.name));
  const n = Math.max(e.length, g.length);
  for (let i = 0; i < n; i++) {
    const x = e[i];
    const y = g[i];
    if (!x) {
      out.push(`${path}: extra ${y.name} "${y.display}"`);
      continue;
    }
    if (!y) {
      out.push(`${path}: missing ${x[0]} "${x[1]}"`);
      continue;
    }
    const where = `${path}/${x[0] || JSON.stringify(x[1])}`;
    if (x[0] !== y.name) {
      out.push(`${where}: name ${y.name} "${y.display}" vs expected ${x[0]} "${x[1]}"`);
      return;
    }
    // PDML gives protocols nested in another (ICMP's data) no text or position.
    const bare = x[1] === '' && x[4] === 0 && x[3] === 0;
    if (!bare && strip(y.display) !== x[1] && y.display !== x[1]) out.push(`${where}: display "${strip(y.display)}" vs "${x[1]}"`);
    if (x[0] && x[2] !== '' && norm(y.show) !== norm(x[2])) out.push(`${where}: show "${y.show}" vs "${x[2]}"`);
    if (!bare && (x[3] !== y.offset || x[4] !== y.length)) out.push(`${where}: at ${y.offset}+${y.length} vs ${x[3]}+${x[4]}`);
    compareNodes(x[5] ?? [], y.children ?? [], where, out);
  }
}

/**
 * A stand-in for the analysis layer's window scaling, so captures with a
 * handshake can be compared: Wireshark scales the window by the shift each
 * side announced in its SYN, once both sides did.
 */
export function windowScaleSession(): DissectSession {
  const shifts = new Map<string, number>();
  return {
    tcp(h, ctx) {
      const ip = ctx.lastIp;
      if (!ip) return undefined;
      const src = ip.version === 4 ? String(ip.rec.src) : Array.from(ip.rec.src).join('.');
      const dst = ip.version === 4 ? String(ip.rec.dst) : Array.from(ip.rec.dst).join('.');
      const me = `${src}:${h.srcPort}>${dst}:${h.dstPort}`;
      const peer = `${dst}:${h.dstPort}>${src}:${h.srcPort}`;
      if (h.flags & 0x02) {
        shifts.set(me, h.options.wscale ?? -1);
        return undefined;
      }
      const mine = shifts.get(me);
      const theirs = shifts.get(peer);
      if (mine === undefined || theirs === undefined || mine < 0 || theirs < 0) return undefined;
      return { windowSize: h.window * 2 ** mine };
    },
  };
}

export interface Loaded {
  frames: Array<{ dissected: DissectedFrame; expected: Expected }>;
}

/** Dissect every frame of testdata/<name> and pair it with tshark's record. */
export function load(file: string, jsonFile: string, opts: DissectOptions = {}): Loaded {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const expected: Expected[] = JSON.parse(readFileSync(join(DIR, jsonFile), 'utf8')).frames;
  const cap = readCapture(bytes);
  let first: bigint | undefined;
  let prev: bigint | undefined;
  const frames = cap.frames.map((r, i) => {
    first ??= r.timestamp;
    const iface = cap.interfaces[r.interfaceId];
    const dissected = dissectFrame(r, frameData(bytes, r), { ...opts, firstTimestamp: first, previousTimestamp: prev, interfaceName: iface?.name, interfaceDescription: iface?.description });
    prev = r.timestamp;
    return { dissected, expected: expected[i] };
  });
  return { frames };
}

/**
 * Differences between Wirebook and tshark for the named top-level protocols
 * (all when `protocols` is empty), plus columns and frame.protocols.
 */
export function differences(loaded: Loaded, protocols: readonly string[], frames?: readonly number[]): string[] {
  const out: string[] = [];
  loaded.frames.forEach(({ dissected, expected }, i) => {
    const num = i + 1;
    if (frames && !frames.includes(num)) return;
    const p = `#${num}`;
    if (dissected.protocols !== expected.protocols) out.push(`${p} protocols ${dissected.protocols} vs ${expected.protocols}`);
    for (const k of ['source', 'destination', 'protocol', 'info'] as const) {
      if (dissected.columns[k] !== expected.columns[k]) out.push(`${p} column ${k} "${dissected.columns[k]}" vs "${expected.columns[k]}"`);
    }
    const seen = new Map<string, number>();
    // PDML wraps protocols that follow a text item (top-level "data") in a fake-field-wrapper.
    const top = expected.tree.flatMap((n) => (n[0] === 'fake-field-wrapper' ? (n[5] ?? []) : [n]));
    for (const node of top) {
      const name = node[0];
      const k = seen.get(name) ?? 0;
      seen.set(name, k + 1);
      if (protocols.length && !protocols.includes(name)) continue;
      const mine = dissected.tree.filter((f) => f.name === name)[k];
      if (!mine) {
        out.push(`${p} missing protocol ${name}`);
        continue;
      }
      if (node[1] !== '' && strip(mine.display) !== node[1] && mine.display !== node[1]) out.push(`${p}/${name}: display "${mine.display}" vs "${node[1]}"`);
      const kids = name === 'frame' ? (mine.children ?? []).filter((f) => FRAME_KEEP.has(f.name)) : (mine.children ?? []);
      compareNodes(node[5] ?? [], kids, `${p}/${name}`, out);
    }
  });
  return out;
}

/**
 * Differences between `extractFields` and `tshark -T fields` (recorded in
 * testdata/<name>.fields.tsv: a header line of field names, then one line per frame).
 */
export function fieldDifferences(file: string, tsvFile: string, opts: DissectOptions = {}, skip: readonly string[] = []): string[] {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const lines = readFileSync(join(DIR, tsvFile), 'utf8').split('\n').filter((l) => l.length);
  const names = lines[0].split('\t');
  const wanted = compileWanted(names);
  const extract = createExtractor(wanted, { decodeAs: opts.decodeAs });
  const cap = readCapture(bytes);
  const out: string[] = [];
  cap.frames.forEach((r, i) => {
    const got = extract(r, frameData(bytes, r), opts.session);
    const exp = lines[i + 1].split('\t');
    names.forEach((n, k) => {
      if (skip.includes(n)) return;
      if ((got[k] ?? '') !== (exp[k] ?? '')) out.push(`#${i + 1} ${n}: "${got[k]}" vs "${exp[k] ?? ''}"`);
    });
  });
  return out;
}

/** "decode as" rules the loopback capture was recorded with (tshark -d ...). */
export const LOOPBACK_DECODE_AS = { 'udp.port': { 45953: 'dns' }, 'tcp.port': { 45953: 'dns', 45998: 'http' } };

/**
 * Loopback frames where tshark's output depends on things Wirebook does not do:
 * 10, 14, 16: tshark files the payload of the UDP header quoted in an ICMP
 * error at the top of the tree, Wirebook keeps it inside the ICMP node;
 * 30, 32: tshark holds the bytes back for TCP reassembly (decode-as HTTP).
 */
const LOOPBACK_ELSEWHERE = [10, 14, 16, 30, 32];

const cache = new Map<string, Loaded>();

/** Differences for `protocols` over every frame of a recorded capture (cached per capture). */
export function agree(capture: 'crafted-eth' | 'crafted-sll' | 'crafted-sll2' | 'crafted-null' | 'crafted-raw' | 'crafted-unknown' | 'report' | 'loopback', protocols: readonly string[]): string[] {
  let l = cache.get(capture);
  if (!l) {
    const file = capture === 'loopback' ? 'loopback.pcapng' : `${capture}.pcap`;
    const opts: DissectOptions = capture === 'loopback' ? { decodeAs: LOOPBACK_DECODE_AS, session: windowScaleSession() } : {};
    l = load(file, `${capture}.tshark.json`, opts);
    cache.set(capture, l);
  }
  const frames = l.frames.map((_, i) => i + 1).filter((n) => capture !== 'loopback' || !LOOPBACK_ELSEWHERE.includes(n));
  return differences(l, protocols, frames);
}

/** Bytes from a hex dump ("70 5d cc ..."), ignoring spaces and line breaks. */
export function hex(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A FrameRecord for bytes built in a test. */
export function record(data: Uint8Array, linkType = 1, number = 1, origLen = data.length): import('../../types.ts').FrameRecord {
  return { number, dataOffset: 0, capLen: data.length, origLen, timestamp: 1_000_000_000n * BigInt(number), linkType, interfaceId: 0, comments: [] };
}
