// Lesson 7 (RST): every number the prose and the quiz state about the three
// captures, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, expectStated, lessonText, proseOf, written } from './support.ts';
import { widgetNotes } from './widget-notes.ts';

const mdx = lessonText('rst');
const prose = proseOf(mdx);
const fin = capture('report-fin-rst');
const refused = capture('tcp-closed-port');
const linger = capture('tcp-rst-linger');

/** A time field in seconds, written with three decimals as the lesson does ("14.950"). */
const secs = (c: typeof fin, frame: number, name: string) => c.num(frame, name).toFixed(3);
const time = (c: typeof fin, frame: number) => c.num(frame, 'frame.time_relative');
const flagSet = (c: typeof fin, frame: number, flag: string) => c.num(frame, `tcp.flags.${flag}`) === 1;
const isRetransmission = (frame: number) => fin.fields(frame, 'tcp.analysis.retransmission').length > 0;
/**
 * The raw sequence number. tshark's tree shows tcp.seq_raw ("Sequence Number
 * (raw)") after tcp.seq; the decoder's tree leaves it out (it keeps tcp.ack_raw),
 * so until it does, read the value the decoder's analysis reads.
 */
const seqRaw = (c: typeof fin, frame: number): number =>
  c.fields(frame, 'tcp.seq_raw').length > 0 ? c.num(frame, 'tcp.seq_raw') : c.opened.tcpSegment(frame)!.seqRaw;

describe('lesson 7, the report: a FIN nobody answered', () => {
  it('names the hosts and ports of the connection', () => {
    expectClaim(prose, '192.168.0.4, port 55477', `${fin.show(4, 'ip.src')}, port ${fin.show(4, 'tcp.srcport')}`);
    expectClaim(prose, '61.78.36.10, port 80', `${fin.show(4, 'ip.dst')}, port ${fin.show(4, 'tcp.dstport')}`);
    expect(fin.count).toBe(10);
  });

  it('has the server close first, at 14.950 s', () => {
    expect(fin.show(2, 'ip.src')).toBe('61.78.36.10');
    expect(flagSet(fin, 2, 'fin')).toBe(true);
    expectClaim(prose, 'at 14.950 s, it sends FIN', `at ${secs(fin, 2, 'frame.time_relative')} s, it sends FIN`);
  });

  it('has the client acknowledge the FIN with its sequence number plus one (raw and relative)', () => {
    const finSeq = seqRaw(fin, 2);
    expectClaim(prose, "the FIN's sequence number, 2,121,416,297, plus one", `the FIN's sequence number, ${written(finSeq)}, plus one`);
    expectClaim(prose, 'carries 2,121,416,298', `carries ${written(fin.num(3, 'tcp.ack_raw'))}`);
    expect(fin.num(3, 'tcp.ack_raw')).toBe(finSeq + 1);
    expectClaim(prose, 'here 1 and 2', `here ${fin.num(2, 'tcp.seq')} and ${fin.num(3, 'tcp.ack')}`);
    expect(fin.show(3, 'ip.src')).toBe('192.168.0.4');
    expect(flagSet(fin, 3, 'fin')).toBe(false);
  });

  it('has the client FIN 93.882 s later, at 108.832 s (about 94 s)', () => {
    expect(flagSet(fin, 4, 'fin')).toBe(true);
    expect(fin.show(4, 'ip.src')).toBe('192.168.0.4');
    expectClaim(
      prose,
      'at 108.832 s, 93.882 s after its ACK',
      `at ${secs(fin, 4, 'frame.time_relative')} s, ${secs(fin, 4, 'frame.time_delta')} s after its ACK`,
    );
    const gap = time(fin, 4) - time(fin, 2);
    expectClaim(
      prose,
      'it is the server, 61.78.36.10, that sent its FIN first, 94 s earlier',
      `it is the server, ${fin.show(2, 'ip.src')}, that sent its FIN first, ${Math.round(gap)} s earlier`,
    );
    expectClaim(prose, 'every retransmitted FIN comes from 192.168.0.4', `every retransmitted FIN comes from ${fin.show(5, 'ip.src')}`);
    expectClaim(prose, "The server had sent its FIN 94 s before the client's", `The server had sent its FIN ${Math.round(gap)} s before the client's`);
    expectClaim(prose, 'About 94 s later the client sends its own FIN', `About ${Math.round(gap)} s later the client sends its own FIN`);
    expectClaim(prose, "After the server's FIN and 94 s of silence", `After the server's FIN and ${Math.round(time(fin, 4) - time(fin, 3))} s of silence`);
  });

  it('has no segment from the server after frame 2', () => {
    for (let n = 3; n <= fin.count; n++) expect(fin.show(n, 'ip.src')).toBe('192.168.0.4');
  });

  it('shows the raw window 1,020, which the report read as 1,020 × 256 = 261,120', () => {
    expectClaim(
      prose,
      "The Window field of the client's segments says 1,020",
      `The Window field of the client's segments says ${written(fin.num(4, 'tcp.window_size_value'))}`,
    );
    for (const n of [3, 4, 5, 9]) expect(fin.num(n, 'tcp.window_size_value')).toBe(1020);
    // The file has no handshake, so the decoder cannot know the scale factor, as tshark.
    expect(fin.num(4, 'tcp.window_size_scalefactor')).toBe(-1);
    const scaled = fin.num(4, 'tcp.window_size_value') * 256;
    expectClaim(prose, '1,020 × 256 = 261,120', `${written(fin.num(4, 'tcp.window_size_value'))} × 256 = ${written(scaled)}`);
    expectClaim(prose, "The report's listing shows 261,120", `The report's listing shows ${written(scaled)}`);
  });

  it('has five retransmissions of the FIN, frames 5 to 9, labelled by the analysis', () => {
    expect(isRetransmission(4)).toBe(false);
    for (let n = 5; n <= 9; n++) {
      expect(isRetransmission(n), `frame ${n}`).toBe(true);
      expect(flagSet(fin, n, 'fin')).toBe(true);
      expect(seqRaw(fin, n)).toBe(seqRaw(fin, 4));
      expect(fin.info(n)).toContain('[TCP Retransmission]');
    }
    expect(isRetransmission(10)).toBe(false);
    expect(prose).toContain('The client sends it five more times, in frames 5 to 9');
    // The analysis measures each one from the first transmission, frame 4.
    for (let n = 5; n <= 9; n++) expect(fin.num(n, 'tcp.analysis.rto_frame')).toBe(4);
  });

  it('gives the table of times and waits: 0.300, 0.600, 1.200, 2.400, 4.800, then 9.600 s', () => {
    const rows: [number, string, string][] = [
      [5, '109.133', '0.300'],
      [6, '109.733', '0.600'],
      [7, '110.933', '1.200'],
      [8, '113.333', '2.400'],
      [9, '118.133', '4.800'],
      [10, '127.733', '9.600'],
    ];
    expectClaim(prose, '| 4 | 108.832 s |', `| 4 | ${secs(fin, 4, 'frame.time_relative')} s |`);
    for (const [frame, at, wait] of rows) {
      expectClaim(
        prose,
        `| ${frame} | ${at} s | ${wait} s |`,
        `| ${frame} | ${secs(fin, frame, 'frame.time_relative')} s | ${(time(fin, frame) - time(fin, frame - 1)).toFixed(3)} s |`,
      );
    }
    // Each wait is twice the one before, to within 1 ms.
    for (let n = 6; n <= 10; n++) {
      const wait = time(fin, n) - time(fin, n - 1);
      const before = time(fin, n - 1) - time(fin, n - 2);
      expect(Math.abs(wait - 2 * before)).toBeLessThan(0.001);
    }
    expectClaim(prose, 'The first wait, 0.300 s', `The first wait, ${(time(fin, 5) - time(fin, 4)).toFixed(3)} s`);
    expectClaim(prose, 'the floor itself, 0.3 s', `the floor itself, ${(time(fin, 5) - time(fin, 4)).toFixed(1)} s`);
    expectClaim(
      prose,
      'the client waits 9.600 s, twice 4.800 s',
      `the client waits ${(time(fin, 10) - time(fin, 9)).toFixed(3)} s, twice ${(time(fin, 9) - time(fin, 8)).toFixed(3)} s`,
    );
    expectClaim(
      prose,
      '0.300, 0.600, 1.200, 2.400 and 4.800 s in the report, then 9.600 s',
      `${[5, 6, 7, 8].map((n) => (time(fin, n) - time(fin, n - 1)).toFixed(3)).join(', ')} and ${(time(fin, 9) - time(fin, 8)).toFixed(3)} s in the report, then ${(time(fin, 10) - time(fin, 9)).toFixed(3)} s`,
    );
  });

  it('ends with RST, ACK 18.901 s after the first FIN, one sequence number past the FIN, window 0', () => {
    expect(flagSet(fin, 10, 'reset')).toBe(true);
    expect(flagSet(fin, 10, 'ack')).toBe(true);
    expect(flagSet(fin, 10, 'fin')).toBe(false);
    expectClaim(prose, '18.901 s have passed', `${(time(fin, 10) - time(fin, 4)).toFixed(3)} s have passed`);
    expectClaim(prose, 'backing off for 18.901 s', `backing off for ${(time(fin, 10) - time(fin, 4)).toFixed(3)} s`);
    expectClaim(prose, "550,433,956, one more than the FIN's 550,433,955", `${written(seqRaw(fin, 10))}, one more than the FIN's ${written(seqRaw(fin, 4))}`);
    expect(seqRaw(fin, 10)).toBe(seqRaw(fin, 4) + 1);
    expectClaim(prose, 'Its Window field is 0', `Its Window field is ${fin.num(10, 'tcp.window_size_value')}`);
    expect(fin.info(10)).toContain('[RST, ACK]');
  });

  it('the quiz answers come from the capture', () => {
    const waits = [5, 6, 7, 8, 9]
      .map((n) => (time(fin, n) - time(fin, n - 1)).toFixed(1))
      .join(', ')
      .replace(/, ([^,]+)$/, ' and $1');
    expectClaim(mdx, 'The waits were 0.3, 0.6, 1.2, 2.4 and 4.8 s', `The waits were ${waits} s`);
    expect(linger.info(8)).toContain('[RST, ACK]');
    expect(mdx).toContain('explain="Frame 8 is RST, ACK."');
    // rst-backoff-wait: frame 10's time delta, 9.6 s within 0.05.
    expect(mdx).toContain("answer={{ frame: 10, field: 'frame.time_delta' }}");
    expect(Math.abs(fin.num(10, 'frame.time_delta') - 9.6)).toBeLessThan(0.05);
    expectClaim(mdx, 'Frame 10 comes 9.600 s after frame 9', `Frame 10 comes ${fin.num(10, 'frame.time_delta').toFixed(3)} s after frame 9`);
    // rst-seq-raw: 550433956, the FIN's 550433955 plus one.
    expectClaim(mdx, 'The FIN in frame 4 has raw sequence number 550,433,955.', `The FIN in frame 4 has raw sequence number ${written(seqRaw(fin, 4))}.`);
    expectClaim(
      mdx,
      'explain="550,433,956: the FIN consumed sequence number 550,433,955',
      `explain="${written(seqRaw(fin, 10))}: the FIN consumed sequence number ${written(seqRaw(fin, 4))}`,
    );
  });
});

describe('lesson 7, a closed port', () => {
  it('has a SYN from 10.77.0.1 port 38848 to port 8081 of 10.77.0.2, answered by RST, ACK after 37 µs', () => {
    expectClaim(
      prose,
      'The client at 10.77.0.1 tries to connect to port 8081 of 10.77.0.2',
      `The client at ${refused.show(1, 'ip.src')} tries to connect to port ${refused.show(1, 'tcp.dstport')} of ${refused.show(1, 'ip.dst')}`,
    );
    expectClaim(prose, 'an ordinary SYN from port 38848', `an ordinary SYN from port ${refused.show(1, 'tcp.srcport')}`);
    expect(refused.show(1, 'tcp.flags.str')).toBe('··········S·');
    expect(refused.count).toBe(2);
    expectClaim(prose, 'comes 37 µs later', `comes ${Math.round(refused.num(2, 'frame.time_delta') * 1e6)} µs later`);
    expect(flagSet(refused, 2, 'reset') && flagSet(refused, 2, 'ack')).toBe(true);
    expect(refused.show(2, 'ip.src')).toBe('10.77.0.2');
  });

  it('has the reset take sequence number 0 and acknowledge the SYN plus one', () => {
    expectClaim(prose, "The SYN's raw sequence number is 2,075,146,622", `The SYN's raw sequence number is ${written(seqRaw(refused, 1))}`);
    expectClaim(prose, 'raw acknowledgment number is 2,075,146,623', `raw acknowledgment number is ${written(refused.num(2, 'tcp.ack_raw'))}`);
    expect(refused.num(2, 'tcp.ack_raw')).toBe(seqRaw(refused, 1) + 1);
    expectClaim(prose, 'the reset takes sequence number 0', `the reset takes sequence number ${seqRaw(refused, 2)}`);
    expectClaim(
      prose,
      'sequence as relative 1; the raw field is 0',
      `sequence as relative ${refused.num(2, 'tcp.seq')}; the raw field is ${seqRaw(refused, 2)}`,
    );
    // The Predict question asks for RST, ACK and the relative ACK 1.
    expect(refused.num(2, 'tcp.ack')).toBe(1);
    expect(mdx).toContain("the reset acknowledges the SYN's sequence number plus one: relative 1");
  });
});

describe('lesson 7, an abortive close', () => {
  it('has a handshake in frames 1 to 3 and five bytes each way in frames 4 to 7', () => {
    expect(linger.show(1, 'tcp.flags.str')).toBe('··········S·');
    expect(linger.show(2, 'tcp.flags.str')).toBe('·······A··S·');
    expect(linger.show(3, 'tcp.flags.str')).toBe('·······A····');
    expectStated(prose, 'a handshake in frames # to #', 1, 3);
    expectStated(prose, '# bytes each way in frames # to #', linger.num(4, 'tcp.len'), 4, 7);
    expect(linger.num(4, 'tcp.len')).toBe(5);
    expect(linger.show(4, 'ip.src')).toBe('10.77.0.1');
    expect(linger.num(6, 'tcp.len')).toBe(5);
    expect(linger.show(6, 'ip.src')).toBe('10.77.0.2');
    expect(linger.num(5, 'tcp.len') + linger.num(7, 'tcp.len')).toBe(0);
  });

  it('ends with RST, ACK 0.226 s after the last ACK, with no FIN anywhere', () => {
    expect(linger.count).toBe(8);
    for (let n = 1; n <= 8; n++) expect(flagSet(linger, n, 'fin'), `frame ${n}`).toBe(false);
    expect(flagSet(linger, 8, 'reset') && flagSet(linger, 8, 'ack')).toBe(true);
    expect(linger.show(8, 'ip.src')).toBe('10.77.0.1');
    expectClaim(prose, 'RST with ACK, 0.226 s after the last ACK', `RST with ACK, ${secs(linger, 8, 'frame.time_delta')} s after the last ACK`);
  });

  it('has the reset carry exactly the next sequence number the server expects: 6', () => {
    expectClaim(prose, "The reset's sequence number is 6 (relative)", `The reset's sequence number is ${linger.num(8, 'tcp.seq')} (relative)`);
    expectClaim(prose, 'the client had sent bytes 1 to 5', `the client had sent bytes ${linger.num(4, 'tcp.seq')} to ${linger.num(4, 'tcp.nxtseq') - 1}`);
    // The server's last ACK (frame 5) expected exactly that number.
    expect(linger.num(5, 'tcp.ack')).toBe(linger.num(8, 'tcp.seq'));
  });
});

describe('lesson 7, the page', () => {
  it('links only frames that a viewer of the same capture on the page shows', () => {
    const viewers = [...mdx.matchAll(/<PacketViewer capture="([^"]+)" frames="(\d+)-(\d+)"/g)].map((m) => ({
      id: m[1]!,
      from: Number(m[2]),
      to: Number(m[3]),
    }));
    const links = [...mdx.matchAll(/<FrameLink capture="([^"]+)" frame=\{(\d+)\}/g)];
    expect(links.length).toBeGreaterThan(10);
    for (const [, id, frame] of links) {
      expect(
        viewers.some((v) => v.id === id && v.from <= Number(frame) && Number(frame) <= v.to),
        `${id} frame ${frame}`,
      ).toBe(true);
    }
  });

  it('has at least six questions with unique ids, two Answers and a Predict', () => {
    const ids = [...mdx.matchAll(/<(Choice|Answer|Predict|Order|FindField) id="([^"]+)"/g)].map((m) => m[2]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(mdx.match(/<Answer /g)!.length).toBeGreaterThanOrEqual(2);
    expect(mdx).toContain('<Predict ');
  });
});

describe('lesson 7, claims added on review', () => {
  it("frame 1's D-SACK edges: relative 4,294,966,956 and 1, raw 2,121,415,956 and 2,121,416,297", () => {
    expectClaim(prose, '4,294,966,956 and 1', `${written(fin.num(1, 'tcp.options.sack_le'))} and ${written(fin.num(1, 'tcp.options.sack_re'))}`);
    // Raw edge = relative edge + the initial sequence number (raw ACK 2,121,416,297 is relative 1), modulo 2^32.
    const isn = fin.num(1, 'tcp.ack_raw') - fin.num(1, 'tcp.ack');
    expectClaim(
      prose,
      '2,121,415,956 and 2,121,416,297',
      `${written((fin.num(1, 'tcp.options.sack_le') + isn) % 2 ** 32)} and ${written((fin.num(1, 'tcp.options.sack_re') + isn) % 2 ** 32)}`,
    );
  });

  it('the client gave up after 18.9 s, with five retransmissions', () => {
    expectClaim(prose, 'it gave up after 18.9 s', `it gave up after ${(time(fin, 10) - time(fin, 4)).toFixed(1)} s`);
    expect([5, 6, 7, 8, 9].every(isRetransmission)).toBe(true);
  });

  it("the client's segments carry window 1,020 (the server's FIN does not)", () => {
    expect(prose).toContain("The Window field of the client's segments says 1,020");
    expect([1, 3, 4, 5, 6, 7, 8, 9].every((n) => fin.num(n, 'tcp.window_size_value') === 1020)).toBe(true);
    expect(fin.num(2, 'tcp.window_size_value')).not.toBe(1020);
  });
});

describe('lesson 7: the ladder does not move the server on after a FIN nobody acknowledged', () => {
  it("from frame 4 on, the server's state is unknown; the client's is LAST-ACK, then CLOSED", () => {
    expect(prose).toContain("from that FIN on it marks the server's state as unknown");
    // No segment from the server acknowledges the client's FIN (frame 4).
    const finEnd = fin.num(4, 'tcp.seq') + 1;
    for (let n = 5; n <= fin.count; n++) if (fin.show(n, 'ip.src') === '61.78.36.10') expect(fin.num(n, 'tcp.ack')).toBeLessThan(finEnd);
    const states = (n: number) => fin.opened.analysis!.connectionStates(n)!;
    const server = (n: number) => (fin.show(1, 'ip.src') === '61.78.36.10' ? states(n).a : states(n).b);
    expect(server(3)).toBe('FIN-WAIT-2');
    for (let n = 4; n <= 10; n++) expect(server(n), `frame ${n}`).toBe('unknown');
  });
});

describe("the viewer's note for frame 10", () => {
  it('reads the reset from its history: five unanswered copies of the FIN, not a program’s abort', () => {
    const notes = widgetNotes('07-rst.mdx').filter((n) => n.capture === 'report-fin-rst' && n.frame === 10);
    expect(notes.length).toBeGreaterThan(0);
    // The copies: the client's retransmissions before the RST, and nothing from the server acknowledges the FIN.
    const copies = [];
    for (let n = 5; n < 10; n++) if (isRetransmission(n) && flagSet(fin, n, 'fin')) copies.push(n);
    expect(copies).toEqual([5, 6, 7, 8, 9]);
    expectStated(prose, '# copies of the FIN, none acknowledged, then the reset', copies.length);
    for (const n of notes) {
      expectStated(n.text, 'the FIN (sequence number #) in frame #', fin.num(4, 'tcp.seq'), 4);
      expectStated(n.text, '# more times, the last copy in frame #', copies.length, copies.at(-1)!);
      expect(n.text).toContain('RFC 9293, section 3.8.3');
      expect(n.text).not.toContain('SO_LINGER');
    }
  });
});
