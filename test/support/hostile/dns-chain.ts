// A DNS response built to make name decompression work hard (RFC 1035 4.1.4):
// a chain of one-label names each pointing to the one before, then answers
// whose owner name points to the end of that chain.

import { putU16, putU32 } from '../../../src/decoder/build/bytes.ts';
import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';
import { at, frame, ipv4, udpFrame } from './wire.ts';

// A private-use type (RFC 6895 3.1): its data is opaque to every reader.
const TYPE_PRIVATE = 65280;
const TYPE_A = 1;
const CLASS_IN = 1;

/** `links` chained names held in a private-use record's data, then `answers` A records named by the chain's end. */
export function dnsPointerChain(links: number, answers: number): FrameToWrite[] {
  const chainAt = 12 + 1 + 10; // header, root owner name, type/class/ttl/rdlength
  const chainLength = 3 + 4 * (links - 1);
  const size = chainAt + chainLength + answers * 16;
  const m = new Uint8Array(size);
  putU16(m, 0, 0x4242);
  putU16(m, 2, 0x8180); // response, recursion desired and available
  putU16(m, 6, 1 + answers);
  let p = 12;
  m[p++] = 0; // the root
  putU16(m, p, TYPE_PRIVATE);
  putU16(m, p + 2, CLASS_IN);
  putU32(m, p + 4, 60);
  putU16(m, p + 8, chainLength);
  p += 10;
  // Name 0 is "a."; name i is "a" then a pointer to name i-1.
  let last = p;
  m.set([1, 0x61, 0], p);
  p += 3;
  for (let i = 1; i < links; i++) {
    m.set([1, 0x61, 0xc0 | (last >> 8), last & 0xff], p);
    last = p;
    p += 4;
  }
  for (let i = 0; i < answers; i++) {
    putU16(m, p, 0xc000 | last);
    putU16(m, p + 2, TYPE_A);
    putU16(m, p + 4, CLASS_IN);
    putU32(m, p + 6, 60);
    putU16(m, p + 10, 4);
    m.set([192, 0, 2, i & 0xff], p + 12);
    p += 16;
  }
  const query = new Uint8Array(12 + 7);
  putU16(query, 0, 0x4242);
  putU16(query, 2, 0x0100);
  putU16(query, 4, 1);
  query.set([1, 0x61, 0, 0, 1, 0, 1], 12);
  const client = ipv4(192, 0, 2, 10);
  const server = ipv4(192, 0, 2, 53);
  return [frame(udpFrame(client, server, 53000, 53, query), at(0)), frame(udpFrame(server, client, 53, 53000, m), at(1))];
}
