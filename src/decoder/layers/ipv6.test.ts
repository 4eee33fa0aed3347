import { describe, expect, it } from 'vitest';
import { agree } from './testdata/oracle.ts';
import { load } from './testdata/oracle.ts';
import { findAll } from '../dissect.ts';

describe('IPv6', () => {
  it('agrees with tshark, extension headers included', () => {
    expect(agree('crafted-eth', ['ipv6'])).toEqual([]);
    expect(agree('loopback', ['ipv6'])).toEqual([]);
    expect(agree('crafted-null', ['ipv6', 'null'])).toEqual([]);
  });

  it('walks hop-by-hop, routing, destination options and fragment headers to UDP', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[13].dissected;
    expect(f.protocols).toBe('eth:ethertype:ipv6:ipv6.hopopts:ipv6.routing:ipv6.dstopts:ipv6.fraghdr:udp:data');
    expect(f.layers.ipv6).toMatchObject({
      nextHeader: 0,
      upperProtocol: 17,
      extensions: ['ipv6.hopopts', 'ipv6.routing', 'ipv6.dstopts', 'ipv6.fraghdr'],
      payloadOffset: 102,
    });
    expect(findAll(f.tree, 'ipv6.opt').map((o) => o.display)).toEqual(['Router Alert', 'PadN', 'PadN']);
    expect(f.layers.udp?.checksumStatus).toBe(1);
  });
});
