import { describe, expect, it } from 'vitest';
import { agree } from './testdata/oracle.ts';
import { load, record } from './testdata/oracle.ts';
import { dissectFrame, findAll, findField } from '../dissect.ts';

const hex = (s: string): Uint8Array => Uint8Array.from((s.replace(/\s+/g, '').match(/../g) ?? []).map((b) => Number.parseInt(b, 16)));
/** Ethernet, then IPv6 fd77::1 -> fd77::2 with payload length `plen` and next header `nxt`. */
const ETH_IPV6 = (nxt: string, plen: string) =>
  `020000000002 020000000001 86dd 60000000 ${plen} ${nxt} 40 fd770000000000000000000000000001 fd770000000000000000000000000002`;
/** UDP 5001 -> 5002 with 4 bytes of data. */
const UDP = '1389138a000c0000 41424344';

/** The first `keep` bytes of `frame`, as a snap length cuts it. */
function cut(frame: string, keep: number) {
  const bytes = hex(frame);
  const data = bytes.subarray(0, keep);
  return dissectFrame(record(data, 1, 1, bytes.length), data);
}

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

  // These frames were written to a pcap (capture/write-pcap.ts) and read by tshark 4.0;
  // the expected strings are its Info column and truncation line for them.
  describe('an extension header cut by the snap length', () => {
    it('is still named in Info, before the marker', () => {
      // Hop-by-hop (Router Alert, PadN) then UDP; 4 of its 8 bytes captured.
      const f = cut(`${ETH_IPV6('00', '0014')} 11 00 05020000 0100 ${UDP}`, 58);
      expect(f.columns.info).toBe('IPv6 hop-by-hop options[Packet size limited during capture]');
      expect(f.columns.protocol).toBe('IPv6');
      expect(f.protocols).toBe('eth:ethertype:ipv6:ipv6.hopopts');
      expect(findField(f.tree, 'ipv6.hopopts.nxt')?.show).toBe('17');
      expect(f.truncated).toBe(true);
      expect(f.tree.at(-1)?.display).toBe('[Packet size limited during capture: IPv6 Hop-by-Hop truncated]');
    });

    it('lists every header begun, joined as Wireshark joins them', () => {
      // A whole hop-by-hop header, then destination options cut after 2 bytes.
      const f = cut(`${ETH_IPV6('00', '001c')} 3c 00 05020000 0100 11 00 01040000 0000 ${UDP}`, 64);
      expect(f.columns.info).toBe('IPv6 hop-by-hop options , IPv6 destination options[Packet size limited during capture]');
      expect(f.protocols).toBe('eth:ethertype:ipv6:ipv6.hopopts:ipv6.dstopts');
    });

    it('names a routing header cut after its first byte, and not a fragment header', () => {
      const rt = cut(`${ETH_IPV6('2b', '0014')} 11 00 04 00 00000000 ${UDP}`, 55);
      expect(rt.columns.info).toBe('IPv6 routing[Packet size limited during capture]');
      expect(findField(rt.tree, 'ipv6.routing.nxt')?.show).toBe('17');
      expect(rt.tree.at(-1)?.display).toBe('[Packet size limited during capture: IPv6 Routing truncated]');
      const frag = cut(`${ETH_IPV6('2c', '0014')} 11 00 0000 12345678 ${UDP}`, 58);
      expect(frag.columns.info).toBe('[Packet size limited during capture]');
      expect(frag.protocols).toBe('eth:ethertype:ipv6:ipv6.fraghdr');
    });
  });
});
