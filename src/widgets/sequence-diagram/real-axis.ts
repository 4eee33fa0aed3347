// The time axis of "real time" spacing, loaded only when a reader picks it
// (d3-scale and d3-axis are most of the ladder's weight).

import { select } from 'd3-selection';
import { scaleLinear } from 'd3-scale';
import { axisLeft } from 'd3-axis';
import { durationText, type LadderGeometry } from './geometry.ts';

/** Draws a time axis (seconds since the stream's start) into `g`. */
export function drawTimeAxis(g: SVGGElement, geo: LadderGeometry, pxPerSecond: number): void {
  const bottom = geo.height - 56;
  const y = scaleLinear()
    .domain([0, (bottom - geo.top) / pxPerSecond])
    .range([geo.top, bottom]);
  select(g)
    .attr('transform', `translate(${geo.axisX},0)`)
    .call(
      axisLeft(y)
        .ticks(Math.max(3, Math.floor((bottom - geo.top) / 70)))
        .tickFormat((v) => durationText(Number(v))),
    );
}
