import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open-capture.ts';
import { dissectFrame, findAll, findField } from '../dissect.ts';
import type { Field } from '../types.ts';
import { differences } from './testdata/oracle.ts';
import type { Loaded } from './testdata/oracle.ts';

// testdata/fragments.pcap: hand-built fragments (make-fragments.py), with
// what tshark 4.0 -2 shows of them (fragments.tshark.json; the fields command's
// test, src/cli/commands/fields-fragments.test.ts, reads fragments.fields.tsv).
const DIR = new URL('./testdata/', import.meta.url);
const bytes = new Uint8Array(readFileSync(new URL('fragments.pcap', DIR)));
const expectedTree = JSON.parse(readFileSync(new URL('fragments.tshark.json', DIR), 'utf8')).frames;

/** The UDP analysis' [Timestamps] subtree: the tree oracle leaves analysis out (oracle.ts). */
function withoutTimestamps(fs: Field[]): Field[] {
  return fs.filter((f) => f.display !== '[Timestamps]').map((f) => (f.children ? { ...f, children: withoutTimestamps(f.children) } : f));
}

describe('IP fragment reassembly (as tshark -2)', () => {
  it('gives every frame the tree and columns tshark gives it', () => {
    const cap = openCapture(bytes);
    const loaded = {
      frames: cap.frames.map((r) => {
        const d = cap.dissect(r.number);
        return { dissected: { ...d, tree: withoutTimestamps(d.tree) }, expected: expectedTree[r.number - 1] };
      }),
    } as Loaded;
    // PDML places the fragment list at the IP header's offset in the frame (14), though it lies in the reassembled bytes, at 0.
    const pdmlQuirk = /^#\d+\/ipv?6?\/ipv?6?\.fragments: at 0\+\d+ vs 14\+\d+$/;
    const diffs = differences(loaded, []);
    expect(diffs.filter((d) => !pdmlQuirk.test(d))).toEqual([]);
    // The quirk is the only difference, once per reassembled datagram.
    expect(diffs).toHaveLength(8);
  });

  it('lists an out-of-order datagram by offset and dissects UDP in the frame completing it', () => {
    const cap = openCapture(bytes);
    // Frames 4-6: the last fragment came first, then the first, then the middle one.
    expect(cap.dissect(4).columns.info).toBe('Fragmented IP protocol (proto=UDP 17, off=2960, ID=1002) [Reassembled in #6]');
    expect(findField(cap.dissect(5).tree, 'ip.reassembled_in')).toMatchObject({ show: '6', offset: 14, length: 0 });
    const d = cap.dissect(6);
    expect(d.protocols).toBe('eth:ethertype:ip:udp:data');
    expect(findField(d.tree, 'ip.fragments')!.display).toBe('[3 IPv4 Fragments (3008 bytes): #5(1480), #6(1480), #4(48)]');
    expect(d.sources.map((s) => [s.name, s.bytes.length])).toEqual([['Reassembled IPv4', 3008]]);
    // The datagram is the fragments' payloads at their offsets.
    const joined = d.sources[0].bytes;
    expect(joined.subarray(0, 1480)).toEqual(cap.data(5).subarray(34));
    expect(joined.subarray(1480, 2960)).toEqual(cap.data(6).subarray(34));
    expect(joined.subarray(2960)).toEqual(cap.data(4).subarray(34));
    expect(findField(d.tree, 'udp.checksum.status')!.show).toBe('1');
  });

  it('marks a duplicate fragment as an overlap, and starts a new datagram with a copy after completion', () => {
    const cap = openCapture(bytes);
    const d = cap.dissect(10);
    expect(findAll(d.tree, 'ip.fragment').map((f) => [f.show, f.children?.map((c) => c.display)])).toEqual([
      ['7', undefined],
      ['8', ['[Fragment overlap: True]']],
      ['9', undefined],
      ['10', undefined],
    ]);
    expect(findField(d.tree, 'ip.fragment.count')!.show).toBe('4');
    expect(findField(cap.dissect(11).tree, 'ip.reassembled_in')).toBeUndefined();
    expect(cap.dissect(11).columns.info).toBe('Fragmented IP protocol (proto=UDP 17, off=1480, ID=1003)');
  });

  it('shows an IPv6 datagram as tshark does: the fragments in the IPv6 node, no frame number in Info', () => {
    const cap = openCapture(bytes);
    expect(cap.dissect(30).columns.info).toBe('IPv6 fragment (off=1448 more=y ident=0xabcd0002 nxt=17)');
    expect(findField(cap.dissect(30).tree, 'ipv6.reassembled.in')).toMatchObject({ show: '32', offset: 54 });
    const d = cap.dissect(32);
    const ipv6 = d.tree.find((f) => f.name === 'ipv6')!;
    expect(ipv6.children!.map((f) => f.name).slice(-2)).toEqual(['ipv6.fraghdr', 'ipv6.fragments']);
    expect(findField(d.tree, 'ipv6.fragments')!.display).toBe('[3 IPv6 Fragments (3008 bytes): #32(1448), #30(1448), #31(112)]');
    expect(d.sources[0].name).toBe('Reassembled IPv6');
    expect(findField(d.tree, 'udp.checksum.status')!.show).toBe('1');
  });

  it('reassembles nothing without a session (a frame dissected on its own)', () => {
    const cap = openCapture(bytes);
    const d = dissectFrame(cap.frames[2], cap.data(3));
    expect(d.columns.info).toBe('Fragmented IP protocol (proto=UDP 17, off=2960, ID=1001)');
    expect(d.protocols).toBe('eth:ethertype:ip:data');
    expect(cap.dissect(3).columns.info).toBe('5000 → 5001 Len=3000');
  });
});
