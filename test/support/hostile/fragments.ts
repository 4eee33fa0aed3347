// An IPv4 fragment storm: overlapping fragments of a few datagrams, tails
// included, none of which ever completes (the fragment at offset 0 never
// comes), so the reassembly keeps every one pending.

import { concat } from '../../../src/decoder/build/bytes.ts';
import type { FrameToWrite } from '../../../src/decoder/capture/index.ts';
import { at, ETHERTYPE_IPV4, ethHeader, frame, ipv4, ipv4Header, PROTO_UDP, random } from './wire.ts';

export function fragmentStorm(count: number, datagrams = 16): FrameToWrite[] {
  const rnd = random(791);
  const src = ipv4(198, 51, 100, 1);
  const dst = ipv4(198, 51, 100, 2);
  const eth = ethHeader(ETHERTYPE_IPV4);
  const out: FrameToWrite[] = [];
  for (let i = 0; i < count; i++) {
    const length = 8 * (1 + rnd(64));
    // Offsets from 8 bytes up, in 8-byte units (RFC 791), up to about 64 KiB.
    const offset = 8 * (1 + rnd(8000));
    const more = rnd(8) !== 0;
    const body = new Uint8Array(length).fill(i & 0xff);
    out.push(frame(concat([eth, ipv4Header(PROTO_UDP, src, dst, length, 0x1000 + rnd(datagrams), offset, more), body]), at(i)));
  }
  return out;
}
