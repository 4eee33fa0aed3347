import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findField } from '../dissect.ts';
import type { Field } from '../types.ts';
import { openCapture } from '../open-capture.ts';
import { writePcapng } from '../capture/write-pcapng.ts';

describe('ICMPv6', () => {
  it('agrees with tshark: neighbour discovery with options, echo, bad checksum, quoted packet', () => {
    expect(agree('crafted-eth', ['icmpv6'])).toEqual([]);
    expect(agree('loopback', ['icmpv6'])).toEqual([]);
  });

  it('reads the link-layer address option of a neighbour solicitation', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[18].dissected;
    expect(f.columns.info).toBe('Neighbor Solicitation for 2001:db8::2 from 02:00:00:00:00:01');
    expect(findField(f.tree, 'icmpv6.opt.linkaddr')!.show).toBe('020000000001');
  });
});

describe('ICMPv6 echo matching (as tshark 4.0 -2 pairs these frames)', () => {
  const addr = (last: number) => [0xfd, 0x77, ...Array(13).fill(0), last];
  /** The ICMPv6 message with its checksum over the pseudo-header filled in (RFC 4443 2.3). */
  const summed = (src: number, dst: number, m: number[]): number[] => {
    const pseudo = [...addr(src), ...addr(dst), 0, 0, m.length >> 8, m.length & 255, 0, 0, 0, 58];
    const all = [...pseudo, ...m];
    let sum = 0;
    for (let i = 0; i < all.length; i += 2) sum += (all[i] << 8) | (all[i + 1] ?? 0);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    const c = ~sum & 0xffff;
    return [m[0], m[1], c >> 8, c & 255, ...m.slice(4)];
  };
  // Ethernet and IPv6 (hop limit 64, next header 58), then an echo with identifier 0x1234, sequence 7.
  const ip6 = (src: number, dst: number, type: number, good = true): Uint8Array => {
    const m = [type, 0, 0, 0, 0x12, 0x34, 0, 7, 1, 2, 3, 4];
    const icmp = good ? summed(src, dst, m) : m;
    const ip = [0x60, 0, 0, 0, 0, icmp.length, 58, 64, ...addr(src), ...addr(dst)];
    return new Uint8Array([...Array(12).fill(2), 0x86, 0xdd, ...ip, ...icmp]);
  };
  const capture = (frames: Uint8Array[]) => openCapture(writePcapng(frames.map((data, i) => ({ linkType: 1, timestamp: BigInt(i + 1) * 1_000_000n, data }))));
  const show = (c: ReturnType<typeof capture>, n: number, name: string) => findField(c.dissect(n).tree, name)?.show;
  const info = (c: ReturnType<typeof capture>, n: number) => c.dissect(n).columns.info;

  it('pairs a reply with its request: reply in, request in, response time', () => {
    const c = capture([ip6(1, 2, 128), ip6(2, 1, 129)]);
    // tshark -2 on these two frames.
    expect(info(c, 1)).toBe('Echo (ping) request id=0x1234, seq=7, hop limit=64 (reply in 2)');
    expect(info(c, 2)).toBe('Echo (ping) reply id=0x1234, seq=7, hop limit=64 (request in 1)');
    expect([show(c, 1, 'icmpv6.resp_in'), show(c, 2, 'icmpv6.resp_to'), show(c, 2, 'icmpv6.resptime')]).toEqual(['2', '1', '1']);
  });

  it('marks a request without a reply, as in frame 9 of icmp-path', () => {
    // tshark -2: frame 9's Info, and its expert item's message.
    const c = openCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../captures/recorded/icmp-path.pcapng'))));
    const nine = c.dissect(9);
    expect(nine.columns.info).toBe('Echo (ping) request id=0x6ebb, seq=64, hop limit=64 (no response found!)');
    const messages = (fields: Field[]): string[] => fields.flatMap((f) => [...(f.expert ?? []).map((e) => e.message), ...messages(f.children ?? [])]);
    expect(messages(nine.tree)).toContain('No response seen to ICMPv6 request in frame 9');
  });

  it('pairs no message with a bad checksum, nor the copy a Packet Too Big quotes', () => {
    const c = capture([ip6(1, 2, 128), ip6(2, 1, 129, false)]);
    expect(info(c, 1)).toBe('Echo (ping) request id=0x1234, seq=7, hop limit=64 (no response found!)');
    expect(info(c, 2)).toBe('Echo (ping) reply id=0x1234, seq=7, hop limit=64');
    const path = openCapture(new Uint8Array(readFileSync(join(import.meta.dirname, '../../../captures/recorded/icmp-path.pcapng'))));
    expect(findField(path.dissect(10).tree, 'icmpv6.resp_to')).toBeUndefined();
  });
});
