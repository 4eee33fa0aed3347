// <wb-follow>: the Follow stream panel in the browser. The ASCII view comes
// from the server (lessons) or from the explorer's Worker; this element adds
// the hex dump and raw views, a download of each direction's bytes, and draws
// long streams a batch at a time as the reader scrolls.

import type { FollowRecord, FollowResult } from '../../decoder/analysis/follow-records.ts';
import type { FollowMode } from '../../decoder/stats/follow-text.ts';
import { toDom } from '../frame-panes/to-dom.ts';
import { chunksMarkup, DIRS, FIRST_CHUNKS, offsetsOf } from './follow-markup.ts';
import { followStream as t } from '../../lib/strings/followStream.ts';

const BATCH = FIRST_CHUNKS;

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
  #shown = 0;
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
    this.#shown = Math.min(this.#records.length, Math.max(this.#shown, BATCH));
    text.replaceChildren(...chunksMarkup(this.#records, mode, 0, this.#shown, this.#offsets).map(toDom));
    this.#watch();
  }

  /** Draw the next batch when the last drawn chunk scrolls into view. */
  #watch(): void {
    this.#observer?.disconnect();
    const records = this.#records;
    const more = this.querySelector<HTMLElement>('[data-follow-more]');
    if (!records || this.#shown >= records.length) {
      if (more) more.hidden = true;
      return;
    }
    if (more) {
      more.hidden = false;
      more.textContent = t.more(this.#shown, records.length);
    }
    const body = this.querySelector<HTMLElement>('[data-follow-body]');
    const last = this.#text()?.lastElementChild;
    if (!body || !last) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#more();
      },
      { root: body, rootMargin: '400px' },
    );
    this.#observer.observe(last);
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
    this.#watch();
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

if (!customElements.get('wb-follow')) customElements.define('wb-follow', FollowElement);
