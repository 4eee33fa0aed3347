import { describe, expect, it } from 'vitest';
import { glossaryUseProblems, linkFirstUses, proseMask, type GlossaryWords } from './glossary-use.ts';

const entries: GlossaryWords[] = [
  { id: 'mss', term: 'MSS', aliases: ['Maximum Segment Size'] },
  { id: 'port', term: 'Port', aliases: ['ports'] },
  { id: 'ip-address', term: 'IP address', aliases: ['IP addresses'] },
  { id: 'time-wait', term: 'TIME-WAIT', aliases: [] },
  { id: 'ip', term: 'IP', aliases: ['IPv4'] },
];

const front = `---
title: A lesson
summary: The MSS and ports in front matter do not count.
order: 1
objectives:
  - Read a port.
---
import Term from '../src/components/Term.astro';
`;
// Line numbers below count from here: the front matter and import take lines 1 to 8.
const check = (body: string) => glossaryUseProblems(front + body, entries).map((p) => `${p.line}: ${p.message}`);

describe('the glossary check', () => {
  it('passes a lesson that links each term at its first use', () => {
    expect(
      check(`
The <Term id="port">port</Term> and the <Term id="mss">MSS</Term>: later, ports and MSS need no link.
An <Term id="ip-address">IP address</Term>, then IP addresses. TIME-WAIT comes <Term id="time-wait">here</Term> first: no, see below.
`),
    ).toEqual([
      '11: "IP" is used here and the lesson has no <Term id="ip">: link this first use, <Term id="ip">IP</Term>, or reword it.',
      '11: "TIME-WAIT" is used here before the lesson\'s first <Term id="time-wait"> (line 11): link this first use, <Term id="time-wait">TIME-WAIT</Term>, or reword it.',
    ]);
  });

  it('reports the first use before the first <Term>, with its line, or when there is no <Term> at all', () => {
    expect(
      check(`
Each datagram carries two ports.

The Maximum
Segment Size is announced in the SYN.
Later the <Term id="mss">MSS</Term> and the <Term id="port">port</Term>.
`),
    ).toEqual([
      '10: "ports" is used here before the lesson\'s first <Term id="port"> (line 14): link this first use, <Term id="port">ports</Term>, or reword it.',
      '12: "Maximum Segment Size" is used here before the lesson\'s first <Term id="mss"> (line 14): link this first use, <Term id="mss">Maximum Segment Size</Term>, or reword it.',
    ]);
    expect(check('\nA host has an ip address.\n')).toEqual([
      '10: "ip address" is used here and the lesson has no <Term id="ip-address">: link this first use, <Term id="ip-address">ip address</Term>, or reword it.',
    ]);
  });

  it('matches words whole and ignoring case, abbreviations exactly', () => {
    // "Mss", "msses", "TIME-WAITED", "transport", "sport" and "export" are not uses.
    expect(check('\nMss and msses, TIME-WAITED, a transport, sport, export and Time-Wait.\n')).toEqual([]);
    expect(check('\nPort 53.\n')).toHaveLength(1);
  });

  it('skips the title in a link to another page of the course, not an outside link’s text', () => {
    expect(check('\nSee [MSS and ports](../tcp-handshake/) and [the TIME-WAIT part](#time-wait).\n')).toEqual([]);
    expect(check('\nSee [MSS](https://example.org/).\n')).toHaveLength(1);
  });

  it('skips code, headings, front matter, imports, component props, drawings and link targets', () => {
    const body = `
## The MSS and the ports

\`\`\`sh
ss -tan state time-wait   # TIME-WAIT, MSS
\`\`\`

Run \`tshark -e tcp.options.mss\` or \`MSS\`; see [the guide](https://example.org/MSS/ports).
{/* A comment on the MSS and ports. */}
<PacketViewer capture="tcp-http" note="the MSS" frames={[1, 2]} />
<svg viewBox="0 0 10 10"><text x="1" y="1">cwnd in MSS</text></svg>
<Choice id="q" explain="The MSS, in a prop.">
  <Option explain="TIME-WAIT in a prop">An answer</Option>
</Choice>
`;
    expect(check(body)).toEqual([]);
    // Prose keeps its offsets: the same text, blanked where it is not prose.
    const masked = proseMask(front + body);
    expect(masked.length).toBe((front + body).length);
    expect(masked.split('\n').length).toBe((front + body).split('\n').length);
    expect(masked).toContain('An answer');
    expect(masked).toContain('[the guide]');
  });

  it('does not count words inside a linked term or frame link as uses', () => {
    expect(check('\nAn <Term id="ip-address">IP address</Term> names a host.\n')).toEqual([]);
    expect(check('\nSee <FrameLink capture="c" frame={1}>the IPv4 ports</FrameLink>.\n')).toEqual([]);
    expect(check('\nAn <Term id="ip-address">IP address</Term> names an IPv4 host.\n')).toEqual([
      expect.stringMatching(/^10: "IPv4" is used here and the lesson has no <Term id="ip">/),
    ]);
  });

  it('reads prose inside components, such as a question or an option', () => {
    expect(check('\n<Choice id="q">\n  Which ports?\n  <Option>The MSS</Option>\n</Choice>\n')).toEqual([
      expect.stringMatching(/^11: "ports" is used here and the lesson has no <Term id="port">/),
      expect.stringMatching(/^12: "MSS" is used here and the lesson has no <Term id="mss">/),
    ]);
  });
});

describe('linkFirstUses', () => {
  it('links each first use where a link can go, the longer of two overlapping ones first', () => {
    const body = '\nAn IP address and a port; IPv4 ports.\n<Choice id="q">\n  The MSS?\n  <Option>TIME-WAIT</Option>\n</Choice>\n';
    const linked = linkFirstUses(front + body, entries);
    expect(linked.slice(front.length)).toBe(
      '\nAn <Term id="ip-address">IP address</Term> and a <Term id="port">port</Term>; <Term id="ip">IPv4</Term> ports.\n<Choice id="q">\n  The <Term id="mss">MSS</Term>?\n  <Option>TIME-WAIT</Option>\n</Choice>\n',
    );
    // What it cannot link (a use inside an option) is left for the check to report.
    expect(glossaryUseProblems(linked, entries)).toEqual([expect.objectContaining({ line: 13 })]);
  });
});
