import { describe, expect, it } from 'vitest';
import { findField } from '../dissect.ts';
import { agree, load } from './testdata/oracle.ts';

describe('802.1Q VLAN', () => {
  it('agrees with tshark and hands the inner EtherType on', () => {
    expect(agree('crafted-eth', ['vlan'])).toEqual([]);
    const f = load('crafted-eth.pcap', 'crafted-eth.tshark.json').frames[27].dissected;
    expect(f.protocols).toBe('eth:ethertype:vlan:ethertype:ip:udp:data');
    expect(findField(f.tree, 'vlan.id')).toMatchObject({ show: '100', mask: 0x0fff });
    expect(findField(f.tree, 'vlan.priority')!.display).toBe('101. .... .... .... = Priority: Voice, < 10ms latency and jitter (5)');
  });
});
