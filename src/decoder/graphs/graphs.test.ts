// Every kind's points, on every repository capture's TCP streams, against
// tshark: its per-frame fields (-T fields) and its io,stat payload sums
// (test/golden/graphs/, made by test/golden/regen-graphs.ts).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCaptures, parseTable } from '../../../test/golden/golden.ts';
import { graphFixture, ioStatArg, parseIoStat, readGraphFixture } from '../../../test/golden/graph-fixtures.ts';
import { openCapture } from '../open-capture.ts';
import { GRAPH_KINDS } from './kinds.ts';
import type { GraphMark } from './marks.ts';
import { type GraphDir, type GraphPoint, graphPoints } from './points.ts';
import { streamRows } from './stream-rows.ts';

interface TsharkRow {
  frame: number;
  t: number;
  sender: string;
  ipField: string;
  address: string;
  port: string;
  cell(name: string): string;
}

function tsharkRows(text: string): TsharkRow[] {
  const t = parseTable(text);
  const col = new Map(t.header.map((n, i) => [n, i]));
  return t.rows.map((r) => {
    const cell = (n: string) => r[col.get(n) ?? -1] ?? '';
    const v6 = cell('ipv6.src');
    const address = (v6 || cell('ip.src')).split(',').pop() ?? '';
    return {
      frame: Number(cell('frame.number')),
      t: Number(cell('frame.time_relative')),
      sender: `${address}|${cell('tcp.srcport')}`,
      ipField: v6 ? 'ipv6.src' : 'ip.src',
      address,
      port: cell('tcp.srcport'),
      cell,
    };
  });
}

const num = (s: string) => (s === '' ? undefined : Number(s));

function tsharkMarks(r: TsharkRow): GraphMark[] {
  const m: GraphMark[] = [];
  if (['retransmission', 'fast_retransmission', 'spurious_retransmission'].some((f) => r.cell(`tcp.analysis.${f}`) !== '')) m.push('retransmission');
  if (r.cell('tcp.analysis.out_of_order') !== '') m.push('out-of-order');
  if (r.cell('tcp.analysis.duplicate_ack') !== '') m.push('duplicate-ack');
  return m;
}

/** What each kind should hold, from tshark's fields alone (RTT in nanoseconds). */
function expectedPoints(kind: string, rows: TsharkRow[], sender: string): Array<Partial<GraphPoint>> {
  const out: Array<Partial<GraphPoint>> = [];
  for (const r of rows) {
    const mine = r.sender === sender;
    const base = { frame: r.frame, marks: tsharkMarks(r) };
    const hasAck = r.cell('tcp.flags.ack') === '1';
    const ack = Number(r.cell('tcp.ack'));
    const win = Number(r.cell('tcp.window_size'));
    if (kind === 'stevens' && mine) out.push({ ...base, seq: Number(r.cell('tcp.seq')), len: Number(r.cell('tcp.len')) });
    if (kind === 'tcptrace') {
      if (mine) out.push({ ...base, seq: Number(r.cell('tcp.seq')), len: Number(r.cell('tcp.len')) });
      else if (hasAck) {
        const le = r.cell('tcp.options.sack_le').split(',').filter(Boolean).map(Number);
        const re = r.cell('tcp.options.sack_re').split(',').filter(Boolean).map(Number);
        out.push({ ...base, ack, win: ack + win, ...(le.length ? { sack: le.map((l, i) => [l, re[i]] as [number, number]) } : {}) });
      }
    }
    if (kind === 'rtt' && !mine && num(r.cell('tcp.analysis.ack_rtt')) !== undefined)
      out.push({ ...base, rtt: Math.round(Number(r.cell('tcp.analysis.ack_rtt')) * 1e9), acked: Number(r.cell('tcp.analysis.acks_frame')) });
    if (kind === 'window') {
      const bif = num(r.cell('tcp.analysis.bytes_in_flight'));
      if (mine && bif !== undefined) out.push({ ...base, inflight: bif });
      else if (!mine && hasAck) out.push({ ...base, rwnd: win });
    }
  }
  return out;
}

/**
 * Streams whose analysis is a known gap of the golden tests (test/golden/known-gaps.ts, "crafted"):
 * tshark counts crafted-eth's frame 4, whose TCP header gives a bogus data offset, in stream 1, and
 * later frames' acks and bytes in flight follow from it; the analysis leaves it out. Frame 33's
 * ack (stream 4) differs there too. Checked to
 * still differ, so a closed gap fails until its entry goes.
 */
const GAPS: ReadonlyArray<{ capture: string; stream: number }> = [
  { capture: 'src__decoder__layers__testdata__crafted-eth.pcap', stream: 1 },
  { capture: 'src__decoder__layers__testdata__crafted-eth.pcap', stream: 4 },
];

const captures = listCaptures().filter((c) => existsSync(graphFixture(c.name)));

describe('stream graph points against tshark', () => {
  it('has a graph fixture for the recorded lossy captures', () => {
    expect(captures.map((c) => c.name)).toEqual(expect.arrayContaining(['tcp-loss', 'tcp-http-loss', 'tcp-ipv6-loss']));
  });

  for (const cap of captures) {
    it(cap.name, () => {
      const fx = readGraphFixture(cap.name);
      const all = tsharkRows(fx.fields);
      const opened = openCapture(new Uint8Array(readFileSync(cap.path)));
      const src = { analysis: opened.analysis, tcpSegment: opened.tcpSegment, firstTime: opened.frames[0]?.timestamp ?? 0n };
      // A TCP header quoted in an ICMP error has no stream.
      const streams = [...new Set(all.filter((r) => r.cell('tcp.stream') !== '').map((r) => Number(r.cell('tcp.stream'))))];
      let compared = 0;
      for (const stream of streams) {
        const gap = GAPS.some((g) => g.capture === cap.name && g.stream === stream);
        if (gap) {
          expect(() => compareStream(stream), `stream ${stream}: a known gap that closed`).toThrow();
          continue;
        }
        compareStream(stream);
      }
      expect(compared).toBeGreaterThan(0);

      function compareStream(stream: number): void {
        const tsRows = all.filter((r) => r.cell('tcp.stream') !== '' && Number(r.cell('tcp.stream')) === stream);
        const rows = streamRows(src, stream);
        // The same frames, each at tshark's frame.time_relative.
        expect(
          rows.map((r) => r.frame),
          `stream ${stream} frames`,
        ).toEqual(tsRows.map((r) => r.frame));
        rows.forEach((r, i) => {
          expect(Math.abs(r.tNs / 1e9 - tsRows[i].t), `frame ${r.frame} time`).toBeLessThan(1e-9);
        });
        // Endpoint A by tshark's sender of the first frame our analysis says A sent.
        const firstA = rows.find((r) => r.fromA);
        const aSender = firstA ? tsRows[rows.indexOf(firstA)].sender : '';
        const senders: Record<GraphDir, string> = { A: aSender, B: tsRows.find((r) => r.sender !== aSender)?.sender ?? '' };
        rows.forEach((r, i) => {
          expect(tsRows[i].sender === aSender, `frame ${r.frame} direction`).toBe(r.fromA);
        });
        for (const dir of ['A', 'B'] as const) {
          for (const kind of GRAPH_KINDS) {
            const got = graphPoints(rows, stream, kind, dir);
            if (kind === 'throughput') {
              const sender = tsRows.find((r) => r.sender === senders[dir]);
              if (!sender) {
                expect(got.points.every((p) => p.bytes === 0)).toBe(true);
                continue;
              }
              const iv = got.interval ?? 0;
              const z = ioStatArg(iv, stream, sender.ipField, sender.address, sender.port);
              const table = fx.io[z];
              expect(table, z).toBeDefined();
              const sums = new Map(parseIoStat(table).map((x) => [Math.round(x.start / iv), x.sum]));
              // io,stat prints the intervals that start before the capture's last instant: a frame at
              // exactly that instant, on an interval boundary, falls in one it does not print.
              const printed = Math.max(...sums.keys());
              for (const p of got.points) {
                const slot = Math.round(p.t / iv);
                if (slot <= printed) expect(p.bytes, `${z} at ${p.t}`).toBe(sums.get(slot) ?? 0);
                else expect(p.t, `${z}: interval ${slot} past the table`).toBeCloseTo(tsRows[tsRows.length - 1].t, 9);
              }
              const ours = new Set(got.points.map((p) => Math.round(p.t / iv)));
              for (const [slot, sum] of sums) if (sum > 0) expect(ours.has(slot), `${z}: interval ${slot} with ${sum} bytes`).toBe(true);
              // Interval choice: the largest of 0.1, 1, 10 s giving at least 20 points, else 0.1 s.
              const larger = [1, 10].filter((x) => x > iv);
              for (const x of larger) {
                const n = Math.floor(tsRows[tsRows.length - 1].t / x) - Math.floor(tsRows[0].t / x) + 1;
                expect(n, `${x} s would give ${n} points`).toBeLessThan(20);
              }
              compared += got.points.length;
              continue;
            }
            const want = expectedPoints(kind, tsRows, senders[dir]);
            const mine = got.points.map((p) => {
              const { t: _t, ...rest } = p;
              // Nanoseconds, as tshark prints nine decimals.
              return rest.rtt === undefined ? rest : { ...rest, rtt: Math.round(rest.rtt * 1e9) };
            });
            expect(mine, `${kind} stream ${stream} ${dir}`).toEqual(want);
            compared += mine.length;
          }
        }
      }
    });
  }
});
