import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writePcapng } from '../../decoder/capture/write-pcapng.ts';
import { timelessTcpBlocks } from '../../decoder/layers/testdata/hostile.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { buildLadder } from './ladder-model.ts';
import { ladderTable } from './render.ts';

const open = (name: string) => openCapture(new Uint8Array(readFileSync(`captures/recorded/${name}.pcapng`)));
const hosts = { A: { name: 'Client (A)', address: '10.77.0.1' }, B: { name: 'Web server (B)', address: '10.77.0.2' } };

describe('buildLadder', () => {
  const m = buildLadder(open('tcp-http'), 0, hosts)!;

  it('names the endpoints from the sidecar, the client as A', () => {
    expect(m.a).toEqual({ name: 'Client (A)', address: '10.77.0.1', port: 36450 });
    expect(m.b).toEqual({ name: 'Web server (B)', address: '10.77.0.2', port: 80 });
  });

  it('lists the 16 segments with relative numbers from the analysis', () => {
    expect(m.relative).toBe(true);
    expect(m.segments.map((s) => s.frame)).toEqual([...Array(16).keys()].map((i) => i + 1));
    const s = (f: number) => m.segments[f - 1];
    expect([s(1).flags, s(1).seq, s(1).ack, s(1).fromA]).toEqual(['SYN', 0, null, true]);
    expect([s(2).flags, s(2).seq, s(2).ack, s(2).fromA]).toEqual(['SYN, ACK', 0, 1, false]);
    expect([s(4).flags, s(4).len]).toEqual(['PSH, ACK', 213]);
    expect([s(12).seq, s(12).len, s(13).ack]).toEqual([4381, 226, 4607]);
    expect([s(15).flags, s(16).ack]).toEqual(['FIN, ACK', 4608]);
  });

  it('takes connection states from the analysis, changing along the conversation', () => {
    const st = (f: number) => m.segments[f - 1].states;
    expect(st(1)).toEqual(['SYN-SENT', 'LISTEN']);
    expect(st(3)).toEqual(['ESTABLISHED', 'ESTABLISHED']);
    expect(st(14)).toEqual(['FIN-WAIT-1', 'CLOSE-WAIT']);
    expect(st(16)).toEqual(['TIME-WAIT', 'CLOSED']);
  });

  it('estimates the one-way delay and the capture point from the handshake', () => {
    // Handshake RTT SYN -> ACK is 47.761 µs; the client answered 14.398 µs after the SYN-ACK.
    expect(m.owd! * 1e6).toBeCloseTo(23.88, 1);
    expect(m.captureAt!).toBeCloseTo(14.398 / 47.761, 2);
  });

  it('marks duplicate ACKs where the analysis finds them', () => {
    const loss = buildLadder(open('tcp-loss'), 0)!;
    expect(loss.a.name).toBe(`${loss.a.address}:${loss.a.port}`);
    expect(loss.segments.filter((s) => s.marks.includes('duplicate_ack')).length).toBeGreaterThan(0);
    expect(loss.segments.some((s) => s.marks.some((k) => k.endsWith('retransmission')))).toBe(true);
  });

  it('marks resets', () => {
    const rst = buildLadder(open('tcp-rst-linger'), 0)!;
    const r = rst.segments.find((s) => s.rst)!;
    expect(r.marks).toContain('rst');
    expect(r.flags).toMatch(/RST/);
  });

  it('returns undefined for a stream that is not there', () => {
    expect(buildLadder(open('tcp-http'), 5)).toBeUndefined();
    expect(buildLadder(open('udp-dns'), 0)).toBeUndefined();
  });
});

describe('buildLadder on segments without a time (pcapng simple packets)', () => {
  const capture = openCapture(writePcapng(timelessTcpBlocks()));
  const m = buildLadder(capture, 0)!;

  it('draws them where the segment before is, never before the start', () => {
    expect(m.segments.map((s) => s.frame)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(m.segments.map((s) => s.noTime ?? false)).toEqual([false, true, false, false, true, false, false]);
    expect(m.segments.map((s) => Math.round(s.t * 1e3))).toEqual([0, 0, 2, 3, 3, 5, 6]);
  });

  it('leaves their time out of the table and the explorer list', () => {
    const cells = [...ladderTable(m, 0).matchAll(/data-index="\d+"[^>]*><td>(\d+)<\/td><td>([^<]*)<\/td>/g)].map((x) => [x[1], x[2]]);
    expect(cells).toEqual([
      ['1', '0.000000'],
      ['2', ''],
      ['3', '0.002000'],
      ['4', '0.003000'],
      ['5', ''],
      ['6', '0.005000'],
      ['7', '0.006000'],
    ]);
    expect(capture.summaries().map((r) => r.time)).toEqual(['0.000000', '', '0.002000', '0.003000', '', '0.005000', '0.006000']);
  });
});
