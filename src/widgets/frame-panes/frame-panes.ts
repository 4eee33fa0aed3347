// The details tree and bytes panes in the browser, for the lessons' packet
// viewer and the capture explorer alike. Choosing a field marks its bytes;
// choosing a byte (click or keys) chooses the field that owns it. The host
// hears of every change (onChange) to link its other parts: the selection
// bus, a header diagram. Packet text only ever enters as text nodes.
import type { DataSource, Field } from '../../decoder/types.ts';
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import { byteId, bytesMarkup } from './bytes-markup.ts';
import { byteKey } from './byte-keys.ts';
import { el, flag, scrollWithin } from './dom.ts';
import { bitMasks, fieldAt, fieldAtPath, owns, parentPath, walk, type FieldPath } from './field-at.ts';
import { byteLayers } from './layers.ts';
import { OpenState } from './open-state.ts';
import { toDom } from './to-dom.ts';
import { treeKey } from './tree-keys.ts';
import { nodeId, treeMarkup } from './tree-markup.ts';

const t = packetViewer;

/** The elements the panes draw into; the host's page lays them out. */
export interface PaneHosts {
  /** Holds the tree (its children are replaced). */
  tree: HTMLElement;
  /** The bytes grid (focusable). */
  hex: HTMLElement;
  /** The tablist of data sources, shown when a frame has bytes besides its own. */
  sources: HTMLElement;
  /** A line about the selected field: its bytes, its bits. */
  fieldbar: HTMLElement;
}

/** What the panes show: a frame's tree and bytes, and bytes besides its own (a reassembled PDU). */
export interface PaneFrame {
  tree: Field[];
  data: Uint8Array;
  sources: readonly DataSource[];
}

export interface ShowOptions {
  /** The field to select. */
  path?: FieldPath;
  /** Notes on fields, by path: shown under their lines, their subtrees opened. */
  notes?: ReadonlyMap<FieldPath, string>;
}

interface SelectOptions {
  /** Bring the field's line and bytes into view (within the panes only). */
  scroll?: boolean;
  /** Focus the field's line. */
  focus?: boolean;
}

/** Sixteen bytes a line, eight when sixteen would not fit (phones). */
const perLineFor = (width: number) => (width < 470 ? 8 : 16);

export class FramePanes {
  /** Called after every change of the selected field; `byReader` when the reader chose it in these panes. */
  onChange?: (field: Field | undefined, byReader: boolean) => void;
  /** While set the panes take no input: they hold a frame that is being replaced. */
  paused = false;

  readonly #hosts: PaneHosts;
  readonly #id: string;
  readonly #open = new OpenState();
  #frame: PaneFrame = { tree: [], data: new Uint8Array(), sources: [] };
  #notes: ReadonlyMap<FieldPath, string> = new Map();
  /** The data source the bytes pane shows; undefined for the frame. */
  #source: string | undefined;
  #path?: FieldPath;
  /** Fields a search of the details matched (marked in the tree). */
  #matches: readonly FieldPath[] = [];
  #cursor = 0;
  #perLine = 16;
  #bytes: HTMLElement[] = [];
  #ascii: HTMLElement[] = [];
  #cleanup: (() => void)[] = [];

  constructor(hosts: PaneHosts, idPrefix: string) {
    this.#hosts = hosts;
    this.#id = idPrefix;
    const { tree, hex } = hosts;
    if (!hex.hasAttribute('aria-labelledby')) hex.setAttribute('aria-label', t.bytes);
    hex.tabIndex = 0;
    this.#on(tree, 'click', (e) => this.#treeClick(e));
    this.#on(tree, 'keydown', (e) => this.#treeKey(e));
    this.#on(tree, 'mouseover', (e) => {
      const node = (e.target as Element).closest<HTMLElement>('[data-path]');
      const f = node && fieldAtPath(this.#frame.tree, node.dataset.path!);
      this.#hover(f && f.length > 0 && f.source === this.#source ? { from: f.offset, to: f.offset + f.length } : undefined);
    });
    this.#on(tree, 'mouseleave', () => this.#hover(undefined));
    this.#on(hex, 'click', (e) => {
      const k = offsetOf(e.target);
      if (k !== undefined) this.#pickByte(k, true);
    });
    this.#on(hex, 'mouseover', (e) => {
      const k = offsetOf(e.target);
      const path = k === undefined ? undefined : fieldAt(this.#frame.tree, k, this.#source);
      const f = path && fieldAtPath(this.#frame.tree, path);
      this.#hover(f ? { from: f.offset, to: f.offset + f.length, path } : undefined);
    });
    this.#on(hex, 'mouseleave', () => this.#hover(undefined));
    this.#on(hex, 'keydown', (e) => this.#bytesKey(e));
    const fit = () => {
      const width = hex.clientWidth;
      if (width < 160) return; // not laid out (hidden, or mid-resize)
      const perLine = perLineFor(width);
      if (perLine === this.#perLine) return;
      this.#perLine = perLine;
      if (this.#bytes.length) this.#renderBytes();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(hex);
    this.#cleanup.push(() => observer.disconnect());
  }

  /** Stop listening (the host leaves the page). */
  disconnect(): void {
    for (const off of this.#cleanup.splice(0)) off();
  }

  get tree(): Field[] {
    return this.#frame.tree;
  }

  get data(): Uint8Array {
    return this.#frame.data;
  }

  get path(): FieldPath | undefined {
    return this.#path;
  }

  get field(): Field | undefined {
    return this.#path === undefined ? undefined : fieldAtPath(this.#frame.tree, this.#path);
  }

  /** Show a frame, keeping which subtrees the reader opened; select a field in it, or none. */
  show(frame: PaneFrame, opts: ShowOptions = {}): void {
    this.#frame = frame;
    this.#matches = [];
    this.#notes = opts.notes ?? new Map();
    this.#source = undefined;
    // A note on a field is only seen if its field is: open the subtrees around it.
    for (const path of this.#notes.keys()) this.#openAround(path);
    const path = opts.path !== undefined && fieldAtPath(frame.tree, opts.path) ? opts.path : undefined;
    this.#path = path;
    this.#cursor = path ? fieldAtPath(frame.tree, path)!.offset : 0;
    // A reader in the tree stays in it: on the new tree's tab stop.
    const focused = this.#hosts.tree.contains(document.activeElement);
    this.#renderTree();
    this.#renderBytes();
    this.#select(path, { scroll: true }, false);
    if (focused) this.focusTree();
  }

  /** Select a field (or none), opening the subtrees above it. */
  select(path: FieldPath | undefined, opts: SelectOptions = {}): void {
    this.#select(path, opts, false);
  }

  /** Open or close every subtree of the frame (and the same subtrees in the frames after). */
  setAllOpen(open: boolean): void {
    for (const { field } of walk(this.#frame.tree)) if (field.children?.length) this.#open.set(field, open);
    for (const item of this.#hosts.tree.querySelectorAll<HTMLElement>('[role="treeitem"][aria-expanded]')) item.setAttribute('aria-expanded', String(open));
    // Closing may hide the selected line: its closest shown ancestor takes the tab stop.
    if (!open && this.#path !== undefined) this.#select(this.#path.split('.')[0], {}, false);
  }

  /** Mark the lines a search matched (none: clear). */
  markMatches(paths: readonly FieldPath[]): void {
    this.#matches = paths;
    this.#paintMatches();
  }

  #paintMatches(): void {
    for (const item of this.#hosts.tree.querySelectorAll('[data-match]')) flag(item, 'data-match', false);
    for (const path of this.#matches) {
      const item = this.#item(path);
      if (item) flag(item, 'data-match', true);
    }
  }

  /** Put the focus on the tree's tab stop. */
  focusTree(): void {
    this.#hosts.tree.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
  }

  /** Say something in the field bar (until the next selection). */
  message(text: string): void {
    this.#hosts.fieldbar.replaceChildren(el('span', {}, text));
  }

  #on<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, handler: (e: HTMLElementEventMap[K]) => void): void {
    const guarded = (e: HTMLElementEventMap[K]) => {
      if (!this.paused) handler(e);
    };
    target.addEventListener(type, guarded);
    this.#cleanup.push(() => target.removeEventListener(type, guarded));
  }

  // ---- the tree -------------------------------------------------------------

  #item(path: FieldPath): HTMLElement | null {
    return this.#hosts.tree.querySelector<HTMLElement>(`#${CSS.escape(nodeId(this.#id, path))}`);
  }

  /** The items on show: not inside a closed subtree. */
  #visibleItems(): HTMLElement[] {
    return [...this.#hosts.tree.querySelectorAll<HTMLElement>('[role="treeitem"]')].filter(
      (li) => !li.parentElement?.closest('[role="treeitem"][aria-expanded="false"]'),
    );
  }

  #renderTree(): void {
    const tree = treeMarkup(this.#frame.tree, { notes: this.#notes, live: { idPrefix: this.#id, isOpen: (f, depth) => this.#open.isOpen(f, depth) } });
    this.#hosts.tree.replaceChildren(toDom(tree));
    this.#paintMatches();
  }

  /** Open every subtree above a field (for this frame and the frames after). */
  #openAround(path: FieldPath): void {
    for (let p = parentPath(path); p; p = parentPath(p)) {
      const f = fieldAtPath(this.#frame.tree, p);
      if (f) this.#open.set(f, true);
    }
  }

  #setOpen(item: HTMLElement, open: boolean): void {
    const f = fieldAtPath(this.#frame.tree, item.dataset.path!);
    if (!f?.children?.length) return;
    this.#open.set(f, open);
    item.setAttribute('aria-expanded', String(open));
  }

  /** Open or close a subtree; the focus stays on it. */
  #toggle(item: HTMLElement, open?: boolean): void {
    this.#setOpen(item, open ?? item.getAttribute('aria-expanded') !== 'true');
    for (const other of this.#hosts.tree.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]')) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus({ preventScroll: true });
  }

  #treeClick(e: MouseEvent): void {
    const item = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    if ((e.target as Element).closest('[data-twisty]')) this.#toggle(item);
    else this.#select(item.dataset.path, { focus: true }, true);
  }

  #treeKey(e: KeyboardEvent): void {
    const item = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = this.#visibleItems();
    const expanded = item.getAttribute('aria-expanded');
    const parent = item.parentElement?.closest<HTMLElement>('[role="treeitem"]');
    const action = treeKey(e.key, {
      index: items.indexOf(item),
      count: items.length,
      expanded: expanded === null ? undefined : expanded === 'true',
      parent: parent ? items.indexOf(parent) : -1,
    });
    if (!action) return;
    e.preventDefault();
    if ('move' in action) this.#select(items[action.move].dataset.path, { focus: true }, true);
    else if ('open' in action || 'close' in action) this.#toggle(item, 'open' in action);
    else if ('toggle' in action) {
      if (expanded !== null) this.#setOpen(item, expanded !== 'true');
      this.#select(item.dataset.path, { focus: true }, true);
    }
  }

  /** Select a field (or none) in the tree and the bytes, and tell the host. */
  #select(path: FieldPath | undefined, opts: SelectOptions, byReader: boolean): void {
    const tree = this.#frame.tree;
    const field = path === undefined ? undefined : fieldAtPath(tree, path);
    if (!field) path = undefined;
    this.#path = path;
    const item = path === undefined ? null : this.#item(path);
    // Open every subtree on the way to the field.
    for (let p = item?.parentElement?.closest<HTMLElement>('[role="treeitem"]'); p; p = p.parentElement?.closest<HTMLElement>('[role="treeitem"]'))
      if (p.getAttribute('aria-expanded') === 'false') this.#setOpen(p, true);
    // A field of a reassembled PDU shows in that PDU's bytes, as Wireshark switches its bytes tab.
    if (field && field.length > 0 && field.source !== this.#source && (!field.source || this.#sourceOf(field.source))) {
      this.#source = field.source;
      this.#renderBytes();
    }
    const items = this.#hosts.tree.querySelectorAll<HTMLElement>('[role="treeitem"]');
    for (const li of items) {
      const on = li === item;
      li.setAttribute('aria-selected', String(on));
      li.tabIndex = on ? 0 : -1;
    }
    if (!item && items[0]) items[0].tabIndex = 0;
    if (item && opts.focus) item.focus({ preventScroll: true });
    if (item && (opts.scroll || opts.focus)) scrollWithin(scrollBoxOf(this.#hosts.tree), item.firstElementChild as HTMLElement, false, !opts.focus);

    const from = this.#paintBytes(field);
    if (from >= 0) {
      this.#moveCursor(from, false);
      if (opts.scroll || opts.focus) scrollWithin(this.#hosts.hex, this.#bytes[from], false);
    }
    this.#renderFieldbar(field);
    this.onChange?.(field, byReader);
  }

  // ---- the bytes ------------------------------------------------------------

  #sourceOf(name: string): DataSource | undefined {
    return this.#frame.sources.find((s) => s.name === name);
  }

  /** The bytes the pane shows: the frame's, or those of the chosen data source. */
  #shownBytes(): Uint8Array {
    return (this.#source && this.#sourceOf(this.#source)?.bytes) || this.#frame.data;
  }

  /** Tabs over the bytes, one per data source, when the frame has more than its own. */
  #renderSourceTabs(): void {
    const tabs = this.#hosts.sources;
    const sources = this.#frame.sources;
    tabs.hidden = sources.length === 0;
    if (tabs.hidden) return tabs.replaceChildren();
    const all = [
      { name: undefined as string | undefined, text: t.sourceFrame(this.#frame.data.length) },
      ...sources.map((s) => ({ name: s.name as string | undefined, text: t.sourceTab(s.name, s.bytes.length) })),
    ];
    tabs.replaceChildren(
      ...all.map(({ name, text }) => {
        const on = name === this.#source;
        const b = el('button', { type: 'button', role: 'tab', class: 'pv-source-tab', 'aria-selected': String(on), tabindex: on ? 0 : -1 }, text);
        b.addEventListener('click', () => {
          if (this.paused || this.#source === name) return;
          this.#source = name;
          this.#renderBytes();
        });
        b.addEventListener('keydown', (e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const buttons = [...tabs.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
          const next = buttons[(buttons.indexOf(b) + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
          next?.click();
          next?.focus();
          e.preventDefault();
        });
        return b;
      }),
    );
  }

  #renderBytes(): void {
    this.#renderSourceTabs();
    const data = this.#shownBytes();
    const hues = byteLayers(this.#frame.tree, data.length, this.#source);
    const rows = bytesMarkup(data, hues, this.#perLine, { idPrefix: this.#id }).map(toDom);
    // A grid once it has rows (an empty grid is no grid).
    this.#hosts.hex.setAttribute('role', 'grid');
    this.#hosts.hex.setAttribute('aria-readonly', 'true');
    this.#hosts.hex.replaceChildren(...rows);
    this.#bytes = [...this.#hosts.hex.querySelectorAll<HTMLElement>('.pv-b')];
    this.#ascii = [...this.#hosts.hex.querySelectorAll<HTMLElement>('.pv-a')];
    this.#moveCursor(Math.min(this.#cursor, Math.max(0, data.length - 1)), false);
    this.#paintBytes(this.field);
  }

  /** Mark the selected field's bytes (hex and ASCII); returns its first offset, or -1. */
  #paintBytes(field: Field | undefined): number {
    if (field && field.source !== this.#source) field = undefined;
    const from = field && field.length > 0 ? field.offset : -1;
    const to = field && field.length > 0 ? field.offset + field.length : -1;
    for (let k = 0; k < this.#bytes.length; k++) {
      const on = k >= from && k < to;
      flag(this.#bytes[k], 'data-selected', on);
      this.#bytes[k].setAttribute('aria-selected', String(on));
      flag(this.#ascii[k], 'data-selected', on);
    }
    return from;
  }

  #renderFieldbar(field: Field | undefined): void {
    if (!field) {
      this.message(t.noField);
      return;
    }
    const parts: (Node | string)[] = [];
    if (field.name) parts.push(el('code', {}, field.name));
    parts.push(el('span', {}, field.length > 0 ? t.fieldBytes(field.length, field.offset) + (field.source ? t.inSource(field.source) : '') : t.generated));
    const masks = bitMasks(field);
    if (masks) {
      const bitsBox = el('span', { class: 'pv-bits' });
      const bytes = (field.source && this.#sourceOf(field.source)?.bytes) || this.#frame.data;
      masks.masks.forEach((mask, i) => {
        const k = masks.offset + i;
        const byte = bytes[k] ?? 0;
        const cells = el('span', { 'aria-label': t.bitsOf(k), role: 'img' });
        for (let bit = 7; bit >= 0; bit--) {
          cells.append(el('span', { class: 'pv-bit', 'data-on': (mask >> bit) & 1 ? true : undefined }, String((byte >> bit) & 1)));
          if (bit === 4) cells.append(' ');
        }
        bitsBox.append(cells);
      });
      parts.push(bitsBox);
    }
    this.#hosts.fieldbar.replaceChildren(...parts);
  }

  #moveCursor(k: number, scroll: boolean): void {
    if (!this.#bytes.length) return;
    k = Math.max(0, Math.min(this.#bytes.length - 1, k));
    flag(this.#bytes[this.#cursor] ?? this.#bytes[0], 'data-cursor', false);
    this.#cursor = k;
    flag(this.#bytes[k], 'data-cursor', true);
    this.#hosts.hex.setAttribute('aria-activedescendant', byteId(this.#id, k));
    if (scroll) scrollWithin(this.#hosts.hex, this.#bytes[k], false);
  }

  /** A byte was chosen: select the innermost field owning it; a second click on it widens to the enclosing field. */
  #pickByte(k: number, widen: boolean): void {
    const tree = this.#frame.tree;
    let path = fieldAt(tree, k, this.#source);
    if (widen && path && this.#path && k === this.#cursor) {
      const current = fieldAtPath(tree, this.#path);
      if (current && owns(current, k, this.#source)) {
        let up = parentPath(this.#path);
        while (up && !owns(fieldAtPath(tree, up)!, k, this.#source)) up = parentPath(up);
        path = up ?? path;
      }
    }
    this.#moveCursor(k, false);
    this.#select(path, { scroll: true }, true);
    this.#moveCursor(k, true);
  }

  #bytesKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#pickByte(this.#cursor, true);
      return;
    }
    const to = byteKey(e.key, e.ctrlKey, this.#cursor, this.#perLine, this.#bytes.length);
    if (to === undefined) return;
    e.preventDefault();
    this.#pickByte(to, false);
  }

  #hover(range: { from: number; to: number; path?: FieldPath } | undefined): void {
    for (let k = 0; k < this.#bytes.length; k++) {
      const on = !!range && k >= range.from && k < range.to;
      flag(this.#bytes[k], 'data-hover', on);
      flag(this.#ascii[k], 'data-hover', on);
    }
    for (const item of this.#hosts.tree.querySelectorAll('[data-hover]')) flag(item, 'data-hover', false);
    const item = range?.path === undefined ? null : this.#item(range.path);
    if (item) flag(item, 'data-hover', true);
  }
}

function offsetOf(target: EventTarget | null): number | undefined {
  const cell = (target as Element | null)?.closest?.<HTMLElement>('[data-offset], [data-ascii]');
  if (!cell) return undefined;
  return Number(cell.dataset.offset ?? cell.dataset.ascii);
}

/** The box that scrolls the tree: the host itself, or the nearest ancestor that scrolls. */
function scrollBoxOf(host: HTMLElement): HTMLElement {
  for (let e: HTMLElement | null = host; e; e = e.parentElement) {
    const overflow = getComputedStyle(e).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return e;
  }
  return host;
}
