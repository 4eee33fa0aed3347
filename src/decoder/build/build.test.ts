import { describe, expect, it } from 'vitest';
import { readCapture } from '../capture/index.ts';
import { checksumOk, ipv4PseudoSum, onesSum } from '../checksum.ts';
import { dissectFrame, findField } from '../dissect.ts';
import type { FrameRecord } from '../types.ts';
import { buildCapture, formatProblem } from './build.ts';
import { parseHex } from './bytes.ts';
import { encodeTcpOptions, parseTcpOption } from './tcp-options.ts';
import type { TcpOption } from './tcp-options.ts';
import { decimalSecondsToNs, nsToDecimalSeconds } from './time.ts';

const HOSTS = `hosts:
  A: {mac: "48:5f:99:46:85:d3", ip: 192.168.0.31, ttl: 128}
  B: {mac: "02:00:00:5e:10:01", ip: 104.76.64.220, ttl: 52}
`;

/** A spec with the given frames (YAML text indented as list items under frames:). */
const spec = (frames: string, head = 'capture: {epoch: 1590048000}\n' + HOSTS) => `${head}frames:\n${frames}`;

function build(text: string) {
  const r = buildCapture(text, 'test.spec.yaml');
  if (r.problem) throw new Error(formatProblem(r.problem));
  return r;
}
const problemOf = (text: string) => {
  const r = buildCapture(text, 'test.spec.yaml');
  expect(r.bytes).toBeUndefined();
  return formatProblem(r.problem!);
};
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
function dissect(data: Uint8Array, linkType = 1) {
  const record: FrameRecord = { number: 1, dataOffset: 0, capLen: data.length, origLen: data.length, timestamp: 0n, linkType, interfaceId: 0, comments: [] };
  return dissectFrame(record, data).tree;
}

const SYN = `  - report: 3
    time: 0.008927
    from: A
    to: B
    ipv4: {id: 0x5a11, df: true}
    tcp: {sport: 56986, dport: 80, seq: 976928197, flags: [SYN], window: 64240, options: [mss 1460, nop, wscale 8, nop, nop, sack_perm]}
`;

describe('building frames from field values', () => {
  it('reproduces the report SYN: lengths, header fields and TCP checksum 0x3345', () => {
    const r = build(spec(SYN));
    const d = r.frames[0].data;
    expect(d.length).toBe(66);
    expect(hex(d.subarray(12, 14))).toBe('08 00');
    expect(d[14]).toBe(0x45);
    expect((d[16] << 8) | d[17]).toBe(52); // ip.len: 20 + 32
    expect(d[20]).toBe(0x40); // DF
    expect(d[22]).toBe(128); // TTL from host A
    expect(d[46] >> 4).toBe(8); // 32-byte TCP header
    expect((d[50] << 8) | d[51]).toBe(0x3345);
    expect(checksumOk(d, 14, 34)).toBe(true);
    const pseudo = ipv4PseudoSum(0xc0a8001f, 0x684c40dc, 6, 32);
    expect(onesSum(d, 34, 66, pseudo)).toBe(0xffff);
  });

  it('encodes TCP options in the order given, byte for byte', () => {
    const opts = ['mss 1460', 'nop', 'wscale 8', 'nop', 'nop', 'sack_perm'].map((t) => parseTcpOption(t) as TcpOption);
    expect(hex(encodeTcpOptions(opts))).toBe('02 04 05 b4 01 03 03 08 01 01 04 02');
    const more = ['nop', 'nop', 'sack 929097925-929097963', 'ts 1 4294967295', 'eol', 'eol'].map((t) => parseTcpOption(t) as TcpOption);
    expect(hex(encodeTcpOptions(more))).toBe('01 01 05 0a 37 60 e8 c5 37 60 e8 eb 08 0a 00 00 00 01 ff ff ff ff 00 00');
  });

  it('says what is wrong with a TCP option', () => {
    expect(parseTcpOption('mss')).toContain('takes 1 value');
    expect(parseTcpOption('mss 70000')).toContain('0-65535');
    expect(parseTcpOption('sack 5')).toContain('LEFT-RIGHT');
    expect(parseTcpOption('timestamp 1 2')).toContain("unknown TCP option 'timestamp'");
  });

  it('computes UDP length and a checksum that verifies, over IPv4 and IPv6', () => {
    const r = build(
      spec(`  - time: 0
    eth: {src: "02:00:00:00:00:01", dst: "02:00:00:00:00:02"}
    ipv4: {src: 10.0.0.1, dst: 10.0.0.2, id: 1, ttl: 64}
    udp: {sport: 1000, dport: 53}
    payload: {text: "hello"}
  - time: 1
    eth: {src: "02:00:00:00:00:01", dst: "02:00:00:00:00:02"}
    ipv6: {src: "fe80::1", dst: "2001:db8::2", hop_limit: 64, flow_label: 0x12345}
    udp: {sport: 3000, dport: 4000}
    payload: {hex: "61 62 63 64"}
    expect: {udp.length: 12, udp.checksum.status: 1, ipv6.plen: 12, ipv6.flow: 0x12345}
`),
    );
    const t4 = dissect(r.frames[0].data);
    expect(findField(t4, 'udp.length')!.value).toBe(13);
    expect(findField(t4, 'udp.checksum.status')!.value).toBe(1);
    expect(findField(t4, 'ip.checksum.status')!.value).toBe(1);
    expect(findField(dissect(r.frames[1].data), 'udp.checksum.status')!.value).toBe(1);
  });

  it('keeps a forced checksum and says in the comment that it does not verify', () => {
    const r = build(
      spec(`  - time: 0
    from: B
    to: A
    ipv4: {id: 0, df: true}
    tcp: {sport: 80, dport: 56986, seq: 3776155059, ack: 976928198, flags: [SYN, ACK], window: 29200, options: [mss 1460, nop, nop, sack_perm, nop, wscale 7], checksum: 0xadde}
    expect: {tcp.checksum: 0xadde, tcp.checksum.status: 0}
`),
    );
    const d = r.frames[0].data;
    expect((d[50] << 8) | d[51]).toBe(0xadde);
    expect(r.frames[0].comment).toContain('TCP checksum 0xadde does NOT verify (the bytes give 0x4d4e)');
  });

  it('builds ARP requests byte for byte, and pads to 60 bytes only when asked', () => {
    const r = build(
      spec(`  - time: 0
    from: B
    to: A
    arp: {op: request, target_mac: "00:00:00:00:00:00", sender_ip: 192.168.0.1, target_ip: 192.168.0.5}
  - time: 1
    from: B
    to: A
    arp: {op: reply, target_mac: "48:5f:99:46:85:d3", sender_ip: 192.168.0.1, target_ip: 192.168.0.5}
    pad_to: 60
`),
    );
    expect(hex(r.frames[0].data)).toBe(
      '48 5f 99 46 85 d3 02 00 00 5e 10 01 08 06 00 01 08 00 06 04 00 01 02 00 00 5e 10 01 c0 a8 00 01 00 00 00 00 00 00 c0 a8 00 05',
    );
    expect(r.frames[1].data.length).toBe(60);
    expect(hex(r.frames[1].data.subarray(42))).toBe(Array(18).fill('00').join(' '));
  });

  it('builds DNS messages with name compression', () => {
    const r = build(
      spec(`  - time: 0
    from: B
    to: A
    ipv4: {id: 1}
    udp: {sport: 53, dport: 54744}
    dns:
      id: 0x562d
      flags: 0x8180
      questions: [[st.afreecatv.com, A]]
      answers: [[st.afreecatv.com, A, 60, 118.217.182.11]]
      authority: [[afreecatv.com, NS, 3600, ns1.afreecatv.com]]
      additional: [[ns1.afreecatv.com, A, 3600, 218.38.1.53]]
    expect: {dns.count.answers: 1, dns.a: 118.217.182.11, dns.ns: ns1.afreecatv.com}
`),
    );
    const dns = r.frames[0].data.subarray(42);
    // header 12 + question 22 + A 16 (name is a pointer) + NS 18 + A 16
    expect(dns.length).toBe(12 + 22 + 16 + 18 + 16);
    expect(hex(dns.subarray(34, 36))).toBe('c0 0c'); // pointer to the question's name
  });

  it('fills payloads with a pattern and slices named data', () => {
    const r = build(
      spec(
        `  - time: 0
    from: A
    to: B
    ipv4: {id: 1}
    tcp: {sport: 1, dport: 2, seq: 0, flags: [ACK], window: 1}
    payload: [{text: "ab"}, {fill: "xyz", length: 7}, {fill_hex: "00 ff", length: 3}, {data: blob, offset: 1, length: 2}]
`,
        `capture: {epoch: 0}\n${HOSTS}data:\n  blob: {hex: "01 02 03"}\n`,
      ),
    );
    expect(new TextDecoder().decode(r.frames[0].data.subarray(54, 63))).toBe('abxyzxyzx');
    expect(hex(r.frames[0].data.subarray(63))).toBe('00 ff 00 02 03');
  });

  it('takes a whole frame as raw hex or a hex dump', () => {
    const r = build(
      spec(`  - time: 0
    raw: |
      0000  01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10  ................
      0010  11 12
`),
    );
    expect(r.frames[0].data.length).toBe(18);
    expect(r.frames[0].comment).toContain('Raw bytes (18) given in the spec.');
  });

  it('writes each frame with its comment (report frame, time, note, checks, checksum status)', () => {
    const text = spec(SYN.replace('    from: A', '    note: The SYN.\n    expect: {tcp.checksum: 0x3345}\n    from: A'));
    const r = build(text);
    const cap = readCapture(r.bytes!);
    expect(cap.frames.length).toBe(1);
    const c = cap.frames[0].comments[0];
    expect(c).toBe(r.frames[0].comment);
    expect(c).toContain('Report frame 3 at 0.008927 s.');
    expect(c).toContain('The SYN.');
    expect(c).toContain('Checked against the spec: tcp.checksum 0x3345.');
    expect(c).toContain('TCP checksum 0x3345 verifies');
    expect(cap.frames[0].timestamp).toBe(1590048000008927000n);
  });

  it('gives the same bytes every time', () => {
    expect(build(spec(SYN)).bytes).toEqual(build(spec(SYN)).bytes);
  });
});

describe('problems in a spec, reported as file:line:column', () => {
  it('fails when an expect: claim does not hold, naming the line of the claim', () => {
    const text = spec(SYN + '    expect: {frame.len: 66, tcp.checksum: 0x3346}\n');
    expect(problemOf(text)).toBe('test.spec.yaml:12:29: frame 1 (report frame 3): tcp.checksum is 0x3345, the spec expects 0x3346');
  });

  it('fails when an expected field is not in the frame', () => {
    expect(problemOf(spec(SYN + '    expect: {udp.checksum: 1}\n'))).toMatch(/^test\.spec\.yaml:12:14: .*has no field 'udp\.checksum'/);
  });

  it('refuses unknown keys, naming the known ones', () => {
    expect(problemOf(spec(SYN.replace('window: 64240', 'win: 64240')))).toMatch(
      /^test\.spec\.yaml:11:66: unknown key 'win' in tcp: known keys are sport, dport/,
    );
  });

  it('refuses options that are not a multiple of 4 bytes', () => {
    expect(problemOf(spec(SYN.replace('nop, nop, sack_perm', 'nop, sack_perm')))).toContain('the options take 11 bytes: add nop or eol');
  });

  it('refuses values out of range, and numbers written as strings', () => {
    expect(problemOf(spec(SYN.replace('sport: 56986', 'sport: 65536')))).toContain('tcp.sport must be a whole number from 0 to 65535');
    expect(problemOf(spec(SYN.replace('sport: 56986', 'sport: "56986"')))).toContain("found '56986'");
    expect(problemOf(spec(SYN.replace('df: true', 'df: yes')))).toContain('ipv4.df must be true or false');
  });

  it('refuses times with more than nanosecond precision, and frames out of time order', () => {
    expect(problemOf(spec(SYN.replace('0.008927', '0.0000000001')))).toContain('at most 9 fraction digits');
    expect(problemOf(spec(SYN + SYN.replace('0.008927', '0.000001')))).toContain(
      'test.spec.yaml:12:1: frame 2 (report frame 3) is earlier than the frame before it',
    );
  });

  it('passes YAML problems through with their position', () => {
    expect(problemOf('frames: [1, 2\n')).toBe(
      "test.spec.yaml:1:14: unclosed '[': flow sequences must close on the same line (or use a block sequence with '- ')",
    );
  });

  it('never throws: odd specs give a problem with a position', () => {
    for (const text of [
      '',
      'frames: []',
      'frames: [1]',
      'frames:\n  - {}',
      'frames:\n  - {time: 0}',
      'frames:\n  - {time: 0, raw: zz}',
      'x: 1',
      '- a',
      'frames:\n  - {time: 0, eth: {}}',
      'capture: {link: raw}\nframes:\n  - {time: 0, tcp: {}}',
    ]) {
      const r = buildCapture(text, 'odd.yaml');
      expect(r.problem, JSON.stringify(text)).toBeDefined();
      expect(r.problem!.line).toBeGreaterThan(0);
    }
  });

  it('names hosts that do not exist and data that is not defined', () => {
    expect(problemOf(spec(SYN.replace('from: A', 'from: C')))).toContain("no host named 'C'");
    expect(problemOf(spec(SYN + '    payload: {data: nope}\n'))).toContain("no data named 'nope'");
  });
});

describe('exact time arithmetic', () => {
  it('turns decimal seconds into nanoseconds without floating point', () => {
    expect(decimalSecondsToNs('1589950800.005640')).toBe(1589950800005640000n);
    expect(decimalSecondsToNs('0.000000001')).toBe(1n);
    expect(decimalSecondsToNs('129.065455')).toBe(129065455000n);
    expect(decimalSecondsToNs('1e3')).toBeUndefined();
    expect(decimalSecondsToNs('-1')).toBeUndefined();
    expect(nsToDecimalSeconds(129065455000n)).toBe('129.065455');
    expect(nsToDecimalSeconds(1n)).toBe('0.000000001');
  });

  it('parses hex in the forms the specs use', () => {
    expect(hex(parseHex('70:5d cc\n65')!)).toBe('70 5d cc 65');
    expect(parseHex('7')).toBeUndefined();
  });
});
