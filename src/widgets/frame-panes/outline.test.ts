import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import type { Field } from '../../decoder/types.ts';
import { bitMasks, fieldAt, findPath, walk } from './field-at.ts';
import { byteLayers } from './layers.ts';
import { findingsOf } from '../packet-viewer/notes.ts';
import { bytesFromHex, outlineAttrs, outlineNode, treeFromOutline, type OutlineNode } from './outline.ts';
import { hexByte } from './hex-dump.ts';

const open = (name: string) => openCapture(new Uint8Array(readFileSync(new URL(`../../../captures/recorded/${name}.pcapng`, import.meta.url))));

/** What the page holds: the attributes as an element's dataset sees them (strings), and each line's text. */
function asPage(tree: Field[]): OutlineNode[] {
  return [...walk(tree)].map(({ field, path }) => {
    const data: Record<string, string | undefined> = { path, field: field.name || undefined, generated: field.generated ? 'true' : undefined };
    for (const [attr, value] of Object.entries(outlineAttrs(field))) {
      if (value !== undefined) data[attr.slice('data-'.length)] = String(value);
    }
    return outlineNode(data, field.display)!;
  });
}

/** The members of a field the viewer reads. */
function seen(tree: readonly Field[]) {
  return [...walk(tree)].map(({ field, path, depth }) => ({
    path,
    depth,
    key: field.name || `:${field.label || field.display}`,
    display: field.display,
    offset: field.offset,
    length: field.length,
    masks: bitMasks(field),
    generated: !!field.generated,
    // Chat-level findings are neither shown nor kept in the page.
    expert: (field.expert ?? []).filter((e) => e.severity !== 'chat'),
    children: field.children?.length ?? 0,
  }));
}

describe('the rendered frame read back from the page', () => {
  const cases: Array<[string, number]> = [
    ['tcp-http', 1],
    ['tcp-http', 4],
    ['tcp-loss', 1],
    ['tcp-closed-port', 2],
    ['arp', 1],
    ['tcp-ipv6', 1],
  ];
  for (const [name, n] of cases) {
    it(`rebuilds ${name} frame ${n} as the viewer sees it`, () => {
      const capture = open(name);
      const frame = Math.min(n, capture.frames.length);
      const tree = capture.dissect(frame).tree;
      const back = treeFromOutline(asPage(tree))!;
      expect(seen(back)).toEqual(seen(tree));
      const data = capture.data(frame);
      for (let k = 0; k < data.length; k++) expect(fieldAt(back, k)).toBe(fieldAt(tree, k));
      expect(findingsOf(back)).toEqual(findingsOf(tree));
      expect(byteLayers(back, data.length)).toEqual(byteLayers(tree, data.length));
      expect(findPath(back, 'tcp.flags.syn')).toBe(findPath(tree, 'tcp.flags.syn'));
    });
  }

  it('keeps expert findings, e.g. a retransmission', () => {
    const capture = open('tcp-loss');
    const n = capture.frames.findIndex((_, i) => findingsOf(capture.dissect(i + 1).tree).length > 0) + 1;
    expect(n).toBeGreaterThan(0);
    const tree = capture.dissect(n).tree;
    expect(findingsOf(treeFromOutline(asPage(tree))!)).toEqual(findingsOf(tree));
  });

  it('gives up on lines that skip a parent or a place, and on pages without the attributes', () => {
    const line = (path: string): OutlineNode => ({ path, name: 'x', label: '', display: 'x', offset: 0, length: 1 });
    expect(treeFromOutline([line('0'), line('0.0'), line('1')])).toHaveLength(2);
    expect(treeFromOutline([line('0'), line('1.0')])).toBeUndefined();
    expect(treeFromOutline([line('0'), line('2')])).toBeUndefined();
    expect(outlineNode({ path: '0', field: 'tcp' }, 'Transmission Control Protocol')).toBeUndefined();
    expect(outlineNode({ path: '0', at: '0', len: '2', expert: '{oops' }, 'x')).toEqual({ path: '0', name: '', label: '', display: 'x', offset: 0, length: 2 });
  });

  it('writes findings without markup characters, and reads them back', () => {
    const field: Field = {
      name: 'http.request',
      label: '',
      offset: 0,
      length: 1,
      value: null,
      display: 'x',
      show: '',
      expert: [
        { name: 'http.chat', severity: 'chat', message: 'GET /<img> HTTP/1.1' },
        { name: '_ws.malformed', severity: 'error', message: 'Bad <b>length</b> & more' },
      ],
    };
    const attr = String(outlineAttrs(field)['data-expert']);
    expect(attr).not.toMatch(/[<>&]/);
    expect(outlineNode({ path: '0', at: '0', len: '1', expert: attr }, 'x')?.expert).toEqual([field.expert![1]]);
    expect(outlineAttrs({ ...field, expert: [field.expert![0]] })['data-expert']).toBeUndefined();
  });

  it('reads the bytes back from the hex cells', () => {
    const data = open('tcp-http').data(1);
    expect(bytesFromHex([...data].map(hexByte))).toEqual(data);
    expect(bytesFromHex([' 0a ', 'FF'])).toEqual(new Uint8Array([10, 255]));
    expect(bytesFromHex(['0a', 'zz'])).toBeUndefined();
  });
});
