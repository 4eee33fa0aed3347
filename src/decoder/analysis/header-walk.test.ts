// The header walker must feed the analyzer exactly what the dissector's first pass feeds it:
// every TCP/UDP input it builds is compared with the dissector's, and frames it declines
// must be the ones the dissector has to handle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/index.ts';
import { compileWanted, createExtractor } from '../dissect.ts';
import type { DissectSession } from '../dissect.ts';
import { createHeaderWalker } from './header-walk.ts';
import { segmentInput } from './session-adapter.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpSegmentInput, UdpDatagramInput } from './types.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CAPTURES = [
  ...readdirSync(join(HERE, 'testdata'))
    .filter((f) => f.endsWith('.pcapng'))
    .map((f) => join(HERE, 'testdata', f)),
  ...readdirSync(join(HERE, '../../../test/golden/fixtures'))
    .filter((f) => /\.pcapn?g?$/.test(f))
    .map((f) => join(HERE, '../../../test/golden/fixtures', f)),
];

type Input = TcpSegmentInput | UdpDatagramInput;

/** Options as plain values (the dissector's copy lists absent options as undefined keys). */
const plain = (x: Input) => JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Array.from(v) : v)));

describe('header walker', () => {
  for (const path of CAPTURES) {
    it(`feeds the same analysis input as the dissector: ${path.split('/').pop()}`, () => {
      const pcap = new Uint8Array(readFileSync(path));
      const index = readCapture(pcap);
      const walked: Input[] = [];
      const collector = { addTcp: (s: Input) => void walked.push(s), addUdp: (d: Input) => void walked.push(d) } as unknown as TcpAnalyzer;
      const walk = createHeaderWalker(collector);
      const dissected: Input[] = [];
      const session: DissectSession = {
        tcp(h, ctx) {
          const s = segmentInput(h, ctx);
          if (s) dissected.push(s);
          return undefined;
        },
        udp(h, ctx) {
          const ip = ctx.lastIp;
          if (ip) dissected.push({ frame: ctx.record.number, time: ctx.record.timestamp, src: '', dst: '', srcPort: h.srcPort, dstPort: h.dstPort });
        },
      };
      const extract = createExtractor(compileWanted([]));
      let declined = 0;
      for (const r of index.frames) {
        const data = frameData(pcap, r);
        const before = walked.length;
        const took = walk(r, data);
        if (!took) declined++;
        const mark = dissected.length;
        extract(r, data, session);
        if (!took) continue;
        // A frame the walker took: one input, equal to the dissector's.
        expect(walked.length - before).toBe(1);
        expect(dissected.length - mark).toBe(1);
        const mine = plain(walked[before]);
        const theirs = plain(dissected[mark]);
        if ('seqRaw' in theirs) expect(mine).toEqual(theirs);
        else expect({ ...mine, src: '', dst: '' }).toEqual(theirs);
      }
      // Every frame is either walked or left to the dissector, never both or neither.
      expect(walked.length + declined).toBe(index.frames.length);
    });
  }

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
