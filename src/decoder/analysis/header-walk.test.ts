// The header walker reads plain Ethernet/IPv4 frames and declines the rest,
// which the dissector then handles. That it feeds the analysis what the
// dissector would is checked on every capture in fast-path-input.test.ts.
import { describe, expect, it } from 'vitest';
import { createHeaderWalker } from './header-walk.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpSegmentInput, UdpDatagramInput } from './types.ts';

type Input = TcpSegmentInput | UdpDatagramInput;

describe('header walker', () => {
  it('declines what it does not read plainly: a fragment, IP options, VLAN, a cut header', () => {
    const eth = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0];
    const ip = [0x45, 0, 0, 40, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];
    const tcp = [0x30, 0x39, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0];
    const fed: Input[] = [];
    const walk = createHeaderWalker({ addTcp: (s: Input) => void fed.push(s), addUdp: (d: Input) => void fed.push(d) } as unknown as TcpAnalyzer);
    const rec = (data: number[]) => ({
      number: 1,
      dataOffset: 0,
      capLen: data.length,
      origLen: data.length,
      timestamp: 1n,
      linkType: 1,
      interfaceId: 0,
      comments: [],
    });
    const frame = (data: number[]) => walk(rec(data), new Uint8Array(data));
    expect(frame([...eth, ...ip, ...tcp])).toBe(true);
    expect(fed).toHaveLength(1);
    expect(fed[0]).toMatchObject({ src: '10.0.0.1', dst: '10.0.0.2', srcPort: 12345, dstPort: 80, seqRaw: 1, flags: 2, payloadLength: 0 });
    const fragment = [...ip];
    fragment[6] = 0x20; // more fragments
    expect(frame([...eth, ...fragment, ...tcp])).toBe(false);
    const withOptions = [...ip];
    withOptions[0] = 0x46;
    expect(frame([...eth, ...withOptions, 1, 1, 1, 1, ...tcp])).toBe(false);
    expect(frame([...eth.slice(0, 12), 0x81, 0, 0, 1, 8, 0, ...ip, ...tcp])).toBe(false);
    expect(frame([...eth, ...ip, ...tcp.slice(0, 12)])).toBe(false);
    const shortHeader = [...tcp];
    shortHeader[12] = 0x40; // data offset 4: bogus
    expect(frame([...eth, ...ip, ...shortHeader])).toBe(false);
    expect(fed).toHaveLength(1);
  });
});
