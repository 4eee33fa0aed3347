// <wb-packet-viewer>: takes over the server-rendered viewer and links the
// packet list, the field tree and the bytes to each other and to the
// capture's selection bus (other widgets, FrameLinks in the prose, and the
// URL hash). The frame rendered at build time is interactive at once, read
// back from the page (outline.ts); the decoder (a chunk of its own) is
// imported on first need: another frame, raw sequence numbers, or a reader
// reaching for the packet list or the steps. Until it arrives the list and
// the steps follow at once and the panes wait (aria-busy).
import type { OpenedCapture } from '../../decoder/open-capture.ts';
import type { DataSource, Field } from '../../decoder/types.ts';
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import { captureFrom } from '../shared/capture-source.ts';
import { parseDeepLink } from '../shared/deep-link.ts';
import { installFrameLinks, reducedMotion } from '../shared/frame-link.ts';
import { selectionFor, type Selection, type SelectionBus } from '../shared/selection.ts';
import { flag, scrollWithin } from '../frame-panes/dom.ts';
import { findPath, type FieldPath } from '../frame-panes/field-at.ts';
import { FramePanes } from '../frame-panes/frame-panes.ts';
import { hexDump } from '../frame-panes/hex-dump.ts';
import { findingsMarkup, frameNotesMarkup } from '../frame-panes/notes-markup.ts';
import { readRender, type RenderedFrame } from '../frame-panes/read-render.ts';
import { toDom } from '../frame-panes/to-dom.ts';
import { showSentences } from '../frame-panes/sentence-text-dom.ts';
import { TreeTools } from '../frame-panes/tree-tools.ts';
import { clampFrame, rangeOfRows, type FrameRange } from '../../lib/frame-range.ts';
import { findingsOf, notesFor, type Annotation, type Note } from './notes.ts';
import { absoluteSeq } from './seq-mode.ts';
import { columnTimes, isTimeMode, type TimeMode } from './time-format.ts';

const t = packetViewer;
const PLAY_STEP_MS = 900;

/** How to show a frame: a field to select in it (by path, or by name and offset), and whether to tell the bus. */
interface ShowOptions {
  name?: string;
  offset?: number;
  path?: FieldPath;
  publish?: boolean;
  /** Announce the frame even if it is already the current one (its panes were waiting). */
  announce?: boolean;
}

/** What the panes show for one frame. */
interface FrameView {
  tree: Field[];
  data: Uint8Array;
  /** Bytes besides the frame's, such as a reassembled PDU (Wireshark's extra bytes tabs). */
  sources: DataSource[];
  notes: Note[];
  /** The frame of the server render: its notes and findings are on the page already. */
  rendered: boolean;
}

class PacketViewerElement extends HTMLElement {
  #capture?: OpenedCapture;
  #loading = false;
  /** Work that needs the decoder, in the order it was asked for. */
  #queue: (() => void)[] = [];
  /** The frame the server rendered, read back from the page. */
  #rendered?: RenderedFrame & { frame: number };
  /** Set while the current frame's panes wait for the decoder: how to show it then. */
  #waiting?: ShowOptions;
  #started = false;
  #bus?: SelectionBus;
  #range: FrameRange = { first: 1, last: 1 };
  #frame = 1;
  #timeMode: TimeMode = 'relative';
  #relative = true;
  #timer?: ReturnType<typeof setInterval>;
  #annotations: Annotation[] = [];
  #cleanup: (() => void)[] = [];
  /** The details tree and bytes, once the viewer has taken over from the server render. */
  #panes?: FramePanes;
  #tools?: TreeTools;
  /** Puts a frame into words, once its module has loaded. */
  #sayer?: (capture: OpenedCapture, n: number) => string[];

  // Parts of the server render.
  #list!: HTMLTableElement;
  #treeEl!: HTMLElement;
  #hex!: HTMLElement;
  #live!: HTMLElement;

  connectedCallback(): void {
    const capture = this.dataset.capture ?? '';
    this.#bus = selectionFor(capture);
    this.#frame = Number(this.dataset.frame) || 1;
    try {
      this.#annotations = JSON.parse(this.dataset.annotations ?? '[]') as Annotation[];
    } catch {
      this.#annotations = [];
    }
    this.#list = this.querySelector('[data-list]')!;
    this.#treeEl = this.querySelector('[data-tree]')!;
    this.#hex = this.querySelector('[data-hex]')!;
    this.#live = this.querySelector('[data-live]')!;
    this.#range = rangeOfRows(this.#rows().map((r) => Number(r.dataset.frame)));
    const rendered = readRender(this.#treeEl, this.#hex);
    const frame = Number(this.dataset.frame);
    this.#rendered = rendered && Number.isInteger(frame) ? { ...rendered, frame } : undefined;
    installFrameLinks();
    // A reader reaching for the list or the steps will want other frames: fetch the decoder now.
    for (const part of [this.querySelector('[data-list-box]'), this.querySelector('[data-toolbar]')]) {
      if (part) for (const type of ['pointerenter', 'focusin'] as const) this.#on(part, type, () => this.#need());
    }
    if (this.#rendered && this.#wanted() === this.#rendered.frame) this.#start();
    else {
      this.setAttribute('aria-busy', 'true');
      this.#need();
    }
  }

  /** The frame the viewer opens at: the hash's, else what another widget selected, else its own. */
  #wanted(): number {
    const inRange = (n: number) => n >= this.#range.first && n <= this.#range.last;
    const link = parseDeepLink(location.hash);
    if (link && (!link.capture || link.capture === this.dataset.capture) && inRange(link.frame)) return link.frame;
    const current = this.#bus?.current;
    if (current && inRange(current.frame)) return current.frame;
    return clampFrame(this.#frame, this.#range);
  }

  /** Import the decoder and open the capture (once); then start, or show the frame that waits, and run the queue. */
  #need(): void {
    if (this.#capture || this.#loading) return;
    this.#loading = true;
    captureFrom(this.dataset.src ?? '').then(
      (opened) => {
        this.#loading = false;
        this.#capture = opened;
        if (!this.#started) this.#start();
        else if (this.#waiting) this.#showFrame(this.#frame, this.#waiting);
        for (const job of this.#queue.splice(0)) job();
      },
      () => {
        this.#loading = false;
        this.#queue = [];
        this.removeAttribute('aria-busy');
        this.#live.textContent = t.loadFailed;
      },
    );
  }

  /** Run now if the decoder is here, else once it is. */
  #withCapture(job: () => void): void {
    if (this.#capture) return job();
    this.#queue.push(job);
    this.#need();
  }

  disconnectedCallback(): void {
    this.#stop();
    this.#panes?.disconnect();
    for (const off of this.#cleanup.splice(0)) off();
  }

  #on<K extends keyof WindowEventMap>(target: EventTarget, type: K, handler: (e: WindowEventMap[K]) => void): void {
    target.addEventListener(type, handler as EventListener);
    this.#cleanup.push(() => target.removeEventListener(type, handler as EventListener));
  }

  // ---- start-up -----------------------------------------------------------

  #start(): void {
    this.#started = true;
    this.removeAttribute('aria-busy');
    this.#upgrade();
    const bus = this.#bus!;
    this.#cleanup.push(bus.subscribe((sel, source) => source !== this && this.#follow(sel, false)));
    this.#on(window, 'hashchange', () => this.#fromHash(true));
    // Its own first frame stays its own: a header diagram or ladder of the same
    // capture keeps the frame its lesson gave it until the reader selects one.
    this.#showFrame(clampFrame(this.#frame, this.#range), { publish: false });
    // The hash, or whatever another widget selected before the capture arrived.
    this.#fromHash(false);
    if (bus.current) this.#follow(bus.current, false);
  }

  /** Turn the static render into the interactive one: roles, tab stops, tools. */
  #upgrade(): void {
    const box = this.querySelector<HTMLElement>('[data-list-box]')!;
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-label');
    Object.assign(this.#list, { tabIndex: 0 });
    this.#list.setAttribute('role', 'grid');
    this.#list.setAttribute('aria-readonly', 'true');
    for (const row of this.#rows()) row.setAttribute('aria-selected', 'false');
    // The tree's items take focus now: its box needs no tab stop of its own.
    const details = this.querySelector<HTMLElement>('[data-details-box]')!;
    for (const a of ['tabindex', 'role', 'aria-labelledby']) details.removeAttribute(a);
    const panes = new FramePanes(
      {
        tree: this.#treeEl,
        hex: this.#hex,
        sources: this.querySelector<HTMLElement>('[data-sources]')!,
        fieldbar: this.querySelector<HTMLElement>('[data-fieldbar]')!,
      },
      this.id,
    );
    // A field the reader chooses in the panes goes to the other widgets (header diagrams, ladders, the URL).
    panes.onChange = (_field, byReader) => byReader && this.#publish();
    this.#panes = panes;
    this.#tools = new TreeTools(this.querySelector<HTMLElement>('[data-tree-tools]')!, panes);

    const toolbar = this.querySelector<HTMLElement>('[data-toolbar]')!;
    toolbar.hidden = false;
    this.#on(toolbar, 'click', (e) => {
      const step = (e.target as Element).closest<HTMLElement>('[data-step]')?.dataset.step;
      if (step) this.#step(step);
    });
    const mode = this.querySelector<HTMLSelectElement>('[data-time-mode]')!;
    this.#on(mode, 'change', () => {
      if (isTimeMode(mode.value)) this.#timeMode = mode.value;
      this.#updateTimes();
    });
    // The server render shows the toggle only when some frame has relative numbers.
    const seq = this.querySelector<HTMLInputElement>('[data-relative-seq]')!;
    this.#on(seq, 'change', () =>
      this.#withCapture(() => {
        this.#relative = seq.checked;
        this.#updateInfo();
        this.#showFrame(this.#frame, { path: this.#panes!.path, publish: false });
      }),
    );
    this.#on(this.querySelector('[data-copy-hex]')!, 'click', () => (this.#waiting ? this.#withCapture(() => void this.#copyHex()) : void this.#copyHex()));
    this.#on(this.#list, 'keydown', (e) => this.#listKey(e));

    this.#on(this.#list, 'click', (e) => {
      const row = (e.target as Element).closest<HTMLElement>('tr[data-frame]');
      if (!row) return;
      this.#stop();
      this.#showFrame(Number(row.dataset.frame));
      this.#list.focus({ preventScroll: true });
    });
  }

  #fromHash(scroll: boolean): boolean {
    const link = parseDeepLink(location.hash);
    if (!link || (link.capture && link.capture !== this.dataset.capture)) return false;
    if (link.frame < this.#range.first || link.frame > this.#range.last) return false;
    this.#bus!.select({ frame: link.frame, field: link.field }, undefined);
    const first = document.querySelector(`wb-packet-viewer[data-capture="${CSS.escape(this.dataset.capture ?? '')}"]`);
    if (scroll && first === this) this.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
    return true;
  }

  // ---- frames -------------------------------------------------------------

  #rows(): HTMLTableRowElement[] {
    return [...this.#list.tBodies[0].rows];
  }

  #rowOf(n: number): HTMLTableRowElement | undefined {
    return this.#rows().find((r) => Number(r.dataset.frame) === n);
  }

  /** Another widget (or a link) chose a frame or a field: show it, without echoing it back. */
  #follow(sel: Selection, publish: boolean): void {
    if (sel.frame < this.#range.first || sel.frame > this.#range.last) return;
    const path = (tree: Field[]) => (sel.field ? findPath(tree, sel.field, sel.offset) : undefined);
    if (sel.frame !== this.#frame) this.#showFrame(sel.frame, { name: sel.field, offset: sel.offset, publish });
    else if (this.#waiting) this.#waiting = { ...this.#waiting, name: sel.field, offset: sel.offset, path: undefined, publish };
    else {
      this.#panes!.select(path(this.#panes!.tree), { scroll: true });
      if (publish) this.#publish();
    }
  }

  /** Frame n's panes: from the decoder, or from the server render while that is all there is; undefined if they must wait. */
  #view(n: number): FrameView | undefined {
    const capture = this.#capture;
    if (capture) {
      const d = capture.dissect(n);
      const tree = this.#relative ? d.tree : absoluteSeq(d.tree, d.columns.info, d.layers.tcp).tree;
      return { tree, data: capture.data(n), sources: d.sources, notes: notesFor(n, tree, this.#annotations, capture.frames[n - 1]), rendered: false };
    }
    const r = this.#rendered;
    if (!r || r.frame !== n || !this.#relative) return undefined;
    // A reassembled PDU's bytes are not on the page: that frame needs the decoder.
    if (r.hasSources) return undefined;
    // Packet comments are frame notes, already on the page: the tree needs only the field notes.
    return { tree: r.tree, data: r.data, sources: [], notes: notesFor(n, r.tree, this.#annotations, undefined), rendered: true };
  }

  /** Show frame n in all three panes (the list at once, the others when the frame is at hand); optionally select a field in it. */
  #showFrame(n: number, opts: ShowOptions = {}): void {
    n = clampFrame(n, this.#range);
    const changed = n !== this.#frame || !!opts.announce;
    this.#frame = n;
    this.dataset.frame = String(n);

    for (const row of this.#rows()) {
      const on = Number(row.dataset.frame) === n;
      row.setAttribute('aria-selected', String(on));
      flag(row, 'data-selected', on);
    }
    const row = this.#rowOf(n);
    if (row) {
      this.#list.setAttribute('aria-activedescendant', row.id);
      scrollWithin(this.#list.parentElement!, row, !reducedMotion());
    }
    this.querySelector('[data-position]')!.textContent = t.position(n, this.#range.first, this.#range.last);
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-step="first"], [data-step="previous"]')) b.disabled = n <= this.#range.first;
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-step="next"], [data-step="last"]')) b.disabled = n >= this.#range.last;

    const view = this.#view(n);
    if (!view) {
      // The panes wait for the decoder; nothing in them is this frame's yet.
      this.#waiting = { ...opts, announce: changed || this.#waiting?.announce };
      this.setAttribute('aria-busy', 'true');
      this.#panes!.paused = true;
      this.#panes!.select(undefined);
      // Other widgets can follow the frame now; a field is published once the tree is here.
      if (opts.publish !== false && !opts.name && !opts.path) this.#bus?.select({ frame: n }, this);
      this.#need();
      return;
    }
    if (this.#waiting) {
      this.#waiting = undefined;
      this.removeAttribute('aria-busy');
    }
    if (!view.rendered) this.#renderNotes(view);
    const panes = this.#panes!;
    panes.paused = false;
    const path = opts.path ?? (opts.name ? findPath(view.tree, opts.name, opts.offset) : undefined);
    panes.show(view, { path, notes: new Map(view.notes.filter((n) => n.path).map((n) => [n.path!, n.text])) });
    this.#tools?.refresh();
    if (!view.rendered) this.#say(n);
    if (changed && row) {
      // The row's cells are the packet list's summary, with the Info the list shows.
      const [source, destination, protocol] = [2, 3, 4].map((i) => row.cells[i]?.textContent ?? '');
      this.#live.textContent = t.frameAnnounce(n, `${source} → ${destination}, ${protocol}, ${row.querySelector('[data-info]')?.textContent ?? ''}`);
    }
    if (opts.publish !== false) this.#publish();
  }

  /** Frame n in plain words (the server render has its own frame's already): the words load with the first other frame. */
  #say(n: number): void {
    const capture = this.#capture;
    const region = this.querySelector<HTMLElement>('[data-sentence]')!;
    if (!capture) return;
    if (this.#sayer) return showSentences(region, this.#sayer(capture, n));
    // Not another frame's words meanwhile.
    region.replaceChildren();
    import('../frame-panes/sentence-for.ts').then(
      ({ sentenceLinesFor }) => {
        this.#sayer = sentenceLinesFor;
        if (this.#frame === n) showSentences(region, sentenceLinesFor(capture, n));
      },
      // The chunk did not arrive (offline): the region stays empty, the next frame asks again.
      () => undefined,
    );
  }

  #publish(): void {
    const f = this.#panes?.field;
    const sel: Selection = { frame: this.#frame };
    if (f) Object.assign(sel, { field: f.name || undefined, offset: f.offset, length: f.length });
    this.#bus?.select(sel, this);
  }

  #info(n: number): string {
    const d = this.#capture!.dissect(n);
    return this.#relative ? d.columns.info : absoluteSeq(d.tree, d.columns.info, d.layers.tcp).info;
  }

  /** The Time cells follow the time mode, from the timestamps the server render holds (ns since the first frame). */
  #updateTimes(): void {
    const rows = this.#rows();
    const ns = (s: string | undefined) => (s && /^-?\d+$/.test(s) ? BigInt(s) : undefined);
    const first = ns(this.dataset.t0);
    const since = rows.map((r) => ns(r.dataset.dt));
    if (first === undefined || since.some((s) => s === undefined)) return;
    const before = ns(this.dataset.dtBefore);
    const texts = columnTimes(
      this.#timeMode,
      (since as bigint[]).map((dt) => first + dt),
      first,
      before === undefined ? undefined : first + before,
    );
    for (const [i, row] of rows.entries()) row.querySelector('[data-time]')!.textContent = row.dataset.noTime ? '' : texts[i];
  }

  /** The Info cells follow the sequence-number view (needs the decoder). */
  #updateInfo(): void {
    for (const row of this.#rows()) row.querySelector('[data-info]')!.textContent = this.#info(Number(row.dataset.frame));
  }

  #step(step: string): void {
    if (step === 'play') {
      if (this.#timer) return this.#stop();
      if (this.#frame >= this.#range.last) this.#showFrame(this.#range.first);
      this.querySelector('[data-step="play"]')!.setAttribute('aria-pressed', 'true');
      this.querySelector('[data-step="play"]')!.setAttribute('aria-label', t.pause);
      this.#timer = setInterval(() => {
        this.#showFrame(this.#frame + 1);
        if (this.#frame >= this.#range.last) this.#stop();
      }, PLAY_STEP_MS);
      return;
    }
    this.#stop();
    const to = { first: this.#range.first, previous: this.#frame - 1, next: this.#frame + 1, last: this.#range.last }[step];
    if (to !== undefined) this.#showFrame(to);
  }

  #stop(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    const play = this.querySelector('[data-step="play"]');
    play?.setAttribute('aria-pressed', 'false');
    play?.setAttribute('aria-label', t.play);
  }

  #listKey(e: KeyboardEvent): void {
    const page = 10;
    const to: Record<string, number> = {
      ArrowDown: this.#frame + 1,
      ArrowUp: this.#frame - 1,
      PageDown: this.#frame + page,
      PageUp: this.#frame - page,
      Home: this.#range.first,
      End: this.#range.last,
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      this.#panes!.focusTree();
      return;
    }
    if (!(e.key in to)) return;
    e.preventDefault();
    this.#stop();
    this.#showFrame(to[e.key]);
  }

  async #copyHex(): Promise<void> {
    try {
      await navigator.clipboard.writeText(hexDump(this.#panes!.data));
      this.#live.textContent = t.copied(this.#frame);
    } catch {
      this.#live.textContent = t.copyFailed;
    }
    this.#panes!.message(this.#live.textContent);
  }

  // ---- notes --------------------------------------------------------------

  /** The frame's notes and findings above the tree (the server render's frame has its own already). */
  #renderNotes(view: FrameView): void {
    this.querySelector<HTMLElement>('[data-notes]')!.replaceChildren(...frameNotesMarkup(view.notes).map(toDom));
    const findings = findingsOf(view.tree);
    const panel = this.querySelector<HTMLElement>('[data-findings]')!;
    panel.hidden = findings.length === 0;
    panel.querySelector('ul')!.replaceChildren(...findingsMarkup(findings).map(toDom));
  }
}

if (!customElements.get('wb-packet-viewer')) customElements.define('wb-packet-viewer', PacketViewerElement);
