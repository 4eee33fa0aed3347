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
import { en } from '../../../content/strings/en.ts';
import { captureFrom } from '../shared/capture-source.ts';
import { parseDeepLink } from '../shared/deep-link.ts';
import { installFrameLinks, reducedMotion } from '../shared/frame-link.ts';
import { selectionFor, type Selection, type SelectionBus } from '../shared/selection.ts';
import { el, flag, scrollWithin } from '../frame-panes/dom.ts';
import { bitMasks, fieldAt, fieldAtPath, findPath, owns, parentPath, walk, type FieldPath } from '../frame-panes/field-at.ts';
import { clampFrame, rangeOfRows, type FrameRange } from './frame-range.ts';
import { asciiChar, hexByte, hexDump, offsetText } from '../frame-panes/hex-dump.ts';
import { byteLayers, layerOf } from '../frame-panes/layers.ts';
import { findingsOf, notesFor, type Annotation, type Note } from './notes.ts';
import { bytesFromHex, outlineNode, treeFromOutline, type OutlineNode } from '../frame-panes/outline.ts';
import { absoluteSeq } from './seq-mode.ts';
import { columnTimes, isTimeMode, type TimeMode } from './time-format.ts';

const t = en.viewer;
const PLAY_STEP_MS = 900;

/** The key a subtree's open/closed state is remembered by across frames, as Wireshark does. */
const keyOf = (f: Field) => f.name || `:${f.label || f.display}`;

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
  #rendered?: { frame: number; tree: Field[]; data: Uint8Array; hasSources: boolean };
  /** Set while the current frame's panes wait for the decoder: how to show it then. */
  #waiting?: ShowOptions;
  #started = false;
  #bus?: SelectionBus;
  #range: FrameRange = { first: 1, last: 1 };
  #frame = 1;
  #tree: Field[] = [];
  #data: Uint8Array = new Uint8Array();
  #sources: DataSource[] = [];
  /** The data source the bytes pane shows; undefined for the frame. */
  #source: string | undefined;
  #sourceTabs!: HTMLElement;
  #notes: Note[] = [];
  #path?: FieldPath;
  #cursor = 0;
  #open = new Set<string>();
  #closed = new Set<string>();
  #timeMode: TimeMode = 'relative';
  #relative = true;
  #perLine = 16;
  #timer?: ReturnType<typeof setInterval>;
  #annotations: Annotation[] = [];
  #cleanup: (() => void)[] = [];
  #bytes: HTMLElement[] = [];
  #ascii: HTMLElement[] = [];

  // Parts of the server render.
  #list!: HTMLTableElement;
  #treeEl!: HTMLElement;
  #hex!: HTMLElement;
  #fieldbar!: HTMLElement;
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
    this.#sourceTabs = this.querySelector('[data-sources]')!;
    this.#fieldbar = this.querySelector('[data-fieldbar]')!;
    this.#live = this.querySelector('[data-live]')!;
    this.#range = rangeOfRows(this.#rows().map((r) => Number(r.dataset.frame)));
    this.#rendered = this.#readRender();
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

  /** The server-rendered frame: its tree from the tree's lines, its bytes from the hex cells. */
  #readRender(): { frame: number; tree: Field[]; data: Uint8Array; hasSources: boolean } | undefined {
    const frame = Number(this.dataset.frame);
    const nodes: OutlineNode[] = [];
    for (const li of this.#treeEl.querySelectorAll<HTMLElement>(':scope > li[data-path]')) {
      const node = outlineNode(li.dataset, li.querySelector('.pv-line')?.textContent ?? '');
      if (!node) return undefined;
      nodes.push(node);
    }
    const tree = treeFromOutline(nodes);
    const data = bytesFromHex([...this.#hex.querySelectorAll('[data-offset]')].map((b) => b.textContent ?? ''));
    const hasSources = nodes.some((n) => n.source !== undefined);
    return tree?.length && data && Number.isInteger(frame) ? { frame, tree, data, hasSources } : undefined;
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
    this.#treeEl.setAttribute('role', 'tree');
    this.#treeEl.setAttribute('aria-label', t.details);
    this.#hex.setAttribute('role', 'grid');
    this.#hex.setAttribute('aria-readonly', 'true');

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
        this.#showFrame(this.#frame, { path: this.#path, publish: false });
      }),
    );
    this.#on(this.querySelector('[data-copy-hex]')!, 'click', () => (this.#waiting ? this.#withCapture(() => void this.#copyHex()) : void this.#copyHex()));

    this.#on(this.#list, 'click', (e) => {
      const row = (e.target as Element).closest<HTMLElement>('tr[data-frame]');
      if (!row) return;
      this.#stop();
      this.#showFrame(Number(row.dataset.frame));
      this.#list.focus({ preventScroll: true });
    });
    this.#on(this.#list, 'keydown', (e) => this.#listKey(e));
    // The panes hold the previous frame while the current one waits: they take no input then.
    this.#on(this.#treeEl, 'click', (e) => this.#waiting || this.#treeClick(e));
    this.#on(this.#treeEl, 'keydown', (e) => this.#waiting || this.#treeKey(e));
    this.#on(this.#treeEl, 'mouseover', (e) => {
      if (this.#waiting) return;
      const node = (e.target as Element).closest<HTMLElement>('[data-path]');
      const f = node && fieldAtPath(this.#tree, node.dataset.path!);
      this.#hover(f && f.length > 0 && f.source === this.#source ? { from: f.offset, to: f.offset + f.length } : undefined);
    });
    this.#on(this.#treeEl, 'mouseleave', () => this.#hover(undefined));
    this.#on(this.#hex, 'click', (e) => {
      if (this.#waiting) return;
      const k = this.#offsetOf(e.target);
      if (k !== undefined) this.#pickByte(k, true);
    });
    this.#on(this.#hex, 'mouseover', (e) => {
      if (this.#waiting) return;
      const k = this.#offsetOf(e.target);
      const path = k === undefined ? undefined : fieldAt(this.#tree, k, this.#source);
      const f = path && fieldAtPath(this.#tree, path);
      this.#hover(f ? { from: f.offset, to: f.offset + f.length, path } : undefined);
    });
    this.#on(this.#hex, 'mouseleave', () => this.#hover(undefined));
    this.#on(this.#hex, 'keydown', (e) => this.#waiting || this.#bytesKey(e));
    // Eight bytes a line when sixteen would not fit (phones).
    const fit = () => {
      const width = this.#hex.clientWidth;
      if (width < 160) return; // not laid out (hidden, or mid-resize)
      const perLine = width < 470 ? 8 : 16;
      if (perLine !== this.#perLine) {
        this.#perLine = perLine;
        if (this.#bytes.length) this.#renderBytes();
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(this.#hex);
    this.#cleanup.push(() => observer.disconnect());
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
    else this.#selectField(path(this.#tree), { publish, scroll: true });
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
      this.#selectField(undefined, { publish: false });
      // Other widgets can follow the frame now; a field is published once the tree is here.
      if (opts.publish !== false && !opts.name && !opts.path) this.#bus?.select({ frame: n }, this);
      this.#need();
      return;
    }
    if (this.#waiting) {
      this.#waiting = undefined;
      this.removeAttribute('aria-busy');
    }
    this.#tree = view.tree;
    this.#data = view.data;
    this.#sources = view.sources;
    this.#source = undefined;
    this.#notes = view.notes;

    if (!view.rendered) this.#renderNotes();
    // A note on a field is only seen if its field is: open the subtrees around it.
    for (const note of this.#notes) if (note.path) this.#openAround(note.path);
    const path = opts.path ?? (opts.name ? findPath(this.#tree, opts.name, opts.offset) : undefined);
    if (path) this.#openAround(path);
    this.#path = path && fieldAtPath(this.#tree, path) ? path : undefined;
    this.#cursor = this.#path ? fieldAtPath(this.#tree, this.#path)!.offset : 0;
    this.#renderTree();
    this.#renderBytes();
    this.#selectField(this.#path, { publish: false, scroll: true });
    if (changed && row) {
      // The row's cells are the packet list's summary, with the Info the list shows.
      const [source, destination, protocol] = [2, 3, 4].map((i) => row.cells[i]?.textContent ?? '');
      this.#live.textContent = t.frameAnnounce(n, `${source} → ${destination}, ${protocol}, ${row.querySelector('[data-info]')?.textContent ?? ''}`);
    }
    if (opts.publish !== false) this.#publish();
  }

  #publish(): void {
    const f = this.#path ? fieldAtPath(this.#tree, this.#path) : undefined;
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
    for (const [i, row] of rows.entries()) row.querySelector('[data-time]')!.textContent = texts[i];
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
      this.#treeEl.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
      return;
    }
    if (!(e.key in to)) return;
    e.preventDefault();
    this.#stop();
    this.#showFrame(to[e.key]);
  }

  async #copyHex(): Promise<void> {
    try {
      await navigator.clipboard.writeText(hexDump(this.#data));
      this.#live.textContent = t.copied(this.#frame);
    } catch {
      this.#live.textContent = t.copyFailed;
    }
    this.#fieldbar.replaceChildren(el('span', {}, this.#live.textContent));
  }

  // ---- notes --------------------------------------------------------------

  #renderNotes(): void {
    const box = this.querySelector<HTMLElement>('[data-notes]')!;
    box.replaceChildren(
      ...this.#notes
        .filter((n) => !n.path)
        .map((n) => el('p', { class: `pv-callout pv-callout-${n.kind}` }, el('strong', {}, n.kind === 'comment' ? t.comment : t.note), ` ${n.text}`)),
    );
    const findings = findingsOf(this.#tree);
    const panel = this.querySelector<HTMLElement>('[data-findings]')!;
    panel.hidden = findings.length === 0;
    panel
      .querySelector('ul')!
      .replaceChildren(
        ...findings.map((f) =>
          el('li', { 'data-severity': f.severity, 'data-for-field': f.field }, el('span', { class: 'pv-sev' }, t.severity[f.severity]), ` ${f.message}`),
        ),
      );
  }

  // ---- the field tree -----------------------------------------------------

  #isOpen(f: Field, depth: number): boolean {
    const key = keyOf(f);
    if (this.#open.has(key)) return true;
    if (this.#closed.has(key)) return false;
    return depth === 0 && f.name !== 'frame';
  }

  #expand(f: Field, open: boolean): void {
    const key = keyOf(f);
    (open ? this.#open : this.#closed).add(key);
    (open ? this.#closed : this.#open).delete(key);
  }

  /** Open every subtree above a field (for this frame and the frames after). */
  #openAround(path: FieldPath): void {
    for (let p = parentPath(path); p; p = parentPath(p)) {
      const f = fieldAtPath(this.#tree, p);
      if (f && !this.#isOpen(f, p.split('.').length - 1)) this.#expand(f, true);
    }
  }

  #nodeId(path: FieldPath): string {
    return `${this.id}-n${path.replaceAll('.', '_')}`;
  }

  #renderTree(): void {
    const items: HTMLElement[] = [];
    const fieldNotes = new Map(this.#notes.filter((n) => n.path).map((n) => [n.path!, n]));
    let hiddenBelow = Infinity;
    for (const { field, path, depth } of walk(this.#tree)) {
      if (depth > hiddenBelow) continue;
      hiddenBelow = Infinity;
      const kids = field.children?.length ?? 0;
      const open = kids > 0 && this.#isOpen(field, depth);
      if (kids > 0 && !open) hiddenBelow = depth;
      const id = this.#nodeId(path);
      const siblings = (parentPath(path) ? fieldAtPath(this.#tree, parentPath(path)!)!.children! : this.#tree).length;
      // Named by its content: the line, then its note when it has one.
      const line = el(
        'span',
        { class: 'pv-line' },
        ...(kids ? [el('span', { class: 'pv-twisty', 'aria-hidden': 'true', 'data-twisty': '' })] : []),
        field.display,
      );
      const note = fieldNotes.get(path);
      const severity = field.expert?.some((x) => x.severity === 'error') ? 'error' : field.expert?.some((x) => x.severity === 'warn') ? 'warn' : undefined;
      const item = el(
        'li',
        {
          class: 'pv-node',
          role: 'treeitem',
          id,
          'aria-level': depth + 1,
          'aria-setsize': siblings,
          'aria-posinset': Number(path.split('.').pop()) + 1,
          'aria-expanded': kids ? String(open) : undefined,
          'aria-selected': String(path === this.#path),
          tabindex: -1,
          'data-field': field.name || undefined,
          'data-path': path,
          'data-layer': depth === 0 ? layerOf(path, this.#tree) : undefined,
          'data-generated': field.generated ? 'true' : undefined,
          'data-severity': severity,
          style: `--depth:${depth}`,
        },
        line,
      );
      if (note) item.append(el('p', { class: 'pv-callout pv-callout-note' }, el('strong', {}, t.note), ` ${note.text}`));
      items.push(item);
    }
    const focused = this.#treeEl.contains(document.activeElement);
    this.#treeEl.replaceChildren(...items);
    const stop = (this.#path && this.#treeEl.querySelector<HTMLElement>(`#${CSS.escape(this.#nodeId(this.#path))}`)) || items[0];
    if (stop) stop.tabIndex = 0;
    if (focused) stop?.focus({ preventScroll: true });
  }

  #visibleItems(): HTMLElement[] {
    return [...this.#treeEl.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  }

  /** Select a field (or none): tree, bytes, field bar; and tell the other widgets. */
  #selectField(path: FieldPath | undefined, opts: { publish?: boolean; scroll?: boolean; focus?: boolean } = {}): void {
    const field = path ? fieldAtPath(this.#tree, path) : undefined;
    if (path && !field) path = undefined;
    let rerender = false;
    if (path) {
      for (let p = parentPath(path); p; p = parentPath(p)) {
        const parent = fieldAtPath(this.#tree, p)!;
        if (!this.#isOpen(parent, p.split('.').length - 1)) {
          this.#expand(parent, true);
          rerender = true;
        }
      }
    }
    this.#path = path;
    if (rerender) this.#renderTree();
    // A field of a reassembled PDU shows in that PDU's bytes, as Wireshark switches its bytes tab.
    if (field && field.length > 0 && field.source !== this.#source && (!field.source || this.#sourceOf(field.source))) {
      this.#source = field.source;
      this.#renderBytes();
    }
    for (const item of this.#visibleItems()) {
      const on = item.dataset.path === path;
      item.setAttribute('aria-selected', String(on));
      item.tabIndex = on ? 0 : -1;
    }
    const items = this.#visibleItems();
    if (!path && items[0]) items[0].tabIndex = 0;
    const item = path ? this.#treeEl.querySelector<HTMLElement>(`#${CSS.escape(this.#nodeId(path))}`) : null;
    if (item && opts.focus) item.focus({ preventScroll: true });
    if (item && (opts.scroll || opts.focus)) scrollWithin(this.#treeEl.parentElement!, item.firstElementChild as HTMLElement, false, !opts.focus);

    const from = this.#paintBytes(field);
    if (from >= 0) {
      this.#moveCursor(from, false);
      if (opts.scroll || opts.focus) scrollWithin(this.#hex, this.#bytes[from], false);
    }
    this.#renderFieldbar(field);
    if (opts.publish !== false) this.#publish();
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
      this.#fieldbar.replaceChildren(el('span', {}, t.noField));
      return;
    }
    const parts: (Node | string)[] = [];
    if (field.name) parts.push(el('code', {}, field.name));
    parts.push(el('span', {}, field.length > 0 ? t.fieldBytes(field.length, field.offset) + (field.source ? t.inSource(field.source) : '') : t.generated));
    const masks = bitMasks(field);
    if (masks) {
      const bitsBox = el('span', { class: 'pv-bits' });
      masks.masks.forEach((mask, i) => {
        const k = masks.offset + i;
        const byte = (field.source ? (this.#sourceOf(field.source)?.bytes ?? this.#data) : this.#data)[k] ?? 0;
        const cells = el('span', { 'aria-label': t.bitsOf(k), role: 'img' });
        for (let bit = 7; bit >= 0; bit--) {
          cells.append(el('span', { class: 'pv-bit', 'data-on': (mask >> bit) & 1 ? true : undefined }, String((byte >> bit) & 1)));
          if (bit === 4) cells.append(' ');
        }
        bitsBox.append(cells);
      });
      parts.push(bitsBox);
    }
    this.#fieldbar.replaceChildren(...parts);
  }

  #treeClick(e: MouseEvent): void {
    const item = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const path = item.dataset.path!;
    if ((e.target as Element).closest('[data-twisty]')) this.#toggle(path);
    else this.#selectField(path, { focus: true });
  }

  #toggle(path: FieldPath, open?: boolean): void {
    const f = fieldAtPath(this.#tree, path);
    if (!f?.children?.length) return;
    const depth = path.split('.').length - 1;
    this.#expand(f, open ?? !this.#isOpen(f, depth));
    this.#renderTree();
    for (const item of this.#visibleItems()) item.tabIndex = item.dataset.path === path ? 0 : -1;
    this.#treeEl.querySelector<HTMLElement>(`#${CSS.escape(this.#nodeId(path))}`)?.focus({ preventScroll: true });
  }

  #treeKey(e: KeyboardEvent): void {
    const item = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!item) return;
    const items = this.#visibleItems();
    const i = items.indexOf(item);
    const path = item.dataset.path!;
    const expanded = item.getAttribute('aria-expanded');
    const go = (target: HTMLElement | undefined) => target && this.#selectField(target.dataset.path, { focus: true });
    switch (e.key) {
      case 'ArrowDown':
        go(items[i + 1]);
        break;
      case 'ArrowUp':
        go(items[i - 1]);
        break;
      case 'Home':
        go(items[0]);
        break;
      case 'End':
        go(items[items.length - 1]);
        break;
      case 'ArrowRight':
        if (expanded === 'false') this.#toggle(path, true);
        else if (expanded === 'true') go(items[i + 1]);
        break;
      case 'ArrowLeft':
        if (expanded === 'true') this.#toggle(path, false);
        else {
          const parent = parentPath(path);
          if (parent) go(items.find((x) => x.dataset.path === parent));
        }
        break;
      case 'Enter':
      case ' ':
        if (expanded) this.#toggle(path);
        this.#selectField(path, { focus: true });
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  // ---- the bytes ----------------------------------------------------------

  #sourceOf(name: string): DataSource | undefined {
    return this.#sources.find((s) => s.name === name);
  }

  /** The bytes the pane shows: the frame's, or those of the chosen data source. */
  #shownBytes(): Uint8Array {
    return (this.#source && this.#sourceOf(this.#source)?.bytes) || this.#data;
  }

  /** Tabs over the bytes, one per data source, when the frame has more than its own. */
  #renderSourceTabs(): void {
    const tabs = this.#sourceTabs;
    if (!tabs) return;
    tabs.hidden = this.#sources.length === 0;
    if (tabs.hidden) return tabs.replaceChildren();
    const all = [
      { name: undefined as string | undefined, text: t.sourceFrame(this.#data.length) },
      ...this.#sources.map((s) => ({ name: s.name as string | undefined, text: t.sourceTab(s.name, s.bytes.length) })),
    ];
    tabs.replaceChildren(
      ...all.map(({ name, text }) => {
        const on = name === this.#source;
        const b = el('button', { type: 'button', role: 'tab', class: 'pv-source-tab', 'aria-selected': String(on), tabindex: on ? 0 : -1 }, text);
        b.addEventListener('click', () => {
          if (this.#source === name) return;
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
    const hues = byteLayers(this.#tree, data.length, this.#source);
    const rows: HTMLElement[] = [];
    this.#bytes = [];
    this.#ascii = [];
    const half = this.#perLine / 2;
    for (let at = 0; at < data.length; at += this.#perLine) {
      const row = el('div', { class: 'pv-hex-row', role: 'row' }, el('span', { class: 'pv-off', role: 'rowheader' }, offsetText(at, data.length)));
      const ascii = el('span', { class: 'pv-asc', 'aria-hidden': 'true' });
      for (let k = at; k < Math.min(at + this.#perLine, data.length); k++) {
        const b = el(
          'span',
          {
            class: k % this.#perLine === half ? 'pv-b pv-gap' : 'pv-b',
            role: 'gridcell',
            id: `${this.id}-b${k}`,
            'data-offset': k,
            'data-layer': hues[k],
            'aria-selected': 'false',
          },
          hexByte(data[k]),
        );
        const a = el('span', { class: 'pv-a', 'data-ascii': k }, asciiChar(data[k]));
        this.#bytes.push(b);
        this.#ascii.push(a);
        row.append(b);
        ascii.append(a);
      }
      row.append(ascii);
      rows.push(row);
    }
    this.#hex.replaceChildren(...rows);
    this.#hex.setAttribute('aria-label', t.bytes);
    this.#hex.removeAttribute('aria-labelledby');
    this.#moveCursor(Math.min(this.#cursor, Math.max(0, data.length - 1)), false);
    this.#paintBytes(this.#path ? fieldAtPath(this.#tree, this.#path) : undefined);
  }

  #offsetOf(target: EventTarget | null): number | undefined {
    const cell = (target as Element | null)?.closest?.<HTMLElement>('[data-offset], [data-ascii]');
    if (!cell) return undefined;
    return Number(cell.dataset.offset ?? cell.dataset.ascii);
  }

  #moveCursor(k: number, scroll: boolean): void {
    if (!this.#bytes.length) return;
    k = Math.max(0, Math.min(this.#bytes.length - 1, k));
    flag(this.#bytes[this.#cursor] ?? this.#bytes[0], 'data-cursor', false);
    this.#cursor = k;
    flag(this.#bytes[k], 'data-cursor', true);
    this.#hex.setAttribute('aria-activedescendant', this.#bytes[k].id);
    if (scroll) scrollWithin(this.#hex, this.#bytes[k], false);
  }

  /** A byte was chosen: select the innermost field owning it; a second click on it widens to the enclosing field. */
  #pickByte(k: number, widen: boolean): void {
    let path = fieldAt(this.#tree, k, this.#source);
    if (widen && path && this.#path && k === this.#cursor) {
      const current = fieldAtPath(this.#tree, this.#path);
      if (current && owns(current, k, this.#source)) {
        let up = parentPath(this.#path);
        while (up && !owns(fieldAtPath(this.#tree, up)!, k, this.#source)) up = parentPath(up);
        path = up ?? path;
      }
    }
    this.#moveCursor(k, false);
    this.#selectField(path, { scroll: true });
    this.#moveCursor(k, true);
  }

  #bytesKey(e: KeyboardEvent): void {
    const k = this.#cursor;
    const line = this.#perLine;
    const start = k - (k % line);
    const moves: Record<string, number> = {
      ArrowRight: k + 1,
      ArrowLeft: k - 1,
      ArrowDown: k + line,
      ArrowUp: k - line,
      Home: e.ctrlKey ? 0 : start,
      End: e.ctrlKey ? this.#bytes.length - 1 : Math.min(start + line - 1, this.#bytes.length - 1),
      PageDown: k + line * 8,
      PageUp: k - line * 8,
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#pickByte(k, true);
      return;
    }
    if (!(e.key in moves)) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(this.#bytes.length - 1, moves[e.key]));
    this.#pickByte(to, false);
  }

  #hover(range: { from: number; to: number; path?: FieldPath } | undefined): void {
    for (let k = 0; k < this.#bytes.length; k++) {
      const on = !!range && k >= range.from && k < range.to;
      flag(this.#bytes[k], 'data-hover', on);
      flag(this.#ascii[k], 'data-hover', on);
    }
    for (const item of this.#treeEl.querySelectorAll('[data-hover]')) flag(item, 'data-hover', false);
    if (range?.path) {
      const item = this.#treeEl.querySelector(`#${CSS.escape(this.#nodeId(range.path))}`);
      if (item) flag(item, 'data-hover', true);
    }
  }
}

if (!customElements.get('wb-packet-viewer')) customElements.define('wb-packet-viewer', PacketViewerElement);
