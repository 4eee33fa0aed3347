import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { COLOUR_RULES, colourRuleFor, colourRulesCss, rowFacts, type RowFacts } from './colour-rules.ts';

const open = (id: string) => openCapture(new Uint8Array(readFileSync(new URL(`../../../captures/recorded/${id}.pcapng`, import.meta.url))));
const ruleOf = (id: string, n: number) => {
  const c = open(id);
  return colourRuleFor(rowFacts(c.dissect(n), c.data(n)))?.id;
};

function facts(values: Record<string, number | string>, extra: Partial<RowFacts> = {}): RowFacts {
  return { has: (n) => n in values, value: (n) => values[n], badChecksum: false, ...extra };
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('colouring rules on real captures', () => {
  it('colours port-80 rows as HTTP (before SYN/FIN, as Wireshark orders them), SYNs grey', () => {
    expect(ruleOf('tcp-http', 1)).toBe('http');
    expect(ruleOf('tcp-http', 14)).toBe('http');
    expect(ruleOf('tcp-rst-linger', 1)).toBe('tcp-syn-fin');
    expect(ruleOf('tcp-http', 3)).toBe('http');
    expect(ruleOf('tcp-http', 4)).toBe('http');
  });

  it('colours a reset red, plain TCP lavender', () => {
    expect(ruleOf('tcp-rst-linger', 8)).toBe('tcp-rst');
    expect(ruleOf('tcp-rst-linger', 4)).toBe('tcp');
  });

  it('colours ARP, ICMP and UDP', () => {
    expect(ruleOf('arp', 1)).toBe('arp');
    expect(ruleOf('arp', 3)).toBe('icmp');
    expect(ruleOf('udp-dns', 1)).toBe('udp');
  });
});

describe('colouring rules, one by one', () => {
  it('puts bad TCP first, except window updates and keep-alives', () => {
    expect(colourRuleFor(facts({ tcp: 1, 'tcp.analysis.flags': 1, 'tcp.flags.reset': 1 }))?.id).toBe('bad-tcp');
    expect(colourRuleFor(facts({ tcp: 1, 'tcp.analysis.flags': 1, 'tcp.analysis.window_update': 1 }))?.id).toBe('tcp');
  });

  it('finds checksum errors, ICMP errors and low TTLs', () => {
    expect(colourRuleFor(facts({ udp: 1 }, { badChecksum: true }))?.id).toBe('checksum');
    expect(colourRuleFor(facts({ icmp: 1, 'icmp.type': 3 }))?.id).toBe('icmp-error');
    expect(colourRuleFor(facts({ icmpv6: 1, 'icmpv6.type': 128 }))?.id).toBe('icmp');
    expect(colourRuleFor(facts({ udp: 1, 'ip.ttl': 1, 'ip.dst': '10.0.0.1' }))?.id).toBe('ttl-low');
    expect(colourRuleFor(facts({ udp: 1, 'ip.ttl': 1, 'ip.dst': '224.0.0.251' }))?.id).toBe('udp');
  });

  it('marks broadcasts and leaves other frames uncoloured', () => {
    expect(colourRuleFor(facts({ eth: 1 }, { ethDst0: 0xff }))?.id).toBe('broadcast');
    expect(colourRuleFor(facts({ eth: 1 }, { ethDst0: 0x02 }))).toBeUndefined();
  });
});

describe('colours', () => {
  it('pass WCAG AA contrast in both themes', () => {
    for (const rule of COLOUR_RULES) {
      expect(contrast(rule.light.fg, rule.light.bg), `${rule.id} light`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(rule.dark.fg, rule.dark.bg), `${rule.id} dark`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('become CSS for both themes', () => {
    const css = colourRulesCss('.pv');
    expect(css).toContain('.pv [data-colour="tcp"]{--row-bg:#e7e6ff;--row-fg:#12272e}');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\{.*\[data-colour="tcp"\]\{--row-bg:#25243f/);
  });
});

describe('the Bad TCP rule', () => {
  // Wireshark's default colorfilters line; the installed file, when there is one, must agree.
  const WIRESHARK = 'tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack';
  const bad = COLOUR_RULES.find((r) => r.id === 'bad-tcp')!;

  it("is Wireshark's filter, made from the flag table", () => {
    expect(bad.filter).toBe(WIRESHARK);
    const installed = '/usr/share/wireshark/colorfilters';
    if (existsSync(installed)) {
      const line = readFileSync(installed, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('@Bad TCP@'));
      expect(line?.split('@')[2]).toBe(WIRESHARK);
    }
  });

  it('leaves out a frame that also has an exempt flag', () => {
    expect(colourRuleFor(facts({ tcp: 1, 'tcp.analysis.flags': 1, 'tcp.analysis.lost_segment': 1 }))?.id).toBe('bad-tcp');
    expect(colourRuleFor(facts({ tcp: 1, 'tcp.analysis.flags': 1, 'tcp.analysis.lost_segment': 1, 'tcp.analysis.keep_alive': 1 }))?.id).toBe('tcp');
  });
});
