// `fields` on IP fragments, against what tshark 4.0 -2 prints of the decoder's
// hand-built fragments (src/decoder/layers/testdata/fragments.pcap, fragments.fields.tsv).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFields } from './fields.ts';

const DIR = new URL('../../decoder/layers/testdata/', import.meta.url);
const bytes = new Uint8Array(readFileSync(new URL('fragments.pcap', DIR)));
const expectedFields = readFileSync(new URL('fragments.fields.tsv', DIR), 'utf8');

describe('fields on IP fragments (as tshark -2)', () => {
  it('prints the fields tshark -2 prints, cell by cell', () => {
    const lines = expectedFields.split('\n');
    const names = lines[0].split('\t');
    let got = '';
    runFields(bytes, names, (t) => (got += t), { twoPass: true });
    expect(got.split('\n')).toEqual(lines);
  });

  it('reads fragments in two passes even when the fields asked need only one', () => {
    // udp.stream is settled in one pass; a datagram's transport waits for the frame completing it.
    const names = ['frame.number', 'udp.stream', 'udp.srcport', 'ip.reassembled_in'];
    let one = '';
    let two = '';
    runFields(bytes, names, (t) => (one += t));
    runFields(bytes, names, (t) => (two += t), { twoPass: true });
    expect(one).toBe(two);
  });
});
