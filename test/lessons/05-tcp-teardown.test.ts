// Lesson 5 (closing a connection): every number the prose and the quiz state
// about a capture, checked against the decoder.
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, lessonText, proseOf } from './support.ts';

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
    expect(prose).toContain('nothing happened for 27 seconds');
    expect(Math.floor(c.num(12, 'frame.time_delta'))).toBe(27);
    expect(prose).toContain('in its first 15 ms');
    expect(Math.ceil(c.num(11, 'frame.time_relative') * 1000)).toBe(15);
  });

  it("the response is 4,606 bytes and the server's FIN takes number 4,607", () => {
    const response = [6, 7, 9, 10].reduce((sum, n) => sum + c.num(n, 'tcp.len'), 0);
    expectClaim(prose, '4,606', response);
    expectClaim(prose, '4,607', c.num(12, 'tcp.seq'));
    expect(prose).toContain('raw 3776159666');
    // tcp.seq_raw is hidden in the decoder's tree (tshark shows it): read the raw number from the ACK that announced it.
    expect(c.show(11, 'tcp.ack_raw')).toBe('3776159666');
    expect(c.num(11, 'tcp.ack')).toBe(c.num(12, 'tcp.seq'));
    expect(c.num(12, 'tcp.len')).toBe(0);
  });

  it('the client acknowledges the FIN with 4,608, then sends its own FIN at 214 57 µs later', () => {
    expectClaim(prose, '4,608', c.num(13, 'tcp.ack'));
    expect(prose).toContain('ACK 4,608');
    expect(prose).toContain('57 µs later');
    expect((c.num(14, 'frame.time_delta') * 1e6).toFixed(0)).toBe('57');
    expect(c.num(13, 'tcp.seq')).toBe(214);
    expect(c.num(13, 'tcp.len')).toBe(0);
    expectClaim(prose, '214', c.num(14, 'tcp.seq'));
    expect(prose).toContain('raw 976928411');
    expect(c.show(12, 'tcp.ack_raw')).toBe('976928411');
    expect(c.num(12, 'tcp.ack')).toBe(c.num(14, 'tcp.seq'));
  });

  it("the server's last ACK is 215 (raw 976928412)", () => {
    expect(prose).toContain('ACK 215 (raw 976928412)');
    expect(c.num(15, 'tcp.ack')).toBe(215);
    expect(c.show(15, 'tcp.ack_raw')).toBe('976928412');
  });

  it("frame 11 is the client's last acknowledgment of the response", () => {
    expect(prose).toContain("Frame 11 is the client's last acknowledgment of the response");
    expect(c.num(11, 'tcp.ack')).toBe(c.num(10, 'tcp.seq') + c.num(10, 'tcp.len'));
    expect(c.num(11, 'tcp.ack')).toBe(4607);
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
      expect(mdx).toContain(`| ${frame} | ${what} | ${server} | ${client} |`);
      expect(c.opened.analysis.connectionStates(frame)).toEqual({ a: client, b: server });
    }
    expect(c.opened.analysis.connectionStates(11)).toEqual({ a: 'ESTABLISHED', b: 'ESTABLISHED' });
  });
});

describe('lesson 5: tcp-http closes in three segments', () => {
  const c = capture('tcp-http');

  it("the client closes 0.2 s after the response; the server's ACK and FIN share frame 15, 7.9 ms later", () => {
    expect(prose).toContain('the client closes first, 0.2 s after the response');
    expect(c.num(14, 'frame.time_delta').toFixed(1)).toBe('0.2');
    expect(fin(c, 14)).toBe(true);
    expect(c.num(14, 'tcp.seq')).toBe(214);
    expect(prose).toContain("client's FIN at sequence number 214");
    expect(fin(c, 15)).toBe(true);
    expect(prose).toContain('(ACK 215)');
    expect(c.num(15, 'tcp.ack')).toBe(215);
    expect(prose).toContain('within 7.9 ms');
    expect(ms(c.num(15, 'frame.time_delta'), 1)).toBe('7.9');
    expect(prose).toContain("server's FIN (ACK 4,608)");
    expect(c.num(16, 'tcp.ack')).toBe(4608);
    expect(c.count).toBe(16);
  });
});

describe('lesson 5: the half-close recording', () => {
  const c = capture('tcp-halfclose');
  const states = (n: number) => c.opened.analysis.connectionStates(n);

  it('the client sends 100 bytes and its FIN at 101', () => {
    expect(prose).toContain('100-byte request');
    expect(c.num(4, 'tcp.len')).toBe(100);
    expect(fin(c, 6)).toBe(true);
    expect(prose).toContain('sequence number 101 follows the 100 bytes');
    expect(c.num(6, 'tcp.seq')).toBe(101);
  });

  it('the server acknowledges the FIN with 102, 42 ms later', () => {
    expect(prose).toContain('ACK 102, 42 ms later');
    expect(c.num(7, 'tcp.ack')).toBe(102);
    expect(ms(c.num(7, 'frame.time_delta'))).toBe('42');
    expect(states(7)).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });

  it('two chunks of 1,000 bytes follow the FIN, 0.2 s apart, acknowledged up to 2,001 with sequence number 102', () => {
    expectClaim(prose, '1,000', c.num(8, 'tcp.len'));
    expect(c.num(10, 'tcp.len')).toBe(1000);
    expect(prose).toContain('0.2 s apart');
    expect((c.num(10, 'frame.time_relative') - c.num(8, 'frame.time_relative')).toFixed(1)).toBe('0.2');
    expect(prose).toContain('ACK 2,001');
    expect(c.num(11, 'tcp.ack')).toBe(2001);
    expect(prose).toContain('still with sequence number 102');
    for (const n of [9, 11]) {
      expect(c.num(n, 'tcp.seq')).toBe(102);
      expect(c.num(n, 'tcp.len')).toBe(0);
    }
    for (const n of [8, 9, 10, 11]) expect(states(n)).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });

  it("the server closes 0.6 s after the client; the client's last ACK is 2,002", () => {
    expect(fin(c, 12)).toBe(true);
    expect(prose).toContain("0.6 s after the client's");
    expect((c.num(12, 'frame.time_relative') - c.num(6, 'frame.time_relative')).toFixed(1)).toBe('0.6');
    expect(prose).toContain('For 0.6 seconds the connection was half closed');
    expect(prose).toContain('final ACK 2,002');
    expect(c.num(13, 'tcp.ack')).toBe(2002);
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
    expect(prose).toContain('After a 6-byte message each way');
    expect(c.num(4, 'tcp.len')).toBe(6);
    expect(c.num(6, 'tcp.len')).toBe(6);
    expect(prose).toContain("client's ACK 7, with its own next sequence number 7");
    expect(c.num(7, 'tcp.ack')).toBe(7);
    expect(c.num(7, 'tcp.seq')).toBe(7);
  });

  it('frame 8, 1.01 s later, is a keep-alive with sequence number 6 and no data', () => {
    expect(prose).toContain('1.01 s later');
    expect(c.num(8, 'frame.time_delta').toFixed(2)).toBe('1.01');
    expect(prose).toContain('sequence number 6, one below its next number, and no data');
    expect(c.num(8, 'tcp.seq')).toBe(6);
    expect(c.num(8, 'tcp.len')).toBe(0);
    expect(has('tcp.analysis.keep_alive')(c, 8)).toBe(true);
  });

  it('frame 9 answers with ACK 7, and the pairs repeat about every second until the FIN in frame 16', () => {
    expect(prose).toContain('ACK 7, the same acknowledgment as before');
    expect(c.num(9, 'tcp.ack')).toBe(7);
    expect(has('tcp.analysis.keep_alive_ack')(c, 9)).toBe(true);
    expect(prose).toContain('(frames 10 and 11, 12 and 13, 14 and 15)');
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
    expect(prose).toContain('until the client closes in frame 16');
    expect(fin(c, 16)).toBe(true);
    expect(c.num(16, 'tcp.srcport')).toBe(c.num(1, 'tcp.srcport'));
  });
});

describe('lesson 5: quiz', () => {
  it("the explanations' numbers come from the captures", () => {
    const r = capture('report-tcp-handshake');
    const h = capture('tcp-halfclose');
    const k = capture('tcp-keepalive');
    expect(mdx).toContain('frame 12 has sequence number 4,607 and the client answers ACK 4,608 in frame 13');
    expect(mdx).toContain('has sequence number 214 and uses it, so the server acknowledges 215');
    expect(r.num(14, 'tcp.seq') + 1).toBe(r.num(15, 'tcp.ack'));
    expect(mdx).toContain('FIN at sequence number 2,001');
    expect(h.num(12, 'tcp.seq')).toBe(2001);
    expect(mdx).toContain("Its sequence number is 102 (the client's FIN used 101), and it acknowledges 2,002: 2,000 bytes of data plus the server's FIN.");
    expect(h.num(8, 'tcp.len') + h.num(10, 'tcp.len') + 2).toBe(h.num(13, 'tcp.ack'));
    expect(mdx).toContain("The client's next sequence number is 7; the keep-alive in frame 8 uses 6");
    expect(k.num(8, 'tcp.seq')).toBe(k.num(7, 'tcp.seq') - 1);
    expect(mdx).toContain("frames 8 and 10 carry 1,000 bytes each after the client's FIN in frame 6");
    expect(r.show(12, 'tcp.flags')).toBe('0x0011');
  });
});
