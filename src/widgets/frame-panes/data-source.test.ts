// A frame that completes a reassembled PDU has a second data source: its
// application fields point into the reassembled bytes, not the frame's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { fieldAt, fieldAtPath, findPath, owns } from './field-at.ts';
import { byteLayers } from './layers.ts';
import { outlineAttrs, outlineNode, treeFromOutline, type OutlineNode } from './outline.ts';
import { walk } from './field-at.ts';

const capture = openCapture(new Uint8Array(readFileSync('captures/rebuilt/report-tcp-handshake.pcapng')));
const d = capture.dissect(10);
const SOURCE = 'Reassembled TCP';

describe('fields of a reassembled PDU', () => {
  it('come with the reassembled bytes as a named source', () => {
    expect(d.sources.map((s) => [s.name, s.bytes.length])).toEqual([[SOURCE, 4606]]);
    const code = fieldAtPath(d.tree, findPath(d.tree, 'http.response.code')!)!;
    expect(code.source).toBe(SOURCE);
    expect(new TextDecoder().decode(d.sources[0].bytes.subarray(code.offset, code.offset + code.length))).toBe('200');
  });

  it('own bytes only in their own source', () => {
    const code = fieldAtPath(d.tree, findPath(d.tree, 'http.response.code')!)!;
    expect(owns(code, code.offset, SOURCE)).toBe(true);
    expect(owns(code, code.offset)).toBe(false);
    // Byte 9 of the reassembled response is the status code; byte 9 of the frame is Ethernet.
    expect(fieldAtPath(d.tree, fieldAt(d.tree, code.offset, SOURCE)!)!.name).toBe('http.response.code');
    expect(fieldAtPath(d.tree, fieldAt(d.tree, code.offset)!)!.name).toMatch(/^eth\./);
  });

  it('colour the reassembled bytes as the application, and leave the frame to its own layers', () => {
    const frameHues = byteLayers(d.tree, capture.data(10).length);
    expect(frameHues.slice(0, 14).every((h) => h === 'eth')).toBe(true);
    expect(frameHues.includes('app')).toBe(false);
    const pduHues = byteLayers(d.tree, 4606, SOURCE);
    expect(pduHues[0]).toBe('app');
  });

  it('keep their source through the page outline', () => {
    const nodes: OutlineNode[] = [];
    for (const { field, path } of walk(d.tree)) {
      const attrs = outlineAttrs(field);
      const data: Record<string, string | undefined> = { path, field: field.name };
      for (const [k, v] of Object.entries(attrs)) if (v !== undefined) data[k.replace(/^data-/, '')] = String(v);
      nodes.push(outlineNode(data, field.display)!);
    }
    const tree = treeFromOutline(nodes)!;
    expect(fieldAtPath(tree, findPath(tree, 'http.response.code')!)!.source).toBe(SOURCE);
    expect(fieldAtPath(tree, findPath(tree, 'tcp.srcport')!)!.source).toBeUndefined();
  });
});
