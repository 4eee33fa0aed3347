// Test support: one small conversation per analysis flag. Each is also written as a capture
// (testdata/NAME.pcapng) and checked against tshark's output for it (testdata/NAME.analysis.tsv).
import { Conversation, mergeByTime, TH_ACK, TH_SYN } from './test-scenarios.ts';
import type { TcpSegmentInput } from './types.ts';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

export const SCENARIOS: Record<string, () => TcpSegmentInput[]> = {
  /** 1-3 handshake; 4,5,6 data; 7 ACK of 4 only; 8 = timeout retransmission of 5; 9 ACK all. */
  retransmission: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .send('a', { at: 20.1, len: 1000 })
      .send('a', { at: 20.2, len: 1000 })
      .ack('b', 25, { ack: 1001 })
      .send('a', { at: 230, seq: 1001, len: 1000 })
      .ack('b', 240).segments,

  /** Segment 1001-2000 is lost (not captured): 5 lost_segment, 6-8 dup ACKs with SACK,
   *  9 fast retransmission, 10 ACK of all. */
  fast_retransmission: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .send('a', { at: 20.1, len: 1000, uncaptured: true })
      .send('a', { at: 20.2, len: 1000 })
      .send('a', { at: 20.3, len: 1000 })
      .send('a', { at: 20.4, len: 1000 })
      .ack('b', 25, { ack: 1001 })
      .ack('b', 25.1, { ack: 1001, sack: [[2001, 3001]] })
      .ack('b', 25.2, { ack: 1001, sack: [[2001, 4001]] })
      .ack('b', 25.3, { ack: 1001, sack: [[2001, 5001]] })
      .send('a', { at: 25.5, seq: 1001, len: 1000 })
      .ack('b', 31).segments,

  /** 4 data, 5 ACK, 6 the same bytes again (spurious), 7 dup ACK carrying a D-SACK block. */
  spurious_dsack: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 38 })
      .ack('b', 25)
      .send('a', { at: 300, seq: 1, len: 38 })
      .ack('b', 305, { sack: [[1, 39]] }).segments,

  /** A D-SACK of the second kind (RFC 2883 4.2): the first block lies inside the second, above the ACK. */
  dsack_in_second_block: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .send('a', { at: 20.1, len: 1000, uncaptured: true })
      .send('a', { at: 20.2, len: 1000 })
      .send('a', { at: 20.3, len: 1000 })
      .ack('b', 25, { ack: 1001 })
      .ack('b', 25.1, { ack: 1001, sack: [[2001, 3001]] })
      .send('a', { at: 40, seq: 2001, len: 500 })
      .ack('b', 41, {
        ack: 1001,
        sack: [
          [2001, 2501],
          [2001, 4001],
        ],
      }).segments,

  /** 4 bytes 1-1000, 5 bytes 2001-3000 (gap), 6 bytes 1001-2000 0.2 ms later: out of order. */
  out_of_order: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .send('a', { at: 20.1, seq: 2001, len: 1000 })
      .send('a', { at: 20.3, seq: 1001, len: 1000 })
      .ack('b', 25).segments,

  /** 4 data sent but not captured; 5 the ACK for it: ack_lost_segment. */
  ack_lost_segment: () =>
    new Conversation().handshake(10).send('a', { at: 20, len: 500 }).send('a', { at: 20.1, len: 500, uncaptured: true }).ack('b', 25).segments,

  /** Receiver closes its window (zero window), probe, probe ACK, window update, then data. */
  zero_window: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .ack('b', 25, { win: 0 })
      .send('a', { at: 250, len: 1 })
      .ack('b', 255, { win: 0, ack: 1001 })
      .ack('b', 400, { win: 300, ack: 1001 })
      .send('a', { at: 405, seq: 1001, len: 1000 })
      .ack('b', 410, { win: 300 }).segments,

  /** Idle connection: keep-alive (seq one below next) and its ACK, twice. */
  keep_alive: () =>
    new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 100 })
      .ack('b', 25)
      .send('a', { at: 7200, seq: 100, len: 0, flags: TH_ACK })
      .ack('b', 7205)
      .send('a', { at: 7300, seq: 100, len: 1, flags: TH_ACK })
      .ack('b', 7305).segments,

  /** Small receive window (raw 8 << 7 = 1024): the sender fills it exactly. Then duplicate ACKs. */
  window_full: () =>
    new Conversation()
      .handshake(10, 7, 7)
      .ack('b', 12, { win: 8 })
      .send('a', { at: 20, len: 512 })
      .send('a', { at: 20.1, len: 512 })
      .ack('b', 25, { win: 8 })
      .ack('b', 26, { win: 8 })
      .ack('b', 27, { win: 8 }).segments,

  /** No window scaling (SYN without the option); FIN both ways. */
  no_window_scaling: () =>
    new Conversation().handshake(10, null, 7).send('a', { at: 20, len: 100 }).send('b', { at: 25, len: 200 }).fin('a', 30).fin('b', 31).ack('a', 32).segments,

  /** Two connections on the same ports: the second SYN has a new ISN. Also a refused one. */
  reused_ports: () => {
    const c1 = new Conversation({ isnA: 5000 }).handshake(10).send('a', { at: 20, len: 10 }).ack('b', 22).fin('a', 30).fin('b', 31).ack('a', 32).segments;
    const c2 = new Conversation({ isnA: 900000, t0: 1_700_000_000_100_000_000n }).handshake(10).send('a', { at: 20, len: 10 }).rst('b', 25).segments;
    const c3 = new Conversation({ a: ['10.0.0.1', 50001], t0: 1_700_000_000_200_000_000n })
      .send('a', { at: 0, flags: TH_SYN, ack: 0, win: 64240, opts: { mss: 1460 } })
      .rst('b', 0.1).segments;
    return mergeByTime(c1, c2, c3);
  },

  /** HTTP/1.1: a request in two segments, a 3000-byte Content-Length response in three, then a
   *  chunked response in two; and DNS over TCP with a split length prefix. */
  reassembly: () => {
    const req = text('GET /a HTTP/1.1\r\nHost: example.com\r\nUser-Agent: wirebook-test\r\n\r\n');
    const body = 'x'.repeat(3000);
    const resp = text(`HTTP/1.1 200 OK\r\nContent-Length: 3000\r\nContent-Type: text/plain\r\n\r\n${body}`);
    const req2 = text('GET /c HTTP/1.1\r\nHost: example.com\r\n\r\n');
    const chunked = text('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n');
    const c = new Conversation({ b: ['10.0.0.2', 80] }).handshake(10);
    c.send('a', { at: 20, payload: req.subarray(0, 30), flags: TH_ACK });
    c.send('a', { at: 20.1, payload: req.subarray(30) });
    c.ack('b', 21);
    c.send('b', { at: 22, payload: resp.subarray(0, 1448), flags: TH_ACK });
    c.send('b', { at: 22.1, payload: resp.subarray(1448, 2896), flags: TH_ACK });
    c.send('b', { at: 22.2, payload: resp.subarray(2896) });
    c.ack('a', 23);
    c.send('a', { at: 30, payload: req2 });
    c.send('b', { at: 31, payload: chunked.subarray(0, 60), flags: TH_ACK });
    c.send('b', { at: 31.1, payload: chunked.subarray(60) });
    c.ack('a', 32);
    c.fin('a', 40).fin('b', 41).ack('a', 42);
    const q = text('\x00\x1d\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01');
    const d = new Conversation({ a: ['10.0.0.1', 50010], b: ['10.0.0.53', 53], t0: 1_700_000_000_500_000_000n }).handshake(2);
    d.send('a', { at: 5, payload: q.subarray(0, 1), flags: TH_ACK });
    d.send('a', { at: 5.1, payload: q.subarray(1) });
    d.send('b', { at: 6, payload: q });
    d.fin('a', 7).fin('b', 8).ack('a', 9);
    return mergeByTime(c.segments, d.segments);
  },
};
