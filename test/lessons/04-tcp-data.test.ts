// Lesson 4, data transfer and flow control: every number the lesson states
// about a capture is checked against the decoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, codeBlocks, expectClaim, lessonText, markdownTable, proseOf, written } from './support.ts';

const text = lessonText('tcp-data');
const prose = proseOf(text);
const report = capture('report-tcp-handshake');
const http = capture('tcp-http');
const zw = capture('tcp-zerowindow');
const scenario = readFileSync(join(import.meta.dirname, '../../captures/record/scenarios/tcp-zerowindow.sh'), 'utf8');

type C = ReturnType<typeof capture>;

const table = (header: string) => markdownTable(text, header);

/** Raw sequence number, as the tree shows it (tcp.seq_raw). */
const seqRaw = (c: C, n: number) => c.num(n, 'tcp.seq_raw');
const time = (c: C, n: number) => c.num(n, 'frame.time_relative');
const ms = (s: number) => Math.round(s * 1000);
const us = (s: number) => Math.round(s * 1e6);
const flagNames = (c: C, n: number) => {
  const f = c.num(n, 'tcp.flags');
  return [
    [0x008, 'PSH'],
    [0x010, 'ACK'],
  ]
    .filter(([b]) => f & (b as number))
    .map(([, s]) => s)
    .join(', ');
};
const frames = (c: C) => Array.from({ length: c.count }, (_, i) => i + 1);

describe('lesson 4: the exchange', () => {
  it('names the hosts and the report frames', () => {
    expectClaim(prose, '192.168.0.31', report.show(4, 'ip.src'));
    expectClaim(prose, '104.76.64.220', report.show(4, 'ip.dst'));
    expect(prose).toContain("These are the report's frames 6 to 13; our rebuilt capture numbers them 4 to 11");
    expect(report.show(4, 'frame.comment')).toMatch(/^Report frame 6 /);
    expect(report.show(11, 'frame.comment')).toMatch(/^Report frame 13 /);
  });

  it('has every cell of the seq/ack table right', () => {
    const rows = table('| Frame | From | Seq |');
    expect(rows.map((r) => Number(r[0]))).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    // The table has no flags column: the sentence before it names them.
    expect(prose).toContain('All eight segments have the ACK flag set; frames 4 and 10 also carry PSH.');
    const withPsh = rows.map((r) => Number(r[0])).filter((n) => flagNames(report, n) === 'PSH, ACK');
    expect(withPsh).toEqual([4, 10]);
    for (const [frame, from, seq, len, next, ack, inFlight] of rows) {
      const n = Number(frame);
      expect(report.show(n, 'frame.comment'), `frame ${n} report number`).toMatch(new RegExp(`^Report frame ${n + 2} `));
      expect(from, `frame ${n} sender`).toBe(report.show(n, 'ip.src') === '192.168.0.31' ? 'A' : 'B');
      expect(flagNames(report, n), `frame ${n} flags`).toMatch(/ACK$/);
      expect(seq, `frame ${n} seq`).toBe(report.show(n, 'tcp.seq'));
      expect(len, `frame ${n} len`).toBe(written(report.num(n, 'tcp.len')));
      expect(next, `frame ${n} next seq`).toBe(report.show(n, 'tcp.nxtseq'));
      expect(ack, `frame ${n} ack`).toBe(report.show(n, 'tcp.ack'));
      const bif = report.fields(n, 'tcp.analysis.bytes_in_flight');
      expect(inFlight, `frame ${n} bytes in flight`).toBe(bif.length ? written(Number(bif[0]!.show)) : '-');
      expect(Number(next), `frame ${n}: next = seq + len`).toBe(Number(seq) + report.num(n, 'tcp.len'));
    }
  });

  it('splits the response into 170 bytes of headers and a 4,436-byte body', () => {
    const body = report.num(10, 'http.content_length');
    expectClaim(prose, 'the body 4,436', `the body ${written(body)}`);
    expectClaim(prose, 'the headers take 170 bytes', `the headers take ${report.num(10, 'tcp.reassembled.length') - body} bytes`);
    expect(prose).toContain('which make the 4,606');
  });

  it('reads the response at 4,606 bytes', () => {
    expectClaim(prose, '4,606 bytes', `${written(report.num(10, 'tcp.reassembled.length'))} bytes`);
  });
});

describe('lesson 4: the request and its acknowledgment', () => {
  it('does the arithmetic of frame 4', () => {
    expectClaim(prose, '213 bytes', `${report.num(4, 'tcp.len')} bytes`);
    expectClaim(prose, 'Its sequence number is 976928198', `Its sequence number is ${seqRaw(report, 4)}`);
    expect(seqRaw(report, 4)).toBe(seqRaw(report, 1) + 1);
    expectClaim(prose, 'its acknowledgment number, 3776155060', `its acknowledgment number, ${report.num(4, 'tcp.ack_raw')}`);
    expect(prose).toContain('The request takes numbers 976928198 to 976928410');
    expect(seqRaw(report, 4) + report.num(4, 'tcp.len') - 1).toBe(976928410);
    expectClaim(
      prose,
      '976928198 + 213 = 976928411',
      `${seqRaw(report, 4)} + ${report.num(4, 'tcp.len')} = ${report.num(4, 'tcp.nxtseq') - 1 + seqRaw(report, 4)}`,
    );
    expect(report.num(4, 'tcp.flags.push')).toBe(1);
  });

  it('times and reads frame 5', () => {
    expectClaim(prose, '4.894 ms later', `${(report.num(5, 'tcp.analysis.ack_rtt') * 1000).toFixed(3)} ms later`);
    expect(report.num(5, 'tcp.analysis.acks_frame')).toBe(4);
    expectClaim(prose, 'ACK 976928411', `ACK ${report.num(5, 'tcp.ack_raw')}`);
    expectClaim(prose, 'Its own sequence number is 3776155060', `Its own sequence number is ${seqRaw(report, 5)}`);
    expect(seqRaw(report, 6)).toBe(seqRaw(report, 5));
    expect(report.num(5, 'tcp.len')).toBe(0);
    expect(prose).toContain('its answer followed about 4 ms later');
    expect(ms(time(report, 6) - time(report, 5))).toBe(4);
  });
});

describe('lesson 4: segmentation and reassembly', () => {
  it('cuts 4,606 bytes into 1,460 + 1,460 + 1,460 + 226', () => {
    const lens = [6, 7, 9, 10].map((n) => report.num(n, 'tcp.len'));
    expectClaim(
      prose,
      '1,460 + 1,460 + 1,460 + 226 = 4,606 bytes',
      `${lens.map(written).join(' + ')} = ${written(report.num(10, 'tcp.reassembled.length'))} bytes`,
    );
    expect(lens.reduce((a, b) => a + b)).toBe(report.num(10, 'tcp.reassembled.length'));
    expect(prose).toContain('A announced an MSS of 1,460 bytes');
    expect(report.num(1, 'tcp.options.mss_val')).toBe(1460);
  });

  it('has the segment table right', () => {
    const rows = table('| Frame | Seq (raw) | Len |');
    expect(rows.map((r) => Number(r[0]))).toEqual(report.fields(10, 'tcp.segment').map((f) => Number(f.show)));
    for (const [frame, seq, len, range] of rows) {
      const n = Number(frame);
      expect(seq).toBe(String(seqRaw(report, n)));
      expect(len).toBe(written(report.num(n, 'tcp.len')));
      const first = report.num(n, 'tcp.seq') - 1;
      expect(range).toBe(`${written(first)} to ${written(first + report.num(n, 'tcp.len') - 1)}`);
    }
  });

  it('adds 1,460 to each sequence number; frames are 1,514 and 280 bytes', () => {
    expectClaim(prose, '3776155060 + 1,460 = 3776156520', `${seqRaw(report, 6)} + ${written(report.num(6, 'tcp.len'))} = ${seqRaw(report, 7)}`);
    expectClaim(prose, 'A full segment makes a 1,514-byte frame', `A full segment makes a ${written(report.num(6, 'frame.len'))}-byte frame`);
    expect(prose).toContain('1,460 bytes of data, 20 of TCP header, 20 of IPv4 header and 14 of Ethernet header');
    expect(report.num(6, 'tcp.hdr_len')).toBe(20);
    expect(report.num(6, 'ip.hdr_len')).toBe(20);
    expect(1460 + 20 + 20 + 14).toBe(report.num(6, 'frame.len'));
    expectClaim(prose, 'is a 280-byte frame', `is a ${report.num(10, 'frame.len')}-byte frame`);
  });

  it('points frames 6, 7 and 9 to frame 10, which lists the pieces', () => {
    for (const n of [6, 7, 9]) expect(report.num(n, 'tcp.reassembled_in'), `frame ${n}`).toBe(10);
    const listing = codeBlocks(text).find((b) => b.body.startsWith('[4 Reassembled'))!.body;
    expect(listing).toBe(report.field(10, 'tcp.segments').display);
    expect(report.num(10, 'tcp.segment.count')).toBe(4);
  });

  // As tshark -2 does: the response in frame 10 and "[TCP segment of a
  // reassembled PDU]" in 6, 7 and 9 (the decoder once put it in frame 6).
  it('shows the HTTP response in frame 10, the frame that completes it (as tshark -2 does)', () => {
    expect(report.show(10, 'http.response.code')).toBe('200');
    expect(report.fields(6, 'http.response.code')).toHaveLength(0);
    expect(report.info(6)).toContain('[TCP segment of a reassembled PDU]');
  });
});

describe('lesson 4: acknowledgments', () => {
  it('acknowledges two segments at once in frames 8 and 11', () => {
    expectClaim(prose, '56 µs after frame 7', `${us(time(report, 8) - time(report, 7))} µs after frame 7`);
    expectClaim(prose, '3776156520 + 1,460 = 3776157980', `${seqRaw(report, 7)} + ${written(report.num(7, 'tcp.len'))} = ${report.num(8, 'tcp.ack_raw')}`);
    expect(report.num(8, 'tcp.analysis.acks_frame')).toBe(7);
    expectClaim(prose, '3776159440 + 226 = 3776159666', `${seqRaw(report, 10)} + ${report.num(10, 'tcp.len')} = ${report.num(11, 'tcp.ack_raw')}`);
    expect(report.num(11, 'tcp.analysis.acks_frame')).toBe(10);
    // No ACK of A's between frames 6 and 7, nor between 9 and 10.
    expect(report.show(7, 'ip.src')).toBe('104.76.64.220');
    expect(report.show(10, 'ip.src')).toBe('104.76.64.220');
  });

  it('shows Linux acknowledging every segment in tcp-http', () => {
    expect(prose).toContain('frame 7 acknowledges frame 6 at once, and frames 9, 11 and 13 do the same for frames 8, 10 and 12');
    expect([7, 9, 11, 13].map((n) => http.num(n, 'tcp.analysis.acks_frame'))).toEqual([6, 8, 10, 12]);
    expect(http.num(12, 'tcp.reassembled.length')).toBe(4606);
  });
});

describe('lesson 4: PSH', () => {
  it('finds PSH on frames 4 and 10 and counts the pushed bytes', () => {
    expect(frames(report).filter((n) => report.num(n, 'tcp.flags.push') === 1)).toEqual([4, 10]);
    expectClaim(
      prose,
      '213 in frame 4 and 4,606 in frame 10',
      `${report.num(4, 'tcp.analysis.push_bytes_sent')} in frame 4 and ${written(report.num(10, 'tcp.analysis.push_bytes_sent'))} in frame 10`,
    );
  });

  it("finds PSH only on the last segment of tcp-http's answer", () => {
    expect(http.fields(12, 'tcp.segment').map((f) => Number(f.show))).toEqual([6, 8, 10, 12]);
    expect([6, 8, 10, 12].map((n) => http.num(n, 'tcp.flags.push'))).toEqual([0, 0, 0, 1]);
  });

  it("keeps A's window at 513 × 256 = 131,328 bytes, frames 8 and 11 included", () => {
    for (const n of [4, 8, 11]) {
      expect(report.num(n, 'tcp.window_size_value'), `frame ${n}`).toBe(513);
      expect(report.num(n, 'tcp.window_size'), `frame ${n}`).toBe(131328);
    }
    expectClaim(
      prose,
      "A's window stayed at 513 × 256 = 131,328 bytes",
      `A's window stayed at ${report.num(8, 'tcp.window_size_value')} × ${report.num(8, 'tcp.window_size_scalefactor')} = ${written(report.num(8, 'tcp.window_size'))} bytes`,
    );
    expectClaim(
      prose,
      'Had the 2,920 bytes of frames 6 and 7 still been waiting',
      `Had the ${written(report.num(6, 'tcp.len') + report.num(7, 'tcp.len'))} bytes of frames 6 and 7 still been waiting`,
    );
    // Unread, they would have shrunk the window by more than one 256-byte unit.
    expect(Math.floor((131328 - 2920) / 256)).toBeLessThan(report.num(8, 'tcp.window_size_value'));
  });
});

describe('lesson 4: bytes in flight and windows', () => {
  it('reads the bytes in flight after frames 6, 7, 9 and 10', () => {
    const bif = (n: number) => written(report.num(n, 'tcp.analysis.bytes_in_flight'));
    expectClaim(prose, '1,460 after frame 6, 2,920 after', `${bif(6)} after frame 6, ${bif(7)} after`);
    expectClaim(prose, 'back to 1,460 after frame 9', `back to ${bif(9)} after frame 9`);
    expectClaim(prose, 'and 1,686 after frame 10', `and ${bif(10)} after frame 10`);
  });

  it('shows B sending frame 9 before it could have seen frame 8', () => {
    expectClaim(prose, 'frame 9 arrived 52 µs after A sent frame 8', `frame 9 arrived ${us(time(report, 9) - time(report, 8))} µs after A sent frame 8`);
    expect(prose).toContain('far less than the 5 ms round trip');
    expect(ms(report.num(3, 'tcp.analysis.initial_rtt'))).toBe(5);
    expectClaim(
      prose,
      'B itself had 4,380 bytes in flight',
      `B itself had ${written([6, 7, 9].reduce((s, n) => s + report.num(n, 'tcp.len'), 0))} bytes in flight`,
    );
  });

  it('sends all four segments within 111 µs, before any ACK of them could reach B', () => {
    expect(prose).toContain('B sent all four segments before any acknowledgment of them could reach it');
    expect(us(time(report, 10) - time(report, 6))).toBe(111);
    expect(time(report, 10) - time(report, 6)).toBeLessThan(report.num(3, 'tcp.analysis.initial_rtt'));
    expectClaim(prose, 'A offered 131,328', `A offered ${written(report.num(3, 'tcp.window_size'))}`);
  });

  it('reads both receive windows', () => {
    expectClaim(
      prose,
      'A offers 513 × 256 = 131,328 bytes in every segment from frame 3 on',
      `A offers ${report.num(3, 'tcp.window_size_value')} × ${report.num(3, 'tcp.window_size_scalefactor')} = ${written(report.num(3, 'tcp.window_size'))} bytes in every segment from frame 3 on`,
    );
    const fromA = frames(report).filter((n) => n >= 3 && report.show(n, 'ip.src') === '192.168.0.31');
    for (const n of fromA) expect(report.num(n, 'tcp.window_size'), `frame ${n}`).toBe(131328);
    expectClaim(
      prose,
      'B offers 237 × 128 = 30,336 bytes',
      `B offers ${report.num(5, 'tcp.window_size_value')} × ${report.num(5, 'tcp.window_size_scalefactor')} = ${written(report.num(5, 'tcp.window_size'))} bytes`,
    );
    const fromB = frames(report).filter((n) => n >= 5 && report.show(n, 'ip.src') === '104.76.64.220');
    for (const n of fromB) expect(report.num(n, 'tcp.window_size'), `frame ${n}`).toBe(30336);
  });
});

describe('lesson 4: flow control on tcp-zerowindow', () => {
  it('describes the recording as its scenario made it', () => {
    expect(prose).toContain('asked for a tiny receive buffer (2,048 bytes) and then slept for 3.5 s before reading');
    expect(scenario).toContain('--rcvbuf 2048 sleep=3.5');
    expect(prose).toContain('B, had 32,768 bytes to send');
    expect(scenario).toContain('send=32768');
    const last = zw.count - 4; // the last data ACK before the FINs
    expect(zw.num(last, 'tcp.ack') - 1).toBe(32768);
  });

  it('opens with a 1,460-byte window and no scaling', () => {
    expectClaim(
      prose,
      "A's SYN offers a window of 1,460 bytes, with a window scale shift of 0",
      `A's SYN offers a window of ${written(zw.num(1, 'tcp.window_size'))} bytes, with a window scale shift of ${zw.num(1, 'tcp.options.wscale.shift')}`,
    );
  });

  it('sends half-window segments of 730 bytes', () => {
    expectClaim(
      prose,
      "B's segments carry 730 bytes, not 1,460",
      `B's segments carry ${zw.num(4, 'tcp.len')} bytes, not ${written(zw.num(2, 'tcp.options.mss_val'))}`,
    );
    expectClaim(prose, '1,460 / 2 = 730', `${written(zw.num(1, 'tcp.window_size'))} / 2 = ${zw.num(4, 'tcp.len')}`);
    expect(zw.num(1, 'tcp.options.mss_val')).toBe(1460);
  });

  it('fills the window in frames 4 to 6', () => {
    expectClaim(prose, 'brings 730 bytes', `brings ${zw.num(4, 'tcp.len')} bytes`);
    expectClaim(
      prose,
      'offers only the rest: 1,460 − 730 = 730 bytes',
      `offers only the rest: ${written(zw.num(1, 'tcp.window_size'))} − ${zw.num(4, 'tcp.len')} = ${zw.num(5, 'tcp.window_size')} bytes`,
    );
    expect(zw.num(6, 'tcp.len')).toBe(zw.num(5, 'tcp.window_size'));
    expect(zw.fields(6, 'tcp.analysis.window_full')).toHaveLength(1);
  });

  it('announces the zero window in frame 7, 43 ms after frame 6', () => {
    expectClaim(
      prose,
      'acknowledges everything (ACK 1461) and offers a window of 0',
      `acknowledges everything (ACK ${zw.num(7, 'tcp.ack')}) and offers a window of ${zw.num(7, 'tcp.window_size')}`,
    );
    expect(zw.num(7, 'tcp.ack')).toBe(zw.num(6, 'tcp.nxtseq'));
    expect(zw.fields(7, 'tcp.analysis.zero_window')).toHaveLength(1);
    expectClaim(prose, 'Frame 7 comes 43 ms after frame 6', `Frame 7 comes ${ms(time(zw, 7) - time(zw, 6))} ms after frame 6`);
    expect(ms(time(zw, 7) - time(zw, 6))).toBeGreaterThanOrEqual(40);
  });

  it('probes in frames 8, 10, 11 and 13 at doubling waits', () => {
    const probes = frames(zw).filter((n) => zw.fields(n, 'tcp.analysis.keep_alive').length > 0);
    expect(probes).toEqual([8, 10, 11, 13]);
    const waits = [ms(time(zw, 8) - time(zw, 7)), ms(time(zw, 10) - time(zw, 8)), ms(time(zw, 11) - time(zw, 10)), ms(time(zw, 13) - time(zw, 11))];
    expectClaim(
      prose,
      'B probes in frame 8, 212 ms after the zero window, then in frames 10, 11 and 13, which come 444 ms, 864 ms and 1,696 ms after the probe before each',
      `B probes in frame 8, ${waits[0]} ms after the zero window, then in frames 10, 11 and 13, which come ${waits[1]} ms, ${waits[2]} ms and ${written(waits[3]!)} ms after the probe before each`,
    );
    for (let i = 1; i < waits.length; i++) expect(waits[i]! / waits[i - 1]!).toBeCloseTo(2, 0);
  });

  it('answers with a zero window in frames 9, 12 and 14', () => {
    const zero = frames(zw).filter((n) => zw.fields(n, 'tcp.analysis.zero_window').length > 0);
    expect(zero).toEqual([7, 9, 12, 14]);
    expect(prose).toContain('still 0 (frames 9, 12 and 14)');
  });

  it('reads the probe as a keep-alive: seq 1460, one below 1461', () => {
    expectClaim(
      prose,
      'sequence number 1460, one below the 1461 that A expects',
      `sequence number ${zw.num(8, 'tcp.seq')}, one below the ${zw.num(7, 'tcp.ack')} that A expects`,
    );
    for (const n of [8, 10, 11, 13]) expect(zw.num(n, 'tcp.len')).toBe(0);
  });

  it('leaves frame 10 unanswered, 444 ms after the last answer', () => {
    expectClaim(prose, "frame 10 came 444 ms after A's last answer", `frame 10 came ${ms(time(zw, 10) - time(zw, 9))} ms after A's last answer`);
    expect(ms(time(zw, 10) - time(zw, 9))).toBeLessThan(500);
    expect(zw.show(11, 'ip.src')).toBe(zw.show(10, 'ip.src'));
    expect(ms(time(zw, 11) - time(zw, 9))).toBeGreaterThan(500);
  });

  it('names the four labels of the flow-control story in the first 18 frames', () => {
    const infos = Array.from({ length: 18 }, (_, i) => zw.info(i + 1)).join('\n');
    for (const label of ['[TCP Window Full]', '[TCP ZeroWindow]', '[TCP Keep-Alive]', '[TCP Window Update]']) {
      expect(prose).toContain(label);
      expect(infos).toContain(label);
    }
  });

  it('reopens the window in frame 15 and resumes in pairs', () => {
    expectClaim(prose, 'At 3.505 s', `At ${time(zw, 15).toFixed(3)} s`);
    expect(zw.fields(15, 'tcp.analysis.window_update')).toHaveLength(1);
    expectClaim(prose, 'a window update offering 1,460 bytes again', `a window update offering ${written(zw.num(15, 'tcp.window_size'))} bytes again`);
    expect(prose).toContain('B sends two 730-byte segments at once (frames 16 and 17)');
    expect([16, 17].map((n) => zw.num(n, 'tcp.len'))).toEqual([730, 730]);
    expect(zw.fields(17, 'tcp.analysis.window_full')).toHaveLength(1);
  });

  it('carries 44 segments of 730 bytes and a last one of 648', () => {
    const lens = frames(zw)
      .map((n) => zw.num(n, 'tcp.len'))
      .filter((l) => l > 0);
    expect(lens.filter((l) => l === 730)).toHaveLength(44);
    expect(lens.at(-1)).toBe(648);
    expect(lens).toHaveLength(45);
    expectClaim(
      prose,
      'all 32,768 bytes have arrived: 44 segments of 730 bytes and a last one of 648',
      `all ${written(lens.reduce((a, b) => a + b))} bytes have arrived: 44 segments of 730 bytes and a last one of 648`,
    );
  });

  it("never lets bytes in flight exceed the receiver's 1,460-byte window", () => {
    expect(prose).toContain("in `tcp-zerowindow` the receiver's window, 1,460 bytes, was always the smaller one");
    const max = Math.max(...frames(zw).flatMap((n) => zw.fields(n, 'tcp.analysis.bytes_in_flight').map((f) => Number(f.show))));
    expect(max).toBe(1460);
  });
});

describe('lesson 4: do it yourself', () => {
  const blocks = codeBlocks(text)
    .filter((b) => b.lang === '')
    .map((b) => b.body);

  it('prints the table the decoder gives', () => {
    const rows = blocks[1]!.split('\n').map((r) => r.split('\t'));
    expect(rows).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11].map((n) => {
        const row = [String(n), report.show(n, 'tcp.seq'), report.show(n, 'tcp.len'), report.show(n, 'tcp.nxtseq'), report.show(n, 'tcp.ack')];
        const bif = report.fields(n, 'tcp.analysis.bytes_in_flight');
        return bif.length ? [...row, bif[0]!.show] : row;
      }),
    );
  });

  it('prints the pieces, the PSH segments and the probes as the decoder gives them', () => {
    expect(blocks[2]).toBe(
      `${report
        .fields(10, 'tcp.segment')
        .map((f) => f.show)
        .join(',')}\t${report.show(10, 'tcp.reassembled.length')}`,
    );
    expect(blocks[3]!.split('\n')).toEqual([4, 10].map((n) => `${n}\t${report.show(n, 'tcp.len')}\t${report.show(n, 'tcp.analysis.push_bytes_sent')}`));
    expect(blocks[4]!.split('\n')).toEqual(
      [8, 10, 11, 13].map((n) => `${n}\t${zw.show(n, 'frame.time_relative')}\t${zw.show(n, 'tcp.seq')}\t${zw.show(n, 'tcp.len')}`),
    );
  });
});

describe('lesson 4: quiz', () => {
  it('states the numbers its questions and explanations use', () => {
    expectClaim(text, '976928198 + 213 = 976928411', `${seqRaw(report, 4)} + ${report.num(4, 'tcp.len')} = ${seqRaw(report, 4) + report.num(4, 'tcp.len')}`);
    expectClaim(
      text,
      'Frames 6 and 7 carry 1,460 bytes each and A has acknowledged neither yet: 2,920 bytes',
      `Frames 6 and 7 carry ${written(report.num(6, 'tcp.len'))} bytes each and A has acknowledged neither yet: ${written(report.num(7, 'tcp.analysis.bytes_in_flight'))} bytes`,
    );
    expectClaim(text, '4,606 − 3 × 1,460 = 226 bytes', `${written(report.num(10, 'tcp.reassembled.length'))} − 3 × 1,460 = ${report.num(10, 'tcp.len')} bytes`);
    expectClaim(text, 'ACK 2921 (relative)', `ACK ${report.num(8, 'tcp.ack')} (relative)`);
    expect(text).toContain('A has received 1,460 bytes of data: frames 4 and 6');
    expect(zw.num(4, 'tcp.len') + zw.num(6, 'tcp.len')).toBe(1460);
    expectClaim(text, 'ACK 1461 acknowledges both 730-byte segments', `ACK ${zw.num(7, 'tcp.ack')} acknowledges both ${zw.num(6, 'tcp.len')}-byte segments`);
    const win = zw.field(7, 'tcp.window_size_value');
    expectClaim(
      text,
      'Bytes 48 and 49 of the frame: 00 00',
      `Bytes ${win.offset} and ${win.offset + win.length - 1} of the frame: ${[...zw.opened.data(7).subarray(win.offset, win.offset + 2)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
    );
    expect(text).toContain("With A's scale shift of 0, a window of 0 bytes");
    expect(zw.num(7, 'tcp.window_size_scalefactor')).toBe(1);
  });
});
