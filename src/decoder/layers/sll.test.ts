import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';

describe('Linux cooked capture', () => {
  it('agrees with tshark for v1 (Ethernet and loopback address types) and v2', () => {
    expect(agree('crafted-sll', [])).toEqual([]);
    expect(agree('crafted-sll2', [])).toEqual([]);
  });

  it('hands the payload on by EtherType', () => {
    const { frames } = load('crafted-sll2.pcap', 'crafted-sll2.tshark.json');
    expect(frames[0].dissected.protocols).toBe('sll:ethertype:ip:udp:dns');
  });
});
