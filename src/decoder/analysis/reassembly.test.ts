import { describe, expect, it } from 'vitest';
import { createPduTracker, looksLikeHttp } from './reassembly.ts';
import type { ReassemblyInfo } from './tcp-analyzer.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Feeds `text` cut at `cuts` as consecutive segments (frames 1, 2, ...). */
function feed(text: string, cuts: number[], port = 80): ReassemblyInfo {
  const info: ReassemblyInfo = { reassembledIn: new Map(), segments: new Map() };
  const t = createPduTracker(50000, port, info);
  const bytes = enc(text);
  const edges = [0, ...cuts, bytes.length];
  for (let i = 0; i + 1 < edges.length; i++) {
    const part = bytes.subarray(edges[i], edges[i + 1]);
    t.push(i + 1, 1 + edges[i], part.length, part);
  }
  t.flush();
  return info;
}

describe('HTTP message boundaries', () => {
  it('recognises requests and responses by their first bytes', () => {
    expect(looksLikeHttp(enc('GET / HTTP/1.1\r\n'))).toBe(true);
    expect(looksLikeHttp(enc('HTTP/1.1 200 OK\r\n'))).toBe(true);
    expect(looksLikeHttp(enc('\x16\x03\x01'))).toBe(false);
  });
  it('finds a header split right inside CRLFCRLF and a Content-Length body', () => {
    const msg = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello';
    const cut = msg.indexOf('\r\n\r\n') + 2;
    const info = feed(msg, [cut, msg.length - 2]);
    expect(info.segments.get(3)).toMatchObject({ frames: [1, 2, 3], lengths: [cut, msg.length - 2 - cut, 2], total: msg.length });
    expect(info.reassembledIn.get(1)).toBe(3);
  });
  it('follows a chunked body with chunk sizes split across segments', () => {
    const msg = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n';
    const at = msg.indexOf('1a') + 1;
    const info = feed(msg, [at, msg.length - 3]);
    expect(info.segments.get(3)?.total).toBe(msg.length);
  });
  it('keeps several messages of one connection apart, and leaves single-segment ones alone', () => {
    const one = 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n';
    const two = 'POST /b HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody';
    const info = feed(one + two, [one.length + 10]);
    // The first message sits wholly in frame 1; the second spans frames 1 and 2.
    expect(info.segments.get(2)).toMatchObject({ frames: [1, 2], lengths: [10, two.length - 10] });
    expect(info.reassembledIn.get(1)).toBe(2);
  });
  it('ends a message without a body at the header (204, request without length)', () => {
    const info = feed('HTTP/1.1 204 No Content\r\nX: y\r\n\r\n', [10]);
    expect(info.segments.get(2)?.total).toBe(33);
  });
});

// Two keep-alive responses (4041 and 3041 bytes) cut into 1000-byte segments 0..7; the second
// starts 41 bytes into segment 4. Expected values are tshark 4.0's (-2, default preferences) on
// captures of exactly these segments (the same frame numbers; frames 1-3 are the handshake, the
// initial RTT is 20 ms; "late" is 2 ms after the highest segment, flagged out of order).
const resp = (n: number): string =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${n}\r\n\r\n${'x'
    .repeat(63)
    .concat('\n')
    .repeat(n >> 6)}${'y'.repeat(n % 64)}`;
const STREAM = enc(resp(4000) + resp(3000));

interface Seg {
  frame: number;
  /** Segment index: bytes [1000 i, 1000 i + 1000). */
  i: number;
  ooo?: boolean;
}

function download(segs: Seg[]): Required<ReassemblyInfo> {
  const info = { reassembledIn: new Map(), segments: new Map(), unfinished: new Map(), httpMessages: [] } as Required<ReassemblyInfo>;
  const t = createPduTracker(80, 40000, info);
  for (const s of segs) {
    const part = STREAM.subarray(s.i * 1000, Math.min(STREAM.length, s.i * 1000 + 1000));
    t.push(s.frame, 1 + s.i * 1000, part.length, part, 0n, s.ooo);
  }
  t.flush();
  return info;
}

const inOrder = (first: number, from: number, to: number): Seg[] => Array.from({ length: to - from }, (_, k) => ({ frame: first + k, i: from + k }));
const completions = (info: ReassemblyInfo): Array<[number, number[], number]> => [...info.segments].map(([f, s]) => [f, s.frames, s.total]);

describe('HTTP reassembly across loss, as tshark -2', () => {
  it('completes a message in the out-of-order segment that fills its gap, listing parts in sequence order', () => {
    const info = download([...inOrder(4, 0, 2), { frame: 6, i: 3 }, { frame: 7, i: 2, ooo: true }, ...inOrder(8, 4, 8)]);
    // The gap is filled before the message's last segment (frame 8) arrives: that one completes it.
    expect(completions(info)).toEqual([
      [8, [4, 5, 7, 6, 8], 4041],
      [11, [8, 9, 10, 11], 3041],
    ]);
    expect(info.reassembledIn.get(7)).toBe(8);
    expect(info.httpMessages.map((m) => m.frame)).toEqual([8, 11]);
  });
  it('completes and dissects a message in the fast retransmission that brings its last missing bytes', () => {
    // Frames 6, 8, 10 and 12 are the client's duplicate ACKs (not pushed: no payload).
    const info = download([
      { frame: 4, i: 0 },
      { frame: 5, i: 1 },
      { frame: 7, i: 3 },
      { frame: 9, i: 4 },
      { frame: 11, i: 5 },
      { frame: 13, i: 2 },
      { frame: 14, i: 6 },
      { frame: 15, i: 7 },
    ]);
    expect(completions(info)).toEqual([
      [13, [4, 5, 13, 7, 9], 4041],
      [15, [9, 11, 14, 15], 3041],
    ]);
    expect(info.httpMessages.map((m) => m.frame)).toEqual([13, 15]);
  });
  it('completes but does not dissect a message whose gap an out-of-order segment fills last', () => {
    const info = download([...inOrder(4, 0, 2), ...inOrder(6, 3, 8), { frame: 11, i: 2, ooo: true }]);
    expect(completions(info)).toEqual([
      [10, [7, 8, 9, 10], 3041],
      [11, [4, 5, 11, 6, 7], 4041],
    ]);
    // tshark shows the segments in frame 11 but no HTTP line.
    expect(info.httpMessages.map((m) => m.frame)).toEqual([10]);
  });
  it('leaves a message with a segment never captured unfinished, its segments still held', () => {
    // Segment 2 is missing, or comes only as a plain retransmission, which is never pushed.
    const info = download([...inOrder(4, 0, 2), ...inOrder(6, 3, 8)]);
    expect(completions(info)).toEqual([[10, [7, 8, 9, 10], 3041]]);
    expect([...info.unfinished.keys()].sort()).toEqual([4, 5, 6, 7]);
    expect(info.reassembledIn.get(7)).toBe(10);
    expect(info.httpMessages.map((m) => m.frame)).toEqual([10]);
  });
  it('starts no message in segments after a lost head', () => {
    const info = download([...inOrder(4, 0, 4), ...inOrder(8, 5, 8)]);
    expect(info.segments.size).toBe(0);
    expect([...info.unfinished.keys()].sort()).toEqual([4, 5, 6, 7]);
    expect(info.httpMessages).toEqual([]);
  });
  it('dissects nothing past the end of a message an out-of-order segment completes', () => {
    const info = download([...inOrder(4, 0, 4), { frame: 8, i: 5 }, { frame: 9, i: 4, ooo: true }, ...inOrder(10, 6, 8)]);
    expect(completions(info)).toEqual([[9, [4, 5, 6, 7, 9], 4041]]);
    expect(info.reassembledIn.has(10) || info.unfinished.has(10) || info.unfinished.has(11)).toBe(false);
  });
  it('holds the segments a late-resent head claims, though they were dissected apart before', () => {
    // Segment 0 is lost; 1-3 pass as no message; the fast retransmission of 0 (frame 10, after
    // duplicate ACKs in frames 5, 7, 9) opens the 4041-byte message over them.
    const info = download([
      { frame: 4, i: 1 },
      { frame: 6, i: 2 },
      { frame: 8, i: 3 },
      { frame: 10, i: 0 },
    ]);
    expect(info.segments.size).toBe(0);
    expect([...info.unfinished.keys()].sort((a, b) => a - b)).toEqual([4, 6, 8, 10]);
  });
});

describe('DNS over TCP', () => {
  it('uses the two-byte length prefix, even split between segments', () => {
    const info: ReassemblyInfo = { reassembledIn: new Map(), segments: new Map() };
    const t = createPduTracker(50000, 53, info);
    const msg = new Uint8Array([0, 4, 1, 2, 3, 4, 0, 2, 9, 9]);
    t.push(1, 1, 1, msg.subarray(0, 1));
    t.push(2, 2, 4, msg.subarray(1, 5));
    t.push(3, 6, 5, msg.subarray(5));
    expect(info.segments.get(3)).toMatchObject({ frames: [1, 2, 3], lengths: [1, 4, 1], total: 6, kind: 'dns' });
    // The second message (4 bytes) lies wholly in frame 3.
    expect(info.segments.size).toBe(1);
  });
  it('gives up on a message when bytes are missing', () => {
    const info: ReassemblyInfo = { reassembledIn: new Map(), segments: new Map() };
    const t = createPduTracker(50000, 53, info);
    t.push(1, 1, 2, new Uint8Array([0, 10]));
    t.push(2, 13, 2, new Uint8Array([1, 2]));
    expect(info.segments.size).toBe(0);
  });
});
