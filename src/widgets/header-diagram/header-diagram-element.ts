// <wb-header-diagram>: the server-rendered header diagram, made interactive.
// Selecting a box selects its field on the capture's selection bus; when the
// bus moves to another frame, the frame is dissected here and redrawn.

import { selectionFor, type Selection, type SelectionBus } from '../shared/selection.ts';
import { parseDeepLink } from '../shared/deep-link.ts';
import { layoutHeader, type HeaderLayout } from './layout.ts';
import { headerDiagramHtml, missingLayerHtml } from './render.ts';
import { headerDiagram } from '../../lib/strings/headerDiagram.ts';
import { moveFocus } from './keys.ts';

const t = headerDiagram;

class HeaderDiagramElement extends HTMLElement {
  #bus?: SelectionBus;
  #off?: () => void;
  #frame = 0;
  #loading = 0;

  connectedCallback(): void {
    const capture = this.dataset.capture ?? '';
    this.#frame = Number(this.dataset.frame);
    this.#bus = selectionFor(capture);
    const hint = this.querySelector<HTMLElement>('[data-hint]');
    if (hint) hint.hidden = false;
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onKey);
    this.#off = this.#bus.subscribe((sel, source) => void this.#show(sel, source));
    const link = parseDeepLink(location.hash);
    if (link && (!link.capture || link.capture === capture)) this.#bus.select(link);
    else if (this.#bus.current) void this.#show(this.#bus.current, undefined);
  }

  disconnectedCallback(): void {
    this.#off?.();
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('keydown', this.#onKey);
  }

  #options(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>('[role="option"]')].filter((e) => e.offsetParent !== null);
  }

  #select(box: HTMLElement): void {
    const field = box.dataset.field;
    if (!field) return;
    const sel: Selection = { frame: this.#frame, field, offset: Number(box.dataset.offset), length: Number(box.dataset.length) };
    this.#mark(sel);
    this.#bus?.select(sel, this);
  }

  #onClick = (e: Event): void => {
    const piece = (e.target as HTMLElement).closest<HTMLElement>('[data-box]');
    if (!piece) return;
    // A continuation piece stands for its box: select and focus the box itself.
    const grid = piece.closest('.hd-boxes');
    const box = grid?.querySelector<HTMLElement>(`[role="option"][data-box="${piece.dataset.box}"]`);
    if (!box) return;
    this.#select(box);
    box.focus();
  };

  #onKey = (e: KeyboardEvent): void => {
    const box = (e.target as HTMLElement).closest<HTMLElement>('[role="option"]');
    if (!box) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#select(box);
      return;
    }
    const options = this.#options();
    const next = moveFocus(
      options.map((o) => o.getBoundingClientRect()),
      options.indexOf(box),
      e.key,
    );
    if (next < 0) return;
    e.preventDefault();
    for (const o of options) o.tabIndex = -1;
    options[next].tabIndex = 0;
    options[next].focus();
  };

  /** aria-selected on the selected box of both grids (wide and narrow). */
  #mark(sel: Selection): void {
    for (const grid of this.querySelectorAll<HTMLElement>('.hd-boxes')) {
      const named = [...grid.querySelectorAll<HTMLElement>('[role="option"]')].filter((o) => o.dataset.field === sel.field);
      const hit = named.find((o) => sel.offset === undefined || Number(o.dataset.offset) === sel.offset) ?? named[0];
      for (const o of grid.querySelectorAll<HTMLElement>('[data-box]')) {
        const on = hit !== undefined && o.dataset.box === hit.dataset.box;
        if (o.getAttribute('role') === 'option') o.setAttribute('aria-selected', String(on));
        o.classList.toggle('hd-selected', on);
      }
      if (hit) {
        for (const o of grid.querySelectorAll<HTMLElement>('[role="option"]')) o.tabIndex = o === hit ? 0 : -1;
      }
    }
  }

  async #show(sel: Selection, source: unknown): Promise<void> {
    if (sel.frame !== this.#frame) {
      const ticket = ++this.#loading;
      this.setAttribute('aria-busy', 'true');
      try {
        const { frameTree } = await import('./frame-source.ts');
        const got = await frameTree(this.dataset.src ?? '', sel.frame, this.dataset.layer ?? '');
        if (ticket !== this.#loading) return;
        this.#frame = sel.frame;
        this.dataset.frame = String(sel.frame);
        const wide = got && layoutHeader(got.table, got.tree, 32, t.abbrev, got.data);
        const narrow = got && layoutHeader(got.table, got.tree, 16, t.abbrev, got.data);
        this.#render(wide, narrow, got?.table.title ?? this.dataset.title ?? '');
      } catch {
        if (ticket === this.#loading) this.querySelector('.hd-body')!.innerHTML = `<p class="hd-empty">${t.failed}</p>`;
      } finally {
        if (ticket === this.#loading) this.removeAttribute('aria-busy');
      }
    }
    if (source !== this) this.#mark(sel);
  }

  #render(wide: HeaderLayout | undefined, narrow: HeaderLayout | undefined, title: string): void {
    const body = this.querySelector<HTMLElement>('.hd-body');
    if (!body) return;
    body.innerHTML = wide && narrow ? headerDiagramHtml(wide, narrow, { frame: this.#frame }) : missingLayerHtml(title, this.#frame);
  }
}

customElements.define('wb-header-diagram', HeaderDiagramElement);
