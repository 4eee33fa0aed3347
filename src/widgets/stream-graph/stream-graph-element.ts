// <wb-stream-graph>: the server-drawn graph made live. At load it only joins
// the capture's selection bus (a frame selected elsewhere is marked here) and
// listens for clicks, hover and keys; the zoom (d3) loads on first use.
import { type SelectionBus, selectionFor } from '../shared/selection.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';

const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

class StreamGraphElement extends HTMLElement {
  #bus?: SelectionBus;
  #off?: () => void;
  #zoom?: Promise<unknown>;

  connectedCallback(): void {
    this.#bus = selectionFor(this.dataset.capture ?? '');
    this.#off = this.#bus.subscribe((sel) => this.mark(sel.frame));
    if (this.#bus.current) this.mark(this.#bus.current.frame);
    this.addEventListener('click', this.#onClick);
    this.addEventListener('pointermove', this.#onHover);
    this.addEventListener('sg-pick', (e) => this.#bus?.select({ frame: (e as CustomEvent<number>).detail }, this));
    this.addEventListener('pointerdown', this.#loadZoom, { once: true });
    this.addEventListener('focusin', this.#loadZoom, { once: true });
  }

  disconnectedCallback(): void {
    this.#off?.();
  }

  /** Marks frame n's point and table row, scrolling the row into view. */
  mark(n: number): void {
    for (const el of this.querySelectorAll('.is-selected')) el.classList.remove('is-selected');
    const hits = this.querySelectorAll<Element>(`[data-frame="${n}"]`);
    for (const el of hits) el.classList.add('is-selected');
    // On /open/ the table draws only the rows in view: it finds and marks the row itself.
    if (this.revealRow) return this.revealRow(n);
    const row = this.querySelector<HTMLElement>(`tr[data-frame="${n}"]`);
    const wrap = row?.closest<HTMLElement>('.sg-table-wrap');
    if (row && wrap) wrap.scrollTo({ top: row.offsetTop - wrap.clientHeight / 2, behavior: reduceMotion() ? 'auto' : 'smooth' });
  }

  #onClick = (e: Event): void => {
    const hit = (e.target as Element).closest<HTMLElement | SVGElement>('[data-frame]');
    const n = Number(hit?.dataset.frame);
    if (n > 0) this.#bus?.select({ frame: n }, this);
  };

  #onHover = (e: PointerEvent): void => {
    // Under the zoom's brush overlay the point is not the target: look beneath.
    const under = document.elementsFromPoint(e.clientX, e.clientY).find((el) => el.closest('svg [data-frame]'));
    const hit = under?.closest<SVGElement>('[data-frame]');
    const tip = this.querySelector<HTMLElement>('.sg-tip');
    if (!hit || !tip) return;
    const n = Number(hit.dataset.frame);
    if (n === this.#hovered) return;
    this.#hovered = n;
    const known = this.#summaries()[n];
    tip.textContent = `${streamGraph.frameHint(n)}: ${known ?? ''}`;
    // On /open/ the page asks its Worker for the line.
    if (known === undefined && this.summaryOf)
      void this.summaryOf(n).then((line) => {
        if (this.#hovered === n) tip.textContent = `${streamGraph.frameHint(n)}: ${line}`;
      });
  };

  #hovered = 0;
  /** Brings frame n's table row into view and marks it, when the page draws the table in parts (/open/). */
  revealRow?: (n: number) => void;
  /** A frame's one-line summary, when the page that drew the graph can give it (/open/). */
  summaryOf?: (n: number) => Promise<string>;

  #summaryCache?: Record<number, string>;
  #summaries(): Record<number, string> {
    this.#summaryCache ??= JSON.parse(this.querySelector('script[data-graph-summaries]')?.textContent ?? '{}');
    return this.#summaryCache ?? {};
  }

  #loadZoom = (): void => {
    this.#zoom ??= import('./zoom.ts').then(({ attachZoom }) => attachZoom(this));
  };
}

if (!customElements.get('wb-stream-graph')) customElements.define('wb-stream-graph', StreamGraphElement);
