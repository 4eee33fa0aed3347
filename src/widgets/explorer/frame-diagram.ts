// The header diagram of the explorer's frame, with its layer picker. Its
// boxes are linked to the details tree: the selected field's box is marked,
// and choosing a box chooses its field (onPick).
import type { Field } from '../../decoder/types.ts';
import { findPath, type FieldPath } from '../frame-panes/field-at.ts';
import { abbreviated } from '../header-diagram/layout.ts';
import { headerDiagramHtml } from '../header-diagram/render.ts';
import type { FrameDetail } from './protocol.ts';
import { explorer } from '../../lib/strings/explorer.ts';
import { headerDiagram } from '../../lib/strings/headerDiagram.ts';

const t = explorer;

/** The transport header is what the lessons draw most: start there. */
const PREFERRED = ['tcp', 'udp', 'icmp', 'icmpv6', 'arp', 'ipv4', 'ipv6', 'eth'];

export class FrameDiagram {
  /** The reader chose a box: the path of its field in the frame's tree. */
  onPick?: (path: FieldPath) => void;
  readonly #layers: HTMLElement;
  readonly #diagram: HTMLElement;
  #detail?: FrameDetail;
  #layer = '';
  #field?: Field;

  constructor(root: HTMLElement) {
    this.#layers = root.querySelector<HTMLElement>('[data-layers]')!;
    this.#diagram = root.querySelector<HTMLElement>('[data-diagram]')!;
    this.#layers.addEventListener('change', () => this.#draw((this.#layers.querySelector('select') as HTMLSelectElement).value));
    this.#diagram.addEventListener('click', (e) => {
      const box = (e.target as HTMLElement).closest<HTMLElement>('[data-field]');
      const path = box && this.#detail && findPath(this.#detail.tree, box.dataset.field!, Number(box.dataset.offset));
      if (path) this.onPick?.(path);
    });
    this.#diagram.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const box = (e.target as HTMLElement).closest<HTMLElement>('[data-field]');
      if (!box) return;
      e.preventDefault();
      box.click();
    });
  }

  /** Draw a frame's diagram: the layer the reader chose, else the preferred one it has. */
  show(detail: FrameDetail): void {
    this.#detail = detail;
    this.#field = undefined;
    const layers = detail.diagrams.map((d) => d.layer);
    if (!layers.includes(this.#layer)) this.#layer = PREFERRED.find((l) => layers.includes(l)) ?? '';
    this.#drawPicker();
    this.#draw(this.#layer);
  }

  /** Mark the box of the selected field (none when it has no box). */
  mark(field: Field | undefined): void {
    this.#field = field;
    for (const box of this.#diagram.querySelectorAll<HTMLElement>('[data-box]')) {
      const on = !!field && box.dataset.field === field.name && Number(box.dataset.offset) === field.offset;
      box.classList.toggle('hd-selected', on);
      if (box.getAttribute('role') === 'option') box.setAttribute('aria-selected', String(on));
    }
  }

  #drawPicker(): void {
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

  #draw(layer: string): void {
    this.#layer = layer;
    const d = this.#detail!.diagrams.find((x) => x.layer === layer);
    if (!d) {
      const p = document.createElement('p');
      p.className = 'hd-empty';
      p.textContent = t.noDiagram;
      return this.#diagram.replaceChildren(p);
    }
    // Built from the decoder's field tables; every value in it is escaped by the renderer.
    this.#diagram.innerHTML = headerDiagramHtml(abbreviated(d.wide, headerDiagram.abbrev), abbreviated(d.narrow, headerDiagram.abbrev), {
      frame: this.#detail!.number,
    });
    this.mark(this.#field);
  }
}
