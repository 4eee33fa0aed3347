// Synthesizes a large capture for the benchmark: one bulk TCP transfer over
// IPv4/Ethernet, recorded "headers only" (snap length 128, like tcpdump -s 128).
// Every IPv4 and TCP checksum is correct for the packet as sent: the TCP
// checksum covers the full 1448-byte payload, of which only the first bytes
// are in the file.

import { closeSync, openSync, writeSync } from 'node:fs';
import { writePcapng } from '../src/decoder/capture/index.ts';
import type { FrameToWrite } from '../src/decoder/capture/index.ts';
import { ipv4PseudoSum, onesSum } from '../src/decoder/checksum.ts';

const MSS = 1448; // 1500-byte MTU, 20 IP + 20 TCP + 12 timestamp option
const SNAPLEN = 128;
const CLIENT = { mac: [0x02, 0x77, 0, 0, 0, 0x01], ip: 0x0a4d0001, port: 43210 };
const SERVER = { mac: [0x02, 0x77, 0, 0, 0, 0x02], ip: 0x0a4d0002, port: 5201 };
const START_NS = 1_779_184_800_000_000_000n; // 2026-05-19 10:00:00 UTC

const FIN = 0x01;
const SYN = 0x02;
const PSH = 0x08;
const ACK = 0x10;

const PAYLOAD = new Uint8Array(MSS);
for (let i = 0; i < MSS; i++) PAYLOAD[i] = 0x20 + (i % 95); // printable filler
const PAYLOAD_SUM = onesSum(PAYLOAD, 0, MSS);

interface End {
  mac: number[];
  ip: number;
  port: number;
}

interface Segment {
  from: End;
  to: End;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  ipId: number;
  tsval: number;
  tsecr: number;
  /** Payload bytes on the wire (the file keeps at most SNAPLEN bytes of the frame). */
  payload: number;
  /** SYN options instead of the timestamp-only block. */
  syn?: boolean;
}

const fold = (s: number) => {
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return s;
};

/** One Ethernet frame (truncated to SNAPLEN) and its length on the wire. */
function frame(s: Segment): { data: Uint8Array; origLen: number } {
  const opts = s.syn
    ? [2, 4, MSS >> 8, MSS & 255, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7] // MSS, SACK_PERM, TS, NOP, WS 7
    : [1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0]; // NOP, NOP, TS
  const tcpLen = 20 + opts.length;
  const ipLen = 20 + tcpLen + s.payload;
  const origLen = 14 + ipLen;
  const b = new Uint8Array(Math.min(origLen, SNAPLEN));
  const full = new Uint8Array(14 + 20 + tcpLen); // headers, then checksums go into b
  const v = new DataView(full.buffer);
  full.set(s.to.mac, 0);
  full.set(s.from.mac, 6);
  v.setUint16(12, 0x0800);
  // IPv4
  v.setUint8(14, 0x45);
  v.setUint16(16, ipLen);
  v.setUint16(18, s.ipId & 0xffff);
  v.setUint16(20, 0x4000); // DF
  v.setUint8(22, 64);
  v.setUint8(23, 6);
  v.setUint32(26, s.from.ip);
  v.setUint32(30, s.to.ip);
  v.setUint16(24, ~onesSum(full, 14, 34) & 0xffff);
  // TCP
  const t = 34;
  v.setUint16(t, s.from.port);
  v.setUint16(t + 2, s.to.port);
  v.setUint32(t + 4, s.seq >>> 0);
  v.setUint32(t + 8, s.ack >>> 0);
  v.setUint16(t + 12, ((tcpLen / 4) << 12) | s.flags);
  v.setUint16(t + 14, s.window);
  full.set(opts, t + 20);
  const tsAt = t + 20 + (s.syn ? 8 : 4);
  v.setUint32(tsAt, s.tsval >>> 0);
  v.setUint32(tsAt + 4, s.tsecr >>> 0);
  let sum = ipv4PseudoSum(s.from.ip, s.to.ip, 6, tcpLen + s.payload) + onesSum(full, t, t + tcpLen);
  if (s.payload) sum += PAYLOAD_SUM; // MSS is even, so the payload starts on a word boundary
  v.setUint16(t + 16, ~fold(sum) & 0xffff);
  const hdr = full.length;
  b.set(full.subarray(0, Math.min(hdr, b.length)));
  if (b.length > hdr) b.set(PAYLOAD.subarray(0, b.length - hdr), hdr);
  return { data: b, origLen };
}

/**
 * Writes the capture to `path`: a handshake, `segments` full-sized data
 * segments from client to server with an ACK for every second one, and a
 * FIN exchange. Returns the number of frames.
 */
export function writeBulkCapture(path: string, segments: number): number {
  const fd = openSync(path, 'w');
  let t = START_NS;
  let frames = 0;
  let batch: FrameToWrite[] = [];
  let headerWritten = false;
  const flush = () => {
    if (!batch.length) return;
    let out = writePcapng(batch, { tsresolNs: true, userAppl: 'wirebook bench' });
    if (headerWritten) {
      // Later batches: drop the Section Header and Interface Description blocks.
      const dv = new DataView(out.buffer, out.byteOffset);
      const shb = dv.getUint32(4, true);
      const idb = dv.getUint32(shb + 4, true);
      out = out.subarray(shb + idb);
    }
    writeSync(fd, out);
    headerWritten = true;
    frames += batch.length;
    batch = [];
  };
  const push = (s: Segment, gapNs: bigint) => {
    t += gapNs;
    const { data, origLen } = frame(s);
    batch.push({ linkType: 1, timestamp: t, data, origLen });
    if (batch.length >= 50_000) flush();
  };

  const isnC = 0x3ade68b1;
  const isnS = 0x7f1c2a04;
  let ipC = 0x1200;
  let ipS = 0x5a00;
  let ts = 1_000_000;
  const tsS = 2_000_000;
  push({ from: CLIENT, to: SERVER, seq: isnC, ack: 0, flags: SYN, window: 64240, ipId: ipC++, tsval: ts, tsecr: 0, payload: 0, syn: true }, 0n);
  push({ from: SERVER, to: CLIENT, seq: isnS, ack: isnC + 1, flags: SYN | ACK, window: 65160, ipId: 0, tsval: tsS, tsecr: ts, payload: 0, syn: true }, 48_000n);
  push({ from: CLIENT, to: SERVER, seq: isnC + 1, ack: isnS + 1, flags: ACK, window: 502, ipId: ipC++, tsval: ts, tsecr: tsS, payload: 0 }, 15_000n);

  let seq = isnC + 1;
  for (let i = 0; i < segments; i++) {
    if (i % 800 === 0) ts++; // a millisecond of timestamp clock every 800 segments
    const last = i === segments - 1;
    push(
      {
        from: CLIENT,
        to: SERVER,
        seq,
        ack: isnS + 1,
        flags: ACK | (last ? PSH : 0),
        window: 502,
        ipId: ipC++,
        tsval: ts,
        tsecr: tsS + Math.floor(i / 800),
        payload: MSS,
      },
      1_210n,
    );
    seq = (seq + MSS) >>> 0;
    if (i % 2 === 1 || last) {
      push(
        { from: SERVER, to: CLIENT, seq: isnS + 1, ack: seq, flags: ACK, window: 3000, ipId: ipS++, tsval: tsS + Math.floor(i / 800), tsecr: ts, payload: 0 },
        900n,
      );
    }
  }
  push({ from: CLIENT, to: SERVER, seq, ack: isnS + 1, flags: FIN | ACK, window: 502, ipId: ipC++, tsval: ts, tsecr: tsS, payload: 0 }, 20_000n);
  push({ from: SERVER, to: CLIENT, seq: isnS + 1, ack: seq + 1, flags: FIN | ACK, window: 3000, ipId: ipS++, tsval: tsS, tsecr: ts, payload: 0 }, 40_000n);
  push({ from: CLIENT, to: SERVER, seq: seq + 1, ack: isnS + 2, flags: ACK, window: 502, ipId: ipC++, tsval: ts, tsecr: tsS, payload: 0 }, 30_000n);
  flush();
  closeSync(fd);
  return frames;
}
