// Lesson 3, the three-way handshake: every number the lesson states about a
// capture is checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, codeBlocks, expectStated, lessonText, markdownTable, proseOf, statedValues, written } from './support.ts';
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

/** The length of each option in a TCP header: kinds 0 and 1 are one byte, the others say theirs. */
function optionLengths(header: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 20; at < header.length; ) {
    const len = header[at]! <= 1 ? 1 : header[at + 1]!;
    out.push(len);
    at += len;
  }
  return out;
}

describe('lesson 3: the connection and its hosts', () => {
  it('names A and B with their addresses and ports', () => {
    expectStated(prose, 'which we call A, is # and uses port #', report.show(1, 'ip.src'), report.show(1, 'tcp.srcport'));
    expectStated(prose, 'the web server, B, is #, port #', report.show(1, 'ip.dst'), report.num(1, 'tcp.dstport'));
  });

  it('numbers the report frames 3 to 13 as 1 to 11', () => {
    const [[first, last, one, eleven]] = statedValues(prose, "report's frames # to # as # to #");
    for (const [ours, theirs] of [
      [one, first],
      [eleven, last],
    ]) {
      expect(report.show(Number(ours), 'frame.comment')).toMatch(new RegExp(`^Report frame ${theirs} `));
    }
    expect(Number(eleven) - Number(one)).toBe(Number(last) - Number(first));
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
    expectStated(prose, 'a header of # + # = #', 20, report.num(1, 'tcp.hdr_len') - 20, report.num(1, 'tcp.hdr_len'));
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
    // Each run of bytes in the prose, then the value the lesson reads from it.
    expectStated(prose, `\`${hex(h.subarray(0, 2))}\` is port #`, String((h[0]! << 8) | h[1]!));
    expectStated(prose, `\`${hex(h.subarray(2, 4))}\` is port #`, report.num(1, 'tcp.dstport'));
    expectStated(prose, `\`${hex(h.subarray(4, 8))}\`, are the sequence number #`, seqRaw(report, 1).toString());
    expectStated(prose, `\`${hex(h.subarray(14, 16))}\` is the window, #`, report.num(1, 'tcp.window_size_value'));
    expect(hex(h.subarray(16, 18))).toBe(
      report
        .show(1, 'tcp.checksum')
        .slice(2)
        .replace(/(..)(..)/, '$1 $2'),
    );
  });
});

describe('lesson 3: the ISNs', () => {
  it('states both ISNs', () => {
    expectStated(prose, 'A chose #', String(seqRaw(report, 1)));
    expectStated(prose, 'B, on its own, chose #', String(seqRaw(report, 2)));
  });

  it('counts the GET request in bytes, as the mistake box says', () => {
    expect(report.num(4, 'tcp.len')).toBe(213);
    expectStated(
      prose,
      'frame 4 carries # bytes numbered # to #',
      report.num(4, 'tcp.len'),
      String(seqRaw(report, 4)),
      String(seqRaw(report, 4) + report.num(4, 'tcp.len') - 1),
    );
    expectStated(prose, "A's next segment would start at #, not #", String(report.num(5, 'tcp.ack_raw')), String(seqRaw(report, 4) + 1));
    expectStated(prose, 'the SYN uses #', String(seqRaw(report, 1)));
    expectStated(prose, "A's first byte of data is number #", String(seqRaw(report, 4)));
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
    expectStated(prose, "# ms after A's SYN", (report.num(2, 'tcp.analysis.ack_rtt') * 1000).toFixed(3));
    expect(report.num(2, 'tcp.analysis.acks_frame')).toBe(1);
  });

  it("acknowledges A's ISN plus one and carries B's ISN", () => {
    expectStated(prose, "its acknowledgment number is #, A's ISN plus one", report.show(2, 'tcp.ack_raw'));
    expect(report.num(2, 'tcp.ack_raw')).toBe(seqRaw(report, 1) + 1);
    expectStated(prose, "it carries B's ISN, #", String(seqRaw(report, 2)));
    expect(report.num(2, 'tcp.flags')).toBe(0x012);
  });

  it("lists B's options in order, and its unscaled window", () => {
    const names: Record<number, string> = { 1: 'NOP', 2: 'MSS #', 3: 'window scale #', 4: 'SACK permitted' };
    expectStated(
      prose,
      kinds(report, 2)
        .map((k) => names[k])
        .join(', '),
      report.num(2, 'tcp.options.mss_val'),
      report.num(2, 'tcp.options.wscale.shift'),
    );
    expect(kinds(report, 2)).toEqual([2, 1, 1, 4, 1, 3]);
    expect(report.num(2, 'tcp.options.mss_val')).toBe(1460);
    expect(report.num(2, 'tcp.options.wscale.shift')).toBe(7);
    expectStated(prose, 'Its window is # bytes, unscaled', report.num(2, 'tcp.window_size'));
    expect(report.num(2, 'tcp.window_size')).toBe(report.num(2, 'tcp.window_size_value'));
  });

  it('flags the SYN-ACK checksum the report shows', () => {
    expectStated(prose, 'The checksum of frame 2 is # in the report', report.show(2, 'tcp.checksum'));
    expectStated(prose, 'fields give #', report.show(2, 'tcp.checksum_calculated'));
    expect(report.num(2, 'tcp.checksum.status')).toBe(0);
  });

  it('completes the handshake with frame 3', () => {
    expectStated(prose, '# µs after the SYN-ACK', Math.round(report.num(3, 'frame.time_delta') * 1e6));
    expect(report.num(3, 'tcp.flags')).toBe(0x010);
    expectStated(prose, 'Its sequence number is #, because the SYN used #', String(seqRaw(report, 3)), String(seqRaw(report, 1)));
    expectStated(prose, "its acknowledgment number is #, B's ISN plus one", report.show(3, 'tcp.ack_raw'));
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
    const mss = report.num(1, 'tcp.options.mss_val');
    expect(prose).toContain(`(\`0${mss.toString(16).replace(/(..)$/, ' $1')}\`)`);
    expectStated(prose, 'A announces # (', mss);
    expectStated(prose, '# − # − # = #', mss + report.num(1, 'ip.hdr_len') + 20, report.num(1, 'ip.hdr_len'), 20, mss);
    // Timestamps take 10 bytes, 12 with padding: RFC 7323.
    expectStated(prose, 'would hold # bytes of data, not #', mss - 12, mss);
  });

  it('shows the IPv6 MSS of 1,440', () => {
    expectStated(prose, 'the IP header is # bytes', 40);
    expectStated(prose, 'the same #-byte MTU gives an MSS of #', ipv6.num(1, 'tcp.options.mss_val') + 60, ipv6.num(1, 'tcp.options.mss_val'));
    expect(ipv6.num(1, 'ipv6.plen')).toBe(ipv6.num(1, 'tcp.hdr_len'));
    expect(ipv6.num(1, 'tcp.options.mss_val') + 40 + 20).toBe(1500);
  });

  it('sends the response in segments of the announced MSS', () => {
    expectStated(prose, "B's #-byte answer leaves in segments of # bytes", report.num(10, 'tcp.reassembled.length'), report.num(6, 'tcp.len'));
    expect(report.num(10, 'tcp.reassembled.length')).toBe(4606);
    expect(report.num(6, 'tcp.len')).toBe(report.num(1, 'tcp.options.mss_val'));
  });

  it('computes the window limit of an unscaled window on a 5 ms round trip', () => {
    const rtt = report.num(2, 'tcp.analysis.ack_rtt');
    expect(Math.round(rtt * 1000)).toBe(5);
    const [[ms, window, mbit]] = statedValues(prose, 'round trip of about # ms a #-byte window');
    expect(Number(ms)).toBe(Math.round(rtt * 1000));
    expect(window).toBe('65,535');
    const [[cap]] = statedValues(prose, 'cap the transfer at about # Mbit/s');
    expect(Math.abs((65535 * 8) / rtt / 1e6 - Number(cap))).toBeLessThan(5);
    expect(mbit).toBeUndefined();
  });

  it('reads both shift counts and multipliers', () => {
    const sup = (n: number) => String.fromCharCode(n === 1 ? 0xb9 : n <= 3 ? 0xb0 + n : 0x2070 + n);
    for (const [n, who] of [
      [1, 'A'],
      [2, 'B'],
    ] as const) {
      const shift = report.num(n, 'tcp.options.wscale.shift');
      expectStated(prose, n === 1 ? 'A announces a shift of #' : 'B announces #, so', shift);
      expectStated(prose, `${who}'s windows by 2${sup(shift)} = #`, report.num(n, 'tcp.options.wscale.multiplier'));
    }
    expect(report.num(1, 'tcp.options.wscale.multiplier')).toBe(256);
    expect(report.num(2, 'tcp.options.wscale.multiplier')).toBe(128);
  });

  it('never scales a SYN window; 64,240 is 44 × 1,460', () => {
    expectStated(prose, "Frame 1's # and frame 2's # are plain bytes", report.num(1, 'tcp.window_size'), report.num(2, 'tcp.window_size'));
    const win = report.num(1, 'tcp.window_size');
    const mss = report.num(1, 'tcp.options.mss_val');
    // The largest multiple of the MSS that fits in 16 bits.
    expectStated(prose, '# is # × #', win, Math.floor(65535 / mss), mss);
    expect(Math.floor(65535 / mss) * mss).toBe(win);
  });

  it('scales frame 3: 513 × 256 = 131,328', () => {
    const scaled = [report.num(3, 'tcp.window_size_value'), report.num(3, 'tcp.window_size_scalefactor'), report.num(3, 'tcp.window_size')];
    // In the objectives, the text, the summary and the quiz.
    const said = statedValues(text, '# × # = #').filter(([v]) => v === String(scaled[0]));
    expect(said.length).toBeGreaterThanOrEqual(3);
    for (const s of said) expect(s).toEqual(scaled.map((n) => written(n)));
    expectStated(text, 'Window field holds #', scaled[0]!);
  });

  it("reads B's windows the same way: 237 × 128 = 30,336", () => {
    expectStated(
      prose,
      'windows the same way: # × # = #',
      report.num(5, 'tcp.window_size_value'),
      report.num(5, 'tcp.window_size_scalefactor'),
      report.num(5, 'tcp.window_size'),
    );
  });

  it('adds the options up to 12 bytes and the header to 32', () => {
    const lens = optionLengths(tcpHeader(report, 1));
    expect(lens).toHaveLength(6);
    const total = report.num(1, 'tcp.hdr_len') - 20;
    expectStated(prose, '# + # + # + # + # + # = # bytes', ...lens, total);
    expectStated(prose, 'a header of # + # = # bytes', 20, total, report.num(1, 'tcp.hdr_len'));
    // With SACK permitted one byte long, one byte short of whole words.
    expectStated(prose, "A's options would add up to # bytes", total - 1);
    expectStated(prose, 'the MSS fills bytes # to #', 20, 20 + lens[0]! - 1);
    expectStated(prose, 'SACK permitted fill bytes # to #', 20 + total - 4, 20 + total - 1);
  });

  it('has the AE bit clear in every segment of the connection', () => {
    for (let n = 1; n <= report.count; n++) expect(report.num(n, 'tcp.flags.ae'), `frame ${n}`).toBe(0);
  });
});

describe('lesson 3: the same handshake on Linux (tcp-http)', () => {
  it('states the two ISNs', () => {
    expectStated(prose, 'The ISNs are # for the client and # for the server', String(seqRaw(http, 1)), String(seqRaw(http, 2)));
    expect(http.num(1, 'tcp.seq')).toBe(0);
    expect(http.num(2, 'tcp.seq')).toBe(0);
  });

  it('reads its SYN options and their order', () => {
    expectStated(prose, "offers MSS # (the link's MTU is #)", http.num(1, 'tcp.options.mss_val'), http.num(1, 'tcp.options.mss_val') + 40);
    expectStated(prose, 'window scale #, a multiplier of #', http.num(1, 'tcp.options.wscale.shift'), http.num(1, 'tcp.options.wscale.multiplier'));
    expect(http.num(1, 'tcp.options.mss_val')).toBe(1460);
    expect(http.num(1, 'tcp.options.wscale.shift')).toBe(10);
    expect(http.num(1, 'tcp.options.wscale.multiplier')).toBe(1024);
    expect(kinds(http, 1)).toEqual([2, 1, 1, 4, 1, 3]);
    expect(kinds(http, 1)).toEqual(kinds(report, 2));
    expect(http.fields(1, 'tcp.options.timestamp.tsval')).toHaveLength(0);
    expect(report.fields(1, 'tcp.options.timestamp.tsval')).toHaveLength(0);
  });

  it('scales frame 3: 63 × 1,024 = 64,512', () => {
    expectStated(
      prose,
      'Window #, which the server reads as # × # = #',
      http.num(3, 'tcp.window_size_value'),
      http.num(3, 'tcp.window_size_value'),
      http.num(3, 'tcp.window_size_scalefactor'),
      http.num(3, 'tcp.window_size'),
    );
  });

  it('mirrors the report: a 213-byte GET and a 4,606-byte answer', () => {
    expectStated(prose, 'a #-byte GET and a #-byte answer', http.num(4, 'tcp.len'), http.num(12, 'tcp.reassembled.length'));
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
    expect(prose).toContain('`[TCP CHECKSUM INCORRECT]`');
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
    const scaled = Array.from({ length: report.count }, (_, i) => i + 1).filter((n) =>
      report.fields(n, 'tcp.window_size_scalefactor').some((f) => f.show === '256'),
    );
    expect(scaled).toEqual([3, 4, 8, 11, 13, 14]);
    expect(scaled.every((n) => report.show(n, 'ip.src') === '192.168.0.31')).toBe(true);
    expectStated(prose, "A's # segments after its SYN", scaled.length);
  });
});

describe('lesson 3: quiz', () => {
  it('states the numbers its questions and explanations use', () => {
    expectStated(text, 'frame 1, carries the raw sequence number #', String(seqRaw(report, 1)));
    expectStated(text, "A's SYN used #, so B acknowledges #", String(seqRaw(report, 1)), report.show(2, 'tcp.ack_raw'));
    expectStated(text, 'a window scale shift of #', report.num(1, 'tcp.options.wscale.shift'));
    expectStated(
      text,
      '# × 2⁸ = # × # = # bytes',
      report.num(3, 'tcp.window_size_value'),
      report.num(3, 'tcp.window_size_value'),
      report.num(3, 'tcp.window_size_scalefactor'),
      report.num(3, 'tcp.window_size'),
    );
    // The question's numbers, and its wrong options computed from them.
    const win = report.num(1, 'tcp.window_size_value');
    const mult = report.num(1, 'tcp.options.wscale.multiplier');
    expectStated(text, 'Frame 1 carries Window #', win);
    expectStated(text, '# × # = #<', win, mult, win * mult);
    expectStated(text, '# / #, about #', win, mult, Math.round(win / mult));
    const opt = tcpHeader(report, 1).subarray(20, 24);
    expectStated(text, `${hex(opt)}: kind #, length #, and # = #`, opt[0]!, opt[1]!, '0x05b4', report.num(1, 'tcp.options.mss_val'));
    expect((opt[2]! << 8) | opt[3]!).toBe(0x05b4);
  });

  it('states the tcp-ipv6 numbers of its last two questions', () => {
    const mss = ipv6.num(1, 'tcp.options.mss_val');
    expectStated(text, 'MSS # + # bytes of IPv6 header', mss, 40);
    expectStated(text, '# bytes of TCP header = an MTU of # bytes', 20, mss + 60);
    expectStated(text, "client\\'s SYN (frame 1) has raw sequence number #", String(seqRaw(ipv6, 1)));
    expectStated(text, 'SYN-ACK (frame 2) has raw sequence number #', String(seqRaw(ipv6, 2)));
    expectStated(text, 'Frame 3 is a bare ACK. Its sequence number is #', String(seqRaw(ipv6, 3)));
    expectStated(text, "client's SYN used #, and it acknowledges #", String(seqRaw(ipv6, 1)), ipv6.show(3, 'tcp.ack_raw'));
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

describe('lesson 3: one PC, several addresses', () => {
  it('names the frames it adds from the end of the connection', () => {
    const report = capture('report-tcp-handshake');
    expect(report.count).toBe(15);
    expectStated(proseOf(lessonText('tcp-handshake')), "the report's frames # to #, here # to #", 288, 291, 12, 15);
    for (const [i, r] of [288, 289, 290, 291].entries()) expect(report.show(12 + i, 'frame.comment')).toMatch(new RegExp(`^Report frame ${r} `));
  });

  it("gives the PC's address in each capture as that capture shows it", () => {
    const prose = proseOf(lessonText('tcp-handshake'));
    expectStated(prose, '# in the DNS and ARP captures', capture('report-dns').show(1, 'ip.src'));
    expect(capture('report-arp').show(2, 'arp.src.proto_ipv4')).toBe('192.168.0.5');
    expectStated(prose, '# in this one (`report-tcp-handshake`)', capture('report-tcp-handshake').show(1, 'ip.src'));
    expectStated(prose, '# in the TLS capture (`report-spurious`)', capture('report-spurious').show(1, 'ip.src'));
    expectStated(prose, 'writes #, the address of the TLS capture', capture('report-spurious').show(1, 'ip.src'));
    expectStated(prose, '# in the reset capture (`report-fin-rst`)', capture('report-fin-rst').show(3, 'ip.src'));
  });
});

describe('lesson 3: the unscaled window caps the rate', () => {
  it('works out 65,535 bytes per 5 ms round trip as about 105 Mbit/s', () => {
    const prose = proseOf(lessonText('tcp-handshake'));
    const report = capture('report-tcp-handshake');
    const rtt = report.num(2, 'frame.time_relative') - report.num(1, 'frame.time_relative');
    expect(Math.round(rtt * 1000)).toBe(5);
    expectStated(prose, '# bytes are # bits', 65535, 65535 * 8);
    expectStated(prose, 'makes about # million bits per second', Math.round((65535 * 8) / 0.005 / 1e6));
  });
});

describe('lesson 3: SYN cookies on this handshake', () => {
  const prose = proseOf(lessonText('tcp-handshake'));
  const report = capture('report-tcp-handshake');
  // Linux's IPv4 cookie MSS table (net/ipv4/syncookies.c, msstab).
  const LINUX_MSS_TABLE = [536, 1300, 1440, 1460];

  it('reads the cookie back from frame 3: its acknowledgment number less one is B’s ISN', () => {
    expectStated(prose, "take frame #'s acknowledgment number, #,", 3, report.show(3, 'tcp.ack_raw'));
    expectStated(prose, 'subtract one to get its cookie #', report.show(2, 'tcp.seq_raw'));
    expect(report.num(3, 'tcp.ack_raw') - 1).toBe(report.num(2, 'tcp.seq_raw'));
  });

  it("A's MSS, 1,460, is one of the table's four values", () => {
    expectStated(prose, "Linux's IPv4 table is #, #, # and #", ...LINUX_MSS_TABLE);
    expectStated(prose, "A's MSS, #, is in the table", report.num(1, 'tcp.options.mss_val'));
    expect(LINUX_MSS_TABLE).toContain(report.num(1, 'tcp.options.mss_val'));
  });

  it("A's SYN offers window scaling and SACK but no timestamps", () => {
    expect(prose).toContain("A's SYN offered window scaling and\nSACK but no timestamp option".replace('\n', ' '));
    expect(report.fields(1, 'tcp.options.wscale.shift').length).toBe(1);
    expect(report.fields(1, 'tcp.options.sack_perm').length).toBe(1);
    expect(report.fields(1, 'tcp.options.timestamp.tsval').length).toBe(0);
  });

  it('adds up the SYN-ACK retransmission waits: 1 + 2 + 4 + 8 + 16 = 31 s', () => {
    const waits = Array.from({ length: 5 }, (_, i) => 2 ** i);
    expectStated(
      prose,
      'the last copy leaves # + # + # + # + # = # s',
      ...waits,
      waits.reduce((a, b) => a + b),
    );
  });
});

describe('lesson 3: the SYN cookie question', () => {
  it("its explanation's numbers are frame 3's raw ACK and frame 2's raw ISN", () => {
    const report = capture('report-tcp-handshake');
    expectStated(
      lessonText('tcp-handshake'),
      'Frame 3 acknowledges #, B’s ISN plus one; # − 1 = #'.replace('’', "'"),
      ...[3, 3, 2].map((n, i) => report.show(n, i < 2 ? 'tcp.ack_raw' : 'tcp.seq_raw')),
    );
  });
});
