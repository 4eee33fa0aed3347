// Lesson 8 (ARP): every number and address the prose and the quiz state about
// the recorded first contact and the report's rebuilt frames, checked against
// the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, lessonText, proseOf } from './support.ts';

const mdx = lessonText('arp');
const prose = proseOf(mdx);
const rec = capture('arp');
const report = capture('report-arp');

const time = (c: typeof rec, frame: number) => c.num(frame, 'frame.time_relative');
const micros = (c: typeof rec, a: number, b: number) => Math.round((time(c, b) - time(c, a)) * 1e6);

describe('lesson 8, first contact (recorded)', () => {
  it('has A (10.77.0.1) ask for B (10.77.0.2) by broadcast, target MAC all zeros', () => {
    expectClaim(prose, 'Host A (10.77.0.1)', `Host A (${rec.show(1, 'arp.src.proto_ipv4')})`);
    expectClaim(prose, 'sent host B (10.77.0.2) a ping', `sent host B (${rec.show(1, 'arp.dst.proto_ipv4')}) a ping`);
    expectClaim(prose, 'broadcast address ff:ff:ff:ff:ff:ff', `broadcast address ${rec.show(1, 'eth.dst')}`);
    expect(rec.num(1, 'eth.dst.ig')).toBe(1);
    expectClaim(prose, '"Who has 10.77.0.2? Tell 10.77.0.1"', `"${rec.info(1)}"`);
    expectClaim(
      prose,
      'target MAC address is 00:00:00:00:00:00: it is what A is asking for',
      `target MAC address is ${rec.show(1, 'arp.dst.hw_mac')}: it is what A is asking for`,
    );
    // The answer comes back in the reply's sender fields; its target fields name A.
    expect(rec.show(2, 'arp.src.hw_mac')).toBe(rec.show(2, 'eth.src'));
    expect(rec.show(2, 'arp.dst.hw_mac')).toBe(rec.show(1, 'arp.src.hw_mac'));
    expect(rec.show(2, 'arp.dst.proto_ipv4')).toBe(rec.show(1, 'arp.src.proto_ipv4'));
    expect(rec.num(1, 'arp.opcode')).toBe(1);
  });

  it('has B reply 32 µs later by unicast to A', () => {
    expectClaim(prose, 'comes 32 µs later', `comes ${micros(rec, 1, 2)} µs later`);
    expect(rec.num(2, 'arp.opcode')).toBe(2);
    expect(rec.show(2, 'eth.dst')).toBe(rec.show(1, 'arp.src.hw_mac'));
    expect(rec.num(2, 'eth.dst.ig')).toBe(0);
    expectClaim(prose, '"10.77.0.2 is at 02:77:00:00:00:02"', `"${rec.info(2)}"`);
  });

  it('has the ping and its reply sent with no second ARP exchange', () => {
    expect(rec.num(3, 'icmp.type')).toBe(8);
    expect(rec.show(3, 'eth.dst')).toBe(rec.show(2, 'arp.src.hw_mac'));
    expect(rec.num(4, 'icmp.type')).toBe(0);
    expect(rec.show(4, 'eth.dst')).toBe(rec.show(1, 'arp.src.hw_mac'));
    // B never asked for A's address: the only ARP before the ping reply is A's request and B's reply.
    expect(rec.fields(3, 'arp.opcode').length + rec.fields(4, 'arp.opcode').length).toBe(0);
  });

  it("the predict question: the reply goes to the request's sender MAC 02:77:00:00:00:01", () => {
    expectClaim(mdx, 'sent from 02:77:00:00:00:01', `sent from ${rec.show(1, 'eth.src')}`);
    expectClaim(mdx, 'the reply goes by unicast to 02:77:00:00:00:01', `the reply goes by unicast to ${rec.show(2, 'eth.dst')}`);
    expect(mdx).toContain("frame={2} ask={['arp.opcode', 'eth.dst']}");
    expectClaim(mdx, 'with opcode 2, reply', `with opcode ${rec.show(2, 'arp.opcode')}, reply`);
  });
});

describe('lesson 8, the 28-byte packet (the report)', () => {
  it('names the router and the PC', () => {
    expectClaim(
      prose,
      'an ipTIME, at 192.168.0.1) and a PC (192.168.0.5)',
      `an ipTIME, at ${report.show(1, 'arp.src.proto_ipv4')}) and a PC (${report.show(1, 'arp.dst.proto_ipv4')})`,
    );
    expect(report.count).toBe(6);
    expectClaim(
      prose,
      "the report's frames 10775 to 24107",
      `the report's frames ${report.show(1, 'frame.comment').match(/Report frame (\d+)/)![1]} to ${report.show(6, 'frame.comment').match(/Report frame (\d+)/)![1]}`,
    );
  });

  it('has 42-byte frames: 14 of Ethernet and 28 of ARP', () => {
    for (let n = 1; n <= 6; n++) expect(report.num(n, 'frame.len')).toBe(42);
    const eth = report.field(1, 'eth');
    const arp = report.field(1, 'arp');
    expectClaim(
      prose,
      'Each frame is 42 bytes: 14 of Ethernet header and 28 of ARP',
      `Each frame is ${report.num(1, 'frame.len')} bytes: ${eth.length} of Ethernet header and ${arp.length} of ARP`,
    );
    expectClaim(prose, 'The frames are 42 bytes, not the 60', `The frames are ${report.num(2, 'frame.len')} bytes, not the 60`);
    expect(report.fields(1, 'eth.padding').length).toBe(0);
  });

  it('gives every field of frame 1 with its size and value, adding up to 28 bytes', () => {
    const rows: [string, string, string][] = [
      ['Hardware type', 'arp.hw.type', '1'],
      ['Protocol type', 'arp.proto.type', '0x0800'],
      ['Hardware size', 'arp.hw.size', '6'],
      ['Protocol size', 'arp.proto.size', '4'],
      ['Opcode', 'arp.opcode', '1'],
      ['Sender MAC address', 'arp.src.hw_mac', '70:5d:cc:65:65:aa'],
      ['Sender IP address', 'arp.src.proto_ipv4', '192.168.0.1'],
      ['Target MAC address', 'arp.dst.hw_mac', '00:00:00:00:00:00'],
      ['Target IP address', 'arp.dst.proto_ipv4', '192.168.0.5'],
    ];
    const sizes: number[] = [];
    for (const [label, name, value] of rows) {
      const f = report.field(1, name);
      sizes.push(f.length);
      expectClaim(prose, `| ${label} | ${f.length} | ${value} |`, `| ${label} | ${f.length} | ${report.show(1, name)} |`);
    }
    expectClaim(prose, '2 + 2 + 1 + 1 + 2 + 6 + 4 + 6 + 4 = 28 bytes', `${sizes.join(' + ')} = ${sizes.reduce((a, b) => a + b, 0)} bytes`);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(report.field(1, 'arp').length);
    expectClaim(
      prose,
      'MAC) address, 6 bytes on Ethernet; the **protocol** size, 4',
      `MAC) address, ${report.num(1, 'arp.hw.size')} bytes on Ethernet; the **protocol** size, ${report.num(1, 'arp.proto.size')}`,
    );
    expectClaim(prose, 'is 0x0806 for ARP (IPv4 is 0x0800)', `is ${report.show(1, 'eth.type')} for ARP (IPv4 is ${rec.show(3, 'eth.type')})`);
  });

  it("prints frame 1's bytes exactly, with ARP starting at offset 0x0e", () => {
    const block = mdx.match(/```hexdump\n([\s\S]*?)```/)![1]!;
    const bytes = block
      .trim()
      .split('\n')
      .flatMap((line) => line.slice(6, 54).trim().split(/\s+/))
      .map((h) => parseInt(h, 16));
    expect(bytes).toEqual([...report.opened.data(1)]);
    const offset = report.field(1, 'arp.hw.type').offset;
    expectClaim(prose, 'the ARP packet starts at offset 0x0e', `the ARP packet starts at offset 0x${offset.toString(16).padStart(2, '0')}`);
    expect(report.opened.data(1).slice(12, 16)).toEqual(new Uint8Array([0x08, 0x06, 0x00, 0x01]));
  });

  it("has the reply (frame 2) with opcode 2 and the PC's addresses as sender", () => {
    expectClaim(
      prose,
      'has opcode 2 and fills the sender fields with its own addresses (48:5f:99:46:85:d3, 192.168.0.5)',
      `has opcode ${report.num(2, 'arp.opcode')} and fills the sender fields with its own addresses (${report.show(2, 'arp.src.hw_mac')}, ${report.show(2, 'arp.src.proto_ipv4')})`,
    );
    expect(report.show(2, 'arp.dst.hw_mac')).toBe(report.show(1, 'arp.src.hw_mac'));
    expect(report.show(2, 'arp.dst.proto_ipv4')).toBe(report.show(1, 'arp.src.proto_ipv4'));
    // The quiz's opcode answer.
    expect(mdx).toContain("answer={{ frame: 2, field: 'arp.opcode' }}");
    expect(mdx).toContain('explain="Opcode 2 is a reply; 1 is a request."');
  });
});

describe("lesson 8, the report's router checking every 30 s", () => {
  it("sends its requests by unicast to the PC's MAC address", () => {
    for (const n of [1, 3, 5]) {
      expect(report.num(n, 'arp.opcode')).toBe(1);
      expect(report.num(n, 'eth.dst.ig')).toBe(0);
      expect(report.show(n, 'eth.dst')).toBe(report.show(2, 'arp.src.hw_mac'));
      expect(report.show(n, 'arp.src.proto_ipv4')).toBe('192.168.0.1');
      expect(report.show(n, 'arp.dst.proto_ipv4')).toBe('192.168.0.5');
    }
    expectClaim(prose, "48:5f:99:46:85:d3, the PC's own MAC address", `${report.show(1, 'eth.dst')}, the PC's own MAC address`);
    expectClaim(prose, 'The router asks "Who has 192.168.0.5?"', `The router asks "${report.info(1).replace(/ Tell.*$/, '')}"`);
    expectClaim(prose, '(sender 192.168.0.1, 70:5d:cc:65:65:aa)', `(sender ${report.show(1, 'arp.src.proto_ipv4')}, ${report.show(1, 'arp.src.hw_mac')})`);
  });

  it('repeats after 30.021 s and 29.975 s, about every 30 s', () => {
    expectClaim(prose, 'frame 3, 30.021 s after the first', `frame 3, ${(time(report, 3) - time(report, 1)).toFixed(3)} s after the first`);
    expectClaim(prose, 'frame 5, 29.975 s after that', `frame 5, ${(time(report, 5) - time(report, 3)).toFixed(3)} s after that`);
    for (const gap of [time(report, 3) - time(report, 1), time(report, 5) - time(report, 3)]) expect(Math.round(gap)).toBe(30);
    expect(prose).toContain('checking every 30 s');
    expect(prose).toContain('about every 30 s');
    // The quiz: frame 3 - frame 1 is 30 s within 0.5.
    expect(Math.abs(time(report, 3) - time(report, 1) - 30)).toBeLessThan(0.5);
    expectClaim(
      mdx,
      'Frame 3 comes 30.021 s after frame 1, and frame 5 29.975 s after frame 3',
      `Frame 3 comes ${(time(report, 3) - time(report, 1)).toFixed(3)} s after frame 1, and frame 5 ${(time(report, 5) - time(report, 3)).toFixed(3)} s after frame 3`,
    );
  });

  it('has the PC reply within 33, 22 and 21 µs', () => {
    const replies = [micros(report, 1, 2), micros(report, 3, 4), micros(report, 5, 6)];
    expectClaim(
      prose,
      'within 33 µs or less (33, 22 and 21 µs)',
      `within ${Math.max(...replies)} µs or less (${replies[0]}, ${replies[1]} and ${replies[2]} µs)`,
    );
    for (const n of [2, 4, 6]) expect(report.num(n, 'arp.opcode')).toBe(2);
  });
});

describe('lesson 8, a probe and a gratuitous ARP (recorded)', () => {
  it('has a probe with sender IP 0.0.0.0 for 10.77.0.2 in frame 5', () => {
    expect(rec.show(5, 'eth.dst')).toBe('ff:ff:ff:ff:ff:ff');
    expect(rec.num(5, 'arp.opcode')).toBe(1);
    expectClaim(
      prose,
      "a request for B's own address 10.77.0.2, with sender IP address 0.0.0.0",
      `a request for B's own address ${rec.show(5, 'arp.dst.proto_ipv4')}, with sender IP address ${rec.show(5, 'arp.src.proto_ipv4')}`,
    );
    expect(rec.num(5, 'arp.isprobe')).toBe(1);
    expect(rec.info(5)).toContain('(ARP Probe)');
    expect(prose).toContain('Wireshark marks it "(ARP Probe)"');
    expect(rec.show(5, 'arp.src.hw_mac')).toBe(rec.show(2, 'arp.src.hw_mac'));
  });

  it('has an announcement with sender and target IP both 10.77.0.2 in frame 6', () => {
    expect(rec.show(6, 'eth.dst')).toBe('ff:ff:ff:ff:ff:ff');
    expect(rec.num(6, 'arp.opcode')).toBe(1);
    expect(rec.show(6, 'arp.src.proto_ipv4')).toBe(rec.show(6, 'arp.dst.proto_ipv4'));
    expectClaim(prose, 'with sender and target IP address both 10.77.0.2', `with sender and target IP address both ${rec.show(6, 'arp.src.proto_ipv4')}`);
    expect(rec.num(6, 'arp.isgratuitous')).toBe(1);
    expect(rec.num(6, 'arp.isannouncement')).toBe(1);
    // The quiz: the sender IP address tells them apart; the opcode, destination and target MAC do not.
    expect(rec.show(5, 'arp.src.proto_ipv4')).not.toBe(rec.show(6, 'arp.src.proto_ipv4'));
    expect(rec.num(5, 'arp.opcode')).toBe(rec.num(6, 'arp.opcode'));
    expect(rec.show(5, 'arp.dst.hw_mac')).toBe(rec.show(6, 'arp.dst.hw_mac'));
    expectClaim(
      mdx,
      '0.0.0.0 in frame 5, 10.77.0.2 in frame 6',
      `${rec.show(5, 'arp.src.proto_ipv4')} in frame 5, ${rec.show(6, 'arp.src.proto_ipv4')} in frame 6`,
    );
  });
});

describe('lesson 8, the quiz and the page', () => {
  it('the find-the-bytes answer: the target MAC address is bytes 32 to 37 of frame 1', () => {
    const f = report.field(1, 'arp.dst.hw_mac');
    expectClaim(mdx, 'takes bytes 32 to 37 of the frame', `takes bytes ${f.offset} to ${f.offset + f.length - 1} of the frame`);
    expect([...report.opened.data(1).slice(f.offset, f.offset + f.length)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('links only frames that a viewer of the same capture on the page shows', () => {
    const viewers = [...mdx.matchAll(/<PacketViewer capture="([^"]+)" frames="(\d+)-(\d+)"/g)].map((m) => ({
      id: m[1]!,
      from: Number(m[2]),
      to: Number(m[3]),
    }));
    const links = [...mdx.matchAll(/<FrameLink capture="([^"]+)" frame=\{(\d+)\}/g)];
    expect(links.length).toBeGreaterThan(8);
    for (const [, id, frame] of links) {
      expect(
        viewers.some((v) => v.id === id && v.from <= Number(frame) && Number(frame) <= v.to),
        `${id} frame ${frame}`,
      ).toBe(true);
    }
  });

  it('has at least six questions with unique ids, at least two answered from a capture', () => {
    const ids = [...mdx.matchAll(/<(Choice|Answer|Predict|Order|FindField) id="([^"]+)"/g)].map((m) => m[2]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mdx.match(/<Answer [^>]*answer=\{\{ (frame|expr)/g)!.length).toBeGreaterThanOrEqual(2);
  });
});

describe('lesson 8, claims added on review', () => {
  it('Wireshark sums up frame 6 as an ARP Announcement', () => {
    expect(prose).toContain('Wireshark sums it up as "ARP Announcement for 10.77.0.2"');
    expect(rec.info(6)).toBe('ARP Announcement for 10.77.0.2');
  });

  it("the report's frames are 42 bytes, 18 short of the 60-byte minimum without FCS", () => {
    expectClaim(prose, 'The frames are 42 bytes', `The frames are ${report.num(1, 'frame.len')} bytes`);
    expect([1, 2, 3, 4, 5, 6].every((n) => report.num(n, 'frame.len') === 42)).toBe(true);
  });
});
