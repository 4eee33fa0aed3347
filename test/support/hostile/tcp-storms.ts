// TCP cases that make the conversation analysis work hard: a segment resent
// over and over, a SYN flood, a reordering storm, and SACK blocks scattered
// over a transfer whose holes are never filled.

import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';
import { at, frame, ipv4, random, reverse, type TcpEnds, tcpFrame, tenNet } from './wire.ts';

const SYN = 0x02;
const ACK = 0x10;
const PSH = 0x08;
const CLIENT = ipv4(192, 0, 2, 10);
const SERVER = ipv4(192, 0, 2, 80);
const ISN_C = 1000;
const ISN_S = 5000;
const MSS = 100;

// A port no dissector claims: the payload stays data, only the TCP analysis speaks.
const ends = (sport = 40000, dport = 40080): TcpEnds => ({ src: CLIENT, dst: SERVER, sport, dport });

/** SYN, SYN-ACK, ACK (window scaling off, so every window is taken as written). */
function handshake(e: TcpEnds, out: FrameToWrite[]): void {
  const r = reverse(e);
  out.push(frame(tcpFrame(e, { seq: ISN_C, ack: 0, flags: SYN }, new Uint8Array(0)), at(out.length)));
  out.push(frame(tcpFrame(r, { seq: ISN_S, ack: ISN_C + 1, flags: SYN | ACK }, new Uint8Array(0), false), at(out.length)));
  out.push(frame(tcpFrame(e, { seq: ISN_C + 1, ack: ISN_S + 1, flags: ACK }, new Uint8Array(0)), at(out.length)));
}

const data = (n: number): Uint8Array => new Uint8Array(n).fill(0x61);

/** One segment sent `copies` times, each answered by a duplicate ACK asking for it again. */
export function retransmissionStorm(copies: number): FrameToWrite[] {
  const e = ends();
  const r = reverse(e);
  const out: FrameToWrite[] = [];
  handshake(e, out);
  const seg = tcpFrame(e, { seq: ISN_C + 1, ack: ISN_S + 1, flags: PSH | ACK }, data(MSS));
  const dup = tcpFrame(r, { seq: ISN_S + 1, ack: ISN_C + 1, flags: ACK }, new Uint8Array(0), false);
  for (let i = 0; i < copies; i++) {
    out.push(frame(seg, at(out.length, 100_000)));
    out.push(frame(dup, at(out.length, 100_000)));
  }
  return out;
}

/** `count` SYNs, each from its own address and port: as many conversations. */
export function synFlood(count: number): FrameToWrite[] {
  const rnd = random(15);
  const out: FrameToWrite[] = [];
  for (let i = 0; i < count; i++) {
    const e: TcpEnds = { src: tenNet(i), dst: SERVER, sport: 1024 + (i % 64000), dport: 80 };
    out.push(frame(tcpFrame(e, { seq: rnd(2 ** 32), ack: 0, flags: SYN }, new Uint8Array(0)), at(i)));
  }
  return out;
}

/**
 * `count` segments sent in shuffled runs of 64, each answered by a cumulative
 * ACK of what arrived in order: out-of-order, lost-segment and duplicate-ACK
 * flags everywhere.
 */
export function reorderStorm(count: number): FrameToWrite[] {
  const e = ends();
  const r = reverse(e);
  const rnd = random(7);
  const out: FrameToWrite[] = [];
  handshake(e, out);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = 0; i < count; i += 64) {
    const end = Math.min(count, i + 64);
    for (let j = end - 1; j > i; j--) {
      const k = i + rnd(j - i + 1);
      [order[j], order[k]] = [order[k], order[j]];
    }
  }
  const got = new Uint8Array(count);
  let upTo = 0;
  const payload = data(MSS);
  for (const n of order) {
    out.push(frame(tcpFrame(e, { seq: ISN_C + 1 + n * MSS, ack: ISN_S + 1, flags: ACK }, payload), at(out.length, 50_000)));
    got[n] = 1;
    while (upTo < count && got[upTo]) upTo++;
    out.push(frame(tcpFrame(r, { seq: ISN_S + 1, ack: ISN_C + 1 + upTo * MSS, flags: ACK }, new Uint8Array(0), false), at(out.length, 50_000)));
  }
  return out;
}

/**
 * Every other segment of a transfer is lost and never resent; each arrival is
 * answered by an ACK stuck at the first hole carrying four SACK blocks in a
 * random order (RFC 2018): nothing the sender sent is ever acknowledged.
 */
export function sackScatter(count: number): FrameToWrite[] {
  const e = ends();
  const r = reverse(e);
  const rnd = random(2018);
  const out: FrameToWrite[] = [];
  handshake(e, out);
  const payload = data(MSS);
  const start = ISN_C + 1;
  for (let i = 0; i < count; i++) {
    const seq = start + (2 * i + 1) * MSS;
    out.push(frame(tcpFrame(e, { seq, ack: ISN_S + 1, flags: ACK }, payload), at(out.length, 50_000)));
    const blocks: [number, number][] = [];
    for (let b = 0; b < 4; b++) {
      const k = rnd(i + 1);
      const le = start + (2 * k + 1) * MSS;
      blocks.push([le, le + MSS]);
    }
    const ackFrame = tcpFrame(
      r,
      { seq: ISN_S + 1, ack: start, flags: ACK, window: 1000 + (i % 7), options: [{ kind: 'sack', blocks }] },
      new Uint8Array(0),
      false,
    );
    out.push(frame(ackFrame, at(out.length, 50_000)));
  }
  return out;
}

/** An HTTP/1.1 request with `headers` header lines, in MSS-sized segments, and its answer. */
export function headerFlood(headers: number): FrameToWrite[] {
  const e = ends(40001, 80);
  const r = reverse(e);
  const out: FrameToWrite[] = [];
  handshake(e, out);
  const lines = ['GET / HTTP/1.1', 'Host: example.test'];
  for (let i = 0; i < headers; i++) lines.push(`X-Flood-${i}: ${'v'.repeat(i % 17)}`);
  const request = new TextEncoder().encode(`${lines.join('\r\n')}\r\n\r\n`);
  const seg = 1448;
  let seq = ISN_C + 1;
  for (let o = 0; o < request.length; o += seg) {
    const part = request.subarray(o, Math.min(request.length, o + seg));
    out.push(frame(tcpFrame(e, { seq, ack: ISN_S + 1, flags: ACK | PSH }, part), at(out.length)));
    seq += part.length;
    out.push(frame(tcpFrame(r, { seq: ISN_S + 1, ack: seq, flags: ACK }, new Uint8Array(0), false), at(out.length)));
  }
  const answer = new TextEncoder().encode('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  out.push(frame(tcpFrame(r, { seq: ISN_S + 1, ack: seq, flags: ACK | PSH }, answer, false), at(out.length)));
  out.push(frame(tcpFrame(e, { seq, ack: ISN_S + 1 + answer.length, flags: ACK }, new Uint8Array(0)), at(out.length)));
  return out;
}
