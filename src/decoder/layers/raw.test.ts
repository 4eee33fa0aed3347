import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';

describe('raw IP', () => {
  it('agrees with tshark, telling IPv4 from IPv6 by the version nibble', () => {
    expect(agree('crafted-raw', [])).toEqual([]);
    const { frames } = load('crafted-raw.pcap', 'crafted-raw.tshark.json');
    expect(frames.map((f) => f.dissected.protocols)).toEqual(['raw:ip:udp:dns', 'raw:ipv6:udp:data']);
  });
});
