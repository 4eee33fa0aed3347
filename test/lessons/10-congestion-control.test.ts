// The congestion control lesson: every number the prose states about
// tcp-cubic and tcp-bbr, checked against the decoder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, expectStated, lessonText, proseOf } from './support.ts';

const mdx = lessonText('congestion-control');
const prose = proseOf(mdx);
const cubic = capture('tcp-cubic');
const bbr = capture('tcp-bbr');
const inFlight = (c: typeof cubic, n: number) => c.num(n, 'tcp.analysis.bytes_in_flight');
const t = (c: typeof cubic, n: number) => c.num(n, 'frame.time_relative');
const isData = (c: typeof cubic, n: number) => c.show(n, 'ip.src') === '10.77.1.1' && c.num(n, 'tcp.len') > 0;

describe('the recordings', () => {
  it('send 1,500,000 bytes from 10.77.1.1 to 10.77.2.2, cut at 96 bytes', () => {
    expectStated(prose, 'each send # bytes from a sender (A, #)', 1500000, cubic.show(1, 'ip.src'));
    expectStated(prose, 'to a receiver (B, #)', cubic.show(1, 'ip.dst'));
    for (const c of [cubic, bbr]) {
      // The receiver's last ACK covers every byte and the FIN: 1,500,000 + 2.
      const acks = [...Array(c.count).keys()]
        .map((i) => i + 1)
        .filter((n) => c.show(n, 'ip.src') === '10.77.2.2')
        .map((n) => c.num(n, 'tcp.ack'));
      expect(Math.max(...acks)).toBe(1500002);
      expect(c.num(4, 'frame.cap_len')).toBe(96);
    }
    expectStated(prose, 'snap length of # bytes', 96);
  });
});

describe('slow start in tcp-cubic', () => {
  it('ten segments, then doubling: 14,480, 28,960, 57,920', () => {
    for (let n = 4; n <= 13; n++) expect(isData(cubic, n)).toBe(true);
    expect(cubic.num(13, 'tcp.len')).toBe(1448);
    expectStated(prose, 'frame 13 shows # bytes in flight', inFlight(cubic, 13));
    expectStated(prose, 'shows # bytes and', inFlight(cubic, 43));
    expect(prose).toContain('frame 99 57,920');
    expect(inFlight(cubic, 99)).toBe(57920);
    expect(inFlight(cubic, 43)).toBe(2 * inFlight(cubic, 13));
  });

  it('frame 191 asks for 88,329 with a SACK block above; frame 196 resends it', () => {
    expectStated(prose, 'still asks for byte #', cubic.num(191, 'tcp.ack'));
    expect(cubic.num(191, 'tcp.options.sack_le')).toBeGreaterThan(88329);
    for (let n = 4; n < 191; n++) if (cubic.show(n, 'ip.src') === '10.77.2.2') expect(cubic.fields(n, 'tcp.options.sack_le').length).toBe(0);
    expectStated(prose, 'resends #:', cubic.num(196, 'tcp.seq'));
    expect(cubic.num(196, 'tcp.seq')).toBe(88329);
  });
});

describe('the timeout and the single loss in tcp-cubic', () => {
  it('frames 959 and 960 resend 724,001, 0.53 s apart', () => {
    expectStated(prose, 'the oldest segment, #, again', cubic.num(959, 'tcp.seq'));
    expect(cubic.num(960, 'tcp.seq')).toBe(724001);
    expectStated(prose, 'sends it again # s later', (t(cubic, 960) - t(cubic, 959)).toFixed(2));
  });

  it('frame 958, 0.11 s after the ACK in 955, is a new segment nothing answers', () => {
    expect(fromB(cubic, 955)).toBe(true);
    for (const n of [956, 957, 958]) expect(isData(cubic, n)).toBe(true);
    expect(cubic.num(958, 'tcp.seq')).toBe(cubic.num(957, 'tcp.seq') + 1448);
    expectStated(prose, 'Frame 958, # s after the last ACK (frame #)', (t(cubic, 958) - t(cubic, 955)).toFixed(2), '955');
  });

  it('F-RTO: 962 and 963 send new data, 964 and 966 SACK it, 965 and 967 resend', () => {
    expect(fromB(cubic, 961)).toBe(true);
    expectStated(prose, 'still ask for # and only SACK', cubic.num(961, 'tcp.ack'));
    for (const n of [962, 963]) expect(cubic.num(n, 'tcp.seq')).toBeGreaterThan(cubic.num(958, 'tcp.seq'));
    for (const n of [964, 966]) {
      expect(cubic.num(n, 'tcp.ack')).toBe(cubic.num(961, 'tcp.ack'));
      expect(cubic.num(n, 'tcp.options.sack_le')).toBe(cubic.num(962, 'tcp.seq'));
    }
    expectStated(prose, 'resends the old bytes from # on', cubic.num(965, 'tcp.seq'));
    expect(cubic.num(965, 'tcp.seq')).toBe(cubic.num(961, 'tcp.ack'));
    expect(cubic.num(967, 'tcp.seq')).toBe(cubic.num(965, 'tcp.seq') + 1448);
    expect(prose).toContain('two segments in frames 965 and 967');
    for (const n of [965, 967]) expect(cubic.fields(n, 'tcp.analysis.out_of_order').length).toBe(1);
    expectStated(prose, 'frame 965 came # ms after frame #', ((t(cubic, 965) - t(cubic, 963)) * 1000).toFixed(1), '963');
    expectStated(prose, "under the handshake's round trip of # ms", (cubic.num(965, 'tcp.analysis.initial_rtt') * 1000).toFixed(1));
  });

  it('four segments in frames 969 to 973, eight in 975 to 985, a round trip apart', () => {
    const data = (a: number, b: number) => [...Array(b - a + 1).keys()].map((i) => i + a).filter((n) => isData(cubic, n));
    expect(data(969, 973).length).toBe(4);
    expect(data(975, 985).length).toBe(8);
    expect(t(cubic, 969) - t(cubic, 967)).toBeGreaterThan(0.03);
    expect(t(cubic, 975) - t(cubic, 973)).toBeGreaterThan(0.03);
    expect(t(cubic, 987) - t(cubic, 985)).toBeGreaterThan(0.03);
    expect(prose).toContain('four in frames 969 to 973,');
    expect(prose).toContain('eight in frames 975 to 985');
  });

  it('frame 1713 is a fast retransmission; flight 63,712 (44) in 1704, 43,440 (30) in 1773', () => {
    expect(cubic.fields(1713, 'tcp.analysis.fast_retransmission').length).toBe(1);
    expectStated(prose, 'Bytes in flight were # in frame # (# segments)', inFlight(cubic, 1704), '1704', inFlight(cubic, 1704) / 1448);
    expectStated(prose, 'and are # in frame # (# segments)', inFlight(cubic, 1773), '1773', inFlight(cubic, 1773) / 1448);
    expect((inFlight(cubic, 1773) / inFlight(cubic, 1704)).toFixed(1)).toBe('0.7');
  });

  it('after frame 959 Wireshark still counts 50,680 bytes in flight', () => {
    expectStated(prose, 'still shows # bytes while', inFlight(cubic, 959));
  });
});

describe('BBR against CUBIC', () => {
  it('40,544 bytes in flight in frame 1880, ACK after 40.3 ms; CUBIC 62.0 ms in frame 1690', () => {
    expectStated(prose, 'shows # bytes in flight, about', inFlight(bbr, 1880));
    expectStated(prose, 'came back after # ms', (bbr.num(1881, 'tcp.analysis.ack_rtt') * 1000).toFixed(1));
    expectStated(prose, 'frame 1690 took # ms', (cubic.num(1690, 'tcp.analysis.ack_rtt') * 1000).toFixed(1));
  });
});

// Helpers for the deeper sections: frames by direction, and round-trip samples.
const range = (a: number, b: number) => [...Array(b - a + 1).keys()].map((i) => i + a);
const fromB = (c: typeof cubic, n: number) => c.show(n, 'ip.src') === '10.77.2.2';
const ms = (s: number, digits = 1) => (s * 1000).toFixed(digits);
const ackRtts = (c: typeof cubic, a: number, b: number) =>
  range(a, b)
    .filter((n) => fromB(c, n) && c.fields(n, 'tcp.analysis.ack_rtt').length > 0)
    .map((n) => c.num(n, 'tcp.analysis.ack_rtt'));
const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const sidecar = readFileSync(join(import.meta.dirname, '../../captures/recorded/tcp-cubic.yaml'), 'utf8').replace(/\s+/g, ' ');

describe('the bandwidth-delay product, by hand', () => {
  it('8 Mbit/s and 40 ms give 40,000 bytes, 27.6 segments', () => {
    // The path as the recording set it up, and as the capture measures it.
    expect(sidecar).toContain('20 ms in each direction');
    expect(sidecar).toContain('8 Mbit/s with a 24 kB queue');
    expect(Math.min(...ackRtts(bbr, 100, bbr.count))).toBeGreaterThan(0.04);
    expectStated(prose, '8,000,000 / 8 = # bytes', 1000000);
    expectStated(prose, '1,000,000 × # = # bytes', '0.040', 40000);
    expectStated(prose, 'that is # segments', (40000 / 1448).toFixed(1));
  });

  it('a full queue of 24,000 bytes adds 24 ms: 64 ms and 64,000 bytes', () => {
    expectStated(prose, 'queue holds # bytes', 24000);
    expectStated(prose, 'adds # ms to every round trip: # + # = # ms', 24, 40, 24, 64);
    expectStated(prose, 'Past # + # = # bytes', 40000, 24000, 64000);
  });
});

describe('how the first slow start ends', () => {
  it('the delay rose within a round, not from round to round', () => {
    expectStated(prose, 'ACK in frame # took # ms', '188', ms(cubic.num(188, 'tcp.analysis.ack_rtt')));
    expectStated(prose, 'in frame #, took # ms', '44', ms(cubic.num(44, 'tcp.analysis.ack_rtt')));
    expectStated(prose, 'in frame #, # ms', '100', ms(cubic.num(100, 'tcp.analysis.ack_rtt')));
    // Frames 44 and 100 are the first ACKs after rounds ending in frames 43 and 99.
    expect(fromB(cubic, 44) && fromB(cubic, 100)).toBe(true);
    expect(fromB(cubic, 43) || fromB(cubic, 99)).toBe(false);
    // RFC 9406's test: the lowest of the first eight samples of each round, at least 4 ms higher.
    const roundMin = (first: number) => Math.min(...ackRtts(cubic, first, cubic.count).slice(0, 8));
    expect(roundMin(100) - roundMin(44)).toBeLessThan(0.004);
    expect(roundMin(44) - roundMin(14)).toBeLessThan(0.004);
    expect(roundMin(100)).toBeLessThan(cubic.num(188, 'tcp.analysis.ack_rtt') - 0.02);
  });

  it("Linux's HyStart delay test would not have fired either", () => {
    // net/ipv4/tcp_cubic.c: after 8 samples, exit when the round's lowest exceeds the
    // connection's lowest by min/8, clamped to 4..16 ms (from cwnd 16 on).
    expectStated(prose, 'once cwnd is at least # segments', 16);
    expectStated(prose, 'after # samples, exceeds', 8);
    expectStated(prose, 'an eighth of it (at least # ms, at most # ms)', 4, 16);
    // The kernel compares against the lowest data sample so far, the round's own included.
    const acks = range(3, 191).filter((n) => fromB(cubic, n) && cubic.fields(n, 'tcp.analysis.ack_rtt').length > 0);
    for (const first of [14, 44, 100]) {
      const eight = acks.filter((n) => n >= first).slice(0, 8);
      const lowest = Math.min(...ackRtts(cubic, 3, eight.at(-1)!));
      const threshold = Math.min(Math.max(lowest / 8, 0.004), 0.016);
      expect(Math.min(...ackRtts(cubic, first, eight.at(-1)!)) - lowest).toBeLessThan(threshold);
    }
  });

  it('twelve segments more in flight between frames 150 and 186, under 20 ms', () => {
    expectStated(prose, 'between frames # and #, under # ms', '150', '186', 20);
    expect(t(cubic, 186) - t(cubic, 150)).toBeLessThan(0.02);
    expectStated(prose, 'rose from # to #, # segments', inFlight(cubic, 150), inFlight(cubic, 186), 12);
    expect((inFlight(cubic, 186) - inFlight(cubic, 150)) / 1448).toBe(12);
  });
});

describe('ssthresh after the first loss in tcp-cubic', () => {
  it('69 segments before, 30 after (0.43), 0.7 of 69 is about 48', () => {
    const before = inFlight(cubic, 186) / 1448;
    expect(before).toBe(69);
    expectStated(prose, 'just before the loss was seen, had # bytes (# segments)', inFlight(cubic, 186), before);
    expectStated(prose, 'ssthresh would be about # segments', Math.floor(0.7 * before));
    const held = range(445, 517).filter((n) => isData(cubic, n));
    expect(new Set(held.map((n) => inFlight(cubic, n)))).toEqual(new Set([43440]));
    expectStated(prose, 'frames # to # hold # bytes (# segments)', '445', '517', 43440, 30);
    expectStated(prose, 'in flight, # of the #', (30 / before).toFixed(2), before);
  });

  it('frame 382 resends 221,545, first sent in frame 293 after recovery began', () => {
    const seq = cubic.num(382, 'tcp.seq');
    const first = range(1, 382).find((n) => isData(cubic, n) && cubic.num(n, 'tcp.seq') === seq);
    expectStated(prose, 'frame # resends #, first sent in frame #', '382', seq, String(first));
    expect(first).toBeGreaterThan(196);
  });
});

describe('the timeout sets ssthresh: 0.7 of 34 segments, and slow start stops at 23', () => {
  it('frame 955 is the last ACK; frame 957 had 49,232 bytes in flight', () => {
    const acks = range(900, 1100).filter((n) => fromB(cubic, n));
    expect(acks.filter((n) => n < 959).at(-1)).toBe(955);
    expect(acks.find((n) => n > 955)! > 959).toBe(true);
    expectStated(prose, 'before the timeout is frame #', '955');
    expectStated(prose, 'had # bytes (# segments) in flight; 0.7 × # = #', inFlight(cubic, 957), 34, 34, (0.7 * 34).toFixed(1));
    expect(inFlight(cubic, 957) / 1448).toBe(34);
  });

  it('every segment in frames 1030 to 1056 leaves 33,304 bytes (23 segments)', () => {
    const sent = range(1030, 1056).filter((n) => isData(cubic, n));
    expect(sent.length).toBeGreaterThan(10);
    expect(new Set(sent.map((n) => inFlight(cubic, n)))).toEqual(new Set([33304]));
    expectStated(prose, 'in frames # to # leaves # bytes (# segments)', '1030', '1056', 33304, Math.floor(0.7 * 34));
    expect(mdx).toContain("frame: 1030, field: 'tcp.analysis.bytes_in_flight'");
    expectStated(mdx, 'explain="# bytes, # segments', 33304, 23);
  });
});

describe('congestion avoidance after the timeout', () => {
  it('23 segments in frame 1056 to 43 in frame 1677, 0.61 s, about 13 round trips', () => {
    expect(inFlight(cubic, 1056) / 1448).toBe(23);
    expect(inFlight(cubic, 1677) / 1448).toBe(43);
    const span = t(cubic, 1677) - t(cubic, 1056);
    expectStated(prose, 'to frame #, # s later', '1677', span.toFixed(2));
    expectStated(prose, 'grow from # segments to #', 23, 43);
    const rtt = median(ackRtts(cubic, 1056, 1677));
    expectStated(prose, 'between those frames was # ms', ms(rtt));
    const rounds = Math.round(span / rtt);
    expectStated(prose, 'is about # round trips', rounds);
    expectStated(prose, 'Reno would have added about #', rounds);
    expectStated(prose, '23 × 1.05¹³ is about #', Math.round(23 * 1.05 ** rounds));
    expectStated(prose, '# × #³ = # of a', 0.4, span.toFixed(2), (0.4 * span ** 3).toFixed(2));
  });

  it('the single loss: Wmax 44, K = 3.2 s, and the capture ends 0.13 s later', () => {
    const wmax = inFlight(cubic, 1704) / 1448;
    expect(wmax).toBe(44);
    expectStated(prose, 'just under the # bytes', 64000);
    expect(inFlight(cubic, 1704)).toBeLessThan(64000);
    expectStated(prose, '∛(# × # / #) = ∛#', wmax, 0.3, 0.4, (wmax * 0.3) / 0.4);
    expectStated(prose, 'about # s: the concave', Math.cbrt((wmax * 0.3) / 0.4).toFixed(1));
    expectStated(prose, 'the capture ends # s after frame #', (t(cubic, cubic.count) - t(cubic, 1713)).toFixed(2), '1713');
  });
});

describe('flow control against congestion control', () => {
  it('from frame 643 B offers 524,288 bytes or more, eight times the flight', () => {
    const wins = range(643, cubic.count)
      .filter((n) => fromB(cubic, n))
      .map((n) => cubic.num(n, 'tcp.window_size'));
    const most = Math.max(
      ...range(643, cubic.count)
        .filter((n) => isData(cubic, n))
        .map((n) => inFlight(cubic, n)),
    );
    expectStated(prose, 'from frame # on B never offers less than # bytes', '643', Math.min(...wins));
    expectStated(prose, 'more than # times the most', Math.floor(Math.min(...wins) / most));
    expectStated(prose, 'in flight after it (#)', most);
    expect(cubic.num(642, 'tcp.window_size')).toBeLessThan(Math.min(...wins));
  });

  it('closest in frame 109: 63,712 in flight against the 83,968 of frame 105', () => {
    // The window in force for a segment is the one B last sent before it.
    let window = 0;
    let closest = { frame: 0, ratio: 0 };
    for (const n of range(2, cubic.count)) {
      if (fromB(cubic, n)) window = cubic.num(n, 'tcp.window_size');
      else if (isData(cubic, n) && inFlight(cubic, n) / window > closest.ratio) closest = { frame: n, ratio: inFlight(cubic, n) / window };
    }
    expect(closest.frame).toBe(109);
    expect(range(106, 108).some((n) => fromB(cubic, n))).toBe(false);
    expectStated(prose, 'frame # had # bytes in flight against the # bytes', '109', inFlight(cubic, 109), cubic.num(105, 'tcp.window_size'));
    expectStated(prose, 'B offered in frame #', '105');
  });
});

describe('BBR: Startup, the queue, the round trips', () => {
  it('frame 231 had 121,632 bytes in flight before frame 238, a fast retransmission', () => {
    expect(bbr.fields(238, 'tcp.analysis.fast_retransmission').length).toBe(1);
    const before = range(4, 237).filter((n) => bbr.show(n, 'ip.src') === '10.77.1.1' && bbr.num(n, 'tcp.len') > 0);
    const peak = Math.max(...before.map((n) => inFlight(bbr, n)));
    expect(inFlight(bbr, 231)).toBe(peak);
    expectStated(prose, 'had # bytes in flight, # times the', peak, Math.floor(peak / 40000));
  });

  it('frame 1880: 28 segments against 27.6; medians after 2.3 s 40.3 and 51.5 ms', () => {
    expectStated(prose, '(# segments against #)', inFlight(bbr, 1880) / 1448, (40000 / 1448).toFixed(1));
    const late = (c: typeof cubic) => {
      const first = range(1, c.count).find((n) => t(c, n) > 2.3)!;
      return ms(median(ackRtts(c, first, c.count)));
    };
    expectStated(prose, 'From # s to the end of each recording', 2.3);
    expectStated(prose, 'the median round trip was # ms with BBR', late(bbr));
    expectStated(prose, 'ms with BBR and # ms with CUBIC', late(cubic));
    expectStated(prose, 'close to the # ms of a full queue', 64);
  });

  it('too short for a ProbeRTT: under 10 s', () => {
    expect(prose).toContain('too short to show a ProbeRTT');
    expect(t(bbr, bbr.count)).toBeLessThan(10);
  });
});
