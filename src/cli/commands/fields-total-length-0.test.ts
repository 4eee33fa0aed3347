import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFields } from './fields.ts';

// Expected values: tshark 4.0 on the decoder's testdata/ipv4-total-length-0.pcap (make-hostile.mjs):
// Total Length 0 in frames 4 and 6, taken from the frame by both field paths.
describe('fields on IPv4 Total Length 0 (segmentation offload, BIG TCP)', () => {
  const bytes = readFileSync(new URL('../../decoder/layers/testdata/ipv4-total-length-0.pcap', import.meta.url));

  it('reads the same through the plain-frame fast path', () => {
    for (const plain of [true, false]) {
      let out = '';
      runFields(bytes, ['ip.len', 'tcp.len'], (s) => (out += s), { plain });
      expect(out.split('\n').slice(1, -1)).toEqual(['40\t0', '40\t0', '40\t0', '3040\t3000', '40\t0', '128\t']);
    }
  });
});
