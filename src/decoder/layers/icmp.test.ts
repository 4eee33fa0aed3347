import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';
import { findField } from '../dissect.ts';

describe('ICMP', () => {
  it('agrees with tshark: echo, bad checksum, quoted IPv4/TCP and IPv4/UDP headers', () => {
    expect(agree('crafted-eth', ['icmp'])).toEqual([]);
    expect(agree('loopback', ['icmp'])).toEqual([]);
  });

  it('dissects the quoted packet inside the ICMP node without touching the columns', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[33].dissected;
    const icmp = findField(f.tree, 'icmp')!;
    expect(icmp.children!.map((c) => c.name)).toContain('ip');
    expect(f.columns.source).toBe('10.0.0.2');
    expect(f.layers.tcp).toBeUndefined();
    expect(f.layers.icmp).toMatchObject({ type: 3, code: 3, checksumStatus: 1 });
  });
});
