// The explorer's packet list: a grid of any length (700,000 rows and more)
// that draws only the rows in view. Rows arrive from the Worker in batches;
// the keyboard moves the selection (arrows, Page Up/Down, Home, End) and the
// grid names the selected row to screen readers (aria-activedescendant).

import type { Row } from './protocol.ts';
import { listWindow, paintScheduler, scrollForRow, sortedIndexOf as indexOf } from './virtual-window.ts';

const ROW_PX = 26;

export interface PacketListOptions {
  /** Fetch rows by frame number (the Worker). */
  rows(numbers: number[]): Promise<Row[]>;
  /** A row was selected by the reader. */
  onSelect(frame: number): void;
  /** The first rows were painted (for the benchmark's clock). */
  onFirstRows?(): void;
  /** Column names, for the cells' labels. */
  columns: readonly string[];
}

export class PacketList {
  readonly #scroll: HTMLElement;
  readonly #spacer: HTMLElement;
  readonly #body: HTMLElement;
  readonly #o: PacketListOptions;
  /** Frame numbers in list order (all frames, or a filter's matches). */
  #frames: ArrayLike<number> = [];
  #cache = new Map<number, Row>();
  #selected = -1;
  #painted = false;
  /** Repaints in the next animation frame, once however many scroll events come. */
  readonly #schedule = paintScheduler(() => this.#paint());
  #generation = 0;

  constructor(scroll: HTMLElement, o: PacketListOptions) {
    this.#scroll = scroll;
    this.#spacer = scroll.querySelector<HTMLElement>('[data-spacer]')!;
    this.#body = scroll.querySelector<HTMLElement>('[data-rows]')!;
    this.#o = o;
    scroll.addEventListener('scroll', () => this.#schedule());
    scroll.addEventListener('keydown', (e) => this.#key(e));
    this.#body.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-frame]');
      if (row) this.select(Number(row.dataset.frame), false);
    });
    new ResizeObserver(() => this.#schedule()).observe(scroll);
  }

  /** A new capture: its first painted rows are reported again (onFirstRows). */
  reset(): void {
    this.#painted = false;
    this.#selected = -1;
    this.#cache.clear();
  }

  /** Show these frames (in order); keeps the selected frame selected if it is among them. */
  show(frames: ArrayLike<number>, total: number): void {
    this.#frames = frames;
    this.#generation++;
    this.#scroll.setAttribute('aria-rowcount', String(frames.length + 1));
    this.#scroll.dataset.total = String(total);
    const keep = this.#selected >= 0 ? indexOf(frames, this.#selected) : -1;
    this.#spacer.style.height = `${listWindowHeight(frames.length)}px`;
    if (keep >= 0) this.#reveal(keep);
    else this.#scroll.scrollTop = 0;
    this.#paint();
  }

  /** Rows drawn from the Worker may change (the analysis finished): fetch them again. */
  refresh(): void {
    this.#cache.clear();
    this.#paint();
  }

  /** Put the focus on the list (its selected row is its active descendant). */
  focus(): void {
    this.#scroll.focus({ preventScroll: true });
  }

  get selected(): number {
    return this.#selected;
  }

  /** Whether frame n is listed. */
  has(n: number): boolean {
    return indexOf(this.#frames, n) >= 0;
  }

  /** The frame listed just before frame n, or 0 (n is first, or not listed). */
  before(n: number): number {
    const i = indexOf(this.#frames, n);
    return i > 0 ? this.#frames[i - 1] : 0;
  }

  /** Select frame n (if listed), bring it into view, and tell the page unless `quiet`. */
  select(n: number, quiet: boolean): void {
    const i = indexOf(this.#frames, n);
    if (i < 0) return;
    this.#selected = n;
    this.#reveal(i);
    this.#paint();
    if (!quiet) this.#o.onSelect(n);
  }

  #reveal(i: number): void {
    const view = this.#scroll.clientHeight - ROW_PX; // the sticky header covers one row
    const count = this.#frames.length;
    const w = listWindow(this.#scroll.scrollTop, view, count, ROW_PX, 0);
    if (i > w.first && i < w.last) return;
    this.#scroll.scrollTop = scrollForRow(Math.max(0, i - (i > w.first ? Math.floor(view / ROW_PX) - 1 : 0)), view, count, ROW_PX);
  }

  #key(e: KeyboardEvent): void {
    const count = this.#frames.length;
    if (count === 0) return;
    const page = Math.max(1, Math.floor(this.#scroll.clientHeight / ROW_PX) - 2);
    const at = this.#selected >= 0 ? indexOf(this.#frames, this.#selected) : -1;
    const to: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: count - 1 };
    if (!(e.key in to)) return;
    e.preventDefault();
    const i = Math.min(count - 1, Math.max(0, at < 0 ? 0 : to[e.key]));
    this.select(this.#frames[i], false);
  }

  #paint(): void {
    const count = this.#frames.length;
    const view = this.#scroll.clientHeight - ROW_PX;
    const w = listWindow(this.#scroll.scrollTop, Math.max(ROW_PX, view), count, ROW_PX);
    const wanted: number[] = [];
    for (let i = w.first; i <= w.last; i++) wanted.push(this.#frames[i]);
    const missing = wanted.filter((n) => !this.#cache.has(n));
    this.#draw(w.first, w.top, wanted);
    if (missing.length === 0) return;
    const generation = this.#generation;
    void this.#o.rows(missing).then((rows) => {
      if (this.#cache.size > 5000) this.#cache.clear();
      for (const r of rows) this.#cache.set(r.number, r);
      if (generation === this.#generation) this.#schedule();
    });
  }

  #draw(first: number, top: number, frames: number[]): void {
    this.#body.style.transform = `translateY(${top}px)`;
    const rows: HTMLElement[] = [];
    let active = '';
    frames.forEach((n, k) => {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      row.className = 'ex-row';
      row.id = `ex-row-${n}`;
      row.dataset.frame = String(n);
      row.setAttribute('aria-rowindex', String(first + k + 2));
      const selected = n === this.#selected;
      row.setAttribute('aria-selected', String(selected));
      if (selected) active = row.id;
      const r = this.#cache.get(n);
      if (r?.colour) row.dataset.colour = r.colour;
      if (r?.malformed) row.dataset.malformed = 'true';
      const cells = r ? [String(r.number), r.time, r.source, r.destination, r.protocol, String(r.length), r.info] : [String(n), '', '', '', '', '', '…'];
      cells.forEach((text, c) => {
        const cell = document.createElement('span');
        cell.setAttribute('role', 'gridcell');
        cell.className = `ex-c${c}`;
        // Packet contents are text, never markup.
        cell.textContent = text;
        if (c === 6) cell.title = text;
        row.append(cell);
      });
      rows.push(row);
    });
    this.#body.replaceChildren(...rows);
    if (active) this.#scroll.setAttribute('aria-activedescendant', active);
    else this.#scroll.removeAttribute('aria-activedescendant');
    if (!this.#painted && rows.length && this.#cache.size) {
      this.#painted = true;
      this.#o.onFirstRows?.();
    }
  }
}

function listWindowHeight(count: number): number {
  return listWindow(0, 0, count, ROW_PX).height;
}
