// The /open/ graph's table of points, any length (700,000 rows and more): only
// the rows in view are in the document, fetched from the Worker as they scroll
// in, between two spacer rows that keep the scroll range. A frame selected
// elsewhere scrolls its row into view. Rows have one height (CSS), so a row's
// place is its index times that height.
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphPoint } from '../../decoder/graphs/points.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';
import { graphTableHead, graphTableRow } from '../stream-graph/render.ts';
import { listWindow, paintScheduler, scrollForRow, sortedIndexOf } from './virtual-window.ts';

/** Each row's height in CSS pixels: .sg-virtual tr in stream-graph.css. */
const ROW_PX = 24;

export interface GraphTableOptions {
  kind: GraphKind;
  /** Names the caption (unique on the page). */
  id: string;
  /** Each point's frame, in table order. */
  frames: Uint32Array;
  /** Points already at hand: the first ones. */
  first: readonly GraphPoint[];
  /** Points from to to - 1 (the Worker). */
  rows(from: number, to: number): Promise<GraphPoint[]>;
}

export class GraphTable {
  readonly element: HTMLElement;
  readonly #wrap: HTMLElement;
  readonly #body: HTMLTableSectionElement;
  readonly #o: GraphTableOptions;
  readonly #cache = new Map<number, GraphPoint>();
  #selected = 0;
  #asking = false;
  /** Repaints in the next animation frame, once however many scroll events come. */
  readonly #schedule = paintScheduler(() => this.#paint());

  constructor(o: GraphTableOptions) {
    this.#o = o;
    for (const [i, p] of o.first.entries()) this.#cache.set(i, p);
    const wrap = document.createElement('div');
    wrap.className = 'sg-table-wrap sg-virtual';
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-labelledby', `${o.id}-caption`);
    const table = document.createElement('table');
    table.dataset.graphTable = '';
    // The whole table's size for a screen reader, though only the rows in view are present.
    table.setAttribute('aria-rowcount', String(o.frames.length + 1));
    const caption = table.createCaption();
    caption.id = `${o.id}-caption`;
    caption.textContent = streamGraph.tableCaption(streamGraph.kinds[o.kind]);
    table.createTHead().innerHTML = graphTableHead(o.kind);
    this.#body = table.createTBody();
    wrap.append(table);
    wrap.addEventListener('scroll', () => this.#schedule());
    new ResizeObserver(() => this.#schedule()).observe(wrap);
    this.#wrap = wrap;
    this.element = wrap;
    this.#paint();
  }

  /** Mark frame n's row and bring it into view, if the graph has a point of that frame. */
  reveal(n: number): void {
    this.#selected = n;
    const i = this.#indexOf(n);
    if (i >= 0) {
      const { view, offset } = this.#geometry();
      const count = this.#o.frames.length;
      this.#wrap.scrollTop = offset + scrollForRow(Math.max(0, i - Math.floor(view / ROW_PX / 2)), view, count, ROW_PX);
    }
    this.#paint();
  }

  /** The scrolled pixels above the first row (caption and header), and the rows' visible height. */
  #geometry(): { offset: number; view: number } {
    const head = this.#body.parentElement?.querySelector('thead')?.getBoundingClientRect().height ?? ROW_PX;
    const offset = this.#body.getBoundingClientRect().top - this.#wrap.getBoundingClientRect().top + this.#wrap.scrollTop - head;
    return { offset, view: Math.max(ROW_PX, this.#wrap.clientHeight - head) };
  }

  #indexOf(n: number): number {
    const f = this.#o.frames;
    // Frames rise along the table, except a throughput table's empty intervals (frame 0): few rows, a walk.
    return this.#o.kind === 'throughput' ? f.indexOf(n) : sortedIndexOf(f, n);
  }

  #paint(): void {
    const count = this.#o.frames.length;
    const { offset, view } = this.#geometry();
    const w = listWindow(Math.max(0, this.#wrap.scrollTop - offset), view, count, ROW_PX);
    let rows = '';
    let missing = -1;
    for (let i = w.first; i <= w.last; i++) {
      const p = this.#cache.get(i);
      const attrs = ` aria-rowindex="${i + 2}"${p && p.frame === this.#selected ? ' class="is-selected"' : ''}`;
      if (p) rows += graphTableRow(this.#o.kind, p, i, attrs);
      else {
        if (missing < 0) missing = i;
        rows += `<tr data-i="${i}"${attrs}><td colspan="99">…</td></tr>`;
      }
    }
    const below = Math.max(0, w.height - w.top - (w.last - w.first + 1) * ROW_PX);
    this.#body.innerHTML = `<tr class="sg-pad" aria-hidden="true" style="height:${w.top}px"></tr>${rows}<tr class="sg-pad" aria-hidden="true" style="height:${below}px"></tr>`;
    if (missing >= 0 && !this.#asking) this.#fetch(missing, w.last + 1);
  }

  #fetch(from: number, to: number): void {
    this.#asking = true;
    void this.#o
      .rows(from, to)
      .then((points) => {
        if (this.#cache.size > 5000) this.#cache.clear();
        for (const [k, p] of points.entries()) this.#cache.set(from + k, p);
      })
      .finally(() => {
        this.#asking = false;
        this.#schedule();
      });
  }
}
