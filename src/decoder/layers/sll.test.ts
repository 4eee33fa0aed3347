import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/index.ts';
import { compileWanted, createExtractor } from '../dissect.ts';
import { agree, load } from './testdata/oracle.ts';

/** The `sll` protocol field of every frame, as `tshark -T fields -e sll` prints it. */
function sllField(file: string): string[] {
  const bytes = new Uint8Array(readFileSync(new URL(`./testdata/${file}`, import.meta.url)));
  const extract = createExtractor(compileWanted(['sll']));
  return readCapture(bytes).frames.map((r) => String(extract(r, frameData(bytes, r))[0]));
}

describe('Linux cooked capture', () => {
  it('agrees with tshark for v1 (Ethernet and loopback address types) and v2', () => {
    expect(agree('crafted-sll', [])).toEqual([]);
    expect(agree('crafted-sll2', [])).toEqual([]);
  });

  it('hands the payload on by EtherType', () => {
    const { frames } = load('crafted-sll2.pcap', 'crafted-sll2.tshark.json');
    expect(frames[0].dissected.protocols).toBe('sll:ethertype:ip:udp:dns');
  });

  it('names its version in the protocol field, as tshark -T fields -e sll does', () => {
    expect(sllField('crafted-sll.pcap')).toEqual(['Linux cooked capture v1', 'Linux cooked capture v1']);
    expect(sllField('crafted-sll2.pcap')).toEqual(['Linux cooked capture v2']);
  });
});
