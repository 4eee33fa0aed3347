// Lesson 3, the three-way handshake: every number the lesson states about a
// capture is checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, codeBlocks, expectClaim, lessonText, markdownTable, proseOf, written } from './support.ts';
import { captureFacts } from '../../src/lib/quiz/capture-facts.ts';
import { resolveAnswer } from '../../src/lib/quiz/resolve.ts';
import { checkAnswer, type AnswerKey } from '../../src/widgets/quiz/check.ts';

const text = lessonText('tcp-handshake');
const prose = proseOf(text);
const report = capture('report-tcp-handshake');
const http = capture('tcp-http');
const ipv6 = capture('tcp-ipv6');

const table = (header: string) => markdownTable(text, header);

/** The raw sequence number of frame n, as the tree shows it (tcp.seq_raw). */
const seqRaw = (c: ReturnType<typeof capture>, n: number) => c.num(n, 'tcp.seq_raw');
const kinds = (c: ReturnType<typeof capture>, n: number) => c.fields(n, 'tcp.option_kind').map((f) => Number(f.show));
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const tcpHeader = (c: ReturnType<typeof capture>, n: number) => {
  const data = c.opened.data(n);
  const at = c.field(n, 'tcp').offset;
  return data.subarray(at, at + c.num(n, 'tcp.hdr_len'));
};

describe('lesson 3: the connection and its hosts', () => {
  it('names A and B with their addresses and ports', () => {
    expectClaim(prose, '192.168.0.31', report.show(1, 'ip.src'));
    expectClaim(prose, '104.76.64.220', report.show(1, 'ip.dst'));
    expectClaim(prose, '56986', report.show(1, 'tcp.srcport'));
    expect(report.num(1, 'tcp.dstport')).toBe(80);
    expect(prose).toContain('port 80');
  });

  it('numbers the report frames 3 to 13 as 1 to 11', () => {
    expect(prose).toContain("numbers the report's frames 3 to 13 as 1 to 11");
    expect(report.show(1, 'frame.comment')).toMatch(/^Report frame 3 /);
    expect(report.show(11, 'frame.comment')).toMatch(/^Report frame 13 /);
  });
});

describe('lesson 3: the SYN, frame 1', () => {
  it('has the header values of the field table', () => {
    const rows = Object.fromEntries(table('| Field | Frame 1 |').map((r) => [r[0], r[1]]));
    expect(rows['Source port']).toBe(report.show(1, 'tcp.srcport'));
    expect(rows['Destination port']).toBe(report.show(1, 'tcp.dstport'));
    expect(rows['Sequence number']).toBe(String(seqRaw(report, 1)));
    expect(rows['Acknowledgment number']).toBe(report.show(1, 'tcp.ack_raw'));
    expect(Number(rows['Data offset']) * 4).toBe(report.num(1, 'tcp.hdr_len'));
    expect(rows.Flags).toBe('0x' + report.num(1, 'tcp.flags').toString(16).padStart(3, '0'));
    expect(rows.Window).toBe(written(report.num(1, 'tcp.window_size_value')));
    expect(rows.Checksum).toBe(report.show(1, 'tcp.checksum'));
    expect(report.num(1, 'tcp.checksum.status')).toBe(1);
    expect(rows['Urgent pointer']).toBe(report.show(1, 'tcp.urgent_pointer'));
    expect(rows.Options).toBe(`${report.num(1, 'tcp.hdr_len') - 20} bytes`);
  });

  it('has SYN as its only flag and a 32-byte header of 20 + 12', () => {
    expect(report.num(1, 'tcp.flags')).toBe(0x002);
    expect(report.num(1, 'tcp.hdr_len')).toBe(32);
    expectClaim(prose, '20 + 12 = 32', `20 + ${report.num(1, 'tcp.hdr_len') - 20} = ${report.num(1, 'tcp.hdr_len')}`);
  });

  it('shows the TCP header bytes exactly as the frame holds them', () => {
    const block = text.match(/```hexdump\n([\s\S]*?)```/)![1]!;
    const bytes = block
      .trim()
      .split('\n')
      .map((l) => l.slice(6, 53).trim())
      .join(' ');
    expect(bytes).toBe(hex(tcpHeader(report, 1)));
    const ascii = block
      .trim()
      .split('\n')
      .map((l) => l.slice(56))
      .join('');
    const printable = [...tcpHeader(report, 1)].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    expect(ascii).toBe(printable);
  });

  it('reads the bytes the prose takes apart', () => {
    const h = tcpHeader(report, 1);
    expect(prose).toContain('`de 9a` is port 56986 and `00 50` is port 80');
    expect((h[0]! << 8) | h[1]!).toBe(56986);
    expect((h[2]! << 8) | h[3]!).toBe(80);
    expect(prose).toContain('`3a 3a bd c5`, are the sequence number 976928197');
    expect(hex(h.subarray(4, 8))).toBe('3a 3a bd c5');
    expect(seqRaw(report, 1)).toBe(976928197);
    expect(prose).toContain('`fa f0` is the window, 64,240');
    expect(hex(h.subarray(14, 16))).toBe('fa f0');
    expectClaim(prose, '64,240', report.num(1, 'tcp.window_size_value'));
    expect(hex(h.subarray(16, 18))).toBe(
      report
        .show(1, 'tcp.checksum')
        .slice(2)
        .replace(/(..)(..)/, '$1 $2'),
    );
  });
});

describe('lesson 3: the ISNs', () => {
  it('names the other PC address of lessons 1 and 2', () => {
    expectClaim(prose, 'It is not the 192.168.0.5 of lessons 1 and 2', `It is not the ${capture('report-dns').show(1, 'ip.src')} of lessons 1 and 2`);
  });

  it('states both ISNs', () => {
    expectClaim(prose, 'A chose 976928197', `A chose ${seqRaw(report, 1)}`);
    expectClaim(prose, 'B, on its own, chose 3776155059', `B, on its own, chose ${seqRaw(report, 2)}`);
  });

  it('counts the GET request in bytes, as the mistake box says', () => {
    expect(report.num(4, 'tcp.len')).toBe(213);
    expectClaim(
      prose,
      'frame 4 carries 213 bytes numbered 976928198 to 976928410',
      `frame 4 carries ${report.num(4, 'tcp.len')} bytes numbered ${seqRaw(report, 4)} to ${seqRaw(report, 4) + report.num(4, 'tcp.len') - 1}`,
    );
    expect(prose).toContain('next segment would start at 976928411');
    expect(seqRaw(report, 4) + report.num(4, 'tcp.len')).toBe(976928411);
    expect(report.num(5, 'tcp.ack_raw')).toBe(976928411);
    expect(seqRaw(report, 4)).toBe(seqRaw(report, 1) + 1);
  });
});

describe('lesson 3: relative and raw numbers', () => {
  it('has every number of the side-by-side table right', () => {
    const rows = table('| Frame | Segment | Seq: raw (relative)');
    expect(rows.map((r) => Number(r[0]))).toEqual([1, 2, 3, 4]);
    // Each cell is "raw (relative)", so the table stays four columns wide on a phone.
    const split = (cell: string) => {
      const m = /^(\d+) \((\d+)\)$/.exec(cell);
      expect(m, `cell "${cell}"`).not.toBeNull();
      return [m![1]!, m![2]!];
    };
    for (const [frame, , seqCell, ackCell] of rows) {
      const n = Number(frame);
      const [seqR, seqRel] = split(seqCell!);
      const [ackR, ackRel] = split(ackCell!);
      expect(seqR, `frame ${n} raw seq`).toBe(String(seqRaw(report, n)));
      expect(seqRel, `frame ${n} relative seq`).toBe(report.show(n, 'tcp.seq'));
      expect(ackR, `frame ${n} raw ack`).toBe(report.show(n, 'tcp.ack_raw'));
      expect(ackRel, `frame ${n} relative ack`).toBe(report.show(n, 'tcp.ack'));
    }
  });

  it('names the segments of the table by their flags', () => {
    expect(report.info(1)).toContain('[SYN]');
    expect(report.info(2)).toContain('[SYN, ACK]');
    expect(report.info(3)).toContain('[ACK]');
    expect(report.show(4, 'http.request.method')).toBe('GET');
  });
});

describe('lesson 3: the SYN-ACK and the ACK', () => {
  it('times the SYN-ACK one round trip after the SYN', () => {
    expectClaim(prose, '5.087 ms', `${(report.num(2, 'tcp.analysis.ack_rtt') * 1000).toFixed(3)} ms`);
    expect(report.num(2, 'tcp.analysis.acks_frame')).toBe(1);
  });

  it("acknowledges A's ISN plus one and carries B's ISN", () => {
    expectClaim(prose, 'its acknowledgment number is 976928198', `its acknowledgment number is ${report.num(2, 'tcp.ack_raw')}`);
    expect(report.num(2, 'tcp.ack_raw')).toBe(seqRaw(report, 1) + 1);
    expect(prose).toContain("it carries B's ISN, 3776155059");
    expect(report.num(2, 'tcp.flags')).toBe(0x012);
  });

  it("lists B's options in order, and its unscaled window", () => {
    expect(prose).toContain('MSS 1,460, NOP, NOP, SACK permitted, NOP, window scale 7');
    expect(kinds(report, 2)).toEqual([2, 1, 1, 4, 1, 3]);
    expect(report.num(2, 'tcp.options.mss_val')).toBe(1460);
    expect(report.num(2, 'tcp.options.wscale.shift')).toBe(7);
    expectClaim(prose, 'Its window is 29,200 bytes', `Its window is ${written(report.num(2, 'tcp.window_size'))} bytes`);
    expect(report.num(2, 'tcp.window_size')).toBe(report.num(2, 'tcp.window_size_value'));
  });

  it('flags the SYN-ACK checksum the report shows', () => {
    expectClaim(prose, '0xadde', report.show(2, 'tcp.checksum'));
    expectClaim(prose, '0x4d4e', report.show(2, 'tcp.checksum_calculated'));
    expect(report.num(2, 'tcp.checksum.status')).toBe(0);
  });

  it('completes the handshake with frame 3', () => {
    expectClaim(prose, '69 µs', `${Math.round(report.num(3, 'frame.time_delta') * 1e6)} µs`);
    expect(report.num(3, 'tcp.flags')).toBe(0x010);
    expect(prose).toContain('Its sequence number is 976928198');
    expect(seqRaw(report, 3)).toBe(976928198);
    expectClaim(prose, 'acknowledgment number is 3776155060', `acknowledgment number is ${report.num(3, 'tcp.ack_raw')}`);
    expect(report.num(3, 'tcp.ack_raw')).toBe(seqRaw(report, 2) + 1);
    expect(report.num(3, 'tcp.len')).toBe(0);
    expect(seqRaw(report, 4)).toBe(seqRaw(report, 3));
  });
});

describe('lesson 3: the options', () => {
  it('has the option table of frame 1 right, byte for byte', () => {
    const rows = table('| Bytes | Option | Kind |');
    const opts = hex(tcpHeader(report, 1).subarray(20));
    expect(rows.map((r) => r[0]!.replace(/`/g, '')).join(' ')).toBe(opts);
    expect(rows.map((r) => Number(r[2]))).toEqual(kinds(report, 1));
    expect(rows.map((r) => Number(r[3]))).toEqual(rows.map((r) => r[0]!.replace(/`/g, '').split(' ').length));
    expect(rows[0]![4]).toBe(`${written(report.num(1, 'tcp.options.mss_val'))} bytes`);
    expect(rows[2]![4]).toBe(`shift count ${report.num(1, 'tcp.options.wscale.shift')}: multiply by ${report.num(1, 'tcp.options.wscale.multiplier')}`);
    expect(report.show(1, 'tcp.options.sack_perm')).toBe('0402');
  });

  it('derives the MSS of 1,460 from a 1,500-byte MTU', () => {
    expect(prose).toContain('A announces 1,460 (`05 b4`)');
    expect(0x05b4).toBe(report.num(1, 'tcp.options.mss_val'));
    expect(report.num(1, 'ip.hdr_len')).toBe(20);
    expectClaim(prose, '1,500 − 20 − 20 = 1,460', `1,500 − ${report.num(1, 'ip.hdr_len')} − 20 = ${written(report.num(1, 'tcp.options.mss_val'))}`);
    expect(prose).toContain('would hold 1,448 bytes of data');
    expect(report.num(1, 'tcp.options.mss_val') - 12).toBe(1448);
  });

  it('shows the IPv6 MSS of 1,440', () => {
    expectClaim(prose, 'gives an MSS of 1,440', `gives an MSS of ${written(ipv6.num(1, 'tcp.options.mss_val'))}`);
    expect(ipv6.num(1, 'ipv6.plen')).toBe(ipv6.num(1, 'tcp.hdr_len'));
    expect(ipv6.num(1, 'tcp.options.mss_val') + 40 + 20).toBe(1500);
  });

  it('sends the response in segments of the announced MSS', () => {
    expect(prose).toContain("B's 4,606-byte answer leaves in segments of 1,460 bytes");
    expect(report.num(10, 'tcp.reassembled.length')).toBe(4606);
    expect(report.num(6, 'tcp.len')).toBe(report.num(1, 'tcp.options.mss_val'));
  });

  it('computes the window limit of an unscaled window on a 5 ms round trip', () => {
    const rtt = report.num(2, 'tcp.analysis.ack_rtt');
    expect(Math.round(rtt * 1000)).toBe(5);
    expect(prose).toContain('round trip of about 5 ms a 65,535-byte window would cap the transfer at about 100 Mbit/s');
    expect(Math.abs((65535 * 8) / rtt / 1e6 - 100)).toBeLessThan(5);
  });

  it('reads both shift counts and multipliers', () => {
    expect(prose).toContain("A announces a shift of 8, so B multiplies A's windows by 2⁸ = 256");
    expect(report.num(1, 'tcp.options.wscale.shift')).toBe(8);
    expect(report.num(1, 'tcp.options.wscale.multiplier')).toBe(256);
    expect(prose).toContain("B announces 7, so A multiplies B's windows by 2⁷ = 128");
    expect(report.num(2, 'tcp.options.wscale.multiplier')).toBe(128);
  });

  it('never scales a SYN window; 64,240 is 44 × 1,460', () => {
    expect(prose).toContain("Frame 1's 64,240 and frame 2's 29,200 are plain bytes");
    expect(report.num(1, 'tcp.window_size')).toBe(64240);
    expect(report.num(2, 'tcp.window_size')).toBe(29200);
    expectClaim(prose, '64,240 is 44 × 1,460', `${written(report.num(1, 'tcp.window_size'))} is 44 × ${written(report.num(1, 'tcp.options.mss_val'))}`);
    expect(44 * 1460).toBe(64240);
    expect(45 * 1460).toBeGreaterThan(65535);
  });

  it('scales frame 3: 513 × 256 = 131,328', () => {
    expectClaim(prose, '513', report.num(3, 'tcp.window_size_value'));
    expectClaim(prose, '256', report.num(3, 'tcp.window_size_scalefactor'));
    expectClaim(prose, '131,328', report.num(3, 'tcp.window_size'));
    expectClaim(
      prose,
      '513 × 256 = 131,328',
      `${report.num(3, 'tcp.window_size_value')} × ${report.num(3, 'tcp.window_size_scalefactor')} = ${written(report.num(3, 'tcp.window_size'))}`,
    );
    expect(prose).toContain('Its Window field holds 513');
  });

  it("reads B's windows the same way: 237 × 128 = 30,336", () => {
    expectClaim(
      prose,
      '237 × 128 = 30,336',
      `${report.num(5, 'tcp.window_size_value')} × ${report.num(5, 'tcp.window_size_scalefactor')} = ${written(report.num(5, 'tcp.window_size'))}`,
    );
  });

  it('adds the options up to 12 bytes and the header to 32', () => {
    expect(prose).toContain('4 + 1 + 3 + 1 + 1 + 2 = 12 bytes');
    const lens = report.fields(1, 'tcp.option_kind').map((_, i) => i);
    expect(lens).toHaveLength(6);
    expect(report.num(1, 'tcp.hdr_len') - 20).toBe(4 + 1 + 3 + 1 + 1 + 2);
    expect(prose).toContain('a header of 20 + 12 = 32 bytes');
    expect(prose).toContain("A's options would add up to 11 bytes");
  });

  it('has the AE bit clear in every segment of the connection', () => {
    for (let n = 1; n <= report.count; n++) expect(report.num(n, 'tcp.flags.ae'), `frame ${n}`).toBe(0);
  });
});

describe('lesson 3: the same handshake on Linux (tcp-http)', () => {
  it('states the two ISNs', () => {
    expectClaim(
      prose,
      'The ISNs are 4071048679 for the client and 1295241617 for the server',
      `The ISNs are ${seqRaw(http, 1)} for the client and ${seqRaw(http, 2)} for the server`,
    );
    expect(http.num(1, 'tcp.seq')).toBe(0);
    expect(http.num(2, 'tcp.seq')).toBe(0);
  });

  it('reads its SYN options and their order', () => {
    expect(prose).toContain("offers MSS 1,460 (the link's MTU is 1,500), SACK permitted and window scale 10, a multiplier of 1,024");
    expect(http.num(1, 'tcp.options.mss_val')).toBe(1460);
    expect(http.num(1, 'tcp.options.wscale.shift')).toBe(10);
    expect(http.num(1, 'tcp.options.wscale.multiplier')).toBe(1024);
    expect(kinds(http, 1)).toEqual([2, 1, 1, 4, 1, 3]);
    expect(kinds(http, 1)).toEqual(kinds(report, 2));
    expect(http.fields(1, 'tcp.options.timestamp.tsval')).toHaveLength(0);
    expect(report.fields(1, 'tcp.options.timestamp.tsval')).toHaveLength(0);
  });

  it('scales frame 3: 63 × 1,024 = 64,512', () => {
    expectClaim(
      prose,
      '63 × 1,024 = 64,512',
      `${http.num(3, 'tcp.window_size_value')} × ${written(http.num(3, 'tcp.window_size_scalefactor'))} = ${written(http.num(3, 'tcp.window_size'))}`,
    );
    expect(prose).toContain('carries Window 63');
  });

  it('mirrors the report: a 213-byte GET and a 4,606-byte answer', () => {
    expect(prose).toContain('a handshake, a 213-byte GET and a 4,606-byte answer');
    expect(http.num(4, 'tcp.len')).toBe(213);
    expect(http.num(12, 'tcp.reassembled.length')).toBe(4606);
  });
});

describe('lesson 3: do it yourself', () => {
  const blocks = codeBlocks(text)
    .filter((b) => b.lang === '')
    .map((b) => b.body);

  it('prints the SYN rows the decoder gives', () => {
    const rows = blocks[0]!.split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(report.info(1));
    // tshark checks no TCP checksums by default; the decoder always does, as tshark -o tcp.check_checksum:TRUE.
    expect(report.info(2)).toContain(' [TCP CHECKSUM INCORRECT]');
    expect(prose).toContain("It then adds `[TCP CHECKSUM INCORRECT]` to frame 2's Info column");
    expect(rows[1]).toContain(report.info(2).replace(' [TCP CHECKSUM INCORRECT]', ''));
    expect(rows[1]).toContain(' 0.005087 ');
    expect(report.opened.summaries()[1]!.time).toBe('0.005087');
  });

  it("prints the raw rows with the decoder's raw numbers", () => {
    const rows = blocks[1]!.split('\n');
    for (const [i, row] of rows.entries()) {
      const n = i + 1;
      expect(row).toContain(`Seq=${seqRaw(report, n)}`);
      if (n > 1) expect(row).toContain(`Ack=${report.num(n, 'tcp.ack_raw')}`);
      expect(row).toContain(`Win=${report.num(n, 'tcp.window_size')}`);
      expect(row).toContain(` ${report.opened.summaries()[n - 1]!.time} `);
    }
  });

  it('prints the fields tables the decoder gives', () => {
    expect(blocks[2]!.split('\n').map((r) => r.split('\t'))).toEqual(
      [1, 2, 3].map((n) => [String(n), report.show(n, 'tcp.seq'), String(seqRaw(report, n)), report.show(n, 'tcp.ack'), report.show(n, 'tcp.ack_raw')]),
    );
    expect(blocks[3]!.split('\n').map((r) => r.split('\t'))).toEqual(
      [1, 2].map((n) => [
        String(n),
        report.show(n, 'tcp.options.mss_val'),
        report.show(n, 'tcp.options.wscale.shift'),
        report.show(n, 'tcp.options.wscale.multiplier'),
        report.show(n, 'tcp.options.sack_perm'),
      ]),
    );
    expect(blocks[4]!.split('\t')).toEqual([
      report.show(3, 'tcp.window_size_value'),
      report.show(3, 'tcp.window_size_scalefactor'),
      report.show(3, 'tcp.window_size'),
    ]);
  });

  it("counts A's six scaled segments after its SYN", () => {
    expect(prose).toContain("A's six segments after its SYN");
    const scaled = Array.from({ length: report.count }, (_, i) => i + 1).filter((n) =>
      report.fields(n, 'tcp.window_size_scalefactor').some((f) => f.show === '256'),
    );
    expect(scaled).toEqual([3, 4, 8, 11, 13, 14]);
    expect(scaled.every((n) => report.show(n, 'ip.src') === '192.168.0.31')).toBe(true);
  });
});

describe('lesson 3: quiz', () => {
  it('states the numbers its questions and explanations use', () => {
    expectClaim(text, '976928197', String(seqRaw(report, 1)));
    expectClaim(text, 'B acknowledges 976928198', `B acknowledges ${report.num(2, 'tcp.ack_raw')}`);
    expectClaim(text, "Frame 3\\'s Window field holds 513", `Frame 3\\'s Window field holds ${report.num(3, 'tcp.window_size_value')}`);
    expectClaim(
      text,
      '513 × 2⁸ = 513 × 256 = 131,328 bytes',
      `513 × 2⁸ = 513 × ${report.num(3, 'tcp.window_size_scalefactor')} = ${written(report.num(3, 'tcp.window_size'))} bytes`,
    );
    expectClaim(
      text,
      'Frame 1 carries Window 64,240 and a window scale shift of 8',
      `Frame 1 carries Window ${written(report.num(1, 'tcp.window_size_value'))} and a window scale shift of ${report.num(1, 'tcp.options.wscale.shift')}`,
    );
    expectClaim(
      text,
      '64,240 × 256 = 16,445,440',
      `64,240 × 256 = ${written(report.num(1, 'tcp.window_size_value') * report.num(1, 'tcp.options.wscale.multiplier'))}`,
    );
    expect(Math.round(report.num(1, 'tcp.window_size_value') / 256)).toBe(251);
    expect(text).toContain('64,240 / 256, about 251');
    expect(text).toContain('02 04 05 b4: kind 2, length 4, and 0x05b4 = 1,460');
    expect(hex(tcpHeader(report, 1).subarray(20, 24))).toBe('02 04 05 b4');
  });

  it('states the tcp-ipv6 numbers of its last two questions', () => {
    expectClaim(
      text,
      'MSS 1,440 + 40 bytes of IPv6 header + 20 bytes of TCP header = an MTU of 1,500 bytes',
      `MSS ${written(ipv6.num(1, 'tcp.options.mss_val'))} + 40 bytes of IPv6 header + 20 bytes of TCP header = an MTU of ${written(ipv6.num(1, 'tcp.options.mss_val') + 60)} bytes`,
    );
    expectClaim(text, 'raw sequence number 1318805634', `raw sequence number ${seqRaw(ipv6, 1)}`);
    expectClaim(text, 'raw sequence number 509228972', `raw sequence number ${seqRaw(ipv6, 2)}`);
    expectClaim(text, 'Its sequence number is 1318805635', `Its sequence number is ${seqRaw(ipv6, 3)}`);
    expectClaim(text, 'acknowledges 509228973', `acknowledges ${ipv6.num(3, 'tcp.ack_raw')}`);
    expect(ipv6.num(3, 'tcp.flags')).toBe(0x010);
  });
});

describe('lesson 3: the raw-number Predict on tcp-ipv6', () => {
  const tag = /<Predict id="predict-third-raw" capture="tcp-ipv6" frame=\{(\d+)\} numbering="raw"/.exec(text);
  const frame = Number(tag?.[1]);
  // The key as the Predict component builds it.
  const key = (field: string): AnswerKey => {
    const r = resolveAnswer({ frame, field }, captureFacts(ipv6.opened), { numbering: 'raw' });
    if (!r.ok) throw new Error(r.error);
    return r.answer;
  };

  it('expects the raw numbers and tells a student who answers the relative ones that they are relative', () => {
    expect(tag, 'the Predict is in the lesson').not.toBeNull();
    // tshark -2: frame 3 is Seq=1 Ack=1, raw 1318805635 and 509228973.
    expect(checkAnswer('1318805635', key('tcp.seq'))).toEqual({ correct: true });
    expect(checkAnswer('509228973', key('tcp.ack'))).toEqual({ correct: true });
    expect(checkAnswer('1', key('tcp.seq'))).toEqual({ correct: false, why: 'relative' });
    expect(checkAnswer('1', key('tcp.ack'))).toEqual({ correct: false, why: 'relative' });
  });
});
