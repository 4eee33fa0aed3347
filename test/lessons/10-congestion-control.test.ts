// The congestion control lesson: every number the prose states about
// tcp-cubic and tcp-bbr, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectStated, lessonText, proseOf } from './support.ts';

const prose = proseOf(lessonText('congestion-control'));
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

  it('four segments in frames 969 to 973, eight in 975 to 985, a round trip apart', () => {
    const data = (a: number, b: number) => [...Array(b - a + 1).keys()].map((i) => i + a).filter((n) => isData(cubic, n));
    expect(data(969, 973).length).toBe(4);
    expect(data(975, 985).length).toBe(8);
    expect(t(cubic, 969) - t(cubic, 967)).toBeGreaterThan(0.03);
    expect(t(cubic, 975) - t(cubic, 973)).toBeGreaterThan(0.03);
    expect(t(cubic, 987) - t(cubic, 985)).toBeGreaterThan(0.03);
    expect(prose).toContain('four segments in frames 969 to 973,');
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
