import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { protocolTables } from '../../decoder/dissect.ts';
import { layoutHeader } from './layout.ts';
import { headerDiagramHtml, selectedBox } from './render.ts';
import { headerDiagram } from '../../lib/strings/headerDiagram.ts';

const http = openCapture(new Uint8Array(readFileSync('captures/recorded/tcp-http.pcapng')));
const tree = http.dissect(4).tree;
const wide = layoutHeader(protocolTables.tcp, tree, 32, headerDiagram.abbrev)!;
const narrow = layoutHeader(protocolTables.tcp, tree, 16, headerDiagram.abbrev)!;

/** The text of each option, as a screen reader computes its name (label and value are blocks: a space between). */
function optionNames(html: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of html.matchAll(/<div [^>]*data-field="([^"]+)"[^>]*role="option"[^>]*>(.*?)<\/div>/g)) {
    if (!names.has(m[1]))
      names.set(
        m[1],
        m[2]
          .replace('</span><span class="hd-value">', ' ')
          .replace(/<[^>]+>/g, '')
          .replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))),
      );
  }
  return names;
}

describe('headerDiagramHtml', () => {
  const html = headerDiagramHtml(wide, narrow, { frame: 4, selected: { field: 'tcp.flags.push' } });
  const names = optionNames(html);

  it('names each box with its label, size and value', () => {
    const win = wide.boxes.find((b) => b.name === 'tcp.window_size_value')!;
    expect(names.get('tcp.window_size_value')).toBe(`Window: 16 bits, value ${win.value}`);
    expect(names.get('tcp.flags.push')).toBe('PSH (Push): 1 bit, value 1, Set');
    expect(names.get('tcp.hdr_len')).toBe('Hdr Len (Header Length): 4 bits, value 20, 20 bytes (5)');
    expect(names.get('tcp.payload')).toBe('TCP payload: 213 bytes, value 213, TCP payload (213 bytes)');
  });

  it('marks the selected field in both the wide and the narrow grid, and makes it the tab stop', () => {
    expect(html.match(/aria-selected="true"/g)).toHaveLength(2);
    expect(html).toMatch(/data-field="tcp\.flags\.push"[^>]*role="option" aria-selected="true" tabindex="0"/);
    expect(html.match(/tabindex="0"/g)).toHaveLength(2);
  });

  it('draws a 32-bit ruler and a 16-bit one, byte starts marked', () => {
    expect(html).toContain('<div class="hd-ruler" aria-hidden="true" style="--bits:32">');
    expect(html).toContain('<div class="hd-ruler" aria-hidden="true" style="--bits:16">');
    expect(html.match(/class="hd-byte"/g)).toHaveLength(4 + 2);
  });

  it('escapes packet text', () => {
    const evil = { ...wide, title: '<script>x</script>' };
    expect(headerDiagramHtml(evil, narrow, { frame: 1 })).not.toContain('<script>');
  });
});

describe('selectedBox', () => {
  it('tells repeated names apart by offset', () => {
    const syn = layoutHeader(protocolTables.tcp, http.dissect(1).tree, 32, headerDiagram.abbrev)!;
    const nops = syn.boxes.map((b, i) => [b, i] as const).filter(([b]) => b.name === 'tcp.options.nop');
    expect(selectedBox(syn, { field: 'tcp.options.nop', offset: nops[1][0].offset })).toBe(nops[1][1]);
    expect(selectedBox(syn, { field: 'tcp.options.nop' })).toBe(nops[0][1]);
    expect(selectedBox(syn, { field: 'udp.port' })).toBe(-1);
  });
});

describe('a field cut at a row end', () => {
  it('shows its label and value once, and says the rest continues', () => {
    const arp = openCapture(new Uint8Array(readFileSync('captures/recorded/arp.pcapng')));
    const t = arp.dissect(1).tree;
    const w = layoutHeader(protocolTables.arp, t, 32, headerDiagram.abbrev)!;
    const n = layoutHeader(protocolTables.arp, t, 16, headerDiagram.abbrev)!;
    const html = headerDiagramHtml(w, n, { frame: 1 });
    const wideHtml = html.slice(0, html.indexOf('hd-narrow'));
    const pieces = [...wideHtml.matchAll(/<div [^>]*data-field="arp\.src\.hw_mac"[^>]*>(.*?)<\/div>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').trim());
    expect(pieces.length).toBe(2);
    expect(pieces[0]).toMatch(/02:77:00:00:00:01/);
    expect(pieces[1]).not.toMatch(/02:77/);
    expect(pieces[1]).toMatch(/\(continued\)$/);
  });
});
