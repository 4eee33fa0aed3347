// <wb-search>: opens a dialog and searches the Pagefind index of the built
// site. The index and its script are fetched on first open, never before.
import { search } from '../../lib/strings/search.ts';
import { excerptParts } from './safe-excerpt.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  options(o: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;

class WirebookSearch extends HTMLElement {
  #pagefind?: Promise<Pagefind>;
  #dialog!: HTMLDialogElement;
  #input!: HTMLInputElement;
  #status!: HTMLElement;
  #results!: HTMLOListElement;

  connectedCallback(): void {
    const open = this.querySelector<HTMLButtonElement>('[data-open]')!;
    this.#dialog = this.querySelector('dialog')!;
    this.#input = this.querySelector('[data-input]')!;
    this.#status = this.querySelector('[data-status]')!;
    this.#results = this.querySelector('[data-results]')!;
    open.hidden = false;
    open.addEventListener('click', () => this.open());
    this.querySelector('[data-close]')!.addEventListener('click', () => this.#dialog.close());
    this.querySelector('[data-form]')!.addEventListener('submit', (e) => e.preventDefault());
    this.#input.addEventListener('input', () => void this.search(this.#input.value));
    // Escape closes at once, even from the search field (which would
    // otherwise spend the first Escape on clearing itself).
    this.#dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.#dialog.close();
      }
    });
    this.#dialog.addEventListener('click', (e) => {
      if (e.target === this.#dialog) this.#dialog.close();
    });
    document.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (e.key === '/' && !typing && !this.#dialog.open) {
        e.preventDefault();
        this.open();
      }
    });
  }

  open(): void {
    this.#dialog.showModal();
    this.#input.focus();
    this.#load().catch(() => {
      this.#status.textContent = search.failed;
    });
  }

  #load(): Promise<Pagefind> {
    if (!this.#pagefind) {
      const bundle = this.dataset.bundle ?? '/pagefind/';
      this.#status.textContent = search.loading;
      this.#pagefind = (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
        // Result URLs are indexed from the site root; prefix them with the base path.
        await pf.options({ baseUrl: this.dataset.base ?? '/', excerptLength: 24 });
        if (this.#status.textContent === search.loading) this.#status.textContent = '';
        return pf;
      });
      this.#pagefind.catch(() => {
        this.#pagefind = undefined;
      });
    }
    return this.#pagefind;
  }

  async search(term: string): Promise<void> {
    const query = term.trim();
    if (!query) {
      this.#results.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    let pf: Pagefind;
    try {
      pf = await this.#load();
    } catch {
      this.#status.textContent = search.failed;
      return;
    }
    const found = await pf.debouncedSearch(query);
    if (found === null || query !== this.#input.value.trim()) return; // a newer search superseded this one
    const data = await Promise.all(found.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    this.#results.replaceChildren(...data.map(resultItem));
    this.#status.textContent = data.length ? search.count(found.results.length) : search.none(query);
  }
}

function resultItem(result: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = result.url;
  a.textContent = result.meta.title ?? result.url;
  const p = document.createElement('p');
  for (const part of excerptParts(result.excerpt)) {
    if (part.marked) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      p.append(mark);
    } else {
      p.append(part.text);
    }
  }
  li.append(a, p);
  return li;
}

customElements.define('wb-search', WirebookSearch);
