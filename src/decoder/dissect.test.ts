import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { createExtractor, dissectFrame, extractFields, compileWanted, findField, protocolTables } from './dissect.ts';
import { frameData, readCapture } from './capture/index.ts';
import { fieldDifferences, LOOPBACK_DECODE_AS, record, windowScaleSession } from './layers/testdata/oracle.ts';
import { REPORT_FRAME_1 } from './layers/testdata/seed.ts';

describe('dissectFrame', () => {
  it('rebuilds the report frame 1 with both checksums good', () => {
    const d = dissectFrame(record(REPORT_FRAME_1), REPORT_FRAME_1);
    expect(d.tree.map((f) => f.name)).toEqual(['frame', 'eth', 'ip', 'udp', 'dns']);
    expect(findField(d.tree, 'ip.checksum.status')!.show).toBe('1');
    expect(findField(d.tree, 'udp.checksum.status')!.show).toBe('1');
    expect(d.malformed).toBe(false);
    expect(d.truncated).toBe(false);
  });

  it('says when the snaplen cut the frame and keeps what it had', () => {
    const cut = REPORT_FRAME_1.subarray(0, 60);
    const d = dissectFrame(record(cut, 1, 1, 76), cut);
    expect(d.truncated).toBe(true);
    expect(findField(d.tree, 'dns.id')!.show).toBe('0x562d');
    expect(findField(d.tree, '_ws.short')!.display).toBe('[Packet size limited during capture: DNS truncated]');
  });

  it('never throws, whatever the bytes and link type', () => {
    const linkTypes = [0, 1, 101, 113, 228, 229, 276, 147, 12345];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...linkTypes), fc.integer({ min: 0, max: 64 }), (bytes, lt, extra) => {
        const d = dissectFrame(record(bytes, lt, 1, bytes.length + extra), bytes);
        expect(d.tree[0].name).toBe('frame');
        const w = compileWanted(['ip.src', 'tcp.flags', 'dns.qry.name', '_ws.col.Info', 'frame.protocols']);
        expect(extractFields(record(bytes, lt), bytes, w)).toHaveLength(5);
      }),
      { numRuns: 400 },
    );
  });

  it('survives every prefix of real frames', () => {
    for (let n = 0; n <= REPORT_FRAME_1.length; n++) {
      const cut = REPORT_FRAME_1.subarray(0, n);
      expect(() => dissectFrame(record(cut, 1, 1, 76), cut)).not.toThrow();
      expect(() => dissectFrame(record(cut), cut)).not.toThrow();
    }
  });

  it('registers tables the header diagram can draw: bit widths add up to the fixed header', () => {
    const bits = (layer: string) => protocolTables[layer].header.reduce((n, f) => n + f.bits, 0);
    expect(bits('eth')).toBe(14 * 8);
    expect(bits('ipv4')).toBe(20 * 8);
    expect(bits('ipv6')).toBe(40 * 8);
    expect(bits('udp')).toBe(8 * 8);
    expect(bits('tcp')).toBe(20 * 8);
    expect(bits('arp')).toBe(28 * 8);
  });
});

describe('the fields path', () => {
  it('gives the same values when layers only route (nothing of theirs wanted) as when they decode fully', () => {
    const bytes = new Uint8Array(readFileSync(new URL('./layers/testdata/loopback.pcapng', import.meta.url)));
    const cap = readCapture(bytes);
    const names = ['dns.qry.name', 'dns.a', 'http.host', 'data.len'];
    const quiet = createExtractor(compileWanted(names), { decodeAs: LOOPBACK_DECODE_AS });
    const full = createExtractor(compileWanted([...names, '_ws.col.Info']), { decodeAs: LOOPBACK_DECODE_AS });
    for (const r of cap.frames) {
      expect(quiet(r, frameData(bytes, r)).slice()).toEqual(full(r, frameData(bytes, r)).slice(0, names.length));
    }
  });
});

describe('extractFields agrees with tshark -T fields', () => {
  it('on the report frames', () => {
    expect(fieldDifferences('report.pcap', 'report.fields.tsv')).toEqual([]);
  });
  it('on the crafted frames', () => {
    expect(fieldDifferences('crafted-eth.pcap', 'crafted-eth.fields.tsv')).toEqual([]);
  });
  it('on the loopback capture (apart from frames tshark holds for reassembly)', () => {
    const d = fieldDifferences('loopback.pcapng', 'loopback.fields.tsv', { decodeAs: LOOPBACK_DECODE_AS, session: windowScaleSession() });
    expect(d.filter((x) => !/^#(30|32) /.test(x))).toEqual([]);
  });
});
