import { describe, expect, it } from 'vitest';
import { agree, load } from './testdata/oracle.ts';
import { findField } from '../dissect.ts';
import { openCapture } from '../open-capture.ts';
import { writePcapng } from '../capture/write-pcapng.ts';

describe('ICMP', () => {
  it('agrees with tshark: echo, bad checksum, quoted IPv4/TCP and IPv4/UDP headers', () => {
    expect(agree('crafted-eth', ['icmp'])).toEqual([]);
    expect(agree('loopback', ['icmp'])).toEqual([]);
  });

  it('dissects the quoted packet inside the ICMP node without touching the columns', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[33].dissected;
    const icmp = findField(f.tree, 'icmp')!;
    expect(icmp.children!.map((c) => c.name)).toContain('ip');
    expect(f.columns.source).toBe('10.0.0.2');
    expect(f.layers.tcp).toBeUndefined();
    expect(f.layers.icmp).toMatchObject({ type: 3, code: 3, checksumStatus: 1 });
  });
});

describe('ICMP echo matching (as tshark 4.0 -2 pairs these frames)', () => {
  // Ethernet and IPv4 (header checksum left 0: matching does not read it), then ICMP.
  const ip4 = (src: number, dst: number, icmp: number[]): Uint8Array => {
    const len = 20 + icmp.length;
    const ip = [0x45, 0, len >> 8, len & 255, 0, 1, 0, 0, 64, 1, 0, 0, 10, 0, 0, src, 10, 0, 0, dst];
    return new Uint8Array([...Array(12).fill(2), 0x08, 0x00, ...ip, ...icmp]);
  };
  /** The ICMP message with its checksum filled in (RFC 792). */
  const summed = (m: number[]): number[] => {
    let sum = 0;
    for (let i = 0; i < m.length; i += 2) sum += (m[i] << 8) | (m[i + 1] ?? 0);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    const c = ~sum & 0xffff;
    return [m[0], m[1], c >> 8, c & 255, ...m.slice(4)];
  };
  const echo = (type: number, good = true): number[] => {
    const m = [type, 0, 0, 0, 0x12, 0x34, 0, 7];
    return good ? summed(m) : m;
  };
  const capture = (frames: Uint8Array[]) => openCapture(writePcapng(frames.map((data, i) => ({ linkType: 1, timestamp: BigInt(i + 1) * 1_000_000n, data }))));
  const show = (c: ReturnType<typeof capture>, n: number, name: string) => findField(c.dissect(n).tree, name)?.show;

  it('pairs a reply with its request, not with the copy an ICMP error quotes (traceroute -I)', () => {
    const quoted = [...ip4(1, 2, echo(8)).subarray(14)];
    const c = capture([ip4(1, 2, echo(8)), ip4(9, 1, summed([11, 0, 0, 0, 0, 0, 0, 0, ...quoted])), ip4(2, 1, echo(0))]);
    expect([show(c, 1, 'icmp.resp_in'), show(c, 3, 'icmp.resp_to')]).toEqual(['3', '1']);
    expect(c.dissect(1).columns.info).toMatch(/\(reply in 3\)$/);
    expect(show(c, 2, 'icmp.resp_in')).toBeUndefined();
  });

  it('pairs no message with a bad checksum; the request still says no response was found', () => {
    for (const [request, reply] of [
      [echo(8), echo(0, false)],
      [echo(8, false), echo(0)],
    ]) {
      const c = capture([ip4(1, 2, request), ip4(2, 1, reply)]);
      expect([show(c, 1, 'icmp.resp_in'), show(c, 2, 'icmp.resp_to')]).toEqual([undefined, undefined]);
      expect(c.dissect(1).columns.info).toMatch(/\(no response found!\)$/);
      expect(c.dissect(2).columns.info).toMatch(/ttl=64$/);
    }
  });
});
