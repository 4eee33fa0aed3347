// The ICMP lesson: every number the prose states about icmp-path,
// udp-fragments, tcp-closed-port and the handshakes, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, codeBlocks, expectStated, lessonText, markdownTable, proseOf, statedValues, written } from './support.ts';

const text = lessonText('icmp-and-the-path');
const prose = proseOf(text);
const path = capture('icmp-path');
const two = capture('icmp-two-routers');
const frags = capture('udp-fragments');
const closed = capture('tcp-closed-port');
const http = capture('tcp-http');
const ipv6 = capture('tcp-ipv6');

const all = (c: typeof path, n: number, name: string) => c.fields(n, name).map((f) => f.show);
const IPV4_HEADER = 20;
const IPV6_HEADER = 40;
const TCP_HEADER = 20;
const UDP_HEADER = 8;
const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

describe('the recording and its hosts', () => {
  it('names A, B and R with the addresses the frames carry', () => {
    expectStated(prose, 'a client A (#)', path.show(1, 'ip.src'));
    expectStated(prose, 'a server B (#)', path.show(1, 'ip.dst'));
    expectStated(prose, 'one address on each side: # towards A', path.show(2, 'ip.src'));
    for (const address of [path.show(9, 'ipv6.src'), path.show(10, 'ipv6.src'), path.show(9, 'ipv6.dst')]) expect(prose).toContain(address);
  });

  it('states the narrow link from the MTUs the router reports', () => {
    expectStated(prose, "R's link to B carries at most #", path.num(8, 'icmp.mtu'));
    expect(path.num(10, 'icmpv6.mtu')).toBe(path.num(8, 'icmp.mtu'));
  });

  it('lists each probe and its answer as the frames show them', () => {
    const rows = markdownTable(text, '| Frames |');
    expect(rows.map((r) => r[0])).toEqual(['1, 2', '3, 4', '5, 6', '7, 8', '9, 10']);
    expect(statedValues(rows[0]![1]!, 'TTL #')).toEqual([[path.show(1, 'ip.ttl')]]);
    expect(statedValues(rows[1]![1]!, 'TTL #')).toEqual([[path.show(3, 'ip.ttl')]]);
    expect(statedValues(rows[2]![1]!, 'port #')).toEqual([[path.show(5, 'udp.dstport')]]);
    expect(statedValues(rows[3]![1]!, 'a #-byte')).toEqual([[written(path.num(7, 'ip.len'))]]);
    expect(statedValues(rows[4]![1]!, 'a #-byte')).toEqual([[written(path.num(9, 'ipv6.plen') + IPV6_HEADER)]]);
    // Who answers: R for TTL 1, DF and IPv6; B for TTL 2 and the closed port.
    const r = path.show(2, 'ip.src');
    expect(path.show(8, 'ip.src')).toBe(r);
    expect(path.show(4, 'ip.src')).toBe(path.show(1, 'ip.dst'));
    expect(path.show(6, 'ip.src')).toBe(path.show(1, 'ip.dst'));
    expect(rows.map((row) => row[2]!.endsWith('from R'))).toEqual([true, false, false, true, true]);
    expect(path.info(2)).toMatch(/^Time-to-live exceeded/);
    expect(path.info(4)).toMatch(/^Echo \(ping\) reply/);
    expect(path.info(6)).toContain('Port unreachable');
    expect(path.info(8)).toContain('Fragmentation needed');
    expect(path.info(10)).toBe('Packet Too Big');
  });
});

describe('what ICMP is', () => {
  it('rides in IPv4 as protocol 1 and in IPv6 as next header 58', () => {
    expectStated(prose, 'with protocol number # in the IPv4 header', path.num(1, 'ip.proto'));
    expectStated(prose, 'ICMPv6 is next header # in IPv6', path.num(9, 'ipv6.nxt'));
  });

  it('gives the types and codes the frames carry', () => {
    expectStated(
      prose,
      '# echo request, # echo reply, # destination unreachable, # time exceeded',
      path.num(1, 'icmp.type'),
      path.num(4, 'icmp.type'),
      path.num(6, 'icmp.type'),
      path.num(2, 'icmp.type'),
    );
    expectStated(prose, 'for type #, code # is "port unreachable"', path.num(6, 'icmp.type'), path.num(6, 'icmp.code'));
    expectStated(prose, 'and code # "fragmentation needed"', path.num(8, 'icmp.code'));
  });

  it('sizes the quoted copies: 576 bytes in IPv4, 1,280 in IPv6', () => {
    expectStated(prose, 'as much as fits in # bytes', path.num(8, 'ip.len'));
    expectStated(prose, 'an IPv6 one as much as fits in #', path.num(10, 'ipv6.plen') + IPV6_HEADER);
    // Each quotes less than the 1,400-byte packet it refuses.
    expect(all(path, 8, 'ip.len')).toEqual(['576', '1400']);
  });
});

describe('ping', () => {
  it('pairs frames 3 and 4 by identifier and sequence number', () => {
    expectStated(
      prose,
      'the identifier is # (#) and the sequence number #',
      hex(path.num(3, 'icmp.ident')),
      path.num(3, 'icmp.ident'),
      path.num(3, 'icmp.seq'),
    );
    expect(path.show(4, 'icmp.ident')).toBe(path.show(3, 'icmp.ident'));
    expect(path.num(4, 'icmp.seq')).toBe(path.num(3, 'icmp.seq'));
    expectStated(prose, '"reply in #" on the request, "request in #"', path.num(3, 'icmp.resp_in'), path.num(4, 'icmp.resp_to'));
    expect(path.info(3)).toContain(`seq=${path.num(3, 'icmp.seq')}/${path.num(3, 'icmp.seq_le')}`);
    expect(prose).toContain(`\`seq=${path.num(3, 'icmp.seq')}/${path.num(3, 'icmp.seq_le')}\``);
  });
});

describe('TTL and traceroute', () => {
  it('frame 1 has TTL 1; R answers type 11 with TTL 64, quoting TTL 1', () => {
    expectStated(prose, 'A sent frame 1 with TTL #', path.num(1, 'ip.ttl'));
    expectStated(prose, "type #, from R's own address #, with TTL #", path.num(2, 'icmp.type'), path.show(2, 'ip.src'), path.num(2, 'ip.ttl'));
    expect(path.num(2, 'icmp.code')).toBe(0);
    expect(all(path, 2, 'ip.ttl')[1]).toBe('1');
    expectStated(prose, 'still with TTL #, the same identifier # and sequence number #', 1, hex(path.num(1, 'icmp.ident')), path.num(1, 'icmp.seq'));
    expect(all(path, 2, 'icmp.ident')).toEqual([path.show(1, 'icmp.ident')]);
  });

  it('frame 3 has TTL 2; the reply left B with 64 and arrived with 63', () => {
    expectStated(prose, 'A sent frame 3 with TTL #', path.num(3, 'ip.ttl'));
    expectStated(prose, 'left B with TTL # and arrived with #', 64, path.num(4, 'ip.ttl'));
    expectStated(prose, 'so its walk ends at TTL #', path.num(3, 'ip.ttl'));
  });

  it('probes port 33434, as Linux traceroute does', () => {
    expectStated(prose, 'sends UDP datagrams to port #', path.show(5, 'udp.dstport'));
  });
});

describe('a closed port', () => {
  it('frame 5 carries 32 bytes to port 33434; B answers type 3, code 3, quoting both ports', () => {
    expectStated(prose, 'datagram of # bytes (an #-byte header', path.num(5, 'udp.length'), UDP_HEADER);
    expectStated(prose, 'and # bytes of data), to port #', path.num(5, 'udp.length') - UDP_HEADER, path.show(5, 'udp.dstport'));
    expectStated(prose, 'destination unreachable, type #, code #', path.num(6, 'icmp.type'), path.num(6, 'icmp.code'));
    expectStated(prose, 'holds the ports # and #', path.show(6, 'udp.srcport'), path.show(6, 'udp.dstport'));
    expect(path.num(6, 'udp.srcport')).toBe(path.num(5, 'udp.srcport'));
  });

  it('TCP answers a SYN to closed port 8081 with RST, ACK in frame 2', () => {
    expectStated(prose, 'to port #, where nothing listens', closed.show(1, 'tcp.dstport'));
    expect(closed.num(1, 'tcp.flags')).toBe(0x002);
    expect(closed.num(2, 'tcp.flags')).toBe(0x014);
    const rows = markdownTable(text, '| Closed port |');
    expect(rows[1]!.slice(1)).toEqual(['6', '2']);
    expect(rows[0]![1]).toContain(`type ${path.num(6, 'icmp.type')}, code ${path.num(6, 'icmp.code')}`);
  });
});

describe('DF, fragmentation and path MTU discovery', () => {
  it('tcp-http sets DF in frame 1, as every TCP frame of the recordings', () => {
    for (let n = 1; n <= http.count; n++) expect(http.num(n, 'ip.flags.df')).toBe(1);
  });

  it('cuts the 4,000-byte datagram into 1,480 + 1,480 + 1,048 bytes at offsets 0, 1,480, 2,960', () => {
    expectStated(prose, 'datagram with # bytes of data over a #-byte link', frags.num(3, 'udp.length') - UDP_HEADER, frags.num(1, 'ip.len'));
    expectStated(prose, 'the datagram is # bytes long, all of it IP payload', frags.num(3, 'udp.length'));
    expectStated(prose, 'room for # − # = #', frags.num(1, 'ip.len'), IPV4_HEADER, frags.num(1, 'ip.len') - IPV4_HEADER);
    const sizes = [1, 2, 3].map((n) => frags.num(n, 'ip.len') - IPV4_HEADER);
    expectStated(prose, 'three fragments of #, # and # bytes', ...sizes);
    expect(sizes.reduce((a, b) => a + b)).toBe(frags.num(3, 'udp.length'));
    const offsets = [1, 2, 3].map((n) => frags.num(n, 'ip.frag_offset'));
    expectStated(prose, 'at offset #, frame 2 at # and frame 3 at #', ...offsets.map((o) => o * 8));
    expectStated(prose, 'frame 2 carries # and frame 3 carries #', offsets[1]!, offsets[2]!);
    expectStated(prose, 'share the Identification #', frags.show(1, 'ip.id'));
    for (const n of [2, 3]) expect(frags.show(n, 'ip.id')).toBe(frags.show(1, 'ip.id'));
    expect([1, 2, 3].map((n) => frags.num(n, 'ip.flags.mf'))).toEqual([1, 1, 0]);
    expect(frags.num(1, 'ip.reassembled_in')).toBe(3);
    expectStated(prose, 'reassembles the datagram in frame #', 3);
  });

  it('frame 7: 1,400 bytes with DF; frame 8: type 3, code 4, MTU 1,280, in 576 bytes', () => {
    expectStated(prose, 'an echo request of # bytes with DF set', path.num(7, 'ip.len'));
    expect(path.num(7, 'ip.flags.df')).toBe(1);
    expectStated(prose, 'type #, code #, MTU of next hop #', path.num(8, 'icmp.type'), path.num(8, 'icmp.code'), path.num(8, 'icmp.mtu'));
    expectStated(prose, 'Frame 8 is a #-byte IP packet', path.num(8, 'ip.len'));
    expectStated(prose, 'keeps a path MTU of # for #', path.num(8, 'icmp.mtu'), path.show(7, 'ip.dst'));
  });

  it('frame 9: 40 + 1,360 bytes; frame 10: Packet Too Big, MTU 1,280, itself 1,280 bytes', () => {
    expectStated(prose, 'a #-byte ICMPv6 echo request (a #-byte IPv6 header', path.num(9, 'ipv6.plen') + IPV6_HEADER, IPV6_HEADER);
    expectStated(prose, 'IPv6 header and # bytes of payload', path.num(9, 'ipv6.plen'));
    expect(path.num(10, 'icmpv6.type')).toBe(2);
    expectStated(prose, 'Packet Too Big, MTU #', path.num(10, 'icmpv6.mtu'));
    expectStated(prose, 'Frame 10 is itself a #-byte IPv6 packet', path.num(10, 'ipv6.plen') + IPV6_HEADER);
  });
});

describe('MSS clamping', () => {
  it('starts from the MSS the handshakes announce: 1,460 and 1,440', () => {
    expectStated(prose, 'offers #.', http.num(1, 'tcp.options.mss_val'));
    expectStated(prose, '# bytes for a #-byte link over IPv4 (# − # − #)', http.num(1, 'tcp.options.mss_val'), 1500, 1500, IPV4_HEADER, TCP_HEADER);
    expect(http.num(1, 'tcp.options.mss_val')).toBe(1500 - IPV4_HEADER - TCP_HEADER);
    expectStated(prose, '# over IPv6 (# − # − #)', ipv6.num(1, 'tcp.options.mss_val'), 1500, IPV6_HEADER, TCP_HEADER);
    expect(ipv6.num(1, 'tcp.options.mss_val')).toBe(1500 - IPV6_HEADER - TCP_HEADER);
  });

  it('clamps to the narrow link less the headers: 1,240, and 1,220 over IPv6', () => {
    const mtu = two.num(10, 'ip.len');
    expectStated(prose, 'Their link to each other carries # bytes', mtu);
    expectStated(prose, "Frame 7, A's SYN, offers #", two.num(7, 'tcp.options.mss_val'));
    expect(two.num(7, 'tcp.flags')).toBe(0x002);
    expect(two.num(7, 'tcp.options.mss_val')).toBe(http.num(1, 'tcp.options.mss_val'));
    expectStated(prose, 'SYN-ACK, arrives with #.', two.num(8, 'tcp.options.mss_val'));
    expect(two.num(8, 'tcp.flags')).toBe(0x012);
    expectStated(prose, 'rewrote it to # − # − # = #', mtu, IPV4_HEADER, TCP_HEADER, two.num(8, 'tcp.options.mss_val'));
    expectStated(
      prose,
      'Over IPv6 a clamped # would become # − # − # = #',
      ipv6.num(1, 'tcp.options.mss_val'),
      mtu,
      IPV6_HEADER,
      TCP_HEADER,
      mtu - IPV6_HEADER - TCP_HEADER,
    );
    expectStated(
      prose,
      'B would announce # − # − # = # itself',
      path.num(8, 'icmp.mtu'),
      IPV4_HEADER,
      TCP_HEADER,
      path.num(8, 'icmp.mtu') - IPV4_HEADER - TCP_HEADER,
    );
    expectStated(prose, '# became # behind a #-byte link', two.num(7, 'tcp.options.mss_val'), two.num(8, 'tcp.options.mss_val'), mtu);
  });

  it('carries segments of 1,240 bytes each way, in 1,280-byte packets', () => {
    const lens = [10, 11, 12].map((n) => two.num(n, 'tcp.len'));
    expectStated(prose, 'its # bytes in segments of #, # and # bytes', 3000, ...lens);
    expect(lens.reduce((a, b) => a + b)).toBe(3000);
    for (const n of [10, 11, 12]) expect(two.show(n, 'ip.src')).toBe(two.show(7, 'ip.src'));
    expectStated(prose, 'IP packets of # bytes', two.num(10, 'ip.len'));
    expect(two.num(10, 'ip.len')).toBe(two.num(10, 'tcp.len') + IPV4_HEADER + TCP_HEADER);
    expectStated(prose, "B's answer comes in segments of # too", two.num(16, 'tcp.len'));
    expect(two.num(18, 'tcp.len')).toBe(two.num(16, 'tcp.len'));
    expect(two.show(16, 'ip.src')).toBe(two.show(8, 'ip.src'));
  });
});

describe('the walk through two routers', () => {
  it('probes B at 10.77.4.2 on ports 33434, 33435 and 33436', () => {
    expectStated(prose, 'to B at #', two.show(1, 'ip.dst'));
    expectStated(prose, 'to ports #, # and #, as traceroute', ...[1, 3, 5].map((n) => two.show(n, 'udp.dstport')));
  });

  it('lists each TTL, its probe and the answer with its source', () => {
    const rows = markdownTable(text, '| TTL | Probe |');
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      const probe = 2 * i + 1;
      expect(row[0]).toBe(two.show(probe, 'ip.ttl'));
      expect(row[1]).toBe(`frame ${probe}`);
      expect(row[2]!.startsWith(`frame ${probe + 1}, `)).toBe(true);
      expect(row[3]!.split(' ')[0]).toBe(two.show(probe + 1, 'ip.src'));
    });
    expect([2, 4, 6].map((n) => `${two.num(n, 'icmp.type')}/${two.num(n, 'icmp.code')}`)).toEqual(['11/0', '11/0', '3/3']);
    expect(rows.map((r) => r[2]!.split(', ')[1])).toEqual(['time exceeded', 'time exceeded', 'port unreachable']);
  });

  it("frame 4 comes from R2's address; its quote shows TTL 1, lowered by R from 2", () => {
    expectStated(prose, "comes from #, R2's address", two.show(4, 'ip.src'));
    expectStated(prose, 'with TTL #: R had lowered it from #', all(two, 4, 'ip.ttl')[1]!, two.num(3, 'ip.ttl'));
  });

  it('frame 6: the probe reached B with TTL 1; the answer arrives with 62, two below 64', () => {
    expectStated(prose, 'the probe reached B with TTL #', all(two, 6, 'ip.ttl')[1]!);
    expectStated(prose, 'arrives with TTL #, # routers below the #', two.num(6, 'ip.ttl'), 64 - two.num(6, 'ip.ttl'), 64);
    expect(two.show(6, 'ip.src')).toBe(two.show(5, 'ip.dst'));
  });
});

describe('do it yourself', () => {
  const blocks = codeBlocks(text)
    .filter((b) => b.lang === '')
    .map((b) => b.body.split('\n'));

  it('prints the TTLs and hop limits the decoder reads, quoted ones second', () => {
    const want = [...Array(path.count).keys()].map((i) => {
      const n = i + 1;
      return [String(n), all(path, n, 'ip.ttl').join(','), all(path, n, 'ipv6.hlim').join(',')].join('\t').replace(/\t+$/, '');
    });
    expect(blocks[0]).toEqual(want);
  });

  it('prints the errors with their types, codes and MTUs', () => {
    const row = (n: number) =>
      [String(n), ...['icmp.type', 'icmp.code', 'icmp.mtu', 'icmpv6.type', 'icmpv6.mtu'].map((f) => all(path, n, f).join(','))].join('\t').replace(/\t+$/, '');
    expect(blocks[1]).toEqual([6, 8, 10].map(row));
  });

  it('a 1,472-byte ping fills a 1,500-byte path exactly', () => {
    expectStated(prose, 'DF set, # + # + # = # bytes', '1472', UDP_HEADER, IPV4_HEADER, 1500);
    expect(1472 + 8 + IPV4_HEADER).toBe(1500);
  });
});
