// Lesson 6 (retransmission): every number the prose and the quiz state about
// a capture, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectStated, lessonText, proseOf, written, type LessonCapture } from './support.ts';
import { widgetNotes } from './widget-notes.ts';

const mdx = lessonText('retransmission');
const prose = proseOf(mdx);
const flagged = (c: LessonCapture, n: number, flag: string) => c.fields(n, `tcp.analysis.${flag}`).length > 0;
const t = (c: LessonCapture, n: number) => c.num(n, 'frame.time_relative');
const us = (s: number) => (s * 1e6).toFixed(0);
const sack = (c: LessonCapture, n: number) => {
  const le = c.fields(n, 'tcp.options.sack_le').map((f) => Number(f.show));
  const re = c.fields(n, 'tcp.options.sack_re').map((f) => Number(f.show));
  return le.map((l, i) => [l, re[i]!]);
};

describe("lesson 6: the report's spurious retransmission", () => {
  const c = capture('report-spurious');

  it('holds the nine listed frames, each naming its report frame', () => {
    expect(prose).toContain('holds its nine listed frames');
    expect(c.count).toBe(9);
    const report = [208, 209, 210, 214, 216, 217, 220, 221, 223];
    expect(prose).toContain('(report frames 208, 209, 210, 214, 216, 217, 220, 221 and 223)');
    for (const [i, r] of report.entries()) expect(c.show(i + 1, 'frame.comment')).toMatch(new RegExp(`^Report frame ${r} `));
    expect(prose).toContain('A, 192.168.0.75');
    expect(c.show(1, 'ip.src')).toBe('192.168.0.75');
    expect(prose).toContain('216.58.221.238, port 443');
    expect(c.show(2, 'ip.src')).toBe('216.58.221.238');
    expect(c.num(2, 'tcp.srcport')).toBe(443);
  });

  it('frame 2 carries 38 bytes from 929097925, acknowledged 14 µs later with 929097963', () => {
    expect(c.num(2, 'tcp.len')).toBe(38);
    expectStated(prose, 'B sends # bytes of application data', c.num(2, 'tcp.len'));
    expectStated(prose, 'sequence number # (relative #)', c.show(1, 'tcp.ack_raw'), c.num(2, 'tcp.seq'));
    // tcp.seq_raw is hidden in the decoder's tree: the ACK just before frame 2 names the same byte.
    expect(c.show(1, 'tcp.ack_raw')).toBe('929097925');
    expect(c.num(2, 'tcp.seq')).toBe(1);
    expect(prose).toContain('14 µs later: A acknowledges them, ACK 929097963 = 929097925 + 38');
    expect(us(t(c, 3) - t(c, 2))).toBe('14');
    expect(c.show(3, 'tcp.ack_raw')).toBe(String(929097925 + 38));
  });

  it("frame 4 is A's 38 bytes; frame 5, 8 ms after frame 2, repeats frame 2 and is spurious", () => {
    expect(prose).toContain('A sends 38 bytes of its own');
    expect(c.num(4, 'tcp.len')).toBe(38);
    expect(prose).toContain('8 ms after frame 2');
    expect(((t(c, 5) - t(c, 2)) * 1000).toFixed(0)).toBe('8');
    expect(c.num(5, 'tcp.seq')).toBe(c.num(2, 'tcp.seq'));
    expect(c.num(5, 'tcp.len')).toBe(38);
    expect(flagged(c, 5, 'spurious_retransmission')).toBe(true);
    expect(c.info(5)).toContain('[TCP Spurious Retransmission]');
  });

  it('frame 6 repeats ACK 929097963 without data, with the D-SACK block 1 to 39, duplicate #1 of frame 3', () => {
    expectStated(prose, 'repeats ACK #, carries no data', c.show(6, 'tcp.ack_raw'));
    expectStated(prose, 'SACK block from # to # (relative # to #)', c.show(1, 'tcp.ack_raw'), c.show(6, 'tcp.ack_raw'), ...sack(c, 6)[0]!);
    expect(c.show(6, 'tcp.ack_raw')).toBe('929097963');
    expect(c.num(6, 'tcp.len')).toBe(0);
    expect(sack(c, 6)).toEqual([[1, 39]]);
    expect(c.num(6, 'tcp.options.sack.dsack_le')).toBe(1);
    expect(c.num(6, 'tcp.options.sack.dsack_re')).toBe(39);
    expect(prose).toContain('TCP Dup ACK 3#1');
    expect(c.info(6)).toContain('[TCP Dup ACK 3#1]');
    expect(c.num(6, 'tcp.analysis.duplicate_ack_num')).toBe(1);
    expect(c.num(6, 'tcp.analysis.duplicate_ack_frame')).toBe(3);
  });

  it("B acknowledged A's data about 40 ms after it was sent", () => {
    expect(prose).toContain("came about 40 ms after A's data");
    expect(c.num(8, 'tcp.ack')).toBe(c.num(4, 'tcp.seq') + c.num(4, 'tcp.len'));
    expect(c.num(9, 'tcp.ack')).toBe(c.num(7, 'tcp.seq') + c.num(7, 'tcp.len'));
    for (const [ack, data] of [
      [8, 4],
      [9, 7],
    ]) {
      const gap = (t(c, ack!) - t(c, data!)) * 1000;
      expect(gap).toBeGreaterThan(35);
      expect(gap).toBeLessThan(45);
    }
  });

  it('the mistake box: 1990194821 + 38 = 1990194859, and frame 6 has no data', () => {
    expect(prose).toContain('1990194821 + 38 = 1990194859');
    expect(c.show(5, 'tcp.ack_raw')).toBe('1990194821');
    expect(c.show(8, 'tcp.ack_raw')).toBe('1990194859');
    expect(c.num(6, 'tcp.seq')).toBe(c.num(4, 'tcp.seq') + c.num(4, 'tcp.len'));
  });
});

describe('lesson 6: timeouts in tcp-spurious', () => {
  const c = capture('tcp-spurious');
  const copies = [6, 8, 10, 12];

  it('frame 4 carries 38 bytes, acknowledged by frame 5 (ACK 39)', () => {
    expect(prose).toContain('carries the 38 bytes');
    expect(c.num(4, 'tcp.len')).toBe(38);
    expect(prose).toContain('acknowledges them (ACK 39)');
    expect(c.num(5, 'tcp.ack')).toBe(39);
  });

  it('four copies, each answered by a duplicate ACK with the D-SACK block 1 to 39, then no more', () => {
    expect(prose).toContain('four more times');
    for (const [i, n] of copies.entries()) {
      expect(c.num(n, 'tcp.seq')).toBe(1);
      expect(c.num(n, 'tcp.len')).toBe(38);
      expect(flagged(c, n, 'spurious_retransmission')).toBe(true);
      expect(c.num(n + 1, 'tcp.analysis.duplicate_ack_num')).toBe(i + 1);
      expect(c.num(n + 1, 'tcp.options.sack.dsack_le')).toBe(1);
      expect(c.num(n + 1, 'tcp.options.sack.dsack_re')).toBe(39);
    }
    expect(prose).toContain('D-SACK block 1 to 39');
    for (let n = 14; n <= c.count; n++) expect(c.num(n, 'tcp.seq') === 1 && c.num(n, 'tcp.len') === 38).toBe(false);
  });

  it("the table of copies matches the capture's times", () => {
    let prev = 4;
    for (const [i, n] of copies.entries()) {
      const since4 = (t(c, n) - t(c, 4)).toFixed(3);
      const wait = (t(c, n) - t(c, prev)).toFixed(3);
      expectStated(mdx, `| ${i + 1} | ${n} | # s | # s |`, since4, wait);
      prev = n;
    }
    const waits = copies.slice(1).map((n, i) => (t(c, n) - t(c, copies[i]!)).toFixed(3));
    expectStated(prose, 'twice the one before: # s, # s, # s', ...waits);
    expect(prose).toContain('the first copy, at 0.207 s');
  });
});

describe('lesson 6: the loss in tcp-loss', () => {
  const c = capture('tcp-loss');
  const isNew = (n: number, after: number) =>
    c.num(n, 'tcp.len') > 0 && c.num(n, 'tcp.seq') >= after && !flagged(c, n, 'retransmission') && !flagged(c, n, 'out_of_order');

  it('300,000 bytes in segments of 1,448 bytes, MSS 1,460', () => {
    expectStated(prose, 'sends # bytes from a client', c.num(265, 'tcp.ack') - 1);
    expectStated(prose, 'Each segment carries # bytes', c.num(48, 'tcp.len'));
    expectStated(prose, 'the MSS of #', c.num(1, 'tcp.options.mss_val'));
    expect(c.num(1, 'tcp.options.mss_val') - c.num(48, 'tcp.len')).toBe(12);
  });

  it('frame 48 at 34,753 is lost; frame 60 asks for it with SACK 36,201 to 37,649 (frame 49)', () => {
    expect(prose).toContain('sends bytes from 34,753');
    expect(c.num(48, 'tcp.seq')).toBe(34753);
    expectStated(prose, 'acknowledges #, the first byte it lacks', c.num(60, 'tcp.ack'));
    expectStated(prose, 'adds a SACK block # to #', ...sack(c, 60)[0]!);
    expect(c.num(60, 'tcp.ack')).toBe(34753);
    expect(sack(c, 60)).toEqual([[36201, 37649]]);
    expect(c.num(49, 'tcp.seq')).toBe(36201);
  });

  it('duplicate ACKs #1 to #3 in frames 61 to 63, right edges 39,097, 40,545, 50,681', () => {
    expect(prose).toContain('the same ACK 34,753 again, duplicate ACKs #1, #2 and #3');
    expect(prose).toContain('39,097, then 40,545, then 50,681');
    const edges = [39097, 40545, 50681];
    [61, 62, 63].forEach((n, i) => {
      expect(c.num(n, 'tcp.ack')).toBe(34753);
      expect(c.num(n, 'tcp.analysis.duplicate_ack_num')).toBe(i + 1);
      expect(c.num(n, 'tcp.analysis.duplicate_ack_frame')).toBe(60);
      expect(sack(c, n)).toEqual([[36201, edges[i]!]]);
    });
    expect(prose).toContain('everything from 36,201 to 50,681; only the segment at 34,753 is missing');
  });

  it('15 new segments (64 to 78), duplicate ACK #4 (79, SACK to 72,401), 4 more new segments (80 to 83)', () => {
    expect(mdx).toContain('Frames 64 to 78: the sender sends 15 **new** segments');
    const firstRun = Array.from({ length: 15 }, (_, i) => 64 + i);
    expect(firstRun.every((n) => isNew(n, 50681) && c.show(n, 'ip.src') === '10.77.1.1')).toBe(true);
    expect(c.num(78, 'tcp.seq')).toBe(c.num(64, 'tcp.seq') + 14 * 1448);
    expect(isNew(79, 50681)).toBe(false);
    expectStated(prose, 'Its # new segments after the third duplicate ACK', firstRun.length);
    expect(prose).toContain('duplicate ACK #4, SACK block now 36,201 to 72,401');
    expect(c.num(79, 'tcp.analysis.duplicate_ack_num')).toBe(4);
    expect(sack(c, 79)).toEqual([[36201, 72401]]);
    expect(prose).toContain('Frames 80 to 83 send 4 more new segments');
    expect([80, 81, 82, 83].every((n) => isNew(n, 72401))).toBe(true);
  });

  it('frame 84 resends 34,753 as a fast retransmission; frame 85 acknowledges 78,193, 43,440 bytes at once', () => {
    expect(c.num(84, 'tcp.seq')).toBe(34753);
    expect(flagged(c, 84, 'fast_retransmission')).toBe(true);
    expectStated(prose, 'the receiver acknowledges # at once', c.num(85, 'tcp.ack'));
    expectStated(prose, 'everything through frame #: # bytes', 83, c.num(85, 'tcp.ack') - c.num(84, 'tcp.seq'));
    expect(c.num(85, 'tcp.ack')).toBe(78193);
    expect(c.num(83, 'tcp.seq') + c.num(83, 'tcp.len')).toBe(78193);
    expect(written(c.num(85, 'tcp.ack') - c.num(84, 'tcp.seq'))).toBe('43,440');
  });

  it('the retransmission came 67 µs after the third duplicate ACK, after 15 then 4 new segments', () => {
    expectStated(prose, 'it sent # new segments, then # more', 15, 4);
    expectStated(prose, 'resent in frame #, # µs after frame #', 84, us(t(c, 84) - t(c, 63)), 63);
  });

  it('the lost retransmission: 136, 156, 179 carry 137,977; ACKs 155, 157, 158, 178 ask for it', () => {
    expectStated(prose, 'ACK # with SACK # to #', c.num(155, 'tcp.ack'), ...sack(c, 155)[0]!);
    expectStated(prose, 'the segment sent in frame # is missing', 136);
    expect(c.num(155, 'tcp.ack')).toBe(137977);
    expect(sack(c, 155)).toEqual([[139425, 162593]]);
    for (const n of [136, 156, 179]) expect(c.num(n, 'tcp.seq')).toBe(137977);
    expect(flagged(c, 156, 'retransmission') && !flagged(c, 156, 'fast_retransmission')).toBe(true);
    expect(c.info(156)).toContain('[TCP Retransmission]');
    expect(flagged(c, 155, 'duplicate_ack')).toBe(false);
    expect(prose).toContain('(frames 157, 158 and 178) still ask for 137,977');
    for (const n of [157, 158, 178]) expect(c.num(n, 'tcp.ack')).toBe(137977);
    expect(flagged(c, 179, 'fast_retransmission')).toBe(true);
    expect(prose).toContain('0.386 ms after frame 156');
    expect(((t(c, 179) - t(c, 156)) * 1000).toFixed(3)).toBe('0.386');
  });

  it('frame 180 acknowledges 177,241 and frame 181 resends from there', () => {
    expect(prose).toContain('ACK 177,241');
    expect(c.num(180, 'tcp.ack')).toBe(177241);
    expect(prose).toContain('resends the next hole, at 177,241');
    expect(c.num(181, 'tcp.seq')).toBe(177241);
    expect(flagged(c, 181, 'retransmission')).toBe(true);
  });

  it('Wireshark\'s "RTO" for frame 156 is 150 µs, counted from frame 136', () => {
    expect(prose).toContain('"The RTO for this segment was": 150 µs');
    expect(Math.floor(c.num(156, 'tcp.analysis.rto') * 1e6)).toBe(150);
    expect(c.num(156, 'tcp.analysis.rto_frame')).toBe(136);
  });

  it("frame 262 resends the hole at 272,729 between frame 248's SACK blocks, yet is labelled out-of-order", () => {
    expectStated(prose, 'resends the hole at #', c.num(262, 'tcp.seq'));
    expectStated(prose, '# SACK blocks of frame #', sack(c, 248).length, 248);
    expect(c.num(262, 'tcp.seq')).toBe(272729);
    expect(flagged(c, 262, 'out_of_order')).toBe(true);
    expect(flagged(c, 262, 'retransmission')).toBe(false);
    expect(prose).toContain('(274,177 to 282,865 first, the most recent, then 229,289 to 272,729)');
    expect(sack(c, 248)).toEqual([
      [274177, 282865],
      [229289, 272729],
    ]);
    expectStated(prose, 'it came # µs after frame #', us(t(c, 262) - t(c, 261)), 261);
    expectStated(prose, "handshake's round-trip time of # µs", us(c.num(262, 'tcp.analysis.initial_rtt')));
    expect(us(t(c, 262) - t(c, 261))).toBe('21');
    expect(us(c.num(262, 'tcp.analysis.initial_rtt'))).toBe('65');
    expect(c.num(241, 'tcp.seq')).toBe(272729);
    // The note names the first earlier segment with the same bytes.
    const earlier = [...Array(261).keys()].map((i) => i + 1).find((k) => c.fields(k, 'tcp.seq').length > 0 && c.num(k, 'tcp.seq') === c.num(262, 'tcp.seq'));
    expectStated(prose, 'the earlier copy of the same bytes in frame #', earlier!);
    const notes = widgetNotes('06-retransmission.mdx').filter((n) => n.capture === 'tcp-loss' && n.frame === 262 && n.text.includes('out-of-order'));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expectStated(n.text, 'The capture already showed them in frame #', earlier!);
    expectStated(prose, 'the bytes between them, # to #, were missing', c.num(262, 'tcp.seq'), c.num(262, 'tcp.seq') + c.num(262, 'tcp.len') - 1);
    expect(c.num(262, 'tcp.seq') + c.num(262, 'tcp.len') - 1).toBe(274176);
    expect(sack(c, 248)[0]![0]).toBe(274176 + 1);
  });

  it('frame 179 followed exactly two duplicate ACKs', () => {
    expect(mdx).toContain('frame 179 is a "fast retransmission" after two duplicate ACKs');
    expect(c.num(178, 'tcp.analysis.duplicate_ack_num')).toBe(2);
  });
});

describe('lesson 6: quiz', () => {
  it("the explanations' numbers come from the captures", () => {
    const r = capture('report-spurious');
    const l = capture('tcp-loss');
    const first = r.show(1, 'tcp.ack_raw');
    const end = r.num(3, 'tcp.ack_raw');
    expectStated(mdx, 'Frame 3 acknowledged bytes # to # (ACK #)', first, String(end - 1), String(end));
    expectStated(mdx, 'before the copy arrived in frame #', 5);
    expectStated(mdx, 'The D-SACK block covers relative # to #', ...sack(r, 6)[0]!);
    expectStated(mdx, 'the # bytes that arrived twice (raw # to #)', r.num(5, 'tcp.len'), first, String(end));
    expectStated(mdx, 'asked for byte #, and frame # resends', l.num(84, 'tcp.seq'), 84);
    expectStated(mdx, 'the segment that starts there, first sent in frame #', 48);
    expect(l.num(48, 'tcp.seq')).toBe(l.num(84, 'tcp.seq'));
    const dups = [61, 62, 63, 79];
    for (const n of dups) expect(l.num(n, 'tcp.ack')).toBe(l.num(60, 'tcp.ack'));
    expectStated(mdx, "Frames #, #, # and # repeat frame #'s ACK #", ...dups, 60, l.num(60, 'tcp.ack'));
    expectStated(mdx, ': # duplicate ACKs', dups.length);
    expect(mdx).toContain("Frame 79\\'s SACK block shows the receiver holds 36,201 to 72,401");
    expect(mdx).toContain('frame 83 ends at 78,193');
    expect(mdx).toContain('so it acknowledges 78,193 in one bare ACK');
    expect(l.num(85, 'tcp.len')).toBe(0);
    expectStated(mdx, 'It came # µs after frame #, under the # µs', us(t(l, 262) - t(l, 261)), 261, us(l.num(262, 'tcp.analysis.initial_rtt')));
    expect(mdx).toContain('The bytes at 272,729 were first sent in frame 241');
    expect(mdx).toContain('It is a full 1,448-byte segment of data');
    expect(l.num(262, 'tcp.len')).toBe(1448);
    expect(mdx).toContain('sent it again in frame 179, 0.386 ms later');
    for (const n of [136, 156, 179]) expect(l.num(n, 'tcp.seq')).toBe(l.num(155, 'tcp.ack'));
    expectStated(mdx, 'the segment at # is sent in frame #', l.num(136, 'tcp.seq'), 136);
    expectStated(mdx, 'again in frame #, and a third time in frame #', 156, 179);
    for (const n of [157, 158, 178]) expect(l.num(n, 'tcp.ack')).toBe(l.num(136, 'tcp.seq'));
    expectStated(mdx, 'ACKs in frames #, # and # would ask for #', 157, 158, 178, l.num(136, 'tcp.seq'));
    expect(mdx).toContain('holds the left edge 929097925 and the right edge 929097963');
  });
});

describe('lesson 6: claims added on review', () => {
  it('the timestamp option takes 12 bytes of every segment: 1,460 - 12 = 1,448', () => {
    const l = capture('tcp-loss');
    expect(prose).toContain('less the 12 bytes');
    expect(l.num(48, 'tcp.hdr_len') - 20).toBe(12);
    expect(l.num(1, 'tcp.options.mss_val') - 12).toBe(l.num(48, 'tcp.len'));
  });

  it("the report's copy came 8 ms after the original, and B has no unacknowledged data at frame 6", () => {
    const r = capture('report-spurious');
    expectStated(prose, 'held up on the way: # ms is short', Math.round((r.num(5, 'frame.time_relative') - r.num(2, 'frame.time_relative')) * 1000));
    expect(Math.round((r.num(5, 'frame.time_relative') - r.num(2, 'frame.time_relative')) * 1000)).toBe(8);
    // B's only data (frame 2) was acknowledged in frame 3, before frame 6.
    expect(r.num(3, 'tcp.ack_raw')).toBe(r.num(2, 'tcp.seq_raw') + r.num(2, 'tcp.len'));
    expect(prose).toContain('B most likely has none');
  });

  it("Wireshark's check order: spurious before out-of-order (tcp-spurious frame 6 is labelled spurious)", () => {
    expect(mdx).toContain('1. **TCP Spurious Retransmission**');
    expect(mdx).toContain('4. **TCP Retransmission**');
    const s = capture('tcp-spurious');
    expect(s.info(6)).toContain('[TCP Spurious Retransmission]');
  });
});

describe('lesson 6: RACK on tcp-loss, and what the sender capture cannot show', () => {
  const c = capture('tcp-loss');

  it('frame 62 SACKs three segments beyond the gap (frames 49, 50 and 51)', () => {
    expectStated(prose, 'SACKs # segments beyond the gap (frames #, # and #)', 3, 49, 50, 51);
    const [[left, right]] = sack(c, 62) as [[number, number]];
    expect(left).toBe(c.num(49, 'tcp.seq'));
    expect(right).toBe(c.num(51, 'tcp.seq') + c.num(51, 'tcp.len'));
    expect((right - left) / c.num(48, 'tcp.len')).toBe(3);
  });

  it("RACK's arithmetic at frame 62: the segment from frame 51 came back after 40.5 µs, frame 48 left 41.5 µs before", () => {
    // RFC 8985 6.2: with no reordering seen and DupThresh segments SACKed, reo_wnd = 0,
    // so the segment is lost once its age exceeds RACK.rtt.
    const rtt = t(c, 62) - t(c, 51);
    const age = t(c, 62) - t(c, 48);
    expectStated(prose, 'frame # had come back after # µs', 51, (rtt * 1e6).toFixed(1));
    expectStated(prose, 'frame # had left # µs before', 48, (age * 1e6).toFixed(1));
    expect(age).toBeGreaterThan(rtt);
  });

  it('frames 64 to 78 leave within 4.5 µs, and PSH marks frames 58, 78 and 83', () => {
    expectStated(prose, 'Frames # to # (# full segments) leave within # µs', 64, 78, 15, ((t(c, 78) - t(c, 64)) * 1e6).toFixed(1));
    expectStated(prose, 'PSH) on frames #, # and #', 58, 78, 83);
    const pushed = [];
    for (let n = 44; n <= 84; n++) if (c.show(n, 'ip.src') === '10.77.1.1' && c.num(n, 'tcp.flags.push') === 1) pushed.push(n);
    expect(pushed).toEqual([58, 78, 83]);
  });

  it("frame 156's TCP checksum is good in the sender's capture (the quiz's damage-or-loss option)", () => {
    expect(mdx).toContain("the segment's checksum is good in the sender's capture");
    expect(c.num(156, 'tcp.checksum.status')).toBe(1);
  });
});

describe('lesson 6: RFC 6675 on tcp-loss frames 60 to 62', () => {
  const c = capture('tcp-loss');
  const DUP_THRESH = 3; // RFC 6675 section 2
  const smss = c.num(48, 'tcp.len');
  /** Bytes SACKed above the first missing byte (the cumulative ACK). */
  const sacked = (n: number) => sack(c, n).reduce((sum, [l, r]) => sum + (l >= c.num(n, 'tcp.ack') ? r - l : 0), 0);
  /** RFC 6675 section 4, IsLost: DupThresh SACKed blocks above, or more than (DupThresh - 1) * SMSS bytes. */
  const isLost = (n: number) => sack(c, n).length >= DUP_THRESH || sacked(n) > (DUP_THRESH - 1) * smss;

  it('uses the segment size and the bar of more than 2,896 bytes', () => {
    expectStated(prose, 'here # bytes, so the bar is more than # bytes', smss, (DUP_THRESH - 1) * smss);
  });

  it('declares the segment at 34,753 lost at frame 62, not at 60 or 61', () => {
    expect(c.num(60, 'tcp.ack')).toBe(34753);
    expectStated(prose, 'Frame # SACKs # bytes above #, and frame # SACKs #', 60, sacked(60), c.num(60, 'tcp.ack'), 61, sacked(61));
    expectStated(prose, 'Frame # SACKs # bytes: the segment at # is lost', 62, sacked(62), c.num(62, 'tcp.ack'));
    expect([60, 61, 62].map(isLost)).toEqual([false, false, true]);
  });

  it('names frame 85 as the ACK that ends the episode', () => {
    expectStated(prose, 'one cumulative ACK (frame #)', 85);
    expect(c.num(85, 'tcp.ack')).toBe(c.num(83, 'tcp.seq') + c.num(83, 'tcp.len'));
  });
});

describe('lesson 6: F-RTO, timestamps and D-SACK on tcp-spurious; Karn on tcp-loss', () => {
  const s = capture('tcp-spurious');
  const l = capture('tcp-loss');
  const fromServer = (n: number) => s.show(n, 'ip.src') === s.show(2, 'ip.src');

  it('the server has no new data until it answers the request in frame 14', () => {
    expectStated(prose, 'its next data, frame #, answers a request', 16);
    expectStated(prose, 'a request that comes only in frame #', 14);
    const serverData = Array.from({ length: s.count }, (_, i) => i + 1).filter((n) => fromServer(n) && s.num(n, 'tcp.len') > 0);
    const firstNew = serverData.find((n) => s.num(n, 'tcp.seq') > s.num(4, 'tcp.seq'));
    expect(firstNew).toBe(16);
    expect(fromServer(14)).toBe(false);
    expect(s.num(14, 'tcp.len')).toBeGreaterThan(0);
  });

  it('frame 13 acknowledges everything the server had sent, up to 39', () => {
    expectStated(prose, 'the one ACK that reached it, frame #,', 13);
    expectStated(prose, 'frame #, acknowledges everything up to #', 13, s.num(13, 'tcp.ack'));
    expect(s.num(13, 'tcp.ack')).toBe(s.num(12, 'tcp.seq') + s.num(12, 'tcp.len'));
  });

  it("frame 13 echoes the TSval of the copy in frame 12, not the original's (frame 4)", () => {
    expectStated(prose, 'Frame # echoes #, the TSval of the copy in frame #', 13, s.show(13, 'tcp.options.timestamp.tsecr'), 12);
    expectStated(prose, "not the original's # (frame #)", s.show(4, 'tcp.options.timestamp.tsval'), 4);
    expect(s.show(13, 'tcp.options.timestamp.tsecr')).toBe(s.show(12, 'tcp.options.timestamp.tsval'));
    expect(s.show(13, 'tcp.options.timestamp.tsecr')).not.toBe(s.show(4, 'tcp.options.timestamp.tsval'));
  });

  it("frame 13's SACK block 1 to 39 lies below its ACK 39 (a D-SACK)", () => {
    expectStated(prose, "Frame #'s SACK block # to # lies below its ACK #", 13, ...sack(s, 13)[0]!, s.num(13, 'tcp.ack'));
    expect(sack(s, 13)[0]![0]).toBeLessThan(s.num(13, 'tcp.ack'));
  });

  it('tcp-loss frame 85 acknowledges the copy of frame 84, and both copies carry one TSval', () => {
    expectStated(prose, 'frame # acknowledges the copy sent in frame #', 85, 84);
    expectStated(prose, 'of the segment first sent in frame #', 48);
    expect(l.num(84, 'tcp.seq')).toBe(l.num(48, 'tcp.seq'));
    expect(l.num(85, 'tcp.ack')).toBeGreaterThanOrEqual(l.num(84, 'tcp.seq') + l.num(84, 'tcp.len'));
    expectStated(prose, 'both copies carry TSval #', l.show(48, 'tcp.options.timestamp.tsval'));
    expect(l.show(84, 'tcp.options.timestamp.tsval')).toBe(l.show(48, 'tcp.options.timestamp.tsval'));
  });
});
