// The explorer's Follow stream pane: asks the Worker for a stream's follow
// records and shows them in the lessons' <wb-follow> panel, whose code loads
// only when a stream is first followed.

import type { FollowResult } from '../../decoder/analysis/follow-records.ts';
import { explorer as t } from '../../lib/strings/explorer.ts';

export class FollowPane {
  readonly #section: HTMLElement;
  readonly #slot: HTMLElement;
  readonly #fetch: (proto: 'tcp' | 'udp', stream: number) => Promise<FollowResult>;
  #ticket = 0;

  constructor(root: HTMLElement, fetch: (proto: 'tcp' | 'udp', stream: number) => Promise<FollowResult>) {
    this.#section = root.querySelector<HTMLElement>('[data-follow-section]')!;
    this.#slot = root.querySelector<HTMLElement>('[data-follow-pane]')!;
    this.#fetch = fetch;
  }

  reset(): void {
    this.#ticket++;
    this.#slot.replaceChildren();
    this.#section.hidden = true;
  }

  async show(proto: 'tcp' | 'udp', stream: number): Promise<void> {
    const ticket = ++this.#ticket;
    // A long stream takes a while to gather: say so at once, where the panel will be.
    const wait = document.createElement('p');
    wait.setAttribute('role', 'status');
    wait.textContent = t.following(proto, stream);
    this.#slot.replaceChildren(wait);
    this.#section.hidden = false;
    const gather = () =>
      Promise.all([
        this.#fetch(proto, stream),
        import('../follow/follow-markup.ts'),
        import('../frame-panes/to-dom.ts'),
        import('../follow/follow-element.ts'),
      ]);
    let got: Awaited<ReturnType<typeof gather>>;
    try {
      got = await gather();
    } catch (e) {
      // Another capture or stream replaced this one: its failure (a cancelled gathering) is no one's concern.
      if (ticket !== this.#ticket) return;
      throw e;
    }
    const [f, markup, dom] = got;
    if (ticket !== this.#ticket) return;
    const el = document.createElement('wb-follow') as import('../follow/follow-element.ts').FollowElement;
    el.dataset.follow = '';
    el.dataset.proto = proto;
    el.dataset.stream = String(stream);
    const shown = Math.min(markup.FIRST_CHUNKS, f.records.length);
    el.append(...markup.followPanelMarkup(f, { id: `ex-fs-${proto}-${stream}` }, shown).map(dom.toDom));
    // Given its records before it joins the page, so it never reads them back from the markup.
    el.show(f, shown);
    this.#slot.replaceChildren(el);
    this.#section.hidden = false;
    this.#section.scrollIntoView({ block: 'start' });
    el.querySelector<HTMLElement>('[data-follow-body]')?.focus({ preventScroll: true });
  }
}
