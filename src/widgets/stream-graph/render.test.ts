// The markup of every kind on a lossy capture: one table row and one drawn
// point per graph point, and each mark drawn as its own shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPH_KINDS } from '../../decoder/graphs/kinds.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { graphOfCapture } from './graph-of-capture.ts';
import { graphLegend, graphSvg, graphTable } from './render.ts';
import { markPath } from './shapes.ts';

const capture = openCapture(new Uint8Array(readFileSync('captures/recorded/tcp-loss.pcapng')));
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('stream graph markup', () => {
  for (const kind of GRAPH_KINDS)
    it(kind, () => {
      const g = graphOfCapture(capture, 0, kind);
      expect(g).toBeDefined();
      if (!g) return;
      const { data } = g;
      expect(data.points.length).toBeGreaterThan(0);
      const table = graphTable(data, { id: 't' });
      expect(count(table, /<tr data-frame=/g)).toBe(data.points.length);
      const svg = graphSvg(data, g.from, g.to, { id: 't' });
      const drawn = data.points.filter((p) => p.frame > 0).length;
      expect(count(svg, /class="sg-pt"/g)).toBe(drawn);
      const marks = data.points.reduce((n, p) => n + p.marks.length, 0);
      expect(count(svg, /class="sg-mark"/g)).toBe(marks);
      if (kind !== 'throughput') expect(count(graphLegend(data), /class="sg-mark"/g)).toBe(3);
    });

  it('gives tcp-loss retransmissions to mark (the capture is lossy)', () => {
    const g = graphOfCapture(capture, 0, 'tcptrace');
    expect(g?.data.points.some((p) => p.marks.includes('retransmission'))).toBe(true);
  });

  it('draws the three marks as three different shapes', () => {
    const paths = (['retransmission', 'out-of-order', 'duplicate-ack'] as const).map((m) => markPath(m, 0, 0));
    expect(new Set(paths).size).toBe(3);
  });

  it('has no stream 99', () => {
    expect(graphOfCapture(capture, 99, 'rtt')).toBeUndefined();
  });
});

describe('stream graph axes', () => {
  it('write milliseconds of RTT as plain numbers, past a second too', () => {
    const points = [0.2, 0.9, 1.45].map((rtt, i) => ({ frame: i + 1, t: i, marks: [], rtt }));
    const svg = graphSvg({ kind: 'rtt', stream: 0, dir: 'A', points }, 'a', 'b', { id: 'r' });
    const labels = [...svg.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1]);
    // The axis reaches 1,500 ms (rounded up from 1,450): its labels are numbers of milliseconds, with no SI prefix (1.2k).
    expect(labels).toContain('1,500');
    expect(labels.some((l) => /k$/.test(l))).toBe(false);
  });
});
