// <wb-port-lookup>: makes the server-rendered port tables searchable. Reads the
// trimmed services table and the captures' ports from the JSON the server
// wrote, shows the form, and answers each query in a live region.
import { ports } from '../../lib/strings/ports.ts';
import { EPHEMERAL, lookup, type LookupResult, type Os, type PortReport, type Sighting } from './lookup.ts';
import { decodeServices, type Row } from './trim.ts';

const t = ports;
const OSES: Os[] = ['linux', 'windows'];
/** Wait this long after typing before answering, so a screen reader hears one result, not one per key. */
const TYPING_PAUSE_MS = 300;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

class PortLookupElement extends HTMLElement {
  #input!: HTMLInputElement;
  #result!: HTMLElement;
  #marker: HTMLElement | null = null;
  #services: ReturnType<typeof decodeServices> = [];
  #seen: Sighting[] = [];
  #timer = 0;

  connectedCallback(): void {
    if (this.#input) return;
    const data = JSON.parse(this.querySelector('script[data-services]')?.textContent ?? '{}') as { rows?: Row[]; seen?: Sighting[] };
    this.#services = decodeServices(data.rows ?? []);
    this.#seen = data.seen ?? [];
    const form = this.querySelector<HTMLFormElement>('[data-form]')!;
    this.#input = form.querySelector('input')!;
    this.#result = this.querySelector('[data-result]')!;
    this.#marker = this.querySelector('[data-marker]');
    form.hidden = false;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.show(this.#input.value);
    });
    this.#input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.show(this.#input.value), TYPING_PAUSE_MS);
    });
    this.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-query]');
      if (!button) return;
      this.#input.value = button.dataset.query!;
      // A suggestion is replaced by its own answer: keep focus where the reader can go on.
      if (this.#result.contains(button)) this.#input.focus();
      this.show(button.dataset.query!);
    });
    this.show(this.#input.value);
  }

  /** Answers a query: the result in the live region, and the marker on the scale. */
  show(text: string): void {
    clearTimeout(this.#timer);
    const result = lookup(text, this.#services, this.#seen);
    this.#result.replaceChildren(...this.#render(result));
    const port = result.kind === 'port' ? result.report.port : result.kind === 'name' && result.reports.length === 1 ? result.reports[0]!.port : undefined;
    if (this.#marker) {
      this.#marker.hidden = port === undefined;
      if (port !== undefined) this.#marker.style.setProperty('--at', String(port / 65535));
    }
  }

  #render(r: LookupResult): Node[] {
    switch (r.kind) {
      case 'empty':
        return [el('p', 'pl-muted', t.result.empty)];
      case 'invalid':
        return [el('p', undefined, r.reason === 'too-big' ? t.result.tooBig : t.result.notWhole)];
      case 'port':
        return [this.#report(r.report)];
      case 'name':
        return [
          ...(r.registryName ? [el('p', undefined, t.result.registryName(r.name, r.registryName))] : []),
          el('p', undefined, t.result.name(r.registryName ?? r.name, r.reports.length)),
          ...r.reports.map((p) => this.#report(p)),
        ];
      case 'unknown-name': {
        const out: Node[] = [el('p', undefined, t.result.unknownName(r.name))];
        if (r.suggestions.length) {
          const p = el('p', 'pl-suggest', t.result.suggestions + ' ');
          for (const s of r.suggestions) p.append(this.#queryButton(s.name, `${s.name} (${s.port})`), ' ');
          out.push(p);
        }
        out.push(el('p', 'pl-muted', t.result.trimmed));
        return out;
      }
    }
  }

  #report(p: PortReport): HTMLElement {
    const box = el('div', 'pl-report');
    const head = el('p', 'pl-report-head');
    const range = t.ranges[p.range.id]!;
    head.append(
      el('strong', undefined, t.result.port(p.port)),
      ' · ',
      el('span', `pl-range pl-range-${p.range.id}`, t.result.range(range.name, range.aka, t.span(p.range.first, p.range.last))),
    );
    box.append(head);
    if (p.services.length) {
      box.append(el('p', 'pl-label', t.result.services));
      const list = el('ul', 'pl-services');
      for (const s of p.services) {
        const li = el('li');
        li.append(el('code', undefined, s.name), ` (${s.protocol})`);
        if (s.aliases.length) li.append(`, ${t.aliasesOf(s.aliases.join(', '))}`);
        if (s.comment) li.append(`: ${s.comment}`);
        if (s.unofficial) li.append(` (${t.unofficial})`);
        list.append(li);
      }
      box.append(list);
    } else {
      box.append(el('p', 'pl-muted', p.range.id === 'dynamic' ? t.result.dynamicNone : `${t.result.none} ${t.result.trimmed}`));
    }
    box.append(el('p', 'pl-label', t.result.ephemeral));
    const eph = el('ul', 'pl-eph');
    for (const os of OSES) {
      const span = t.span(EPHEMERAL[os].first, EPHEMERAL[os].last);
      const li = el('li', p.ephemeral[os] ? 'pl-yes' : 'pl-no', (p.ephemeral[os] ? t.result.inRange : t.result.notInRange)(t.os[os]!, span));
      eph.append(li);
    }
    box.append(eph);
    if (p.seen.length) {
      box.append(el('p', 'pl-label', t.result.seen));
      const seen = el('ul', 'pl-seen');
      for (const s of p.seen) seen.append(el('li', undefined, t.result.seenAs(s.capture, t.role[s.role] ?? s.role, s.protocol)));
      box.append(seen);
    }
    return box;
  }

  #queryButton(query: string, label: string): HTMLButtonElement {
    const b = el('button', 'pl-chip', label);
    b.type = 'button';
    b.dataset.query = query;
    return b;
  }
}

if (!customElements.get('wb-port-lookup')) customElements.define('wb-port-lookup', PortLookupElement);
