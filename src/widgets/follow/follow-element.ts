// <wb-follow>: the Follow stream panel in the browser. The ASCII view comes
// from the server (lessons) or from the explorer's Worker; this element adds
// the hex dump and raw views, a download of each direction's bytes, and draws
// long streams a batch at a time as the reader scrolls, keeping at most
// WINDOW batches in the page: a batch scrolled far past leaves it, and a
// spacer of its height keeps the scroll position; scrolling back redraws it.

import type { FollowRecord, FollowResult } from '../../decoder/analysis/follow-records.ts';
import type { FollowMode } from '../../decoder/stats/follow-text.ts';
import { toDom } from '../frame-panes/to-dom.ts';
import { chunksMarkup, DIRS, FIRST_CHUNKS, offsetsOf } from './follow-markup.ts';
import { followStream as t } from '../../lib/strings/followStream.ts';

const BATCH = FIRST_CHUNKS;
/** Batches in the page at most (a stream of 700,000 segments would otherwise be 700,000 elements). */
const WINDOW = 3;
/** Pixels out of view past which a batch may leave: beyond the observers' 400 px margin, so it is not drawn again at once. */
const FAR = 1000;

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The records a server-rendered panel carries in its chunks. */
function recordsIn(root: HTMLElement): FollowRecord[] {
  return [...root.querySelectorAll<HTMLElement>('[data-follow-chunk]')].map((el) => {
    const r: FollowRecord = { node: el.dataset.dir === 'B' ? 1 : 0, frame: Number(el.dataset.frame), bytes: fromBase64(el.dataset.b64 ?? '') };
    if (el.dataset.missing !== undefined) r.missing = Number(el.dataset.missing);
    return r;
  });
}

export class FollowElement extends HTMLElement {
  #records?: FollowRecord[];
  #offsets: number[] = [];
  #mode: FollowMode = 'ascii';
  /** Records first (#from) to last + 1 (#shown) are drawn. */
  #from = 0;
  #shown = 0;
  /** Heights of the batches above #from that left the page, last left last. */
  #above: number[] = [];
  #observer?: IntersectionObserver;
  #wired = false;

  connectedCallback(): void {
    if (this.#wired) return;
    this.#wired = true;
    this.addEventListener('change', (e) => {
      const input = (e.target as HTMLElement).closest<HTMLInputElement>('input[data-follow-view]');
      if (input?.checked) this.#draw(input.value as FollowMode);
    });
    this.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-follow-download]');
      if (b) this.#download(b.dataset.followDownload === 'B' ? 1 : 0);
    });
    const controls = this.querySelector<HTMLElement>('[data-follow-controls]');
    if (controls) controls.hidden = false;
    if (!this.#records && this.querySelector('[data-follow-chunk]')) {
      this.#records = recordsIn(this);
      this.#offsets = offsetsOf(this.#records);
      this.#shown = this.#records.length;
    }
  }

  /** Show a stream the page fetched (the explorer): its first chunks now, the rest on scrolling. */
  show(f: FollowResult, shown: number): void {
    this.#records = f.records;
    this.#offsets = offsetsOf(f.records);
    this.#from = 0;
    this.#shown = shown;
    this.#watch();
  }

  #text(): HTMLElement | null {
    return this.querySelector<HTMLElement>('[data-follow-text]');
  }

  #draw(mode: FollowMode): void {
    const text = this.#text();
    if (!text || !this.#records) return;
    this.#mode = mode;
    text.dataset.view = mode;
    // A new view starts at the top, its first batches drawn.
    this.#from = 0;
    this.#above = [];
    this.#spacer()?.style.removeProperty('height');
    this.#shown = Math.min(this.#records.length, Math.max(Math.min(this.#shown, WINDOW * BATCH), BATCH));
    text.replaceChildren(...chunksMarkup(this.#records, mode, 0, this.#shown, this.#offsets).map(toDom));
    this.#watch();
  }

  /** The block above the text that stands for the batches that left the page (made on first need). */
  #spacer(): HTMLElement | null {
    const text = this.#text();
    let spacer = this.querySelector<HTMLElement>('[data-follow-spacer]');
    if (!spacer && text) {
      spacer = document.createElement('div');
      spacer.dataset.followSpacer = '';
      spacer.setAttribute('aria-hidden', 'true');
      text.before(spacer);
    }
    return spacer;
  }

  /** Draw the next batch when the last drawn chunk scrolls into view, the previous one when the first does. */
  #watch(): void {
    this.#observer?.disconnect();
    const records = this.#records;
    const more = this.querySelector<HTMLElement>('[data-follow-more]');
    const after = !!records && this.#shown < records.length;
    if (more) {
      more.hidden = !after;
      if (records && after) more.textContent = t.more(this.#shown, records.length);
    }
    const body = this.querySelector<HTMLElement>('[data-follow-body]');
    const text = this.#text();
    if (!records || !body || !text || (!after && this.#from === 0)) return;
    // The first and last chunks drawn (a run of one sender may be the whole text: watch chunks, not runs).
    const first = text.firstElementChild?.firstElementChild;
    const last = text.lastElementChild?.lastElementChild;
    this.#observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          if (e.target === last && after) return this.#more();
          if (e.target === first && this.#from > 0) return this.#back();
          if (e.target === spacer && this.#from > 0) return this.#jump(body);
        }
      },
      { root: body, rootMargin: '400px' },
    );
    const spacer = this.#spacer();
    if (last && after) this.#observer.observe(last);
    if (first && this.#from > 0) this.#observer.observe(first);
    // A jump into the stretch that left the page (Home, the scroll bar) lands on the spacer.
    if (spacer && this.#from > 0) this.#observer.observe(spacer);
  }

  #more(): void {
    const text = this.#text();
    const records = this.#records;
    if (!text || !records) return;
    const from = this.#shown;
    this.#shown = Math.min(records.length, from + BATCH);
    const runs = chunksMarkup(records, this.#mode, from, this.#shown, this.#offsets).map(toDom);
    // A sender's run that the batch boundary cut carries on in the same block.
    const tail = text.lastElementChild as HTMLElement | null;
    if (this.#mode === 'ascii' && tail && runs[0] && tail.dataset.dir === runs[0].dataset.dir) tail.append(...runs.shift()!.childNodes);
    text.append(...runs);
    // Too many batches: the first leaves once it is far above the view, its height kept by the
    // spacer so nothing in view moves. (Batches of tiny chunks stay until they are that far.)
    if (this.#shown - this.#from > WINDOW * BATCH && this.#farAbove(text, BATCH - 1)) {
      const before = text.getBoundingClientRect().height;
      removeChunks(text, 0, BATCH);
      const gone = before - text.getBoundingClientRect().height;
      this.#above.push(gone);
      this.#from += BATCH;
      this.#setSpacer();
    }
    this.#watch();
  }

  /** The batch before the first drawn one comes back, and the last drawn batch leaves. */
  #back(): void {
    const text = this.#text();
    const records = this.#records;
    if (!text || !records || this.#from === 0) return;
    const to = this.#from;
    this.#from = Math.max(0, to - BATCH);
    const runs = chunksMarkup(records, this.#mode, this.#from, to, this.#offsets).map(toDom);
    const head = text.firstElementChild as HTMLElement | null;
    const joined = runs[runs.length - 1];
    if (this.#mode === 'ascii' && head && joined && head.dataset.dir === joined.dataset.dir) head.prepend(...runs.pop()!.childNodes);
    text.prepend(...runs);
    this.#above.pop();
    this.#setSpacer();
    const drawn = this.#shown - this.#from;
    const cut = drawn - WINDOW * BATCH;
    if (cut > 0 && this.#farBelow(text, drawn - cut)) {
      removeChunks(text, drawn - cut, cut);
      this.#shown -= cut;
    }
    this.#watch();
  }

  /** Whether drawn chunk i ends well above the view (past the observers' margin). */
  #farAbove(text: HTMLElement, i: number): boolean {
    const body = this.querySelector<HTMLElement>('[data-follow-body]');
    const chunk = text.querySelectorAll('[data-follow-chunk]')[i];
    return !!body && !!chunk && chunk.getBoundingClientRect().bottom < body.getBoundingClientRect().top - FAR;
  }

  /** Whether drawn chunk i starts well below the view. */
  #farBelow(text: HTMLElement, i: number): boolean {
    const body = this.querySelector<HTMLElement>('[data-follow-body]');
    const chunk = text.querySelectorAll('[data-follow-chunk]')[i];
    return !!body && !!chunk && chunk.getBoundingClientRect().top > body.getBoundingClientRect().bottom + FAR;
  }

  /** Draw the batches where the view now is, inside the spacer: found from the heights they had. */
  #jump(body: HTMLElement): void {
    const text = this.#text();
    const spacer = this.#spacer();
    const records = this.#records;
    if (!text || !spacer || !records) return;
    // How far into the spacer the top of the view is.
    const y = body.getBoundingClientRect().top - spacer.getBoundingClientRect().top;
    let k = 0;
    for (let sum = 0; k < this.#above.length && sum + this.#above[k] <= y; k++) sum += this.#above[k];
    this.#above = this.#above.slice(0, k);
    this.#from = k * BATCH;
    this.#shown = Math.min(records.length, this.#from + WINDOW * BATCH);
    text.replaceChildren(...chunksMarkup(records, this.#mode, this.#from, this.#shown, this.#offsets).map(toDom));
    this.#setSpacer();
    this.#watch();
  }

  #setSpacer(): void {
    const spacer = this.#spacer();
    if (spacer) spacer.style.height = `${this.#above.reduce((a, b) => a + b, 0)}px`;
  }

  #download(node: 0 | 1): void {
    const parts = (this.#records ?? []).filter((r) => r.node === node && r.missing === undefined).map((r) => r.bytes);
    const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.dataset.proto ?? 'tcp'}-stream-${this.dataset.stream ?? 0}-${DIRS[node]}.bin`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Removes `count` chunks from the `from`th drawn one, and the runs they leave empty. */
function removeChunks(text: HTMLElement, from: number, count: number): void {
  const chunks = text.querySelectorAll('[data-follow-chunk]');
  for (let i = from; i < Math.min(chunks.length, from + count); i++) {
    const run = chunks[i].parentElement;
    chunks[i].remove();
    if (run && run !== text && run.childElementCount === 0) run.remove();
  }
}

if (!customElements.get('wb-follow')) customElements.define('wb-follow', FollowElement);
