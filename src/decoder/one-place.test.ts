// A protocol's facts live in its table (layers/*.ts) and bindings.ts: this scans src/ for
// the restatements it can recognise (option kinds, flag masks, ports, protocol numbers,
// header offsets in the fast paths and the builder, plain-frame offsets placed outside
// layers/plain-ipv4.ts, types and places written as numbers in the anonymiser). A hit is either moved to a lookup
// of the table or listed in EXCEPTIONS with its reason (also in src/decoder/README.md).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

interface Rule {
  /** Which fact is restated. */
  name: string;
  patterns: readonly RegExp[];
  /** Only lines matching this (e.g. near port logic). */
  near?: RegExp;
  /** Only these files (paths under src/); all when absent. */
  files?: readonly string[];
  /** Files where the fact is defined, so a literal there is the definition. */
  owners: readonly string[];
}

/** The fast paths and the capture builder: they read header places from the tables. */
const HEADER_READERS = [
  'decoder/fields/plain-frames.ts',
  'decoder/analysis/header-walk.ts',
  'decoder/layers/plain-ipv4.ts',
  'decoder/build/packet.ts',
  'decoder/build/tcp-options.ts',
];

const RULES: readonly Rule[] = [
  {
    name: 'TCP option kind',
    patterns: [/\bkind\s*[!=]==?\s*\d+/, /Uint8Array\.of\(\s*\d+\s*,\s*\d+/],
    owners: [],
  },
  {
    name: 'TCP flag mask',
    patterns: [
      /\b(flags|bits)\s*&\s*\(?\s*(0x[0-9a-f]+|\d+)\b/i,
      /\bflags\s*[!=]==?\s*(0x[0-9a-f]+|[1-9]\d*)\b/i,
      /&\s*0x0?fff\b/i,
      // A flag named beside its bit: `SYN = 0x02`, `['ACK', 0x10]`.
      /\b(FIN|SYN|RST|PSH|ACK|URG|ECE|CWR)\b['"]?\s*[,:=]\s*(0x[0-9a-f]+|\d+)\b/,
    ],
    owners: ['decoder/layers/tcp.ts', 'decoder/layers/tcp-flags.ts'],
  },
  {
    name: 'port',
    patterns: [/\b(53|80|443|5353|5355|8080)\b/],
    near: /\bport|Port\b/,
    owners: ['decoder/bindings.ts'],
  },
  {
    name: 'IP protocol number or EtherType',
    patterns: [/\b(proto|protocol|nh|next)\s*[!=]==\s*(1|6|17|58)\b/, /\b0x(0800|86dd|0806|8100|88a8)\b/i],
    owners: ['decoder/bindings.ts'],
  },
  {
    name: 'link type',
    patterns: [/\bLINKTYPE_\w+\s*=\s*\d+/, /\blinkType\s*[!=]==?\s*\d+/],
    owners: ['decoder/bindings.ts'],
  },
  {
    name: 'header offset',
    patterns: [/\b(L4|IP|PLAIN_IP|PLAIN_L4|t|ip)\s*\+\s*\d+/, /\bput(U16|U32)\(\w+,\s*\d+/, /\b(u16|u32)\(\w+,\s*\d+\)/, /\b[a-z]\w*\[\d+\]\s*=[^=]/],
    files: HEADER_READERS,
    owners: [],
  },
  {
    // The anonymiser walks Ethernet, VLAN tags, IPv6 extension headers, ICMP and neighbour
    // discovery: every type it tells apart and every place it reads comes from a layer's table.
    name: 'anonymiser place or type',
    patterns: [
      // A type or protocol number compared with a literal: `nh === 44`, `type === 133`.
      /\b(nh|type|kind|opt|proto)\s*[!=]==?\s*\d+/,
      // A place counted from a header's start by a literal: `t + 8`, `p += 4`.
      /\b(o|t|p|at)\s*(\+=?|-)\s*\d+/,
      // A header's size written as a number: `f.has(t, 8)`, `has(p + 4, 2)`.
      /\bhas\(\s*\w+(\s*\+\s*\w+)?\s*,\s*\d+\s*\)/,
      // A list of types written out, or a field mask (not byte or word arithmetic).
      /\bSet\(\[\s*\d/,
      /&\s*0x(?!ff(ff)?\b)[0-9a-f]+/i,
      // An IP version or a header-length unit: `>> 4 !== 6`, `& IH.ihlMask) * 4`.
      />>\s*4\s*[!=]==?\s*\d/,
      /\)\s*\*\s*4\b/,
    ],
    files: ['cli/anonymise/rewrite.ts'],
    owners: [],
  },
  {
    // Offsets counted from a plain frame's first byte are placed once, in PLAIN.
    name: 'plain-frame offset',
    patterns: [/\bPLAIN_(IP|L4)\s*\+/, /\b(PLAIN\.(ip|l4)|IP|L4|T)\s*\+\s*[A-Z]\w*/],
    owners: ['decoder/layers/plain-ipv4.ts'],
  },
];

interface Exception {
  file: string;
  rule: string;
  /** Text the hit's line contains. */
  line: string;
  reason: string;
}

/** Justified exceptions, each with its reason (the decoder README lists them too). */
const EXCEPTIONS: readonly Exception[] = [
  {
    file: 'decoder/layers/dns.ts',
    rule: 'TCP flag mask',
    line: 'flags &',
    reason: 'DNS header flags: dns.ts is their table',
  },
  {
    file: 'decoder/layers/ipv4.ts',
    rule: 'TCP flag mask',
    line: 'flags & ',
    reason: 'the IPv4 3-bit flags field: ipv4.ts is its table',
  },
  {
    file: 'decoder/layers/ethertypes.ts',
    rule: 'IP protocol number or EtherType',
    line: '0x',
    reason: 'value strings naming every EtherType for eth.type, bound to a layer or not',
  },
  {
    file: 'decoder/analysis/test-capture.ts',
    rule: 'link type',
    line: 'linkType === ',
    reason: 'test support: a minimal reader of its own for the analysis tests, with its link-layer offsets written beside each link type',
  },
  {
    file: 'decoder/filter/parser.ts',
    rule: 'port',
    line: 'tcp.port in {80, 443}',
    reason: 'an example filter in an error message',
  },
  {
    file: 'widgets/packet-viewer/colour-rules.ts',
    rule: 'port',
    line: '80',
    reason: "Wireshark's default HTTP colouring rule names port 80 alone (not the HTTP bindings): its filter text and the matcher that mirrors it",
  },
  {
    file: 'widgets/packet-viewer/colour-rules.ts',
    rule: 'TCP flag mask',
    line: "'tcp.flags & 0x02",
    reason: "Wireshark's default TCP SYN/FIN colouring rule, as filter text",
  },
];

/** Comments out: they may quote values freely. Line numbers are kept. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

interface Hit {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** The restatements in one file's text (path under src/). */
function findRestatements(file: string, text: string): Hit[] {
  const hits: Hit[] = [];
  const lines = stripComments(text).split('\n');
  for (const rule of RULES) {
    if (rule.owners.includes(file) || (rule.files && !rule.files.includes(file))) continue;
    lines.forEach((line, i) => {
      if (rule.near && !rule.near.test(line)) return;
      if (rule.patterns.some((p) => p.test(line))) hits.push({ file, line: i + 1, rule: rule.name, text: line.trim() });
    });
  }
  return hits;
}

function excused(hit: Hit): boolean {
  return EXCEPTIONS.some((e) => e.file === hit.file && e.rule === hit.rule && hit.text.includes(e.line));
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'testdata') yield* sourceFiles(path);
    } else if (/\.(ts|tsx|astro)$/.test(name) && !/\.test\.tsx?$/.test(name)) {
      yield path;
    }
  }
}

describe('a protocol is its table', () => {
  it('recognises each kind of restatement', () => {
    const sample = [
      'if (kind === 8 && len === 10) ts();',
      'const b = Uint8Array.of(2, 4, 0, 0);',
      'if ((seg.flags & 0x12) === 0x12) synAck();',
      'const flags = u16(d, 12) & 0x0fff;',
      "const FLAG_BITS = [['ACK', 0x10]];",
      'const ack = bits & 0x10 ? ack() : "";',
      'if (srcPort === 53 || dstPort === 53) dns();',
      'if (proto === 17) udp();',
      'etherType = 0x86dd;',
      'if (r.linkType !== 1) other++;',
    ].join('\n');
    const rules = findRestatements('decoder/x.ts', sample).map((h) => h.rule);
    expect(rules).toEqual([
      'TCP option kind',
      'TCP option kind',
      'TCP flag mask',
      'TCP flag mask',
      'TCP flag mask',
      'TCP flag mask',
      'port',
      'IP protocol number or EtherType',
      'IP protocol number or EtherType',
      'link type',
    ]);
    const fastPath = 'o.add(T.seq, L4 + 4, 4, u32(f.data, L4 + 4));\nputU16(seg, 16, sum);\nh[9] = proto;';
    expect(findRestatements('decoder/fields/plain-frames.ts', fastPath)).toHaveLength(3);
    // A fast path placing a table's offset itself, directly or through an alias of the start.
    const placed = 'const SEQ = PLAIN_L4 + TCP_HEADER.seq;\nconst L4 = PLAIN.l4;\nconst ACK = L4 + H.ack;\nconst OPT = PLAIN.l4 + T_MIN;';
    expect(findRestatements('decoder/analysis/header-walk.ts', placed).map((h) => h.line)).toEqual([1, 3, 4]);
    expect(findRestatements('decoder/layers/plain-ipv4.ts', placed)).toEqual([]);
    // The anonymiser's own copies of extension header numbers, ICMP types, places and sizes.
    const anonymiser = [
      'if (nh === 0 || nh === 43 || nh === 60) {',
      'if ((u16(b, p + XE.fragOffset) & 0xfff8) !== 0) return undefined;',
      'const ICMP6_ERRORS = new Set([1, 2, 3, 4]);',
      'if (type === C6T.ROUTER_ADVERTISEMENT) options = t + 16;',
      'while (ETHERTYPE_VLAN.has(type) && f.has(p + 4, 2)) {',
      'if (type === ICMPV6_TYPE.ROUTER_SOLICITATION) options = t + ND.rsOptions;',
      'while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);',
      'if (!f.has(o, IH.length) || b[o + IH.versionIhl]! >> 4 !== 4) return;',
      'const ihl = (b[o + IH.versionIhl]! & IH.ihlMask) * 4;',
    ].join('\n');
    expect(findRestatements('cli/anonymise/rewrite.ts', anonymiser).map((h) => h.line)).toEqual([1, 2, 3, 4, 5, 8, 9]);
    expect(findRestatements('cli/anonymise/address-map.ts', anonymiser)).toEqual([]);
    // Comments may quote values; the table owning a fact may state it.
    expect(findRestatements('decoder/x.ts', '// tcp.port == 80\n/* flags & 0x02 */')).toEqual([]);
    expect(findRestatements('decoder/bindings.ts', '  80: "http", // tcp port')).toEqual([]);
  });

  it('finds no restatement in src/ beyond the listed exceptions', () => {
    const hits: Hit[] = [];
    for (const path of sourceFiles(SRC)) {
      const file = relative(SRC, path).split('\\').join('/');
      hits.push(...findRestatements(file, readFileSync(path, 'utf8')));
    }
    expect(hits.filter((h) => !excused(h)).map((h) => `${h.file}:${h.line} ${h.rule}: ${h.text}`)).toEqual([]);
  });

  it('lists no exception that no longer matches anything', () => {
    const hits: Hit[] = [];
    for (const path of sourceFiles(SRC)) {
      const file = relative(SRC, path).split('\\').join('/');
      hits.push(...findRestatements(file, readFileSync(path, 'utf8')));
    }
    const unused = EXCEPTIONS.filter((e) => !hits.some((h) => e.file === h.file && e.rule === h.rule && h.text.includes(e.line)));
    expect(unused.map((e) => `${e.file} ${e.rule}`)).toEqual([]);
  });
});
