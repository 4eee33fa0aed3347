// Lesson 5 (closing a connection): every number the prose and the quiz state
// about a capture, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectStated, lessonText, proseOf } from './support.ts';
import { EPHEMERAL } from '../../src/widgets/port-lookup/lookup.ts';

const mdx = lessonText('tcp-teardown');
const prose = proseOf(mdx);
const has = (flag: string) => (c: ReturnType<typeof capture>, n: number) => c.fields(n, flag).length > 0;
const fin = (c: ReturnType<typeof capture>, n: number) => c.num(n, 'tcp.flags.fin') === 1;
const ms = (s: number, digits = 0) => (s * 1000).toFixed(digits);

describe("lesson 5: the report's four-segment close", () => {
  const c = capture('report-tcp-handshake');

  it('frames 12 to 15 are FIN, ACK, FIN, ACK, after 27 s of silence', () => {
    expect([12, 13, 14, 15].map((n) => fin(c, n))).toEqual([true, false, true, false]);
    expect(c.count).toBe(15);
    expectStated(prose, 'nothing happened for # seconds', Math.floor(c.num(12, 'frame.time_delta')));
    expectStated(prose, 'in its first # ms', Math.ceil(c.num(11, 'frame.time_relative') * 1000));
  });

  it("the response is 4,606 bytes and the server's FIN takes number 4,607", () => {
    const response = [6, 7, 9, 10].reduce((sum, n) => sum + c.num(n, 'tcp.len'), 0);
    expectStated(prose, 'has sent all # bytes', response);
    expectStated(prose, 'next sequence number is #', c.num(12, 'tcp.seq'));
    // tcp.seq_raw is hidden in the decoder's tree (tshark shows it): read the raw number from the ACK that announced it.
    expectStated(prose, 'relative; raw #)', c.show(11, 'tcp.ack_raw'));
    expect(c.num(11, 'tcp.ack')).toBe(c.num(12, 'tcp.seq'));
    expect(c.num(12, 'tcp.len')).toBe(0);
  });

  it('the client acknowledges the FIN with 4,608, then sends its own FIN at 214 57 µs later', () => {
    expectStated(prose, 'client to server, ACK #', c.num(13, 'tcp.ack'));
    expectStated(prose, '# µs later', (c.num(14, 'frame.time_delta') * 1e6).toFixed(0));
    expect(c.num(13, 'tcp.seq')).toBe(c.num(14, 'tcp.seq'));
    expect(c.num(13, 'tcp.len')).toBe(0);
    expectStated(prose, 'sequence number is still #', c.num(14, 'tcp.seq'));
    expectStated(prose, 'still # (raw #)', c.num(14, 'tcp.seq'), c.show(12, 'tcp.ack_raw'));
    expect(c.num(12, 'tcp.ack')).toBe(c.num(14, 'tcp.seq'));
  });

  it("the server's last ACK is 215 (raw 976928412)", () => {
    expectStated(prose, 'ACK # (raw #)', c.num(15, 'tcp.ack'), c.show(15, 'tcp.ack_raw'));
    expect(c.num(15, 'tcp.ack')).toBe(c.num(14, 'tcp.seq') + 1);
  });

  it("frame 11 is the client's last acknowledgment of the response", () => {
    expectStated(prose, "Frame # is the client's last acknowledgment", 11);
    expect(c.num(11, 'tcp.ack')).toBe(c.num(10, 'tcp.seq') + c.num(10, 'tcp.len'));
    expect(c.num(11, 'tcp.ack')).toBe(c.num(12, 'tcp.seq'));
  });

  it('every segment of the close has ACK set', () => {
    for (const n of [12, 13, 14, 15]) expect(c.num(n, 'tcp.flags.ack')).toBe(1);
  });

  it('the state table matches the analysis (client is endpoint a)', () => {
    const rows: [number, string, string, string][] = [
      [12, 'server FIN', 'FIN-WAIT-1', 'CLOSE-WAIT'],
      [13, 'client ACK of that FIN', 'FIN-WAIT-2', 'CLOSE-WAIT'],
      [14, 'client FIN', 'TIME-WAIT', 'LAST-ACK'],
      [15, 'server ACK of that FIN', 'TIME-WAIT', 'CLOSED'],
    ];
    for (const [frame, what, server, client] of rows) {
      // The cells as a reader sees them: state names may be glossary links.
      expect(mdx.replace(/<\/?Term[^>]*>/g, '')).toContain(`| ${frame} | ${what} | ${server} | ${client} |`);
      expect(c.opened.analysis.connectionStates(frame)).toEqual({ a: client, b: server });
    }
    expect(c.opened.analysis.connectionStates(11)).toEqual({ a: 'ESTABLISHED', b: 'ESTABLISHED' });
  });
});

describe('lesson 5: tcp-http closes in three segments', () => {
  const c = capture('tcp-http');

  it("the client closes 0.2 s after the response; the server's ACK and FIN share frame 15, 7.9 ms later", () => {
    expectStated(prose, 'the client closes first, # s after', c.num(14, 'frame.time_delta').toFixed(1));
    expect(fin(c, 14)).toBe(true);
    expectStated(prose, "client's FIN at sequence number #", c.num(14, 'tcp.seq'));
    expect(fin(c, 15)).toBe(true);
    expectStated(prose, '(ACK #) and sets FIN', c.num(15, 'tcp.ack'));
    expect(c.num(15, 'tcp.ack')).toBe(c.num(14, 'tcp.seq') + 1);
    expectStated(prose, 'within # ms', ms(c.num(15, 'frame.time_delta'), 1));
    expectStated(prose, "server's FIN (ACK #)", c.num(16, 'tcp.ack'));
    expect(c.num(16, 'tcp.ack')).toBe(c.num(15, 'tcp.seq') + 1);
    expect(c.count).toBe(16);
  });
});

describe('lesson 5: the half-close recording', () => {
  const c = capture('tcp-halfclose');
  const states = (n: number) => c.opened.analysis.connectionStates(n);

  it('the client sends 100 bytes and its FIN at 101', () => {
    expectStated(prose, '#-byte request', c.num(4, 'tcp.len'));
    expect(fin(c, 6)).toBe(true);
    expectStated(prose, 'sequence number # follows the # bytes', c.num(6, 'tcp.seq'), c.num(4, 'tcp.len'));
    expect(c.num(6, 'tcp.seq')).toBe(c.num(4, 'tcp.seq') + c.num(4, 'tcp.len'));
  });

  it('the server acknowledges the FIN with 102, 42 ms later', () => {
    expectStated(prose, 'ACK #, # ms later', c.num(7, 'tcp.ack'), ms(c.num(7, 'frame.time_delta')));
    expect(c.num(7, 'tcp.ack')).toBe(c.num(6, 'tcp.seq') + 1);
    expect(states(7)).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });

  it('two chunks of 1,000 bytes follow the FIN, 0.2 s apart, acknowledged up to 2,001 with sequence number 102', () => {
    expectStated(prose, 'two answers of # bytes each', c.num(8, 'tcp.len'));
    expect(c.num(10, 'tcp.len')).toBe(c.num(8, 'tcp.len'));
    expectStated(prose, '# s apart', (c.num(10, 'frame.time_relative') - c.num(8, 'frame.time_relative')).toFixed(1));
    expectStated(prose, 'frame 11: ACK #', c.num(11, 'tcp.ack'));
    expectStated(prose, 'still with sequence number #', c.num(9, 'tcp.seq'));
    for (const n of [9, 11]) {
      expect(c.num(n, 'tcp.seq')).toBe(c.num(7, 'tcp.ack'));
      expect(c.num(n, 'tcp.len')).toBe(0);
    }
    for (const n of [8, 9, 10, 11]) expect(states(n)).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });

  it("the server closes 0.6 s after the client; the client's last ACK is 2,002", () => {
    expect(fin(c, 12)).toBe(true);
    const half = (c.num(12, 'frame.time_relative') - c.num(6, 'frame.time_relative')).toFixed(1);
    expectStated(prose, "# s after the client's", half);
    expectStated(prose, 'For # seconds the connection was half closed', half);
    expectStated(prose, 'final ACK #', c.num(13, 'tcp.ack'));
    expect(c.num(13, 'tcp.ack')).toBe(c.num(12, 'tcp.seq') + 1);
    expect(states(13)).toEqual({ a: 'TIME-WAIT', b: 'CLOSED' });
    expect(c.count).toBe(13);
  });

  it("the ss listing names this connection's addresses and ports", () => {
    expect(prose).toContain(`${c.show(1, 'ip.src')}:${c.show(1, 'tcp.srcport')} ${c.show(1, 'ip.dst')}:${c.show(1, 'tcp.dstport')}`);
  });
});

describe('lesson 5: keep-alives', () => {
  const c = capture('tcp-keepalive');

  it("a 6-byte message each way, then the client's ACK 7 with sequence number 7", () => {
    expectStated(prose, 'After a #-byte message each way', c.num(4, 'tcp.len'));
    expect(c.num(6, 'tcp.len')).toBe(c.num(4, 'tcp.len'));
    expectStated(prose, "client's ACK #, with its own next sequence number #", c.num(7, 'tcp.ack'), c.num(7, 'tcp.seq'));
  });

  it('frame 8, 1.01 s later, is a keep-alive with sequence number 6 and no data', () => {
    expectStated(prose, '# s later', c.num(8, 'frame.time_delta').toFixed(2));
    expectStated(prose, 'sequence number #, one below its next number', c.num(8, 'tcp.seq'));
    expect(c.num(8, 'tcp.seq')).toBe(c.num(7, 'tcp.seq') - 1);
    expect(c.num(8, 'tcp.len')).toBe(0);
    expect(has('tcp.analysis.keep_alive')(c, 8)).toBe(true);
  });

  it('frame 9 answers with ACK 7, and the pairs repeat about every second until the FIN in frame 16', () => {
    expectStated(prose, 'ACK #, the same acknowledgment as before', c.num(9, 'tcp.ack'));
    expect(c.num(9, 'tcp.ack')).toBe(c.num(7, 'tcp.ack'));
    expect(has('tcp.analysis.keep_alive_ack')(c, 9)).toBe(true);
    expectStated(prose, '(frames # and #, # and #, # and #)', 10, 11, 12, 13, 14, 15);
    for (const [probe, answer] of [
      [10, 11],
      [12, 13],
      [14, 15],
    ]) {
      expect(has('tcp.analysis.keep_alive')(c, probe!)).toBe(true);
      expect(has('tcp.analysis.keep_alive_ack')(c, answer!)).toBe(true);
      const gap = c.num(probe!, 'frame.time_relative') - c.num(probe! - 2, 'frame.time_relative');
      expect(gap).toBeGreaterThan(1);
      expect(gap).toBeLessThan(1.05);
    }
    expectStated(prose, 'until the client closes in frame #', 16);
    expect(fin(c, 16)).toBe(true);
    expect(c.num(16, 'tcp.srcport')).toBe(c.num(1, 'tcp.srcport'));
  });
});

describe('lesson 5: quiz', () => {
  it("the explanations' numbers come from the captures", () => {
    const r = capture('report-tcp-handshake');
    const h = capture('tcp-halfclose');
    const k = capture('tcp-keepalive');
    expectStated(mdx, 'frame 12 has sequence number #', r.num(12, 'tcp.seq'));
    expectStated(mdx, 'the client answers ACK # in frame 13', r.num(13, 'tcp.ack'));
    expectStated(mdx, 'has sequence number # and uses it', r.num(14, 'tcp.seq'));
    expectStated(mdx, 'so the server acknowledges #', r.num(15, 'tcp.ack'));
    expect(r.num(14, 'tcp.seq') + 1).toBe(r.num(15, 'tcp.ack'));
    expectStated(mdx, "server\\'s FIN at sequence number #", h.num(12, 'tcp.seq'));
    expectStated(mdx, "Its sequence number is # (the client's FIN used #)", h.num(13, 'tcp.seq'), h.num(6, 'tcp.seq'));
    expectStated(mdx, 'it acknowledges #: # bytes of data', h.num(13, 'tcp.ack'), h.num(8, 'tcp.len') + h.num(10, 'tcp.len'));
    expect(h.num(8, 'tcp.len') + h.num(10, 'tcp.len') + 2).toBe(h.num(13, 'tcp.ack'));
    expectStated(mdx, "The client's next sequence number is #", k.num(7, 'tcp.seq'));
    expectStated(mdx, 'the keep-alive in frame 8 uses #', k.num(8, 'tcp.seq'));
    expect(k.num(8, 'tcp.seq')).toBe(k.num(7, 'tcp.seq') - 1);
    expectStated(mdx, 'frames # and # carry # bytes each', 8, 10, h.num(8, 'tcp.len'));
    expectStated(mdx, "after the client's FIN in frame #", 6);
    expect(fin(h, 6)).toBe(true);
    expect(r.show(12, 'tcp.flags')).toBe('0x0011');
  });
});

describe('lesson 5: CLOSE-WAIT, half-open and port exhaustion', () => {
  const hc = capture('tcp-halfclose');

  it("the server's CLOSE-WAIT in tcp-halfclose lasted 0.6 s, from the client's FIN (frame 6) to the server's (frame 12)", () => {
    expect(fin(hc, 6) && fin(hc, 12)).toBe(true);
    expect(hc.show(6, 'ip.src')).not.toBe(hc.show(12, 'ip.src'));
    const closeWait = hc.num(12, 'frame.time_relative') - hc.num(6, 'frame.time_relative');
    expectStated(prose, 'The server above left it after # s because its program closed', closeWait.toFixed(1));
  });

  it("works out Linux's client port range and the rate it allows with a 60 s TIME-WAIT", () => {
    const { first, last } = EPHEMERAL.linux;
    const ports = last - first + 1;
    expectStated(prose, 'Linux hands out client ports from # to #', String(first), String(last));
    expectStated(prose, 'shows the range), # ports', ports);
    expectStated(prose, 'about # / # = # new connections per second', ports, 60, Math.floor(ports / 60));
    expectStated(prose, 'Linux uses a fixed # seconds', 60);
  });
});
