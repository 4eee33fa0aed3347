// The whole ladder widget as markup: its controls, the drawing, the table and
// the model the custom element reads. The component renders it at build time;
// the capture explorer renders it in the browser for a reader's own capture.

import type { LadderModel } from './ladder-model.ts';
import { layoutLadder, visibleArrows } from './geometry.ts';
import { esc, ladderSvg, ladderTable } from './render.ts';
import { sequenceDiagram } from '../../lib/strings/sequenceDiagram.ts';

const s = sequenceDiagram;

export interface LadderMarkupOptions {
  /** The selection bus the ladder joins (a capture id). */
  capture: string;
  /** Unique on the page: names the drawing's title and description. */
  id: string;
  /** What the table of segments is a table of (the capture's title). */
  title: string;
  /** Index of the segment selected at first. */
  selected?: number;
}

/** The inside of <wb-sequence-diagram>. */
export function ladderInner(model: LadderModel, o: LadderMarkupOptions): string {
  const selected = o.selected ?? 0;
  const geometry = layoutLadder(model, { spacing: 'even', width: 720 });
  // Every arrow for a short conversation (readable without JavaScript); the first screens of a long one.
  const visible = model.segments.length <= 300 ? geometry.arrows : visibleArrows(geometry.arrows, 0, 2400);
  const svg = ladderSvg(model, geometry, visible, selected, { title: `${o.id}-title`, desc: `${o.id}-desc` });
  return `<div class="sd-controls" data-controls hidden>
<button type="button" data-act="prev" aria-label="${esc(s.previous)}">‹</button>
<button type="button" data-act="play" aria-pressed="false">${esc(s.play)}</button>
<button type="button" data-act="next" aria-label="${esc(s.next)}">›</button>
<span class="sd-sep" aria-hidden="true"></span>
<label class="sd-spacing">${esc(s.spacing)}
<select data-act="spacing"><option value="even">${esc(s.spacingEven)}</option><option value="real">${esc(s.spacingReal)}</option></select></label>
<button type="button" data-act="zoom-in" aria-label="${esc(s.zoomIn)}">+</button>
<button type="button" data-act="zoom-out" aria-label="${esc(s.zoomOut)}">−</button>
<button type="button" data-act="zoom-fit">${esc(s.zoomReset)}</button>
</div>
<div class="sd-overview" data-overview hidden></div>
<div class="sd-scroll" tabindex="0" role="group" aria-label="${esc(s.ladderLabel)}" data-scroll>${svg}</div>
<p class="sd-gap-text" aria-live="polite" data-gap></p>
<p class="sd-detail" aria-live="polite" data-detail></p>
<p class="sd-caption">${esc(model.owd === null ? s.captionNoRtt : s.caption)}</p>
<div class="sd-table-wrap" tabindex="0" role="group" aria-label="${esc(s.tableOf(o.title))}">${ladderTable(model, selected)}</div>
<script type="application/json" data-model>${JSON.stringify(model).replace(/</g, '\\u003c')}</script>`;
}

/** The whole element, with the attributes its script reads. */
export function ladderElement(model: LadderModel, o: LadderMarkupOptions): string {
  return `<wb-sequence-diagram class="sequence-diagram" data-capture="${esc(o.capture)}" data-stream="${model.stream}" data-id="${esc(o.id)}">${ladderInner(model, o)}</wb-sequence-diagram>`;
}
