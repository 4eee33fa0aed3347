// One frame of the reader's capture: the details tree, the bytes, and the
// header diagrams, linked as in the lessons: choosing a field marks its bytes
// and its box; choosing a byte or a box chooses the field that owns it. All
// packet text goes in with textContent: contents are data, never markup.

import type { Field } from '../../decoder/types.ts';
import { fieldAt, fieldAtPath, findPath, walk, type FieldPath } from '../frame-panes/field-at.ts';
import { asciiChar, hexByte, offsetText, BYTES_PER_LINE } from '../frame-panes/hex-dump.ts';
import { byteLayers } from '../frame-panes/layers.ts';
import { headerDiagramHtml } from '../header-diagram/render.ts';
import { scrollWithin } from '../frame-panes/dom.ts';
import type { FrameDetail } from './protocol.ts';
import { en } from '../../../content/strings/en.ts';

const t = en.explorer;

export class FramePanes {
  readonly #tree: HTMLElement;
  readonly #bytes: HTMLElement;
  readonly #sources: HTMLElement;
  readonly #layers: HTMLElement;
  readonly #diagram: HTMLElement;
  #detail?: FrameDetail;
  #path?: FieldPath;
  /** The data source the bytes pane shows: undefined for the frame's own bytes. */
  #source: string | undefined;
  #layer = '';
  /** Subtrees the reader opened, by field name (kept from frame to frame, as Wireshark does). */
  #open = new Set<string>();

  constructor(root: HTMLElement) {
    this.#tree = root.querySelector<HTMLElement>('[data-tree]')!;
    this.#bytes = root.querySelector<HTMLElement>('[data-bytes]')!;
    this.#sources = root.querySelector<HTMLElement>('[data-sources]')!;
    this.#layers = root.querySelector<HTMLElement>('[data-layers]')!;
    this.#diagram = root.querySelector<HTMLElement>('[data-diagram]')!;
    this.#tree.addEventListener('click', (e) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
      if (!item) return;
      if ((e.target as HTMLElement).closest('.ex-twisty')) this.#toggle(item);
      this.#choose(item.dataset.path!);
    });
    this.#tree.addEventListener('keydown', (e) => this.#treeKey(e));
    this.#bytes.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLElement>('[data-offset]');
      const path = b && this.#detail && fieldAt(this.#detail.tree, Number(b.dataset.offset), this.#source);
      if (path) this.#choose(path, true);
    });
    this.#sources.addEventListener('click', (e) => {
      const tab = (e.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
      if (tab) this.#showSource(tab.dataset.source || undefined);
    });
    this.#layers.addEventListener('change', () => this.#drawDiagram((this.#layers.querySelector('select') as HTMLSelectElement).value));
    this.#diagram.addEventListener('click', (e) => {
      const box = (e.target as HTMLElement).closest<HTMLElement>('[data-field]');
      const path = box && this.#detail && findPath(this.#detail.tree, box.dataset.field!, Number(box.dataset.offset));
      if (path) this.#choose(path, true);
    });
    this.#diagram.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const box = (e.target as HTMLElement).closest<HTMLElement>('[data-field]');
      if (!box) return;
      e.preventDefault();
      box.click();
    });
  }

  show(detail: FrameDetail): void {
    const keepName = this.#path && this.#detail ? fieldAtPath(this.#detail.tree, this.#path)?.name : undefined;
    this.#detail = detail;
    this.#source = undefined;
    this.#path = keepName ? findPath(detail.tree, keepName) : undefined;
    this.#drawTree();
    this.#drawSources();
    this.#drawBytes();
    const layers = detail.diagrams.map((d) => d.layer);
    // The transport header is what the lessons draw most: start there, or keep the reader's choice.
    if (!layers.includes(this.#layer)) this.#layer = ['tcp', 'udp', 'icmp', 'icmpv6', 'arp', 'ipv4', 'ipv6', 'eth'].find((l) => layers.includes(l)) ?? '';
    this.#drawLayerPicker();
    this.#drawDiagram(this.#layer);
    if (this.#path) this.#choose(this.#path);
  }

  #drawTree(): void {
    const root = document.createElement('ul');
    root.setAttribute('role', 'tree');
    root.setAttribute('aria-label', t.details);
    const groups = new Map<string, HTMLElement>([['', root]]);
    let first = true;
    const lastTop = String(this.#detail!.tree.length - 1);
    for (const { field, path, depth } of walk(this.#detail!.tree)) {
      const li = document.createElement('li');
      li.setAttribute('role', 'treeitem');
      li.dataset.path = path;
      if (field.name) li.dataset.field = field.name;
      li.setAttribute('aria-level', String(depth + 1));
      li.setAttribute('aria-selected', 'false');
      li.tabIndex = first ? 0 : -1;
      first = false;
      const line = document.createElement('span');
      line.className = 'ex-line';
      const twisty = document.createElement('span');
      twisty.className = 'ex-twisty';
      twisty.setAttribute('aria-hidden', 'true');
      line.append(twisty, document.createTextNode(field.display));
      if (field.expert?.some((x) => x.severity === 'error' || x.severity === 'warn'))
        li.dataset.severity = field.expert.some((x) => x.severity === 'error') ? 'error' : 'warn';
      li.append(line);
      if (field.children?.length) {
        // As in Wireshark, subtrees start closed, but the innermost protocol is open: it is what the frame is about.
        const top = this.#top.get(keyOf(field));
        const open = depth === 0 ? (top ?? path === lastTop) : this.#open.has(keyOf(field));
        li.setAttribute('aria-expanded', String(open));
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        li.append(group);
        groups.set(path, group);
      }
      const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
      groups.get(parent)!.append(li);
    }
    this.#tree.replaceChildren(root);
  }

  /** Top-level protocols the reader opened or closed. */
  #top = new Map<string, boolean>();

  #toggle(item: HTMLElement, open?: boolean): void {
    if (!item.hasAttribute('aria-expanded')) return;
    const now = open ?? item.getAttribute('aria-expanded') !== 'true';
    item.setAttribute('aria-expanded', String(now));
    const field = fieldAtPath(this.#detail!.tree, item.dataset.path!);
    if (!field) return;
    const key = keyOf(field);
    const top = item.getAttribute('aria-level') === '1';
    if (top) this.#top.set(key, now);
    else if (now) this.#open.add(key);
    else this.#open.delete(key);
  }

  #visibleItems(): HTMLElement[] {
    return [...this.#tree.querySelectorAll<HTMLElement>('[role="treeitem"]')].filter((li) => !li.parentElement?.closest('[aria-expanded="false"]'));
  }

  #treeKey(e: KeyboardEvent): void {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = this.#visibleItems();
    const i = items.indexOf(item);
    let next: HTMLElement | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = items[i + 1];
        break;
      case 'ArrowUp':
        next = items[i - 1];
        break;
      case 'Home':
        next = items[0];
        break;
      case 'End':
        next = items[items.length - 1];
        break;
      case 'ArrowRight':
        if (item.getAttribute('aria-expanded') === 'false') this.#toggle(item, true);
        else next = items[i + 1];
        break;
      case 'ArrowLeft':
        if (item.getAttribute('aria-expanded') === 'true') this.#toggle(item, false);
        else next = item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined;
        break;
      case 'Enter':
      case ' ':
        this.#toggle(item);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next) {
      this.#choose(next.dataset.path!);
      next.focus();
    }
  }

  /** Select the field at `path` everywhere: tree, bytes, diagram. */
  #choose(path: FieldPath, reveal = false): void {
    const detail = this.#detail;
    const field = detail && fieldAtPath(detail.tree, path);
    if (!detail || !field) return;
    this.#path = path;
    for (const li of this.#tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) {
      const on = li.dataset.path === path;
      li.setAttribute('aria-selected', String(on));
      li.tabIndex = on ? 0 : -1;
    }
    const item = this.#tree.querySelector<HTMLElement>(`[data-path="${path}"]`);
    if (reveal && item) {
      // Open every subtree on the way to the field, then bring it into view.
      for (let p = item.parentElement?.closest<HTMLElement>('[role="treeitem"]'); p; p = p.parentElement?.closest<HTMLElement>('[role="treeitem"]'))
        this.#toggle(p, true);
      // Within the pane only: the page stays where the reader is.
      scrollWithin(this.#tree, item, false);
    }
    if (field.source !== this.#source) this.#showSource(field.source);
    this.#markBytes(field);
    for (const box of this.#diagram.querySelectorAll<HTMLElement>('[data-box]')) {
      const on = box.dataset.field === field.name && Number(box.dataset.offset) === field.offset;
      box.classList.toggle('hd-selected', on);
      if (box.getAttribute('role') === 'option') box.setAttribute('aria-selected', String(on));
    }
  }

  #markBytes(field: Field | undefined): void {
    const from = field && field.source === this.#source && field.length > 0 ? field.offset : -1;
    const to = from >= 0 ? from + field!.length : -1;
    for (const b of this.#bytes.querySelectorAll<HTMLElement>('[data-offset]')) {
      const o = Number(b.dataset.offset);
      b.classList.toggle('ex-on', o >= from && o < to);
    }
    const first = this.#bytes.querySelector<HTMLElement>('.ex-on');
    if (first) scrollWithin(this.#bytes, first, false);
  }

  #drawSources(): void {
    const sources = this.#detail!.sources;
    this.#sources.hidden = sources.length === 0;
    if (sources.length === 0) return this.#sources.replaceChildren();
    const tab = (label: string, source: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.dataset.source = source;
      b.textContent = label;
      return b;
    };
    this.#sources.replaceChildren(
      tab(`Frame (${this.#detail!.data.length} bytes)`, ''),
      ...sources.map((s) => tab(`${s.name} (${s.bytes.length} bytes)`, s.name)),
    );
    this.#markTabs();
  }

  #markTabs(): void {
    for (const b of this.#sources.querySelectorAll<HTMLElement>('[role="tab"]'))
      b.setAttribute('aria-selected', String((b.dataset.source || undefined) === this.#source));
  }

  #showSource(source: string | undefined): void {
    this.#source = source;
    this.#markTabs();
    this.#drawBytes();
    const field = this.#path !== undefined ? fieldAtPath(this.#detail!.tree, this.#path) : undefined;
    this.#markBytes(field);
  }

  #drawBytes(): void {
    const detail = this.#detail!;
    const data = this.#source === undefined ? detail.data : (detail.sources.find((s) => s.name === this.#source)?.bytes ?? detail.data);
    const layers = byteLayers(detail.tree, data.length, this.#source);
    const lines: HTMLElement[] = [];
    for (let at = 0; at < data.length; at += BYTES_PER_LINE) {
      const line = document.createElement('div');
      line.className = 'ex-hex-row';
      const off = document.createElement('span');
      off.className = 'ex-off';
      off.textContent = offsetText(at, data.length);
      line.append(off);
      const ascii = document.createElement('span');
      ascii.className = 'ex-asc';
      ascii.setAttribute('aria-hidden', 'true');
      for (let i = at; i < Math.min(at + BYTES_PER_LINE, data.length); i++) {
        const b = document.createElement('span');
        b.className = i % BYTES_PER_LINE === 8 ? 'ex-b ex-gap' : 'ex-b';
        b.dataset.offset = String(i);
        b.dataset.layer = layers[i];
        b.textContent = hexByte(data[i]);
        line.append(b);
        const a = document.createElement('span');
        a.dataset.offset = String(i);
        a.textContent = asciiChar(data[i]);
        ascii.append(a);
      }
      line.append(ascii);
      lines.push(line);
    }
    this.#bytes.replaceChildren(...lines);
  }

  #drawLayerPicker(): void {
    const diagrams = this.#detail!.diagrams;
    if (diagrams.length < 2) return this.#layers.replaceChildren();
    const label = document.createElement('label');
    label.textContent = `${t.diagramLayer} `;
    const select = document.createElement('select');
    for (const d of diagrams) {
      const o = document.createElement('option');
      o.value = d.layer;
      o.textContent = d.title;
      o.selected = d.layer === this.#layer;
      select.append(o);
    }
    label.append(select);
    this.#layers.replaceChildren(label);
  }

  #drawDiagram(layer: string): void {
    this.#layer = layer;
    const d = this.#detail!.diagrams.find((x) => x.layer === layer);
    if (!d) {
      const p = document.createElement('p');
      p.className = 'hd-empty';
      p.textContent = t.noDiagram;
      return this.#diagram.replaceChildren(p);
    }
    // Built from the decoder's field tables; every value in it is escaped by the renderer.
    this.#diagram.innerHTML = headerDiagramHtml(d.wide, d.narrow, { frame: this.#detail!.number });
    const field = this.#path !== undefined ? fieldAtPath(this.#detail!.tree, this.#path) : undefined;
    if (field) this.#choose(this.#path!);
  }
}

const keyOf = (f: Field) => f.name || `:${f.label || f.display}`;
