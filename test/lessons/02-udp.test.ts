// Lesson 2 (UDP): every number the lesson states about its captures, checked
// against the decoder, and the checksum arithmetic checked against the
// calculator's pure functions.
import { describe, expect, it } from 'vitest';
import { capture, expectStated, lessonText, proseOf, statedValues } from './support.ts';
import { addOnes, complement, hex16, sumSteps } from '../../src/widgets/checksum/ones-complement.ts';
import { checksumInPacket, udpIpv4Words } from '../../src/widgets/checksum/udp-words.ts';

const text = lessonText('udp');
const prose = proseOf(text);
const dns = capture('report-dns');
const rec = capture('udp-dns');
const http = capture('tcp-http');

const hex = (n: number) => '0x' + n.toString(16).padStart(4, '0');
const hex2 = (n: number) => '0x' + n.toString(16).padStart(2, '0');
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
    expectStated(prose, 'rebuilds that listing: # frames', dns.count);
    const questions = [...Array(dns.count)].filter((_, i) => dns.num(i + 1, 'dns.flags.response') === 0).length;
    const answers = dns.count - questions;
    // Every answer has its question; one question more than answers.
    expectStated(prose, '# questions and # answers plus # question', answers, answers, questions - answers);
    for (let n = 1; n <= dns.count; n++) {
      expect([dns.num(n, 'udp.srcport'), dns.num(n, 'udp.dstport')]).toContain(53);
    }
    expectStated(text, 'All # frames go to or come from port #', dns.count, 53);
    expectStated(prose, 'every one of those # frames', dns.count);
    expectStated(prose, 'DNS lookup, to or from port #', 53);
  });

  it('frame 1: the PC asks the resolver, 76 bytes in four layers', () => {
    expectStated(prose, 'the PC (#)', dns.show(1, 'ip.src'));
    expectStated(prose, 'resolver (#)', dns.show(1, 'ip.dst'));
    expectStated(prose, 'its # bytes', dns.num(1, 'frame.len'));
    const eth = dns.field(1, 'eth').length;
    const ip = dns.num(1, 'ip.hdr_len');
    const udpLen = dns.num(1, 'udp.length');
    expect(eth + ip + udpLen).toBe(76);
    expectStated(prose, 'The # bytes are # of Ethernet header, # of IPv4 header', dns.num(1, 'frame.len'), eth, ip);
    expectStated(prose, '# of UDP header and # of DNS message', 8, udpLen - 8);
  });

  it("frame 1: the byte the report's text misread, and the UDP header bytes", () => {
    const data = dns.opened.data(1);
    // The misread byte is the frame's, at the offset the lesson names.
    const [[offset]] = statedValues(prose, 'at offset # the dump says');
    expect(prose).toContain(`where the frame has \`${data[Number(offset)]!.toString(16).padStart(2, '0')}\``);
    expect(data[Number(offset)]).toBe(0x6d);
    const at = dns.field(1, 'udp.srcport').offset;
    expect(at).toBe(0x22);
    expect(prose).toContain('`' + bytesHex(data.subarray(at, at + 8)) + '`');
    expectStated(prose, 'the eight bytes at offsets # to #', hex2(at), hex2(at + 7));
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
    // Each field in hex, then in decimal: "`0xd5d8` = 54,744".
    for (const field of ['udp.srcport', 'udp.dstport', 'udp.length']) {
      const v = dns.num(1, field);
      expectStated(prose, `\`${hex(v)}\` = #`, v);
    }
    expectStated(prose, 'so # + #', 8, dns.num(1, 'udp.length') - 8);
    expectStated(prose, 'Total Length is #, which is # + #', dns.num(1, 'ip.len'), dns.num(1, 'ip.hdr_len'), dns.num(1, 'udp.length'));
    expectStated(prose, '**Checksum**, `#`', dns.show(1, 'udp.checksum'));
    expect(dns.num(1, 'udp.checksum.status')).toBe(1);
    expect(dns.num(1, 'ip.checksum.status')).toBe(1);
    // Windows' dynamic range holds the source port.
    const [[low, high]] = statedValues(prose, 'dynamic range, # to # on Windows');
    expect([low, high]).toEqual(['49,152', '65,535']);
    expect(dns.num(1, 'udp.srcport')).toBeGreaterThanOrEqual(49152);
  });

  it("the pseudo-header table holds frame 1's values", () => {
    const data = dns.opened.data(1);
    const src = dns.field(1, 'ip.src').offset;
    const dst = dns.field(1, 'ip.dst').offset;
    expectStated(prose, `# = \`${bytesHex(data.subarray(src, src + 4))}\``, dns.show(1, 'ip.src'));
    expectStated(prose, `# = \`${bytesHex(data.subarray(dst, dst + 4))}\``, dns.show(1, 'ip.dst'));
    expectStated(prose, '# (UDP) = `#`', dns.num(1, 'ip.proto'), dns.num(1, 'ip.proto').toString(16));
    expectStated(prose, `# = \`00 ${dns.num(1, 'udp.length').toString(16)}\``, dns.num(1, 'udp.length'));
  });
});

describe('lesson 2: the checksum of frame 1, step by step', () => {
  const words = wordsOf(dns, 1);
  const { steps, sum } = sumSteps(words.map((w) => w.value));

  it('27 words: 6 of pseudo-header, 4 of header, 17 of data', () => {
    expect(words.filter((w) => w.part === 'pseudo')).toHaveLength(6);
    expect(words.filter((w) => w.part === 'header')).toHaveLength(4);
    expect(words.filter((w) => w.part === 'data')).toHaveLength(17);
    expectStated(prose, '# bytes of pseudo-header make # words', 12, 6);
    expectStated(prose, 'the UDP header # more', 4);
    expectStated(prose, '# bytes of DNS message # more: # words', dns.num(1, 'udp.length') - 8, words.length - 10, words.length);
    expectStated(prose, 'does all # additions', words.length);
    expectStated(prose, 'the sum of all # words is #', words.length, hex16(sum));
  });

  it('the first carry, the number of carries, the sum and its complement', () => {
    const firstCarry = steps.findIndex((s) => s.carry);
    expect(firstCarry).toBe(2);
    const s = steps[firstCarry];
    const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];
    expect(prose).toContain(`carry comes with the ${ordinals[firstCarry]} word`);
    expectStated(prose, 'the first two add up to #', hex16(s.before));
    expectStated(prose, '# + # = #, which wraps around to #', hex16(s.before), hex16(s.word), `0x${s.total.toString(16)}`, hex16(s.after));
    expectStated(prose, 'Frame 1 has # such carries', steps.filter((x) => x.carry).length);
    expect(sum).toBe(0x2d64);
    const bits = (n: number) => n.toString(2).padStart(16, '0').match(/..../g)!.join(' ');
    expectStated(prose, `# is \`${bits(sum)}\``, hex16(sum));
    expectStated(prose, `\`${bits(complement(sum))}\`, which is #`, hex16(complement(sum)));
    expect(hex16(complement(sum))).toBe(dns.show(1, 'udp.checksum'));
  });

  it("the receiver's check: sum plus checksum is all ones", () => {
    const inPacket = dns.num(1, 'udp.checksum');
    const all = [hex16(sum), hex16(inPacket), hex16(addOnes(sum, inPacket).sum)];
    expectStated(prose, 'expects all ones: # + # = #', ...all);
    expectStated(text, 'back in and gets # + # = #', ...all);
  });

  it('flipping the lowest bit of the first data word', () => {
    const i = words.findIndex((w) => w.part === 'data');
    const flipped = words.map((w, j) => (j === i ? w.value ^ 1 : w.value));
    const s2 = sumSteps(flipped).sum;
    expectStated(prose, 'the first data word # becomes #', hex16(words[i].value), hex16(flipped[i]));
    expectStated(prose, 'the sum drops to #', hex16(s2));
    expectStated(prose, 'now call for #', hex16(complement(s2)));
    expectStated(prose, 'The packet still carries #', dns.show(1, 'udp.checksum'));
    expect(checksumInPacket(dns.opened.data(1).subarray(0x22, 0x22 + 42))).toBe(0xd29b);
  });
});

describe('lesson 2: DNS in frames 1, 2 and 7 to 9', () => {
  it("frame 1's DNS message", () => {
    expectStated(prose, "Frame 1's DNS message is # bytes", dns.num(1, 'udp.length') - 8);
    expectStated(prose, 'a #-byte header', 12);
    expectStated(text, 'field="dns.id">#</FrameLink>', dns.show(1, 'dns.id'));
    expectStated(prose, 'flags `#`', dns.show(1, 'dns.flags'));
    expect(dns.num(1, 'dns.flags.recdesired')).toBe(1);
    expect(dns.num(1, 'dns.count.queries')).toBe(1);
    for (const f of ['dns.count.answers', 'dns.count.auth_rr', 'dns.count.add_rr']) expect(dns.num(1, f)).toBe(0);
    expectStated(prose, 'there is # question', dns.num(1, 'dns.count.queries'));
    expect(dns.show(1, 'dns.qry.name')).toBe('st.afreecatv.com');
    // The encoded name: 1 + 2 + 1 + 9 + 1 + 3 + 1 bytes; then type and class.
    const encoded = dns.num(1, 'dns.qry.name.len') + 2;
    expectStated(prose, 'for the end (# bytes)', encoded);
    expect(12 + encoded + 2 + 2).toBe(dns.num(1, 'udp.length') - 8);
    expect(dns.num(1, 'dns.qry.type')).toBe(1);
    expect(dns.num(1, 'dns.qry.class')).toBe(1);
  });

  it('frame 2 answers from port 53 to port 54,744 with the same ID', () => {
    expect(dns.num(2, 'udp.srcport')).toBe(53);
    expectStated(prose, 'from port # back to port #', dns.num(2, 'udp.srcport'), dns.num(2, 'udp.dstport'));
    expect(dns.show(2, 'dns.id')).toBe(dns.show(1, 'dns.id'));
  });

  it('frame 8 leaves before frame 7 is answered in frame 9', () => {
    expect(dns.show(8, 'dns.qry.name')).toBe('sting.afreecatv.com');
    expect(prose).toContain('sting.afreecatv.com');
    const t = (n: number) => Number(dns.show(n, 'frame.time_relative'));
    expectStated(prose, 'leaves # s after', (t(8) - t(7)).toFixed(6));
    expect(dns.num(9, 'dns.flags.response')).toBe(1);
    expect(dns.show(9, 'dns.id')).toBe(dns.show(7, 'dns.id'));
    expect(t(9)).toBeGreaterThan(t(8));
    expectStated(prose, "before frame #'s answer arrives in frame #", 7, 9);
    expect(dns.num(8, 'udp.srcport')).not.toBe(dns.num(7, 'udp.srcport'));
    expect(dns.show(8, 'dns.id')).not.toBe(dns.show(7, 'dns.id'));
  });
});

describe('lesson 2: the recorded udp-dns capture', () => {
  it('frame 1: Length 41, 8 of header and 33 of DNS', () => {
    expectStated(prose, 'field says #: # bytes of header and # of DNS message', rec.num(1, 'udp.length'), 8, rec.num(1, 'udp.length') - 8);
    expectStated(text, 'The UDP length of frame 1 is #', rec.num(1, 'udp.length'));
    expectStated(text, 'the header takes # of those bytes', 8);
    expectStated(text, 'the DNS query is # bytes', rec.num(1, 'udp.length') - 8);
    expect(wordsOf(rec, 1).at(-1)!.padded).toBe(true);
  });

  it('frame 2: 91 bytes of UDP, a CNAME and two A records', () => {
    expectStated(prose, 'is # bytes of UDP', rec.num(2, 'udp.length'));
    expectStated(text, 'Length field of frame 2 says #', rec.num(2, 'udp.length'));
    expectStated(text, '# bytes of UDP header plus an #-byte DNS response', 8, rec.num(2, 'udp.length') - 8);
    expect(rec.fields(2, 'dns.resp.type').map((f) => Number(f.show))).toEqual([5, 1, 1]);
  });

  it('frame 5 asks for a missing name and frame 6 says NXDOMAIN; three questions from three ports', () => {
    expect(rec.show(5, 'dns.qry.name')).toBe('missing.example.com');
    expect(rec.num(6, 'dns.flags.rcode')).toBe(3);
    const ports = [1, 3, 5].map((n) => rec.num(n, 'udp.srcport'));
    expect(new Set(ports).size).toBe(3);
    expectStated(prose, 'asks a small DNS server # questions', ports.length);
    expect(prose).toContain('NXDOMAIN');
  });

  it('every checksum in the capture verifies', () => {
    for (let n = 1; n <= rec.count; n++) expect(rec.num(n, 'udp.checksum.status'), `frame ${n}`).toBe(1);
    expect(prose).toContain('checksum offload');
  });

  it('the destination port is at bytes 36 and 37: 0x0035', () => {
    const f = rec.field(1, 'udp.dstport');
    expect([f.offset, f.offset + 1]).toEqual([36, 37]);
    expect(rec.num(1, 'udp.dstport')).toBe(0x35);
    expectStated(text, 'bytes # and # of the frame: #, which is #', f.offset, f.offset + 1, hex(rec.num(1, 'udp.dstport')), rec.num(1, 'udp.dstport'));
  });
});

describe('lesson 2: quiz explanations about captures', () => {
  it('report-query-length: bytes 0x26 and 0x27 are 00 2a', () => {
    const data = dns.opened.data(1);
    const at = dns.field(1, 'udp.length').offset;
    expect(at).toBe(0x26);
    expectStated(text, `Bytes # and # are ${bytesHex(data.subarray(at, at + 2))}: #`, hex2(at), hex2(at + 1), dns.num(1, 'udp.length'));
    expectStated(text, 'the #-byte header plus the #-byte DNS question', 8, dns.num(1, 'udp.length') - 8);
    expectStated(text, 'Length is the third field: bytes # and #', hex2(at), hex2(at + 1));
  });

  it('checksum-sum: 0xffff minus the checksum is the sum', () => {
    const sum = 0xffff - dns.num(1, 'udp.checksum');
    expectStated(text, 'The sum is #: inverted, it gives the #', hex16(sum), dns.show(1, 'udp.checksum'));
  });

  it('predict-handshake-ack: frames 1, 2 and 3 of tcp-http are SYN, SYN-ACK and ACK', () => {
    expect(http.num(1, 'tcp.flags')).toBe(0x002);
    expect(http.num(2, 'tcp.flags')).toBe(0x012);
    expect(http.num(3, 'tcp.flags')).toBe(0x010);
  });
});
