// Lesson 4, data transfer and flow control: every number the lesson states
// about a capture is checked against the decoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, codeBlocks, expectStated, lessonText, statedValues, markdownTable, proseOf, written } from './support.ts';

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
    expectStated(prose, 'the PC A (#)', report.show(4, 'ip.src'));
    expectStated(prose, 'the weather server B (#)', report.show(4, 'ip.dst'));
    const [[first, last]] = statedValues(prose, "report's frames # to #");
    const [[four, eleven]] = statedValues(prose, 'numbers them # to #');
    expect(report.show(Number(four), 'frame.comment')).toMatch(new RegExp(`^Report frame ${first} `));
    expect(report.show(Number(eleven), 'frame.comment')).toMatch(new RegExp(`^Report frame ${last} `));
    expectStated(prose, 'B answers with # bytes', report.num(10, 'tcp.reassembled.length'));
  });

  it('has every cell of the seq/ack table right', () => {
    const rows = table('| Frame | From | Seq |');
    expect(rows.map((r) => Number(r[0]))).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    // The table has no flags column: the sentence before it names them.
    const withPsh = rows.map((r) => Number(r[0])).filter((n) => flagNames(report, n) === 'PSH, ACK');
    expect(withPsh).toEqual([4, 10]);
    expectStated(prose, 'All # segments have the ACK flag set', rows.length);
    expectStated(prose, 'frames # and # also carry PSH', ...withPsh);
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
    expectStated(prose, 'a #-byte body', body);
    expectStated(prose, 'with # bytes of headers', String(report.num(10, 'tcp.reassembled.length') - body));
    // The split is the rebuild's own choice: the lesson must say so.
    expect(prose).toContain('the response itself was invented for the rebuild');
    expectStated(prose, 'which make the #', report.num(10, 'tcp.reassembled.length'));
  });

  it('reads the response at 4,606 bytes', () => {
    expectStated(prose, "B's answer is # bytes long", report.num(10, 'tcp.reassembled.length'));
  });
});

describe('lesson 4: the request and its acknowledgment', () => {
  it('does the arithmetic of frame 4', () => {
    expectStated(prose, "A's GET request: # bytes", report.num(4, 'tcp.len'));
    expectStated(prose, "Its sequence number is #, the number after A's SYN", String(seqRaw(report, 4)));
    expect(seqRaw(report, 4)).toBe(seqRaw(report, 1) + 1);
    expectStated(prose, 'its acknowledgment number, #', String(report.num(4, 'tcp.ack_raw')));
    expectStated(prose, 'takes numbers # to #', String(seqRaw(report, 4)), String(seqRaw(report, 4) + report.num(4, 'tcp.len') - 1));
    expect(statedValues(prose, '> # + # = #')[0]).toEqual([
      String(seqRaw(report, 4)),
      written(report.num(4, 'tcp.len')),
      String(report.num(4, 'tcp.nxtseq') - 1 + seqRaw(report, 4)),
    ]);
    expect(report.num(4, 'tcp.flags.push')).toBe(1);
  });

  it('times and reads frame 5', () => {
    expectStated(prose, "# ms later, is B's acknowledgment", (report.num(5, 'tcp.analysis.ack_rtt') * 1000).toFixed(3));
    expect(report.num(5, 'tcp.analysis.acks_frame')).toBe(4);
    expectStated(prose, 'acknowledgment: ACK #, "I have all # bytes', String(report.num(5, 'tcp.ack_raw')), report.num(4, 'tcp.len'));
    expectStated(prose, 'Its own sequence number is #', String(seqRaw(report, 5)));
    expect(seqRaw(report, 6)).toBe(seqRaw(report, 5));
    expect(report.num(5, 'tcp.len')).toBe(0);
    expectStated(prose, 'its answer followed about # ms later', ms(time(report, 6) - time(report, 5)));
  });
});

describe('lesson 4: segmentation and reassembly', () => {
  it('cuts 4,606 bytes into 1,460 + 1,460 + 1,460 + 226', () => {
    const lens = [6, 7, 9, 10].map((n) => report.num(n, 'tcp.len'));
    expectStated(prose, '> # + # + # + # = # bytes', ...lens, report.num(10, 'tcp.reassembled.length'));
    expect(lens.reduce((a, b) => a + b)).toBe(report.num(10, 'tcp.reassembled.length'));
    expectStated(prose, 'A announced an MSS of # bytes', report.num(1, 'tcp.options.mss_val'));
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
    expectStated(prose, 'the one before plus #: # + # =', report.num(6, 'tcp.len'), String(seqRaw(report, 6)), report.num(6, 'tcp.len'));
    expect(statedValues(prose, '+ # = #, and so on')).toEqual([[written(report.num(6, 'tcp.len')), String(seqRaw(report, 7))]]);
    expectStated(prose, 'segment makes a #-byte frame', report.num(6, 'frame.len'));
    const eth = report.num(6, 'frame.len') - report.num(6, 'ip.len');
    expectStated(prose, '# bytes of data, # of TCP header', report.num(6, 'tcp.len'), report.num(6, 'tcp.hdr_len'));
    expectStated(prose, '# of IPv4 header and # of Ethernet header', report.num(6, 'ip.hdr_len'), eth);
    expectStated(prose, 'is a #-byte frame', String(report.num(10, 'frame.len')));
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
    expectStated(prose, '# µs after frame # arrived', us(time(report, 8) - time(report, 7)), 7);
    // The lesson's sums on lines of their own: frame 4's next number, then frame 8's and frame 11's acks.
    const sums = statedValues(prose, '> # + # = #');
    const sum = (seq: number, len: number, next: number) => [String(seq), written(len), String(next)];
    expect(sums).toEqual([
      sum(seqRaw(report, 4), report.num(4, 'tcp.len'), seqRaw(report, 4) + report.num(4, 'tcp.len')),
      sum(seqRaw(report, 7), report.num(7, 'tcp.len'), report.num(8, 'tcp.ack_raw')),
      sum(seqRaw(report, 10), report.num(10, 'tcp.len'), report.num(11, 'tcp.ack_raw')),
    ]);
    expect(report.num(8, 'tcp.analysis.acks_frame')).toBe(7);
    expect(report.num(11, 'tcp.analysis.acks_frame')).toBe(10);
    // No ACK of A's between frames 6 and 7, nor between 9 and 10.
    expect(report.show(7, 'ip.src')).toBe('104.76.64.220');
    expect(report.show(10, 'ip.src')).toBe('104.76.64.220');
  });

  it('shows Linux acknowledging every segment in tcp-http', () => {
    expectStated(prose, 'acknowledges frame # at once', 6);
    expectStated(prose, 'and frames #, # and # do the same', 9, 11, 13);
    expectStated(prose, 'for frames #, # and #.', 8, 10, 12);
    expect([7, 9, 11, 13].map((n) => http.num(n, 'tcp.analysis.acks_frame'))).toEqual([6, 8, 10, 12]);
    expect(http.num(12, 'tcp.reassembled.length')).toBe(4606);
  });
});

describe('lesson 4: PSH', () => {
  it('finds PSH on frames 4 and 10 and counts the pushed bytes', () => {
    expect(frames(report).filter((n) => report.num(n, 'tcp.flags.push') === 1)).toEqual([4, 10]);
    expectStated(
      prose,
      '# in frame 4 and # in frame 10',
      String(report.num(4, 'tcp.analysis.push_bytes_sent')),
      report.num(10, 'tcp.analysis.push_bytes_sent'),
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
    expectStated(
      prose,
      'window stayed at # × # = # bytes',
      String(report.num(8, 'tcp.window_size_value')),
      String(report.num(8, 'tcp.window_size_scalefactor')),
      report.num(8, 'tcp.window_size'),
    );
    expectStated(prose, 'Had the # bytes of frames', report.num(6, 'tcp.len') + report.num(7, 'tcp.len'));
    // Unread, they would have shrunk the window by more than one 256-byte unit.
    expect(Math.floor((131328 - 2920) / 256)).toBeLessThan(report.num(8, 'tcp.window_size_value'));
  });
});

describe('lesson 4: bytes in flight and windows', () => {
  it('reads the bytes in flight after frames 6, 7, 9 and 10', () => {
    const bif = (n: number) => written(report.num(n, 'tcp.analysis.bytes_in_flight'));
    expectStated(prose, '# after frame 6, # after', String(bif(6)), String(bif(7)));
    expectStated(prose, 'back to # after frame 9', String(bif(9)));
    expectStated(prose, 'and # after frame 10', String(bif(10)));
  });

  it('shows B sending frame 9 before it could have seen frame 8', () => {
    expectStated(prose, 'frame 9 arrived # µs after A', us(time(report, 9) - time(report, 8)));
    expectStated(prose, 'far less than the # ms round trip', ms(report.num(3, 'tcp.analysis.initial_rtt')));
    expect(ms(report.num(3, 'tcp.analysis.initial_rtt'))).toBe(5);
    expectStated(
      prose,
      'B itself had # bytes in flight',
      [6, 7, 9].reduce((s, n) => s + report.num(n, 'tcp.len'), 0),
    );
  });

  it('sends all four segments within 111 µs, before any ACK of them could reach B', () => {
    expectStated(prose, 'B sent all # segments before any acknowledgment', report.num(10, 'tcp.segment.count'));
    expectStated(prose, 'both windows allowed at least # bytes', report.num(10, 'tcp.reassembled.length'));
    expect(us(time(report, 10) - time(report, 6))).toBe(111);
    expect(time(report, 10) - time(report, 6)).toBeLessThan(report.num(3, 'tcp.analysis.initial_rtt'));
    expectStated(prose, 'A offered #', report.num(3, 'tcp.window_size'));
  });

  it('reads both receive windows', () => {
    expectStated(
      prose,
      'A offers # × # = # bytes in every',
      String(report.num(3, 'tcp.window_size_value')),
      String(report.num(3, 'tcp.window_size_scalefactor')),
      report.num(3, 'tcp.window_size'),
    );
    const fromA = frames(report).filter((n) => n >= 3 && report.show(n, 'ip.src') === '192.168.0.31');
    for (const n of fromA) expect(report.num(n, 'tcp.window_size'), `frame ${n}`).toBe(131328);
    expectStated(
      prose,
      'B offers # × # = # bytes',
      String(report.num(5, 'tcp.window_size_value')),
      String(report.num(5, 'tcp.window_size_scalefactor')),
      report.num(5, 'tcp.window_size'),
    );
    const fromB = frames(report).filter((n) => n >= 5 && report.show(n, 'ip.src') === '104.76.64.220');
    for (const n of fromB) expect(report.num(n, 'tcp.window_size'), `frame ${n}`).toBe(30336);
  });
});

describe('lesson 4: flow control on tcp-zerowindow', () => {
  it('describes the recording as its scenario made it', () => {
    // The lesson's figures are the scenario's settings.
    const [[rcvbuf]] = statedValues(prose, 'tiny receive buffer (# bytes)');
    const [[sleep]] = statedValues(prose, 'slept for # s before reading');
    expect(scenario).toContain(`--rcvbuf ${rcvbuf!.replace(/,/g, '')} sleep=${sleep}`);
    const [[send]] = statedValues(prose, 'B, had # bytes to send');
    expect(scenario).toContain(`send=${send!.replace(/,/g, '')}`);
    expectStated(prose, 'until all # bytes have arrived', send!);
    const last = zw.count - 4; // the last data ACK before the FINs
    expect(zw.num(last, 'tcp.ack') - 1).toBe(32768);
  });

  it('opens with a 1,460-byte window and no scaling', () => {
    expectStated(prose, 'a window of # bytes, with a window scale shift of #', zw.num(1, 'tcp.window_size'), String(zw.num(1, 'tcp.options.wscale.shift')));
  });

  it('sends half-window segments of 730 bytes', () => {
    expectStated(prose, "B's segments carry # bytes, not #", String(zw.num(4, 'tcp.len')), zw.num(2, 'tcp.options.mss_val'));
    expectStated(prose, '# / 2 = #', zw.num(1, 'tcp.window_size'), String(zw.num(4, 'tcp.len')));
    expect(zw.num(1, 'tcp.options.mss_val')).toBe(1460);
  });

  it('fills the window in frames 4 to 6', () => {
    expectStated(prose, 'brings # bytes', String(zw.num(4, 'tcp.len')));
    expectStated(prose, 'only the rest: # − # = # bytes', zw.num(1, 'tcp.window_size'), String(zw.num(4, 'tcp.len')), String(zw.num(5, 'tcp.window_size')));
    expect(zw.num(6, 'tcp.len')).toBe(zw.num(5, 'tcp.window_size'));
    expect(zw.fields(6, 'tcp.analysis.window_full')).toHaveLength(1);
  });

  it('announces the zero window in frame 7, 43 ms after frame 6', () => {
    expectStated(prose, 'acknowledges everything (ACK #) and offers a window of #', String(zw.num(7, 'tcp.ack')), String(zw.num(7, 'tcp.window_size')));
    expect(zw.num(7, 'tcp.ack')).toBe(zw.num(6, 'tcp.nxtseq'));
    expect(zw.fields(7, 'tcp.analysis.zero_window')).toHaveLength(1);
    expectStated(prose, 'Frame 7 comes # ms after frame', ms(time(zw, 7) - time(zw, 6)));
    expect(ms(time(zw, 7) - time(zw, 6))).toBeGreaterThanOrEqual(40);
  });

  it('probes in frames 8, 10, 11 and 13 at doubling waits', () => {
    const probes = frames(zw).filter((n) => zw.fields(n, 'tcp.analysis.keep_alive').length > 0);
    expect(probes).toEqual([8, 10, 11, 13]);
    const waits = [ms(time(zw, 8) - time(zw, 7)), ms(time(zw, 10) - time(zw, 8)), ms(time(zw, 11) - time(zw, 10)), ms(time(zw, 13) - time(zw, 11))];
    expectStated(prose, '# ms after the zero window', waits[0]!);
    expectStated(prose, 'then in frames #, # and #', 10, 11, 13);
    expectStated(prose, 'which come # ms, # ms and # ms after', ...waits.slice(1));
    for (let i = 1; i < waits.length; i++) expect(waits[i]! / waits[i - 1]!).toBeCloseTo(2, 0);
  });

  it('answers with a zero window in frames 9, 12 and 14', () => {
    const zero = frames(zw).filter((n) => zw.fields(n, 'tcp.analysis.zero_window').length > 0);
    expect(zero).toEqual([7, 9, 12, 14]);
    expectStated(prose, 'still # (frames #, # and #)', 0, ...zero.slice(1));
  });

  it('reads the probe as a keep-alive: seq 1460, one below 1461', () => {
    expectStated(prose, 'sequence number #, one below the # that A expects', String(zw.num(8, 'tcp.seq')), String(zw.num(7, 'tcp.ack')));
    for (const n of [8, 10, 11, 13]) expect(zw.num(n, 'tcp.len')).toBe(0);
  });

  it('leaves frame 10 unanswered, 444 ms after the last answer', () => {
    expectStated(prose, "frame 10 came # ms after A's", ms(time(zw, 10) - time(zw, 9)));
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
    expectStated(prose, 'At # s', time(zw, 15).toFixed(3));
    expect(zw.fields(15, 'tcp.analysis.window_update')).toHaveLength(1);
    expectStated(prose, 'window update offering # bytes again', zw.num(15, 'tcp.window_size'));
    expectStated(prose, 'B sends # #-byte segments at once (frames # and #)', 2, zw.num(16, 'tcp.len'), 16, 17);
    expect(zw.num(17, 'tcp.len')).toBe(zw.num(16, 'tcp.len'));
    expect(zw.fields(17, 'tcp.analysis.window_full')).toHaveLength(1);
  });

  it('carries 44 segments of 730 bytes and a last one of 648', () => {
    const lens = frames(zw)
      .map((n) => zw.num(n, 'tcp.len'))
      .filter((l) => l > 0);
    expect(lens.filter((l) => l === 730)).toHaveLength(44);
    expect(lens.at(-1)).toBe(648);
    expect(lens).toHaveLength(45);
    expectStated(
      prose,
      'all # bytes have arrived:',
      lens.reduce((a, b) => a + b),
    );
  });

  it("never lets bytes in flight exceed the receiver's 1,460-byte window", () => {
    expectStated(prose, "`tcp-zerowindow` the receiver's window, # bytes", zw.num(1, 'tcp.window_size'));
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
    const next = [String(seqRaw(report, 4)), written(report.num(4, 'tcp.len')), String(seqRaw(report, 4) + report.num(4, 'tcp.len'))];
    expectStated(text, 'explain="# + # = #', ...next);
    expectStated(text, 'starts at raw sequence number #', next[0]!);
    expectStated(text, 'carries # bytes of data', report.num(4, 'tcp.len'));
    expectStated(text, 'Frames # and # carry # bytes each', 6, 7, report.num(6, 'tcp.len'));
    expect(report.num(7, 'tcp.len')).toBe(report.num(6, 'tcp.len'));
    expectStated(text, 'neither yet: # bytes are in flight', report.num(7, 'tcp.analysis.bytes_in_flight'));
    const full = report.num(6, 'tcp.len');
    expectStated(text, '# − # × # = # bytes', report.num(10, 'tcp.reassembled.length'), 3, full, report.num(10, 'tcp.len'));
    expectStated(text, 'The response is # bytes long', report.num(10, 'tcp.reassembled.length'));
    expectStated(text, 'ACK # (relative)', String(report.num(8, 'tcp.ack')));
    expectStated(text, 'A has received # bytes of data: frames # and #', zw.num(4, 'tcp.len') + zw.num(6, 'tcp.len'), 4, 6);
    expectStated(text, 'ACK # acknowledges both #-byte segments', String(zw.num(7, 'tcp.ack')), zw.num(6, 'tcp.len'));
    const win = zw.field(7, 'tcp.window_size_value');
    const bytes = [...zw.opened.data(7).subarray(win.offset, win.offset + 2)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expectStated(text, `Bytes # and # of the frame: ${bytes}`, win.offset, win.offset + win.length - 1);
    expectStated(text, "A's scale shift of #, a window of # bytes", zw.num(1, 'tcp.options.wscale.shift'), zw.num(7, 'tcp.window_size'));
    expect(zw.num(7, 'tcp.window_size_scalefactor')).toBe(1);
  });
});

describe("lesson 4: Nagle's algorithm on the report's capture", () => {
  const r = capture('report-tcp-handshake');
  const mss = r.num(1, 'tcp.options.mss_val');
  const fromA = (n: number) => r.show(n, 'ip.src') === r.show(1, 'ip.src');

  it('frame 4 (213 bytes, short of the MSS) left with nothing of A’s unacknowledged', () => {
    expectStated(proseOf(lessonText('tcp-data')), 'is only # bytes, far short of the MSS', r.num(4, 'tcp.len'));
    expect(r.num(4, 'tcp.len')).toBeLessThan(mss);
    for (let n = 1; n < 4; n++) if (fromA(n)) expect(r.num(n, 'tcp.len'), `A's frame ${n}`).toBe(0);
  });

  it("frame 10 (226 bytes) left while frame 9's 1,460 bytes were unacknowledged, acknowledged only in frame 11", () => {
    const prose = proseOf(lessonText('tcp-data'));
    expectStated(prose, 'carries only # bytes and left while frame #', r.num(10, 'tcp.len'), 9);
    expectStated(prose, "frame #'s # bytes were still unacknowledged", 9, r.num(9, 'tcp.len'));
    expectStated(prose, 'acknowledges them only in frame #', 11);
    expect(r.num(10, 'tcp.len')).toBeLessThan(mss);
    // The first ACK from A that covers frame 9 is frame 11, which comes after frame 10.
    const end9 = r.num(9, 'tcp.seq') + r.num(9, 'tcp.len');
    const firstAck = Array.from({ length: r.count }, (_, i) => i + 1).find((n) => fromA(n) && r.num(n, 'tcp.ack') >= end9);
    expect(firstAck).toBe(11);
  });

  it("the Nagle question's numbers: 226 bytes, frame 9's 1,460, A's window 131,328", () => {
    expectStated(text, "left while frame #'s # bytes were unacknowledged", 9, r.num(9, 'tcp.len'));
    expectStated(text, 'Frame # carries only # bytes and left', 10, r.num(10, 'tcp.len'));
    expectStated(text, 'A offered # bytes, plenty of room', r.num(8, 'tcp.window_size'));
  });
});

describe('lesson 4: SRTT, RTTVAR and the RTO by hand (RFC 6298, section 2)', () => {
  const r = capture('report-tcp-handshake');
  const prose = proseOf(lessonText('tcp-data'));
  const msText = (x: number) => x.toFixed(3);
  // The samples: Wireshark's "The RTT to ACK the segment was", in ms.
  const r1 = r.num(2, 'tcp.analysis.ack_rtt') * 1000;
  const r2 = r.num(5, 'tcp.analysis.ack_rtt') * 1000;
  const K = 4;
  const [alpha, beta] = [1 / 8, 1 / 4];
  const srtt1 = r1;
  const rttvar1 = r1 / 2;
  const rttvar2 = (1 - beta) * rttvar1 + beta * Math.abs(srtt1 - r2);
  const srtt2 = (1 - alpha) * srtt1 + alpha * r2;

  it('first sample: the SYN-ACK after 5.087 ms', () => {
    expect(r.num(2, 'tcp.analysis.acks_frame')).toBe(1);
    expectStated(prose, 'The SYN (frame #) is answered by the SYN-ACK (frame #)', 1, 2);
    expectStated(prose, 'SYN-ACK (frame #) after R = # ms', 2, msText(r1));
    expectStated(prose, 'SRTT = # ms, RTTVAR = # ms, and RTO', msText(srtt1), msText(rttvar1));
    expectStated(prose, ', and RTO = # + # × # = # ms', msText(srtt1), K, msText(rttvar1), msText(srtt1 + K * rttvar1));
    expectStated(prose, "# ms from A's first sample", msText(srtt1 + K * rttvar1));
  });

  it('second sample: frame 5 acknowledges the GET after 4.894 ms', () => {
    expect(r.num(5, 'tcp.analysis.acks_frame')).toBe(4);
    expectStated(prose, 'The GET (frame #) is acknowledged by frame #', 4, 5);
    expectStated(prose, 'acknowledged by frame # after R = # ms', 5, msText(r2));
    expectStated(prose, 'RTTVAR becomes #/# × # + #/# × # = # ms', 3, 4, msText(rttvar1), 1, 4, msText(Math.abs(srtt1 - r2)), msText(rttvar2));
    expectStated(prose, 'SRTT #/# × # + #/# × # = # ms', 7, 8, msText(srtt1), 1, 8, msText(r2), msText(srtt2));
    expectStated(prose, 'ms, so RTO = # + # × # = # ms', msText(srtt2), K, msText(rttvar2), msText(srtt2 + K * rttvar2));
  });
});

describe('lesson 4: the RTO question', () => {
  it("its explanation works 3R from frame 2's sample", () => {
    const r = report.num(2, 'tcp.analysis.ack_rtt') * 1000;
    const [a, b, c] = [r, r, r / 2].map((x) => x.toFixed(3));
    expectStated(text, 'R = # ms, so SRTT = # ms, RTTVAR = # ms', a, b, c);
    expectStated(text, 'ms and RTO = # + # × # = # ms', ...[r, 4, r / 2, 3 * r].map((x, i) => (i === 1 ? x : x.toFixed(3))));
  });
});
