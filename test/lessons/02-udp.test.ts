// Lesson 2 (UDP): every number the lesson states about its captures, checked
// against the decoder, and the checksum arithmetic checked against the
// calculator's pure functions.
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, lessonText, proseOf, written } from './support.ts';
import { addOnes, complement, hex16, sumSteps } from '../../src/widgets/checksum/ones-complement.ts';
import { checksumInPacket, udpIpv4Words } from '../../src/widgets/checksum/udp-words.ts';

const text = lessonText('udp');
const prose = proseOf(text);
const dns = capture('report-dns');
const rec = capture('udp-dns');
const http = capture('tcp-http');

const hex = (n: number) => '0x' + n.toString(16).padStart(4, '0');
const bytesHex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

/** The UDP words of a frame, as the calculator adds them. */
function wordsOf(c: ReturnType<typeof capture>, frame: number) {
  const data = c.opened.data(frame);
  const udpAt = c.field(frame, 'udp.srcport').offset;
  const len = c.num(frame, 'udp.length');
  const src = c.field(frame, 'ip.src').offset;
  const dst = c.field(frame, 'ip.dst').offset;
  return udpIpv4Words({ src: data.subarray(src, src + 4), dst: data.subarray(dst, dst + 4), udp: data.subarray(udpAt, udpAt + len) });
}

describe("lesson 2: the report's DNS capture", () => {
  it('has 13 frames: seven questions and six answers, all to or from port 53', () => {
    expectClaim(prose, '13 frames', `${dns.count} frames`);
    const questions = [...Array(dns.count)].filter((_, i) => dns.num(i + 1, 'dns.flags.response') === 0).length;
    expect(questions).toBe(7);
    expect(dns.count - questions).toBe(6);
    expect(prose).toContain('six questions and six answers plus one question');
    for (let n = 1; n <= dns.count; n++) {
      expect([dns.num(n, 'udp.srcport'), dns.num(n, 'udp.dstport')]).toContain(53);
    }
    expect(text).toContain('All 13 frames go to or come from port 53');
    expect(prose).toContain('every one of those 13 frames is part of a DNS lookup, to or from port 53');
  });

  it('frame 1: the PC asks the resolver, 76 bytes in four layers', () => {
    expectClaim(prose, '192.168.0.5', dns.show(1, 'ip.src'));
    expectClaim(prose, '168.126.63.1', dns.show(1, 'ip.dst'));
    expectClaim(prose, 'its 76 bytes', `its ${dns.num(1, 'frame.len')} bytes`);
    const eth = dns.field(1, 'eth').length;
    const ip = dns.num(1, 'ip.hdr_len');
    const udpLen = dns.num(1, 'udp.length');
    expect(eth + ip + udpLen).toBe(76);
    expectClaim(
      prose,
      'The 76 bytes are 14 of Ethernet header, 20 of IPv4 header, 8 of UDP header and 34 of DNS message',
      `The ${dns.num(1, 'frame.len')} bytes are ${eth} of Ethernet header, ${ip} of IPv4 header, 8 of UDP header and ${udpLen - 8} of DNS message`,
    );
  });

  it("frame 1: the byte the report's text misread, and the UDP header bytes", () => {
    const data = dns.opened.data(1);
    expect(data[0x46]).toBe(0x6d);
    expect(prose).toContain('at offset 0x46 the dump says `0d` where the frame has `6d`');
    const at = dns.field(1, 'udp.srcport').offset;
    expect(at).toBe(0x22);
    expectClaim(prose, '`d5 d8 00 35 00 2a d2 9b`', '`' + bytesHex(data.subarray(at, at + 8)) + '`');
    expect(prose).toContain('offsets 0x22 to 0x29');
    // The hex dump in the lesson is the frame's.
    const dump = text.match(/```hexdump\n([\s\S]*?)```/)![1];
    const bytes = dump
      .trim()
      .split('\n')
      .flatMap((line) => line.slice(6, 53).trim().split(/\s+/))
      .map((h) => parseInt(h, 16));
    expect(Uint8Array.from(bytes)).toEqual(data);
  });

  it('frame 1: each header field as the lesson reads it', () => {
    expectClaim(prose, '`0xd5d8` = 54,744', `\`${hex(dns.num(1, 'udp.srcport'))}\` = ${written(dns.num(1, 'udp.srcport'))}`);
    expectClaim(prose, '`0x0035` = 53', `\`${hex(dns.num(1, 'udp.dstport'))}\` = ${dns.num(1, 'udp.dstport')}`);
    expectClaim(prose, '`0x002a` = 42', `\`${hex(dns.num(1, 'udp.length'))}\` = ${dns.num(1, 'udp.length')}`);
    expectClaim(prose, 'so 8 + 34', `so 8 + ${dns.num(1, 'udp.length') - 8}`);
    expectClaim(
      prose,
      'its Total Length is 62, which is 20 + 42',
      `its Total Length is ${dns.num(1, 'ip.len')}, which is ${dns.num(1, 'ip.hdr_len')} + ${dns.num(1, 'udp.length')}`,
    );
    expectClaim(prose, '**Checksum**, `0xd29b`', `**Checksum**, \`${dns.show(1, 'udp.checksum')}\``);
    expect(dns.num(1, 'udp.checksum.status')).toBe(1);
    expect(dns.num(1, 'ip.checksum.status')).toBe(1);
    expect(prose).toContain('shows both checksums of frame 1 as correct');
    // Windows' dynamic range holds the source port.
    expect(dns.num(1, 'udp.srcport')).toBeGreaterThanOrEqual(49152);
    expect(prose).toContain('49,152 to 65,535 on Windows');
  });

  it("the pseudo-header table holds frame 1's values", () => {
    const data = dns.opened.data(1);
    const src = dns.field(1, 'ip.src').offset;
    const dst = dns.field(1, 'ip.dst').offset;
    expectClaim(prose, '192.168.0.5 = `c0 a8 00 05`', `${dns.show(1, 'ip.src')} = \`${bytesHex(data.subarray(src, src + 4))}\``);
    expectClaim(prose, '168.126.63.1 = `a8 7e 3f 01`', `${dns.show(1, 'ip.dst')} = \`${bytesHex(data.subarray(dst, dst + 4))}\``);
    expectClaim(prose, '17 (UDP) = `11`', `${dns.num(1, 'ip.proto')} (UDP) = \`${dns.num(1, 'ip.proto').toString(16)}\``);
    expectClaim(prose, '42 = `00 2a`', `${dns.num(1, 'udp.length')} = \`00 ${dns.num(1, 'udp.length').toString(16)}\``);
  });
});

describe('lesson 2: the checksum of frame 1, step by step', () => {
  const words = wordsOf(dns, 1);
  const { steps, sum } = sumSteps(words.map((w) => w.value));

  it('27 words: 6 of pseudo-header, 4 of header, 17 of data', () => {
    expect(words.filter((w) => w.part === 'pseudo')).toHaveLength(6);
    expect(words.filter((w) => w.part === 'header')).toHaveLength(4);
    expect(words.filter((w) => w.part === 'data')).toHaveLength(17);
    expect(prose).toContain('The 12 bytes of pseudo-header make 6 words, the UDP header 4 more');
    expectClaim(
      prose,
      'the 34 bytes of DNS message 17 more: 27 words',
      `the ${dns.num(1, 'udp.length') - 8} bytes of DNS message ${words.length - 10} more: ${words.length} words`,
    );
    expectClaim(prose, 'does all 27 additions', `does all ${words.length} additions`);
    expectClaim(prose, 'the sum of all 27 words is 0x2d64', `the sum of all ${words.length} words is ${hex16(sum)}`);
  });

  it('the first carry, the number of carries, the sum and its complement', () => {
    const firstCarry = steps.findIndex((s) => s.carry);
    expect(firstCarry).toBe(2);
    const s = steps[firstCarry];
    expectClaim(
      prose,
      'the third word: the first two add up to 0xc0ad, and 0xc0ad + 0xa87e = 0x1692b, which wraps around to 0x692c',
      `the third word: the first two add up to ${hex16(s.before)}, and ${hex16(s.before)} + ${hex16(s.word)} = 0x${s.total.toString(16)}, which wraps around to ${hex16(s.after)}`,
    );
    expectClaim(prose, 'Frame 1 has 6 such carries', `Frame 1 has ${steps.filter((x) => x.carry).length} such carries`);
    expect(sum).toBe(0x2d64);
    expectClaim(prose, '0x2d64 is `0010 1101 0110 0100`', `${hex16(sum)} is \`${sum.toString(2).padStart(16, '0').match(/..../g)!.join(' ')}\``);
    expectClaim(
      prose,
      'inverted, `1101 0010 1001 1011`, which is 0xd29b',
      `inverted, \`${complement(sum).toString(2).padStart(16, '0').match(/..../g)!.join(' ')}\`, which is ${hex16(complement(sum))}`,
    );
    expect(hex16(complement(sum))).toBe(dns.show(1, 'udp.checksum'));
  });

  it("the receiver's check: sum plus checksum is all ones", () => {
    const inPacket = dns.num(1, 'udp.checksum');
    expectClaim(prose, '0x2d64 + 0xd29b = 0xffff', `${hex16(sum)} + ${hex16(inPacket)} = ${hex16(addOnes(sum, inPacket).sum)}`);
    expect(text).toContain('0x2d64 + 0xd29b = 0xffff');
  });

  it('flipping the lowest bit of the first data word', () => {
    const i = words.findIndex((w) => w.part === 'data');
    const flipped = words.map((w, j) => (j === i ? w.value ^ 1 : w.value));
    const s2 = sumSteps(flipped).sum;
    expectClaim(
      prose,
      'the first data word 0x562d becomes 0x562c, the sum drops to 0x2d63, and the bytes now call for 0xd29c',
      `the first data word ${hex16(words[i].value)} becomes ${hex16(flipped[i])}, the sum drops to ${hex16(s2)}, and the bytes now call for ${hex16(complement(s2))}`,
    );
    expect(prose).toContain('The packet still carries 0xd29b');
    expect(checksumInPacket(dns.opened.data(1).subarray(0x22, 0x22 + 42))).toBe(0xd29b);
  });
});

describe('lesson 2: DNS in frames 1, 2 and 7 to 9', () => {
  it("frame 1's DNS message", () => {
    expectClaim(prose, "Frame 1's DNS message is 34 bytes", `Frame 1's DNS message is ${dns.num(1, 'udp.length') - 8} bytes`);
    expectClaim(prose, 'transaction ID 0x562d', `transaction ID ${dns.show(1, 'dns.id')}`);
    expectClaim(prose, 'flags `0x0100`', `flags \`${dns.show(1, 'dns.flags')}\``);
    expect(dns.num(1, 'dns.flags.recdesired')).toBe(1);
    expect(dns.num(1, 'dns.count.queries')).toBe(1);
    for (const f of ['dns.count.answers', 'dns.count.auth_rr', 'dns.count.add_rr']) expect(dns.num(1, f)).toBe(0);
    expect(prose).toContain('there is 1 question and no records');
    expect(dns.show(1, 'dns.qry.name')).toBe('st.afreecatv.com');
    // The encoded name: 1 + 2 + 1 + 9 + 1 + 3 + 1 bytes; then type and class.
    const encoded = dns.num(1, 'dns.qry.name.len') + 2;
    expectClaim(prose, 'then `00` for the end (18 bytes)', `then \`00\` for the end (${encoded} bytes)`);
    expect(12 + encoded + 2 + 2).toBe(dns.num(1, 'udp.length') - 8);
    expect(dns.num(1, 'dns.qry.type')).toBe(1);
    expect(dns.num(1, 'dns.qry.class')).toBe(1);
  });

  it('frame 2 answers from port 53 to port 54,744 with the same ID', () => {
    expect(dns.num(2, 'udp.srcport')).toBe(53);
    expectClaim(
      prose,
      'comes from port 53 back to port 54,744',
      `comes from port ${dns.num(2, 'udp.srcport')} back to port ${written(dns.num(2, 'udp.dstport'))}`,
    );
    expect(dns.show(2, 'dns.id')).toBe(dns.show(1, 'dns.id'));
  });

  it('frame 8 leaves before frame 7 is answered in frame 9', () => {
    expect(dns.show(8, 'dns.qry.name')).toBe('sting.afreecatv.com');
    expect(prose).toContain('frame 8, for sting.afreecatv.com');
    const t = (n: number) => Number(dns.show(n, 'frame.time_relative'));
    expectClaim(prose, 'leaves 0.007293 s after', `leaves ${(t(8) - t(7)).toFixed(6)} s after`);
    expect(dns.num(9, 'dns.flags.response')).toBe(1);
    expect(dns.show(9, 'dns.id')).toBe(dns.show(7, 'dns.id'));
    expect(t(9)).toBeGreaterThan(t(8));
    expect(prose).toContain("before frame 7's answer arrives in frame 9");
    expect(dns.num(8, 'udp.srcport')).not.toBe(dns.num(7, 'udp.srcport'));
    expect(dns.show(8, 'dns.id')).not.toBe(dns.show(7, 'dns.id'));
  });
});

describe('lesson 2: the recorded udp-dns capture', () => {
  it('frame 1: Length 41, 8 of header and 33 of DNS', () => {
    expectClaim(
      prose,
      'the Length field says 41: 8 bytes of header and 33 of DNS message',
      `the Length field says ${rec.num(1, 'udp.length')}: 8 bytes of header and ${rec.num(1, 'udp.length') - 8} of DNS message`,
    );
    expect(text).toContain('The UDP length of frame 1 is 41, and the header takes 8 of those bytes: the DNS query is 33 bytes');
    expect(wordsOf(rec, 1).at(-1)!.padded).toBe(true);
  });

  it('frame 2: 91 bytes of UDP, a CNAME and two A records', () => {
    expectClaim(prose, 'is 91 bytes of UDP', `is ${rec.num(2, 'udp.length')} bytes of UDP`);
    expect(text).toContain('The Length field of frame 2 says 91: 8 bytes of UDP header plus an 83-byte DNS response');
    expect(rec.num(2, 'udp.length') - 8).toBe(83);
    expect(rec.fields(2, 'dns.resp.type').map((f) => Number(f.show))).toEqual([5, 1, 1]);
  });

  it('frame 5 asks for a missing name and frame 6 says NXDOMAIN; three questions from three ports', () => {
    expect(rec.show(5, 'dns.qry.name')).toBe('missing.example.com');
    expect(rec.num(6, 'dns.flags.rcode')).toBe(3);
    const ports = [1, 3, 5].map((n) => rec.num(n, 'udp.srcport'));
    expect(new Set(ports).size).toBe(3);
    expect(prose).toContain('three questions, each from a new ephemeral port');
  });

  it('every checksum in the capture verifies', () => {
    for (let n = 1; n <= rec.count; n++) expect(rec.num(n, 'udp.checksum.status'), `frame ${n}`).toBe(1);
    expect(prose).toContain('Every checksum in this capture verifies');
  });

  it('the destination port is at bytes 36 and 37: 0x0035', () => {
    const f = rec.field(1, 'udp.dstport');
    expect([f.offset, f.offset + 1]).toEqual([36, 37]);
    expect(rec.num(1, 'udp.dstport')).toBe(0x35);
    expect(text).toContain('bytes 36 and 37 of the frame: 0x0035, which is 53');
  });
});

describe('lesson 2: quiz explanations about captures', () => {
  it('report-query-length: bytes 0x26 and 0x27 are 00 2a', () => {
    const data = dns.opened.data(1);
    expect(bytesHex(data.subarray(0x26, 0x28))).toBe('00 2a');
    expect(text).toContain('Bytes 0x26 and 0x27 are 00 2a: 42, the 8-byte header plus the 34-byte DNS question');
  });

  it('checksum-sum: 0xffff minus the checksum is the sum', () => {
    expect(0xffff - dns.num(1, 'udp.checksum')).toBe(0x2d64);
    expect(text).toContain('The sum is 0x2d64: inverted, it gives the 0xd29b that frame 1 carries');
  });

  it('predict-handshake-ack: frames 1, 2 and 3 of tcp-http are SYN, SYN-ACK and ACK', () => {
    expect(http.num(1, 'tcp.flags')).toBe(0x002);
    expect(http.num(2, 'tcp.flags')).toBe(0x012);
    expect(http.num(3, 'tcp.flags')).toBe(0x010);
  });
});
