import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';
import { findField } from '../dissect.ts';

describe('ICMPv6', () => {
  it('agrees with tshark: neighbour discovery with options, echo, bad checksum, quoted packet', () => {
    expect(agree('crafted-eth', ['icmpv6'])).toEqual([]);
    expect(agree('loopback', ['icmpv6'])).toEqual([]);
  });

  it('reads the link-layer address option of a neighbour solicitation', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[18].dissected;
    expect(f.columns.info).toBe('Neighbor Solicitation for 2001:db8::2 from 02:00:00:00:00:01');
    expect(findField(f.tree, 'icmpv6.opt.linkaddr')!.show).toBe('020000000001');
  });
});
