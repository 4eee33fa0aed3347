// Lesson 1 (reading a capture): every number the lesson states about its
// captures, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, lessonText, proseOf, written } from './support.ts';

const text = lessonText('reading-a-capture');
const prose = proseOf(text);
const dns = capture('report-dns');
const http = capture('tcp-http');
const rec = capture('udp-dns');

const all = [dns, http, rec];

describe('lesson 1: what the capture files hold', () => {
  it("every frame of the lesson's captures is kept whole", () => {
    for (const c of all) for (const f of c.opened.frames) expect(f.capLen).toBe(f.origLen);
    expect(prose).toContain('The captures in this course keep every byte');
  });

  it('the recorded captures have a snap length of 262,144 bytes, far more than any frame', () => {
    for (const c of [http, rec]) {
      const snap = c.opened.index.interfaces[0].snapLen;
      expectClaim(prose, 'a snap length of 262,144 bytes', `a snap length of ${written(snap)} bytes`);
      expect(Math.max(...c.opened.frames.map((f) => f.origLen))).toBeLessThan(snap);
    }
  });

  it('the rebuilt file keeps microseconds, the recorded ones nanoseconds', () => {
    expect(dns.opened.index.interfaces[0].tsUnitsPerSecond).toBe(1_000_000n);
    expect(http.opened.index.interfaces[0].tsUnitsPerSecond).toBe(1_000_000_000n);
    expect(rec.opened.index.interfaces[0].tsUnitsPerSecond).toBe(1_000_000_000n);
    expect(prose).toContain('This file keeps its timestamps in microseconds; the recorded captures keep nanoseconds');
  });

  it('the rebuilt frames carry comments', () => {
    expect(dns.opened.frames[1].comments[0]).toMatch(/^Report frame 2 at 0\.005640 s\..*invented/);
  });
});

describe('lesson 1: the three panes on report-dns', () => {
  it('frame 1 is a DNS question from 192.168.0.5; frame 2, 0.005640 s later, the answer', () => {
    expect(dns.num(1, 'dns.flags.response')).toBe(0);
    expect(dns.num(2, 'dns.flags.response')).toBe(1);
    expectClaim(prose, 'a DNS question from 192.168.0.5', `a DNS question from ${dns.show(1, 'ip.src')}`);
    expectClaim(prose, 'frame 2, 0.005640 s later', `frame 2, ${dns.opened.summaries()[1].time} s later`);
  });

  it('the destination port of frame 1 is 00 35 at offsets 36 and 37', () => {
    const f = dns.field(1, 'udp.dstport');
    const data = dns.opened.data(1);
    expect([data[f.offset], data[f.offset + 1]]).toEqual([0x00, 0x35]);
    expectClaim(prose, 'the two bytes `00 35` at offsets 36 and 37', `the two bytes \`00 35\` at offsets ${f.offset} and ${f.offset + 1}`);
  });

  it('frame 1: 76 bytes on wire, 76 captured', () => {
    const r = dns.opened.frames[0];
    expectClaim(prose, '*76 bytes on wire, 76 bytes captured*', `*${r.origLen} bytes on wire, ${r.capLen} bytes captured*`);
    expect(dns.field(1, 'frame').display).toMatch(/^Frame 1: 76 bytes on wire \(608 bits\), 76 bytes captured \(608 bits\)/);
  });
});

describe('lesson 1: the layers of frame 1', () => {
  const eth = dns.field(1, 'eth');
  const ip = dns.field(1, 'ip');
  const udp = dns.field(1, 'udp');
  const app = dns.field(1, 'dns');

  it("the table's byte ranges", () => {
    const range = (f: { offset: number; length: number }) => `bytes ${f.offset} to ${f.offset + f.length - 1}`;
    expectClaim(prose, 'Ethernet II, bytes 0 to 13', `Ethernet II, ${range(eth)}`);
    expectClaim(prose, 'IPv4, bytes 14 to 33', `IPv4, ${range(ip)}`);
    expectClaim(prose, 'UDP, bytes 34 to 41', `UDP, ${range(udp)}`);
    expectClaim(prose, 'DNS, bytes 42 to 75', `DNS, ${range(app)}`);
  });

  it('76 bytes: 14 + 20 + 8 + 34', () => {
    expectClaim(
      prose,
      '76 of them, 14 of Ethernet header, 20 of IPv4 header, 8 of UDP header and 34 of DNS message',
      `${dns.num(1, 'frame.len')} of them, ${eth.length} of Ethernet header, ${ip.length} of IPv4 header, ${udp.length} of UDP header and ${app.length} of DNS message`,
    );
  });

  it('each header names what follows', () => {
    expectClaim(prose, 'is 0x0800, which means "an IPv4 packet follows"', `is ${dns.show(1, 'eth.type')}, which means "an IPv4 packet follows"`);
    expectClaim(prose, 'is 17, which means "a UDP datagram follows"', `is ${dns.num(1, 'ip.proto')}, which means "a UDP datagram follows"`);
    expectClaim(prose, 'is 53, the port of DNS', `is ${dns.num(1, 'udp.dstport')}, the port of DNS`);
    expect(dns.show(1, 'frame.protocols')).toBe('eth:ethertype:ip:udp:dns');
  });

  it('IP names the two ends, Ethernet only this hop', () => {
    expectClaim(
      prose,
      'the PC, 192.168.0.5, and the DNS server, 168.126.63.1',
      `the PC, ${dns.show(1, 'ip.src')}, and the DNS server, ${dns.show(1, 'ip.dst')}`,
    );
    expectClaim(prose, 'destination, 70:5d:cc:65:65:aa, is the home router', `destination, ${dns.show(1, 'eth.dst')}, is the home router`);
    // The answer comes from the router's MAC too: the resolver is off the local network.
    expect(dns.show(2, 'eth.src')).toBe(dns.show(1, 'eth.dst'));
    expect(dns.show(1, 'eth.src')).toBe('48:5f:99:46:85:d3');
    expect(text).toContain("The PC's own MAC address is the source, 48:5f:99:46:85:d3");
    expect(text).toContain('Frame 1 goes to the DNS server 168.126.63.1, but its Ethernet destination is 70:5d:cc:65:65:aa');
  });

  it('quiz explanations: Ethernet type in bytes 12 and 13; UDP at offset 34', () => {
    const t = dns.field(1, 'eth.type');
    expect([t.offset, t.offset + 1]).toEqual([12, 13]);
    expect(text).toContain('Bytes 12 and 13 are 08 00: Ethernet type 0x0800');
    expect(14 + dns.num(1, 'ip.hdr_len')).toBe(udp.offset);
    expect(text).toContain('the IPv4 header, 20 bytes long, bytes 14 to 33: the UDP header starts at offset 34');
    expect(text).toContain(
      'Frame 1 is 76 bytes on the wire, and all 76 were captured: 14 of Ethernet header, 20 of IPv4 header, 8 of UDP header and 34 of DNS message',
    );
  });
});

describe('lesson 1: the web page over TCP', () => {
  it('16 frames, frame 4 the request in four layers', () => {
    expectClaim(prose, 'recorded for this course, 16 frames', `recorded for this course, ${http.count} frames`);
    expect(http.show(4, 'frame.protocols')).toBe('eth:ethertype:ip:tcp:http');
    expect(http.info(4)).toMatch(/^GET /);
    expect(prose).toContain('Its layers are Ethernet, IPv4, TCP and HTTP');
    for (const n of [1, 2, 3]) {
      expect(http.opened.summaries()[n - 1].protocol).toBe('TCP');
      expect(http.num(n, 'tcp.len')).toBe(0);
    }
    expect(prose).toContain('such as the three at the start that open the connection; their Protocol column says TCP');
  });

  it('frame 6 is 1,514 bytes: 14 + 20 + 20 + 1,460', () => {
    const len = http.num(6, 'frame.len');
    const tcpHdr = http.num(6, 'tcp.hdr_len');
    const ipHdr = http.num(6, 'ip.hdr_len');
    expect(14 + ipHdr + tcpHdr + http.num(6, 'tcp.len')).toBe(len);
    expectClaim(
      prose,
      'is 1,514 bytes: 14 of Ethernet header, 20 of IPv4 header, 20 of TCP header and 1,460 of data',
      `is ${written(len)} bytes: 14 of Ethernet header, ${ipHdr} of IPv4 header, ${tcpHdr} of TCP header and ${written(http.num(6, 'tcp.len'))} of data`,
    );
    expect(text).toContain('1,514 bytes: 14 of Ethernet header, 20 of IPv4 header, 20 of TCP header and 1,460 of data');
  });

  it('the 4,606-byte page in four pieces, frames 6, 8, 10 and 12, listed in frame 12', () => {
    const segments = http.fields(12, 'tcp.segment').map((f) => Number(f.show));
    expect(segments).toEqual([6, 8, 10, 12]);
    const page = segments.reduce((a, n) => a + http.num(n, 'tcp.len'), 0);
    expect(http.num(12, 'tcp.reassembled.length')).toBe(page);
    expectClaim(
      prose,
      'The page (4,606 bytes) travels in four pieces, frames 6, 8, 10 and 12',
      `The page (${written(page)} bytes) travels in ${['', 'one', 'two', 'three', 'four'][segments.length]} pieces, frames ${segments.slice(0, -1).join(', ')} and ${segments.at(-1)}`,
    );
    expect(http.field(12, 'tcp.segments').display).toMatch(/^\[4 Reassembled TCP Segments \(4606 bytes\)/);
    expect(prose).toContain('"4 Reassembled TCP Segments"');
    // What Wireshark (tshark -2) shows and the decoder does not yet: the HTTP
    // answer decoded in frame 12, the frame that completes it; see
    // test/golden/known-gaps.ts. The lesson does not claim which row says HTTP.
    expect(http.num(6, 'tcp.reassembled_in')).toBe(12);
  });

  it('the SYN, then SYN, ACK', () => {
    expect(http.num(1, 'tcp.flags')).toBe(0x002);
    expect(http.num(2, 'tcp.flags')).toBe(0x012);
  });
});

describe("lesson 1: the recorded capture's addresses", () => {
  it('10.77.0.1 and 10.77.0.2, MACs 02:77:00:00:00:01 and :02; three DNS questions', () => {
    expectClaim(
      prose,
      '10.77.0.1 and 10.77.0.2 exist only inside the namespaces',
      `${rec.show(1, 'ip.src')} and ${rec.show(1, 'ip.dst')} exist only inside the namespaces`,
    );
    expectClaim(
      prose,
      'the MAC addresses 02:77:00:00:00:01 and 02:77:00:00:00:02',
      `the MAC addresses ${rec.show(1, 'eth.src')} and ${rec.show(1, 'eth.dst')}`,
    );
    expect(http.show(1, 'eth.src')).toBe('02:77:00:00:00:01');
    const questions = [...Array(rec.count)].filter((_, i) => rec.num(i + 1, 'dns.flags.response') === 0).length;
    expectClaim(prose, 'one of them: three DNS questions', `one of them: ${['', 'one', 'two', 'three'][questions]} DNS questions`);
  });
});
