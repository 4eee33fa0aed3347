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
