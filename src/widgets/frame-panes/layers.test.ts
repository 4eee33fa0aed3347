import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { byteLayers, layerOf } from './layers.ts';

const capture = openCapture(new Uint8Array(readFileSync(new URL('../../../captures/recorded/tcp-http.pcapng', import.meta.url))));

describe('layer hues', () => {
  it('colours each protocol node and each byte by its layer', () => {
    const tree = capture.dissect(4).tree;
    expect(tree.map((_, i) => layerOf(String(i), tree))).toEqual(['frame', 'eth', 'ip', 'tcp', 'app']);
    expect(layerOf('3.2', tree)).toBe('tcp');
    const hues = byteLayers(tree, capture.data(4).length);
    expect([hues[0], hues[13], hues[14], hues[33], hues[34], hues[53], hues[54], hues[266]]).toEqual(['eth', 'eth', 'ip', 'ip', 'tcp', 'tcp', 'app', 'app']);
  });
});
