import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';

describe('BSD loopback', () => {
  it('agrees with tshark for AF_INET and AF_INET6 in host byte order', () => {
    expect(agree('crafted-null', [])).toEqual([]);
    const { frames } = load('crafted-null.pcap', 'crafted-null.tshark.json');
    expect(frames.map((f) => f.dissected.protocols)).toEqual(['null:ip:udp:dns', 'null:ipv6:udp:data']);
  });
});
