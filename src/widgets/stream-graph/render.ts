// A stream graph as markup: the SVG drawing (d3 scales, on the server and in
// the browser alike), its legend and its table alternative, one row a point.
import { scaleLinear } from 'd3-scale';
import { GRAPH_MARKS, type GraphMark } from '../../decoder/graphs/marks.ts';
import type { GraphData, GraphPoint } from '../../decoder/graphs/points.ts';
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';
import { esc } from '../sequence-diagram/render.ts';
import { COLUMNS, type Column, yMaxOf, yOf } from './series.ts';
import { markPath } from './shapes.ts';
import { thinPoints } from './thin.ts';
import { GRAPH_COLUMNS, GRAPH_SIZE } from './size.ts';

const s = streamGraph;

const r1 = (v: number) => Math.round(v * 10) / 10;

export interface RenderOptions {
  /** Unique on the page: names the title, description and table. */
  id: string;
  /** The time span shown, seconds; all of it when absent. */
  domain?: [number, number];
  /** The capture's title, so two tables of one kind on a page have different names. */
  source?: string;
}

function yLabel(d: GraphData): string {
  const iv = String(d.interval ?? 0.1);
  return { tcptrace: s.axis.seq, stevens: s.axis.seq, throughput: s.axis.bytes(iv), rtt: s.axis.rtt, window: s.axis.window }[d.kind];
}

/** The drawing: axes, the kind's series and the marks, each point carrying its frame. */
export function graphSvg(d: GraphData, from: string, to: string, o: RenderOptions): string {
  const { width, height, left, right, top, bottom } = GRAPH_SIZE;
  const pts = d.points;
  // Loops, not Math.min(...spread): a conversation may have 700,000 points, past the stack's reach.
  let lo = Infinity;
  let hi = -Infinity;
  const tail = d.kind === 'throughput' ? (d.interval ?? 0) : 0;
  for (const p of pts) {
    if (p.t < lo) lo = p.t;
    if (p.t + tail > hi) hi = p.t + tail;
  }
  const tMin = o.domain?.[0] ?? (Number.isFinite(lo) ? lo : 0);
  let tMax = o.domain?.[1] ?? (Number.isFinite(hi) ? hi : 0);
  if (!(tMax > tMin)) tMax = tMin + 1e-3;
  // More points than pixels: each column's extremes and marks (thin.ts).
  const shown = thinPoints(
    d.kind,
    pts.filter((p) => p.t >= tMin && p.t <= tMax),
    GRAPH_COLUMNS,
  );
  let yMin = Infinity;
  let yMax = 1;
  for (const p of shown) {
    yMin = Math.min(yMin, p.seq ?? p.ack ?? 0);
    yMax = Math.max(yMax, yMaxOf(d.kind, p), p.rwnd ?? 0);
  }
  if (d.kind !== 'tcptrace' && d.kind !== 'stevens') yMin = 0;
  const x = scaleLinear()
    .domain([tMin, tMax])
    .range([left, width - right]);
  const y = scaleLinear()
    .domain([Number.isFinite(yMin) ? yMin : 0, yMax])
    .range([height - bottom, top])
    .nice();
  const X = (v: number) => r1(x(v));
  const Y = (v: number) => r1(y(v));
  const parts: string[] = [];
  // Axes: ticks with their values, and what each axis measures.
  parts.push(`<g class="sg-axis">`);
  parts.push(`<path d="M${left},${top}V${height - bottom}H${width - right}"/>`);
  for (const t of x.ticks(6))
    parts.push(`<path d="M${X(t)},${height - bottom}v4"/><text x="${X(t)}" y="${height - bottom + 16}" text-anchor="middle">${esc(x.tickFormat(6)(t))}</text>`);
  // Milliseconds of RTT read as plain numbers (1,200, not 1.2k); bytes and sequence numbers take SI prefixes.
  const yTicks = y.tickFormat(5, d.kind === 'rtt' ? ',~f' : '~s');
  for (const v of y.ticks(5))
    parts.push(`<path class="sg-grid" d="M${left},${Y(v)}H${width - right}"/><text x="${left - 6}" y="${Y(v) + 4}" text-anchor="end">${esc(yTicks(v))}</text>`);
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 6}" text-anchor="middle">${esc(s.axis.time)}</text>`);
  parts.push(`<text transform="translate(14,${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel(d))}</text>`);
  parts.push('</g>');
  // Series lines (an ACK or window edge holds until the next one: steps).
  const step = (vals: Array<[number, number]>) => (vals.length ? `M${vals.map(([t, v], i) => (i ? `H${X(t)}V${Y(v)}` : `${X(t)},${Y(v)}`)).join('')}` : '');
  const line = (cls: string, vals: Array<[number, number]>) => (vals.length ? `<path class="${cls}" d="${step(vals)}"/>` : '');
  const pick = (f: (p: GraphPoint) => number | undefined) => shown.flatMap((p) => (f(p) === undefined ? [] : [[p.t, f(p) as number] as [number, number]]));
  parts.push(`<g class="sg-plot" clip-path="url(#${o.id}-clip)">`);
  parts.push(`<clipPath id="${o.id}-clip"><rect x="${left}" y="${top - 6}" width="${GRAPH_COLUMNS + 6}" height="${height - top - bottom + 12}"/></clipPath>`);
  if (d.kind === 'tcptrace') {
    parts.push(
      line(
        'sg-ack',
        pick((p) => p.ack),
      ),
    );
    parts.push(
      line(
        'sg-win',
        pick((p) => p.win),
      ),
    );
    const sack = shown.flatMap((p) => (p.sack ?? []).map(([le, re]) => `M${X(p.t)},${Y(le)}V${Y(re)}`));
    if (sack.length) parts.push(`<path class="sg-sack" d="${sack.join('')}"/>`);
  }
  if (d.kind === 'window') {
    parts.push(
      line(
        'sg-win',
        pick((p) => p.rwnd),
      ),
    );
    parts.push(
      line(
        'sg-inflight',
        pick((p) => p.inflight),
      ),
    );
  }
  if (d.kind === 'throughput')
    parts.push(
      line(
        'sg-bytes',
        pick((p) => p.bytes),
      ),
    );
  // Points: each a glyph carrying its frame (the hit target for hover and click).
  const glyphs: string[] = [];
  for (const p of shown) {
    if (d.kind === 'throughput' && !p.frame) continue;
    const px = X(p.t);
    let g: string;
    if (d.kind === 'tcptrace' && p.seq !== undefined) {
      const y1 = Y(p.seq);
      const y2 = Y(p.seq + (p.len ?? 0));
      g = `<path class="sg-seg" d="M${px},${y1}V${y2}M${r1(px - 2)},${y1}h4M${r1(px - 2)},${y2}h4"/>`;
    } else if (d.kind === 'window' && p.rwnd !== undefined) {
      g = `<circle class="sg-dot sg-dot-rwnd" cx="${px}" cy="${Y(p.rwnd)}" r="2"/>`;
    } else g = `<circle class="sg-dot" cx="${px}" cy="${Y(yOf(d.kind, p))}" r="2.5"/>`;
    // A larger transparent circle: a point a finger or a mouse can hit.
    const hit = `<circle class="sg-hit" cx="${px}" cy="${Y(yOf(d.kind, p))}" r="6"/>`;
    glyphs.push(`<g class="sg-pt" data-frame="${p.frame}">${g}${hit}</g>`);
  }
  parts.push(glyphs.join(''));
  const marks = shown.flatMap((p) =>
    p.marks.map((m) => `<path class="sg-mark" data-colour="bad-tcp" data-mark="${m}" data-frame="${p.frame}" d="${markPath(m, X(p.t), Y(yOf(d.kind, p)))}"/>`),
  );
  parts.push(marks.join(''));
  parts.push('</g>');
  const title = s.title(s.kinds[d.kind], from, to);
  const desc = d.kind === 'throughput' ? s.desc.throughput(String(d.interval ?? 0.1)) : s.desc[d.kind];
  return `<svg class="sg-svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" data-t0="${tMin}" data-t1="${tMax}" data-x0="${left}" data-x1="${width - right}"><title id="${o.id}-title">${esc(title)}</title><desc id="${o.id}-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/** The series this kind draws, then every mark, each with its swatch. */
export function graphLegend(d: GraphData): string {
  const series: Record<string, readonly string[]> = {
    tcptrace: ['segment', 'ack', 'win', 'sack'],
    stevens: ['point'],
    throughput: ['bytes'],
    rtt: ['rtt'],
    window: ['inflight', 'rwnd'],
  };
  const swatch = (k: string) =>
    k === 'segment'
      ? '<path class="sg-seg" d="M8,2V14M6,2h4M6,14h4"/>'
      : k === 'point' || k === 'rtt'
        ? '<circle class="sg-dot" cx="8" cy="8" r="3"/>'
        : `<path class="sg-${k === 'rwnd' ? 'win' : k}" d="${k === 'sack' ? 'M8,2V14' : 'M1,8H15'}"/>`;
  const items = series[d.kind].map(
    (k) => `<li><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${swatch(k)}</svg>${esc(s.series[k as keyof typeof s.series])}</li>`,
  );
  const marks =
    d.kind === 'throughput'
      ? []
      : GRAPH_MARKS.map(
          (m: GraphMark) =>
            `<li><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path class="sg-mark" data-colour="bad-tcp" d="${markPath(m, 8, 8, 6)}"/></svg>${esc(s.marks[m])}</li>`,
        );
  return `<ul class="sg-legend" aria-label="${esc(s.legend)}">${[...items, ...marks].join('')}</ul>`;
}

const sec = (t: number) => t.toFixed(6);

function cell(c: Column, p: GraphPoint): string {
  switch (c) {
    case 'frame':
      return String(p.frame);
    case 'time':
      return sec(p.t);
    case 'start':
      return p.t.toFixed(1);
    case 'rtt':
      return p.rtt === undefined ? '' : (p.rtt * 1000).toFixed(3);
    case 'sack':
      return (p.sack ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
    case 'first':
      return p.frame ? String(p.frame) : '';
    case 'last':
      return p.last ? String(p.last) : '';
    case 'marks':
      return p.marks.map((m) => s.marks[m]).join(', ');
    case 'bytes':
      return String(p.bytes ?? 0);
    default: {
      const v = p[c];
      return v === undefined ? '' : String(v);
    }
  }
}

/** Point `i` of a `kind` graph as a table row (`attrs`: more attributes, already escaped). */
export function graphTableRow(kind: GraphKind, p: GraphPoint, i: number, attrs = ''): string {
  const cells = COLUMNS[kind].map((c) => (c === 'frame' || c === 'start' ? `<th scope="row">${esc(cell(c, p))}</th>` : `<td>${esc(cell(c, p))}</td>`));
  return `<tr data-frame="${p.frame}" data-i="${i}"${attrs}>${cells.join('')}</tr>`;
}

/** The column headers of a `kind` graph's table. */
export function graphTableHead(kind: GraphKind): string {
  return `<tr>${COLUMNS[kind].map((c) => `<th scope="col">${esc(s.col[c])}</th>`).join('')}</tr>`;
}

/** One table row a point: the graph for a screen reader or a keyboard. */
function graphTableRows(d: GraphData, from = 0, to = d.points.length): string {
  return d.points
    .slice(from, to)
    .map((p, i) => graphTableRow(d.kind, p, from + i))
    .join('');
}

/** Rows the table holds at most; past them, a note says how to see the rest. */
const TABLE_LIMIT = 5000;

/** The table of `d`'s points; `total` the whole graph's count when `d` holds only its first points. */
export function graphTable(d: GraphData, o: RenderOptions, total = d.points.length): string {
  const listed = Math.min(d.points.length, TABLE_LIMIT);
  const cut = total > listed ? `<p class="sg-cut">${esc(s.tableCut(listed, total, d.stream))}</p>` : '';
  return `<div class="sg-table-wrap" tabindex="0" role="region" aria-labelledby="${o.id}-caption"><table data-graph-table><caption id="${o.id}-caption">${esc(s.tableCaption(s.kinds[d.kind], o.source))}</caption><thead>${graphTableHead(d.kind)}</thead><tbody>${graphTableRows(d, 0, listed)}</tbody></table></div>${cut}`;
}
