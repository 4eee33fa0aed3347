// One description of the panes' markup, written as HTML on the server: packet
// text stays text, and the live tree follows the ARIA tree pattern.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { bytesMarkup } from './bytes-markup.ts';
import { toHtml } from './html.ts';
import { byteLayers } from './layers.ts';
import { h } from './markup.ts';
import { treeMarkup } from './tree-markup.ts';

const capture = openCapture(new Uint8Array(readFileSync(new URL('../../../captures/recorded/tcp-http.pcapng', import.meta.url))));

describe('markup as HTML', () => {
  it('escapes text and attribute values', () => {
    expect(toHtml(h('p', { title: '"><img src=x>' }, '<script>alert(1)</script> & more'))).toBe(
      '<p title="&quot;&gt;&lt;img src=x&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>',
    );
  });

  it('leaves out undefined and false attributes, and writes true ones empty', () => {
    expect(toHtml(h('span', { a: undefined, b: false, c: true, d: 0 }))).toBe('<span c d="0"></span>');
  });
});

describe('the details tree', () => {
  const tree = capture.dissect(1).tree;

  it('on the page: every line shown, no tree roles, with the outline to read back', () => {
    const html = toHtml(treeMarkup(tree));
    expect(html).not.toMatch(/role=|aria-expanded|tabindex/);
    // tshark -T pdml: tcp.seq of frame 1 is pos="38" size="4".
    expect(html).toMatch(/<li class="pv-node" data-at="38" data-len="4"[^>]*data-field="tcp\.seq"/);
    expect(html).toContain('Transmission Control Protocol, Src Port: 36450, Dst Port: 80');
  });

  it('live: nested groups, levels, and the open state asked of the caller', () => {
    const asked: string[] = [];
    const html = toHtml(
      treeMarkup(tree, {
        live: {
          idPrefix: 'v',
          isOpen: (f, depth) => {
            asked.push(`${f.name}@${depth}`);
            return f.name === 'tcp';
          },
        },
      }),
    );
    expect(html).toMatch(/^<ul class="pv-tree" role="tree" aria-label="Packet details">/);
    expect(html).toMatch(/<li class="pv-node" role="treeitem" id="v-n3" aria-level="1" aria-expanded="true"[^>]*data-field="tcp"/);
    expect(html).toMatch(/<li class="pv-node" role="treeitem" id="v-n0" aria-level="1" aria-expanded="false"[^>]*data-field="frame"/);
    expect(html).toMatch(/<ul class="pv-group" role="group"><li class="pv-node" role="treeitem" id="v-n3_0" aria-level="2"/);
    expect(asked).toContain('tcp.flags@1');
    // Only a line with children has a twisty.
    expect(html.match(/data-twisty/g)?.length).toBe(asked.length);
  });

  it('puts a note under its line', () => {
    const html = toHtml(treeMarkup(tree, { notes: new Map([['3.1', '<b>port</b>']]) }));
    expect(html).toMatch(
      /data-path="3\.1"[^>]*><span class="pv-line">[^<]*<\/span><p class="pv-callout pv-callout-note"><strong>Note<\/strong> &lt;b&gt;port&lt;\/b&gt;<\/p>/,
    );
  });
});

describe('the bytes', () => {
  const data = capture.data(1);
  const hues = byteLayers(capture.dissect(1).tree, data.length);

  it('one row a line, with offset, hex cells and ASCII', () => {
    const rows = bytesMarkup(data, hues, 16);
    expect(rows).toHaveLength(5); // 66 bytes
    const html = rows.map(toHtml).join('');
    expect(html.match(/data-offset=/g)).toHaveLength(66);
    expect(html).toContain('<span class="pv-off">0040</span>');
    // Byte 0 is the first of the destination MAC 02:77:00:00:00:02.
    expect(html).toMatch(/^<div class="pv-hex-row"><span class="pv-off">0000<\/span><span class="pv-b" data-offset="0" data-layer="eth">02<\/span>/);
    expect(html).toContain('<span class="pv-b pv-gap" data-offset="8" data-layer="eth">');
  });

  it('live: a grid of cells with ids, eight a line when asked', () => {
    const rows = bytesMarkup(data, hues, 8, { idPrefix: 'v' });
    expect(rows).toHaveLength(9);
    const html = toHtml(rows[4]);
    expect(html).toMatch(/^<div class="pv-hex-row" role="row"><span class="pv-off" role="rowheader">0020<\/span><span class="pv-b" role="gridcell" id="v-b32"/);
    expect(html).toContain('<span class="pv-b pv-gap" role="gridcell" id="v-b36" data-offset="36" data-layer="tcp" aria-selected="false">');
  });
});
