// Zoom and pan for a stream graph, loaded on first use: drag across the
// drawing (a d3 brush) to show that stretch of time, "Show all" to go back,
// and the arrow keys on the drawing pan by a tenth of the span.
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';
import type { GraphData, GraphPoint } from '../../decoder/graphs/points.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';
import { graphSvg } from './render.ts';
import { GRAPH_COLUMNS, GRAPH_SIZE } from './size.ts';

export interface Embedded {
  data: GraphData;
  from: string;
  to: string;
  id: string;
}

/**
 * The points to redraw from: handed over by the page that drew them (/open/), or embedded by the server (lessons).
 * `detail`: where the page holds only a thinned picture (/open/), every point of a stretch, thinned to it.
 */
export type ZoomHost = HTMLElement & { graphModel?: Embedded; detail?: (t0: number, t1: number) => Promise<GraphPoint[] | null> };

export function attachZoom(host: ZoomHost): void {
  const json = host.querySelector('script[data-graph-model]')?.textContent;
  const figure = host.querySelector('figure');
  const m: Embedded | undefined = host.graphModel ?? (json ? JSON.parse(json) : undefined);
  if (!m || !figure) return;
  const full = (): [number, number] => {
    const svg = figure.querySelector('svg');
    return [Number(svg?.dataset.t0), Number(svg?.dataset.t1)];
  };
  const whole = full();
  let domain = whole;
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.className = 'sg-reset';
  reset.textContent = streamGraph.zoomReset;
  reset.hidden = true;
  figure.querySelector('figcaption')?.after(reset);

  const draw = (d: [number, number], points?: GraphPoint[]) => {
    domain = d;
    const old = figure.querySelector('svg.sg-svg');
    if (!old) return;
    const data = points ? { ...m.data, points } : m.data;
    old.outerHTML = graphSvg(data, m.from, m.to, { id: m.id, domain: d });
    const all = d[0] === whole[0] && d[1] === whole[1];
    reset.hidden = all;
    attach();
    const sel = host.querySelector('.is-selected[data-frame]') as HTMLElement | null;
    if (sel) (host as HTMLElement & { mark?(n: number): void }).mark?.(Number(sel.dataset.frame));
    // The picture at once from what is at hand; then the stretch's own points, if it is still the one shown.
    if (!points && !all && host.detail)
      void host.detail(d[0], d[1]).then((more) => {
        if (more && domain === d) draw(d, more);
      });
  };

  const attach = () => {
    const svg = figure.querySelector<SVGSVGElement>('svg.sg-svg');
    if (!svg) return;
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight');
    const { left, right, top, bottom, width, height } = GRAPH_SIZE;
    const px = (x: number) => domain[0] + ((x - left) / GRAPH_COLUMNS) * (domain[1] - domain[0]);
    const brush = brushX<unknown>()
      .extent([
        [left, top],
        [width - right, height - bottom],
      ])
      .on('end', (e: { selection: [number, number] | null }) => {
        if (!e.selection) return;
        const [a, b] = e.selection;
        if (b - a > 3) draw([px(a), px(b)]);
      });
    select(svg).append('g').attr('class', 'sg-brush').call(brush);
    svg.addEventListener('keydown', (e) => {
      const span = domain[1] - domain[0];
      const by = e.key === 'ArrowLeft' ? -span / 10 : e.key === 'ArrowRight' ? span / 10 : 0;
      if (!by) return;
      e.preventDefault();
      draw([domain[0] + by, domain[1] + by]);
      figure.querySelector<SVGSVGElement>('svg.sg-svg')?.focus();
    });
    // The brush's overlay catches clicks: pass a click on a point through to the host.
    svg.addEventListener('click', (e) => {
      const under = document.elementsFromPoint(e.clientX, e.clientY).find((el) => el.closest('.sg-pt, .sg-mark'));
      const n = Number((under?.closest('[data-frame]') as HTMLElement | null)?.dataset.frame);
      if (n > 0) host.dispatchEvent(new CustomEvent('sg-pick', { detail: n }));
    });
  };
  reset.addEventListener('click', () => draw(whole));
  attach();
}
