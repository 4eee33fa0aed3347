// Zoom and pan for a stream graph, loaded on first use: drag across the
// drawing (a d3 brush) to show that stretch of time, "Show all" to go back,
// and the arrow keys on the drawing pan by a tenth of the span.
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';
import type { GraphData } from '../../decoder/graphs/points.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';
import { graphSvg } from './render.ts';
import { GRAPH_SIZE } from './size.ts';

export interface Embedded {
  data: GraphData;
  from: string;
  to: string;
  id: string;
}

/** The points to redraw from: handed over by the page that drew them (/open/), or embedded by the server (lessons). */
export type ZoomHost = HTMLElement & { graphModel?: Embedded };

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

  const draw = (d: [number, number]) => {
    domain = d;
    const old = figure.querySelector('svg.sg-svg');
    if (!old) return;
    old.outerHTML = graphSvg(m.data, m.from, m.to, { id: m.id, domain: d });
    reset.hidden = d[0] === whole[0] && d[1] === whole[1];
    attach();
    const sel = host.querySelector('.is-selected[data-frame]') as HTMLElement | null;
    if (sel) (host as HTMLElement & { mark?(n: number): void }).mark?.(Number(sel.dataset.frame));
  };

  const attach = () => {
    const svg = figure.querySelector<SVGSVGElement>('svg.sg-svg');
    if (!svg) return;
    svg.setAttribute('tabindex', '0');
    svg.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight');
    const { left, right, top, bottom, width, height } = GRAPH_SIZE;
    const px = (x: number) => domain[0] + ((x - left) / (width - right - left)) * (domain[1] - domain[0]);
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
