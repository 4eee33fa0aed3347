// Wireshark's default colouring rules for the packet list, as data: the first
// rule that matches a frame colours its row. Light colours are Wireshark's own
// (Broadcast's grey text darkened to be readable); dark ones keep each rule's
// hue on a dark ground. Every pair passes WCAG AA (colour-rules.test.ts).
import { BAD_TCP_EXEMPT } from '../../decoder/analysis/analysis-flags.ts';
import type { DissectedFrame } from '../../decoder/dissect.ts';
import type { Field } from '../../decoder/types.ts';

/** What the rules look at: the names in the frame's tree and their first values. */
export interface RowFacts {
  has(name: string): boolean;
  value(name: string): Field['value'] | undefined;
  /** Any *.checksum.status is Bad (0). */
  badChecksum: boolean;
  /** The first byte of the Ethernet destination, for the broadcast/multicast bit. */
  ethDst0?: number;
}

export interface ColourPair {
  bg: string;
  fg: string;
}

export interface ColourRule {
  id: string;
  /** Wireshark's rule name, shown as the row's tooltip and in the legend. */
  name: string;
  /** Wireshark's filter, for reference. */
  filter: string;
  light: ColourPair;
  dark: ColourPair;
  match(f: RowFacts): boolean;
}

const num = (v: Field['value'] | undefined) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : NaN);
const ink = '#12272e';

export const COLOUR_RULES: readonly ColourRule[] = [
  {
    id: 'bad-tcp',
    name: 'Bad TCP',
    filter: ['tcp.analysis.flags', ...BAD_TCP_EXEMPT.map((x) => `!${x.field}`)].join(' && '),
    light: { bg: ink, fg: '#f78787' },
    dark: { bg: '#3b1218', fg: '#ffb4b4' },
    match: (f) => f.has('tcp.analysis.flags') && !BAD_TCP_EXEMPT.some((x) => f.has(x.field)),
  },
  {
    id: 'icmp-error',
    name: 'ICMP errors',
    filter: 'icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }',
    light: { bg: ink, fg: '#b7f774' },
    dark: { bg: '#132a1c', fg: '#c4f98a' },
    match: (f) => [3, 4, 5, 11].includes(num(f.value('icmp.type'))) || (num(f.value('icmpv6.type')) >= 1 && num(f.value('icmpv6.type')) <= 4),
  },
  {
    id: 'arp',
    name: 'ARP',
    filter: 'arp',
    light: { bg: '#faf0d7', fg: ink },
    dark: { bg: '#3a3120', fg: '#faf0d7' },
    match: (f) => f.has('arp'),
  },
  {
    id: 'icmp',
    name: 'ICMP',
    filter: 'icmp || icmpv6',
    light: { bg: '#fce0ff', fg: ink },
    dark: { bg: '#3a2442', fg: '#fce0ff' },
    match: (f) => f.has('icmp') || f.has('icmpv6'),
  },
  {
    id: 'tcp-rst',
    name: 'TCP RST',
    filter: 'tcp.flags.reset eq 1',
    light: { bg: '#a40000', fg: '#fffc9c' },
    dark: { bg: '#6e0f0f', fg: '#fffc9c' },
    match: (f) => num(f.value('tcp.flags.reset')) === 1,
  },
  {
    id: 'ttl-low',
    name: 'TTL low or unexpected',
    filter: 'ip.dst != 224.0.0.0/4 && ip.ttl < 5',
    light: { bg: '#a40000', fg: '#ecf0eb' },
    dark: { bg: '#6e0f0f', fg: '#ecf0eb' },
    match: (f) => f.has('ip.ttl') && num(f.value('ip.ttl')) < 5 && !/^2(2[4-9]|3\d)\./.test(String(f.value('ip.dst') ?? '')),
  },
  {
    id: 'checksum',
    name: 'Checksum Errors',
    filter: 'ip.checksum.status == "Bad" || tcp.checksum.status == "Bad" || udp.checksum.status == "Bad" || …',
    light: { bg: ink, fg: '#f78787' },
    dark: { bg: '#3b1218', fg: '#ffb4b4' },
    match: (f) => f.badChecksum,
  },
  {
    id: 'http',
    name: 'HTTP',
    filter: 'http || tcp.port == 80 || http2',
    light: { bg: '#e4ffc7', fg: ink },
    dark: { bg: '#22331a', fg: '#e4ffc7' },
    match: (f) => f.has('http') || num(f.value('tcp.srcport')) === 80 || num(f.value('tcp.dstport')) === 80,
  },
  {
    id: 'tcp-syn-fin',
    name: 'TCP SYN/FIN',
    filter: 'tcp.flags & 0x02 || tcp.flags.fin == 1',
    light: { bg: '#a0a0a0', fg: ink },
    dark: { bg: '#3d3d3d', fg: '#f0f0f0' },
    match: (f) => (num(f.value('tcp.flags')) & 0x02) !== 0 || num(f.value('tcp.flags.fin')) === 1,
  },
  {
    id: 'tcp',
    name: 'TCP',
    filter: 'tcp',
    light: { bg: '#e7e6ff', fg: ink },
    dark: { bg: '#25243f', fg: '#e7e6ff' },
    match: (f) => f.has('tcp'),
  },
  {
    id: 'udp',
    name: 'UDP',
    filter: 'udp',
    light: { bg: '#daeeff', fg: ink },
    dark: { bg: '#1a2d40', fg: '#daeeff' },
    match: (f) => f.has('udp'),
  },
  {
    id: 'broadcast',
    name: 'Broadcast',
    filter: 'eth[0] & 1',
    light: { bg: '#ffffff', fg: '#5c6057' },
    dark: { bg: '#1d2126', fg: '#b9bdb5' },
    match: (f) => f.ethDst0 !== undefined && (f.ethDst0 & 1) === 1,
  },
];

/** The facts of one dissected frame. */
export function rowFacts(d: DissectedFrame, data: Uint8Array): RowFacts {
  const values = new Map<string, Field['value']>();
  let badChecksum = false;
  const visit = (fields: readonly Field[]) => {
    for (const f of fields) {
      if (f.name && !values.has(f.name)) values.set(f.name, f.value);
      if (f.name.endsWith('checksum.status') && num(f.value) === 0) badChecksum = true;
      if (f.children) visit(f.children);
    }
  };
  visit(d.tree);
  return {
    has: (name) => values.has(name),
    value: (name) => values.get(name),
    badChecksum,
    ethDst0: values.has('eth') && data.length > 0 ? data[0] : undefined,
  };
}

/** The first rule that matches, or undefined (the row keeps the page's colours). */
export function colourRuleFor(facts: RowFacts): ColourRule | undefined {
  return COLOUR_RULES.find((rule) => rule.match(facts));
}

/** The rules as CSS: rows carry data-colour="ID"; both themes follow the system's. */
export function colourRulesCss(scope: string): string {
  const block = (pick: 'light' | 'dark') => COLOUR_RULES.map((r) => `${scope} [data-colour="${r.id}"]{--row-bg:${r[pick].bg};--row-fg:${r[pick].fg}}`).join('');
  return `${block('light')}@media (prefers-color-scheme: dark){${block('dark')}}`;
}
