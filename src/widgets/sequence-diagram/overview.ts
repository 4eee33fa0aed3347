// The overview strip over a ladder: every segment of the conversation as a
// tick on one time line, and a d3 brush marking the stretch the ladder shows.
// Dragging or resizing the brush zooms and scrolls the ladder to that stretch;
// scrolling the ladder moves the brush. Loaded on first need (d3-brush), so a
// lesson page does not pay for it at load.
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { LadderModel } from './ladder-model.ts';

export interface OverviewHooks {
  /** The times the ladder shows now. */
  visible(): [number, number];
  /** Show this stretch of time in the ladder (zoom and scroll). */
  show(t0: number, t1: number): void;
}

export interface Overview {
  /** Move the brush to what the ladder shows (after a scroll or zoom). */
  sync(): void;
}

const HEIGHT = 34;

export function drawOverview(host: HTMLElement, model: LadderModel, total: number, hooks: OverviewHooks, label: string): Overview {
  const width = Math.max(200, host.clientWidth);
  const x = scaleLinear()
    .domain([0, total])
    .range([6, width - 6]);
  const svg = select(host)
    .append('svg')
    .attr('class', 'sd-overview-svg')
    .attr('width', width)
    .attr('height', HEIGHT)
    .attr('role', 'img')
    .attr('aria-label', label);
  svg
    .append('line')
    .attr('class', 'sd-ov-line')
    .attr('x1', x(0))
    .attr('x2', x(total))
    .attr('y1', HEIGHT / 2)
    .attr('y2', HEIGHT / 2);
  svg
    .append('g')
    .attr('class', 'sd-ov-ticks')
    .selectAll('line')
    .data(model.segments)
    .join('line')
    .attr('class', (s) => (s.rst ? 'sd-ov-rst' : s.marks.some((m) => m.includes('retransmission')) ? 'sd-ov-retx' : s.fromA ? 'sd-ov-a' : 'sd-ov-b'))
    .attr('x1', (s) => x(s.t))
    .attr('x2', (s) => x(s.t))
    .attr('y1', (s) => (s.fromA ? 5 : HEIGHT / 2))
    .attr('y2', (s) => (s.fromA ? HEIGHT / 2 : HEIGHT - 5));

  let moving = false;
  const brush: BrushBehavior<unknown> = brushX()
    .extent([
      [x(0), 1],
      [x(total), HEIGHT - 1],
    ])
    .on('end', (event: D3BrushEvent<unknown>) => {
      if (moving || !event.sourceEvent || !event.selection) return;
      const [a, b] = event.selection as [number, number];
      hooks.show(x.invert(a), x.invert(b));
    });
  const g = svg.append('g').attr('class', 'sd-ov-brush').call(brush);

  const sync = () => {
    const [t0, t1] = hooks.visible();
    moving = true;
    g.call(brush.move, [x(t0), Math.max(x(t1), x(t0) + 2)]);
    moving = false;
  };
  sync();
  return { sync };
}
