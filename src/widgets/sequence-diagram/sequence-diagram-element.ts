// <wb-sequence-diagram>: steps, plays, zooms and re-spaces the ladder drawn
// at build time, in step with the capture's selection bus. Only the band of
// the drawing in view is drawn, so long conversations stay fast. The d3
// modules (selection, scale, axis) load only with the real-time axis: the
// even-spaced ladder needs none of them, and the page's script budget is small.

import { selectionFor, type SelectionBus } from '../shared/selection.ts';
import type { LadderModel } from './ladder-model.ts';
import { durationText, gapAt, hitArrow, layoutLadder, visibleArrows, type LadderGeometry, type Spacing } from './geometry.ts';
import { arrowSvg, labelSvg, labelX, ladderSvg, stateLabel, stateLabelsSvg, statesText, timeLabelsSvg } from './render.ts';
import { explanationText } from '../../lib/strings/analysis.ts';
import { sequenceDiagram } from '../../lib/strings/sequenceDiagram.ts';
import { fitTimes, visibleTimes } from './overview-window.ts';
import type { Overview } from './overview.ts';

const t = sequenceDiagram;
const STEP_MS = 1100;
const FLIGHT_MS = 650;
/** Extra band drawn above and below the view, so scrolling shows no gaps. */
const MARGIN = 400;

/** Pointer position in the drawing's own coordinates. */
function at(e: MouseEvent, svg: SVGSVGElement): [number, number] {
  const m = svg.getScreenCTM();
  if (!m) return [-1, -1];
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
  return [p.x, p.y];
}

function svgEl(name: string, attrs: Record<string, number>): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

class SequenceDiagramElement extends HTMLElement {
  #model!: LadderModel;
  #bus!: SelectionBus;
  #off?: () => void;
  #geo!: LadderGeometry;
  #spacing: Spacing = 'even';
  #pps: number | undefined;
  #index = 0;
  #timer = 0;
  #raf = 0;
  #scroll!: HTMLElement;
  #overview?: Overview;
  #overviewWidth = 0;
  #reduced = matchMedia('(prefers-reduced-motion: reduce)');

  connectedCallback(): void {
    this.#model = JSON.parse(this.querySelector('[data-model]')?.textContent ?? 'null') as LadderModel;
    if (!this.#model) return;
    this.#scroll = this.querySelector<HTMLElement>('[data-scroll]')!;
    this.#bus = selectionFor(this.dataset.capture ?? '');
    const current = this.querySelector('tr[aria-current="true"]') as HTMLElement | null;
    this.#index = Number(current?.dataset.index ?? 0);
    this.querySelector<HTMLElement>('[data-controls]')!.hidden = false;
    this.#draw();
    this.#wire();
    this.#off = this.#bus.subscribe((sel, source) => {
      const i = this.#model.segments.findIndex((s) => s.frame === sel.frame);
      if (i >= 0 && (i !== this.#index || source !== this)) this.#goto(i, false);
    });
    if (this.#bus.current) {
      const i = this.#model.segments.findIndex((s) => s.frame === this.#bus.current!.frame);
      if (i >= 0) this.#goto(i, false);
    }
    new ResizeObserver(() => {
      this.#draw();
      if (this.#overview && Math.abs(this.#scroll.clientWidth - this.#overviewWidth) > 8) this.#buildOverview();
    }).observe(this.#scroll);
    // The overview strip (d3-brush) is fetched when the ladder scrolls near the view, so the
    // room it takes above the drawing is there before a pointer aims at an arrow; or at once
    // when a reader reaches the ladder first.
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        near.disconnect();
        void this.#needOverview();
      },
      { rootMargin: '300px 0px' },
    );
    near.observe(this);
    for (const type of ['pointerenter', 'focusin'] as const) this.addEventListener(type, () => void this.#needOverview(), { once: true });
  }

  #overviewLoading?: Promise<void>;

  #needOverview(): Promise<void> {
    return (this.#overviewLoading ??= this.#buildOverview());
  }

  /** Total time the conversation spans, in seconds (at least a microsecond). */
  #total(): number {
    const segs = this.#model.segments;
    return Math.max((segs[segs.length - 1]?.t ?? 0) + (this.#model.owd ?? 0), 1e-6);
  }

  /** The stretch of time the ladder shows now, in either spacing. */
  #visibleTimes(): [number, number] {
    const total = this.#total();
    if (this.#spacing === 'real') {
      return visibleTimes(
        { scrollTop: this.#scroll.scrollTop, height: this.#scroll.clientHeight, top: this.#geo.top, pps: this.#pps ?? this.#fitPps() },
        total,
      );
    }
    const shown = visibleArrows(this.#geo.arrows, this.#scroll.scrollTop, this.#scroll.scrollTop + this.#scroll.clientHeight);
    if (!shown.length) return [0, total];
    const times = shown.map((a) => this.#model.segments[a.index]!.t);
    return [Math.min(...times), Math.max(...times)];
  }

  async #buildOverview(): Promise<void> {
    const host = this.querySelector<HTMLElement>('[data-overview]');
    if (!host || this.#model.segments.length < 2) return;
    const { drawOverview } = await import('./overview.ts');
    host.hidden = false;
    host.replaceChildren();
    this.#overviewWidth = this.#scroll.clientWidth;
    this.#overview = drawOverview(
      host,
      this.#model,
      this.#total(),
      {
        visible: () => this.#visibleTimes(),
        show: (t0, t1) => this.#showTimes(t0, t1),
      },
      t.overview,
    );
  }

  /** Zoom and scroll the ladder to a stretch of time (real-time spacing). */
  #showTimes(t0: number, t1: number): void {
    this.#spacing = 'real';
    this.querySelector<HTMLSelectElement>('[data-act="spacing"]')!.value = 'real';
    const fit = fitTimes(t0, t1, this.#scroll.clientHeight, this.#geo.top);
    this.#pps = fit.pps;
    this.#draw();
    this.#scroll.scrollTop = fit.scrollTop;
    this.#drawArrows();
    this.#overview?.sync();
  }

  disconnectedCallback(): void {
    this.#off?.();
    this.#stop();
  }

  #wire(): void {
    const on = (act: string, type: string, fn: (e: Event) => void) => this.querySelector(`[data-act="${act}"]`)?.addEventListener(type, fn);
    on('prev', 'click', () => this.#step(-1));
    on('next', 'click', () => this.#step(1));
    on('play', 'click', () => (this.#timer ? this.#stop() : this.#play()));
    on('spacing', 'change', (e) => {
      this.#spacing = (e.target as HTMLSelectElement).value as Spacing;
      this.#pps = undefined;
      this.#draw();
      this.#reveal();
    });
    const zoom = (k: number) => {
      if (this.#spacing === 'even') {
        this.#spacing = 'real';
        this.querySelector<HTMLSelectElement>('[data-act="spacing"]')!.value = 'real';
      }
      this.#pps = (this.#pps ?? this.#fitPps()) * k;
      this.#draw();
      this.#reveal();
    };
    on('zoom-in', 'click', () => zoom(2));
    on('zoom-out', 'click', () => zoom(0.5));
    on('zoom-fit', 'click', () => {
      this.#pps = undefined;
      this.#draw();
    });
    // Ctrl (or Cmd) and the wheel zoom the time axis around the pointer; the plain wheel scrolls.
    this.#scroll.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        const real = this.#spacing === 'real';
        const offset = e.clientY - this.#scroll.getBoundingClientRect().top;
        const t = (this.#scroll.scrollTop + offset - this.#geo.top) / (this.#pps ?? this.#fitPps());
        zoom(e.deltaY < 0 ? 1.25 : 0.8);
        if (real) {
          this.#scroll.scrollTop = Math.max(0, this.#geo.y(t) - offset);
          this.#drawArrows();
        }
      },
      { passive: false },
    );
    this.#scroll.addEventListener('scroll', () => {
      cancelAnimationFrame(this.#raf);
      this.#raf = requestAnimationFrame(() => {
        this.#drawArrows();
        this.#overview?.sync();
      });
    });
    this.#scroll.addEventListener('keydown', (e) => {
      const last = this.#model.segments.length - 1;
      const to =
        e.key === 'ArrowDown' || e.key === 'ArrowRight'
          ? this.#index + 1
          : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
            ? this.#index - 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? last
                : -1;
      if (e.key === ' ') {
        e.preventDefault();
        if (this.#timer) this.#stop();
        else this.#play();
        return;
      }
      if (to < 0 && e.key !== 'ArrowUp' && e.key !== 'ArrowLeft') return;
      e.preventDefault();
      this.#stop();
      this.#select(Math.max(0, Math.min(last, to)));
    });
    const svgEvents = (svg: SVGSVGElement) => {
      svg.addEventListener('click', (e) => {
        const [x, y] = at(e, svg);
        const i = hitArrow(this.#geo.arrows, x, y, 10);
        if (i >= 0) {
          this.#stop();
          this.#select(i);
        }
      });
      svg.addEventListener('pointermove', (e) => this.#hoverGap(...at(e, svg)));
      svg.addEventListener('pointerleave', () => this.#hoverGap(-1, -1));
    };
    svgEvents(this.#svg());
    this.#rewire = svgEvents;
  }

  #rewire?: (svg: SVGSVGElement) => void;

  #svg(): SVGSVGElement {
    return this.querySelector<SVGSVGElement>('svg.sd-svg')!;
  }

  #fitPps(): number {
    const segs = this.#model.segments;
    const total = Math.max((segs[segs.length - 1]?.t ?? 0) + (this.#model.owd ?? 0), 1e-6);
    return Math.max(200, this.#scroll.clientHeight - 120) / total;
  }

  /** Full redraw at the current width and spacing. */
  #draw(): void {
    const width = Math.max(280, Math.floor(this.#scroll.clientWidth));
    const pps = this.#spacing === 'real' ? (this.#pps ?? this.#fitPps()) : undefined;
    this.#geo = layoutLadder(this.#model, { spacing: this.#spacing, width, pxPerSecond: pps });
    const id = this.dataset.id ?? 'sd';
    const old = this.#svg();
    const holder = document.createElement('div');
    holder.innerHTML = ladderSvg(this.#model, this.#geo, [], this.#index, { title: `${id}-title`, desc: `${id}-desc` });
    const svg = holder.firstElementChild as SVGSVGElement;
    old.replaceWith(svg);
    this.#rewire?.(svg);
    if (this.#spacing === 'real') {
      const geo = this.#geo;
      const axis = svg.querySelector('.sd-axis') as SVGGElement;
      void import('./real-axis.ts').then(({ drawTimeAxis }) => {
        if (this.#geo === geo) drawTimeAxis(axis, geo, pps ?? 1);
      });
    }
    this.#drawArrows();
    this.#overview?.sync();
  }

  /** Redraws only the arrows (and their labels) in view. */
  #drawArrows(): void {
    const svg = this.#svg();
    const top = this.#scroll.scrollTop - MARGIN;
    const bottom = this.#scroll.scrollTop + this.#scroll.clientHeight + MARGIN;
    const shown = visibleArrows(this.#geo.arrows, top, bottom);
    svg.querySelector('.sd-arrows')!.innerHTML = shown.map((a) => arrowSvg(this.#model, a, a.index === this.#index)).join('');
    svg.querySelector('.sd-labels')!.innerHTML = shown.map((a) => labelSvg(this.#model, a, a.index === this.#index, labelX(this.#geo))).join('');
    svg.querySelector('.sd-states')!.innerHTML = stateLabelsSvg(this.#model, shown, this.#geo);
    if (this.#spacing === 'even') svg.querySelector('.sd-axis')!.innerHTML = timeLabelsSvg(this.#model, shown, this.#geo);
  }

  #hoverGap(x: number, y: number): void {
    const g = this.#svg().querySelector('.sd-gap') as SVGGElement;
    g.replaceChildren();
    const out = this.querySelector<HTMLElement>('[data-gap]')!;
    const pair = x < 0 ? undefined : gapAt(this.#geo.arrows, y);
    if (!pair || hitArrow(this.#geo.arrows, x, y, 6) >= 0) {
      out.textContent = '';
      return;
    }
    const [i, j] = pair;
    const a = this.#geo.arrows[i];
    const b = this.#geo.arrows[j];
    const s = this.#model.segments;
    const text = t.gap(durationText(s[j].t - s[i].t), s[i].frame, s[j].frame);
    const gx = this.#geo.axisX + 4;
    g.append(
      svgEl('line', { x1: gx, x2: gx, y1: a.y, y2: b.y }),
      svgEl('line', { x1: gx - 4, x2: gx + 4, y1: a.y, y2: a.y }),
      svgEl('line', { x1: gx - 4, x2: gx + 4, y1: b.y, y2: b.y }),
    );
    const label = svgEl('text', { x: gx + 8, y: (a.y + b.y) / 2 + 4 });
    label.textContent = durationText(s[j].t - s[i].t);
    g.append(label);
    out.textContent = text;
  }

  #step(d: number): void {
    this.#stop();
    this.#select(Math.max(0, Math.min(this.#model.segments.length - 1, this.#index + d)));
  }

  #select(i: number): void {
    this.#goto(i, true);
    this.#bus.select({ frame: this.#model.segments[i].frame }, this);
  }

  #play(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-act="play"]')!;
    button.setAttribute('aria-pressed', 'true');
    button.textContent = t.pause;
    if (this.#index >= this.#model.segments.length - 1) this.#select(0);
    else this.#select(this.#index);
    this.#timer = window.setInterval(() => {
      if (this.#index >= this.#model.segments.length - 1) this.#stop();
      else this.#select(this.#index + 1);
    }, STEP_MS);
  }

  #stop(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = 0;
    const button = this.querySelector<HTMLButtonElement>('[data-act="play"]');
    button?.setAttribute('aria-pressed', 'false');
    if (button) button.textContent = t.play;
  }

  /** Moves the highlight (arrow, table row, states, detail) to segment i. */
  #goto(i: number, travel: boolean): void {
    this.#index = i;
    const seg = this.#model.segments[i];
    this.#drawArrows();
    for (const row of this.querySelectorAll('tr[data-index]')) {
      if (Number((row as HTMLElement).dataset.index) === i) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
    }
    const row = this.querySelector<HTMLElement>(`tr[data-index="${i}"]`);
    const wrap = row?.closest<HTMLElement>('.sd-table-wrap');
    if (row && wrap) wrap.scrollTop = row.offsetTop - wrap.clientHeight / 2;
    for (const now of this.querySelectorAll<SVGTextElement>('.sd-now')) {
      now.textContent = stateLabel(seg.states?.[Number(now.dataset.side)]);
    }
    const states = statesText(this.#model, i);
    const dir = seg.fromA ? t.arrow(this.#model.a.name, this.#model.b.name) : t.arrow(this.#model.b.name, this.#model.a.name);
    this.querySelector('[data-detail]')!.textContent = [
      `${sequenceDiagram.frameCaption(seg.frame)}: ${dir}, ${seg.flags}.`,
      states + '.',
      ...seg.explain.map(explanationText),
    ].join(' ');
    this.#reveal();
    if (travel) this.#fly(i);
  }

  /** Keeps the selected arrow in view. */
  #reveal(): void {
    const a = this.#geo.arrows[this.#index];
    if (!a) return;
    const s = this.#scroll;
    if (a.y - 60 < s.scrollTop || a.y + 60 > s.scrollTop + s.clientHeight) {
      s.scrollTop = Math.max(0, a.y - s.clientHeight / 3);
      this.#drawArrows();
    }
  }

  /** The segment travelling along its arrow; an instant step when motion is reduced. */
  #fly(i: number): void {
    const dot = this.#svg().querySelector<SVGCircleElement>('.sd-dot');
    const a = this.#geo.arrows[i];
    if (!dot || !a) return;
    const put = (k: number) => {
      dot.setAttribute('cx', String(a.x1 + (a.x2 - a.x1) * k));
      dot.setAttribute('cy', String(a.y1 + (a.y2 - a.y1) * k));
    };
    if (this.#reduced.matches) {
      put(1);
      return;
    }
    const start = performance.now();
    const frame = (now: number) => {
      const k = Math.min(1, (now - start) / FLIGHT_MS);
      put(k * k * (3 - 2 * k));
      if (k < 1 && this.#index === i) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
}

customElements.define('wb-sequence-diagram', SequenceDiagramElement);
