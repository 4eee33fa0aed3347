// <wb-explorer>: the "Open your own capture" page. The reader's file goes to
// a Web Worker (worker.ts) that indexes, analyses and filters it; this
// element only draws what is in view: the packet list, the chosen frame's
// panes, the conversations and a ladder. Nothing is uploaded anywhere.

import { selectionFor } from '../shared/selection.ts';
import { ExplorerClient, type Progress } from './client.ts';
import { ConversationsView } from './conversations-view.ts';
import { FollowPane } from './follow-pane.ts';
import { StatsView } from './stats-view.ts';
import { GraphView } from './graph-view.ts';
import { FramePanes } from '../frame-panes/frame-panes.ts';
import { findPath } from '../frame-panes/field-at.ts';
import { showSentences } from '../frame-panes/sentence-text-dom.ts';
import { TreeTools } from '../frame-panes/tree-tools.ts';
import { FrameDiagram } from './frame-diagram.ts';
import { PacketList } from './packet-list.ts';
import { PREVIEW_BYTES, type FrameDetail, type Opened } from './protocol.ts';
import { explorer } from '../../lib/strings/explorer.ts';

const t = explorer;
/** The selection bus the explorer and its ladder share. */
const BUS = 'explorer';

type State = 'empty' | 'reading' | 'ready' | 'error';

class ExplorerElement extends HTMLElement {
  #client?: ExplorerClient;
  #list!: PacketList;
  #panes!: FramePanes;
  #tools!: TreeTools;
  #diagram!: FrameDiagram;
  #conversations!: ConversationsView;
  #stats!: StatsView;
  #follow!: FollowPane;
  #graphs!: GraphView;
  #opened?: Opened;
  #all = new Uint32Array(0);
  #filterText = '';
  /** Bumped by each open and each frame request: late answers are dropped. */
  #ticket = 0;
  #frameTicket = 0;
  #bus = selectionFor(BUS);
  /** The sentences' words (and the services table), fetched while the reader looks for a file. */
  #words?: Promise<typeof import('../frame-panes/sentence-text.ts')>;
  #wordsLoaded?: typeof import('../frame-panes/sentence-text.ts');

  connectedCallback(): void {
    this.#state('empty');
    this.querySelector<HTMLElement>('[data-ui]')!.hidden = false;
    const input = this.querySelector<HTMLInputElement>('[data-file]')!;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.open(file, file.name);
    });
    this.#wireDrop();
    this.addEventListener('click', (e) => {
      const sample = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-sample]');
      if (sample) void this.#openSample(sample.dataset.sample!, sample.textContent ?? '');
    });
    this.#list = new PacketList(this.querySelector<HTMLElement>('[data-list-scroll]')!, {
      rows: (numbers) => this.#worker().request('rows', { numbers }),
      onSelect: (n) => void this.#showFrame(n, true),
      onFirstRows: () => performance.mark('wirebook:first-rows'),
      columns: t.columns,
    });
    const part = (selector: string) => this.querySelector<HTMLElement>(selector)!;
    this.#panes = new FramePanes(
      { tree: part('[data-tree]'), hex: part('[data-bytes]'), sources: part('[data-sources]'), fieldbar: part('[data-fieldbar]') },
      'ex',
    );
    this.#tools = new TreeTools(part('[data-tree-tools]'), this.#panes);
    this.#diagram = new FrameDiagram(this);
    // The tree, the bytes and the header diagram select together.
    this.#panes.onChange = (field) => this.#diagram.mark(field);
    this.#diagram.onPick = (path) => this.#panes.select(path, { scroll: true });
    this.#conversations = new ConversationsView(this, {
      ladder: (stream) => this.#worker().request('ladder', { stream }),
      filter: (text) => this.#applyFilter(text),
      follow: (proto, stream) => void this.#followStream(proto, stream),
      graph: (stream) => {
        void this.#graphs.show(stream, 'tcptrace', undefined, true);
      },
      bus: BUS,
    });
    this.#graphs = new GraphView(this, {
      graph: (stream, kind, dir) => this.#worker().request('graph', { stream, kind, dir }),
      rows: (stream, kind, dir, from, to) => this.#worker().request('graphRows', { stream, kind, dir, from, to }),
      detail: (stream, kind, dir, t0, t1) => this.#worker().request('graphDetail', { stream, kind, dir, t0, t1 }),
      summary: (n) =>
        this.#worker()
          .request('rows', { numbers: [n] })
          .then((rows) => rows[0]?.info ?? ''),
      bus: BUS,
    });
    this.#stats = new StatsView(this, {
      stats: () => this.#worker().request('stats', {}),
      filter: (text) => this.#applyFilter(text),
      follow: (proto, stream) => void this.#followStream(proto, stream),
    });
    this.#follow = new FollowPane(this, (proto, stream) => this.#worker().request('follow', { proto, stream }));
    const form = this.querySelector<HTMLFormElement>('[data-filter-form]')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.#applyFilter(this.#filterInput().value);
    });
    this.querySelector('[data-filter-clear]')!.addEventListener('click', () => this.#applyFilter(''));
    this.#wireGoTo();
    // Start the decoder's Worker while the reader looks for a file: opening one is then quicker.
    requestIdleCallback(
      () => {
        this.#worker();
        this.#sayer().catch(() => (this.#words = undefined));
      },
      { timeout: 2000 },
    );
    // The ladder selects frames too: follow it.
    this.#bus.subscribe((sel, source) => {
      if (source !== this && sel.frame !== this.#list.selected) {
        this.#list.select(sel.frame, true);
        void this.#showFrame(sel.frame, false);
      }
    });
  }

  /** "Go to frame": the form, and Ctrl+G anywhere on the page (as in Wireshark) to reach it. */
  #wireGoTo(): void {
    const form = this.querySelector<HTMLFormElement>('[data-goto-form]')!;
    const input = form.querySelector<HTMLInputElement>('[data-goto]')!;
    const msg = form.querySelector<HTMLElement>('[data-goto-msg]')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const n = Number(input.value);
      if (!this.#opened) return;
      if (Number.isInteger(n) && this.#list.has(n)) {
        msg.textContent = '';
        this.#list.select(n, false);
        this.#list.focus();
      } else msg.textContent = t.goToMissing(input.value, this.#opened.frames);
    });
    document.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'g' || this.dataset.state !== 'ready') return;
      e.preventDefault();
      input.focus();
      input.select();
    });
  }

  #sayer(): Promise<typeof import('../frame-panes/sentence-text.ts')> {
    this.#words ??= import('../frame-panes/sentence-text.ts').then((m) => {
      this.#wordsLoaded = m;
      return m;
    });
    return this.#words;
  }

  #worker(): ExplorerClient {
    if (!this.#client) {
      this.#client = new ExplorerClient();
      this.#client.onProgress = (p) => this.#progress(p);
    }
    return this.#client;
  }

  #state(s: State): void {
    this.dataset.state = s;
  }

  #status(text: string): void {
    this.querySelector<HTMLElement>('[data-status]')!.textContent = text;
  }

  #filterInput(): HTMLInputElement {
    return this.querySelector<HTMLInputElement>('[data-filter]')!;
  }

  #wireDrop(): void {
    const zone = this.querySelector<HTMLElement>('[data-dropzone]')!;
    const over = (on: boolean) => zone.classList.toggle('ex-over', on);
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      over(true);
    });
    zone.addEventListener('dragleave', () => over(false));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      over(false);
      const file = e.dataTransfer?.files[0];
      if (file) void this.open(file, file.name);
    });
  }

  async #openSample(url: string, name: string): Promise<void> {
    this.#status(t.reading(name));
    try {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      await this.open(await r.blob(), name);
    } catch (e) {
      this.#fail(e);
    }
  }

  /** Open a capture file: read and analysed in the Worker, then listed. */
  async open(file: Blob, name: string): Promise<void> {
    const ticket = ++this.#ticket;
    for (const mark of ['wirebook:open', 'wirebook:first-rows', 'wirebook:indexed']) performance.clearMarks(mark);
    performance.mark('wirebook:open');
    this.#list.reset();
    this.#stats.reset();
    this.#follow.reset();
    const started = performance.now();
    this.#state('reading');
    this.#status(`${t.reading(name)} ${t.analysing}`);
    this.querySelector<HTMLElement>('[data-error]')!.hidden = true;
    let opened: Opened;
    try {
      // A large file shows its first rows from a preview of its head while the whole is read.
      if (file.size > PREVIEW_BYTES) {
        const preview = await this.#worker().request('preview', { file });
        if (ticket !== this.#ticket) return;
        if (preview.frames > 0) this.#showPreview(preview);
      }
      opened = await this.#worker().request('open', { file });
    } catch (e) {
      if (ticket === this.#ticket) this.#fail(e);
      return;
    }
    if (ticket !== this.#ticket) return;
    this.#opened = opened;
    this.#all = Uint32Array.from({ length: opened.frames }, (_, i) => i + 1);
    this.dataset.frames = String(opened.frames);
    // How long each step took in the Worker, for the benchmark (bench/open-in-browser.ts).
    this.dataset.timings = JSON.stringify(opened.timings);
    this.#filterText = '';
    this.#filterInput().value = '';
    this.#filterMessage('', false);
    this.querySelector<HTMLElement>('[data-work]')!.hidden = opened.frames === 0;
    this.#list.show(this.#all, opened.frames);
    // Rows drawn from the preview are drawn again from the whole capture's analysis.
    this.#list.refresh();
    performance.mark('wirebook:indexed');
    this.#status(`${name}: ${t.opened(opened.frames, sizeText(opened.bytes), performance.now() - started)}`);
    this.#shown();
    if (opened.error) this.#damage(opened);
    this.#state(opened.error && opened.frames === 0 ? 'error' : 'ready');
    this.#worker()
      .request('conversations', {})
      .then(
        (list) => {
          if (ticket !== this.#ticket) return;
          this.#conversations.show(list);
        },
        () => undefined,
      );
    if (opened.frames > 0) this.#list.select(1, false);
  }

  #showPreview(preview: Opened): void {
    this.querySelector<HTMLElement>('[data-work]')!.hidden = false;
    this.#list.show(
      Uint32Array.from({ length: preview.frames }, (_, i) => i + 1),
      preview.frames,
    );
    this.#status(t.previewing(preview.frames));
  }

  #damage(opened: Opened): void {
    const box = this.querySelector<HTMLElement>('[data-error]')!;
    const title = document.createElement('strong');
    // A file broken at its first byte was never a capture; one broken further on is damaged.
    title.textContent = opened.frames === 0 && opened.error!.offset === 0 ? t.notCapture : t.damaged;
    const what = document.createElement('span');
    // The decoder's message names what is wrong and at which byte offset.
    const m = opened.error!.message;
    what.textContent = ` ${m.charAt(0).toUpperCase()}${m.slice(1)}. ${t.damagedKept(opened.frames)}`;
    box.replaceChildren(title, what);
    box.hidden = false;
  }

  #fail(e: unknown): void {
    this.#state('error');
    const box = this.querySelector<HTMLElement>('[data-error]')!;
    box.textContent = t.failed(e instanceof Error ? e.message : String(e));
    box.hidden = false;
    this.#status('');
  }

  async #showFrame(n: number, publish: boolean): Promise<void> {
    const ticket = ++this.#frameTicket;
    let detail: FrameDetail;
    try {
      // The list's previous row: frame.time_delta_displayed counts from it.
      detail = await this.#worker().request('frame', { n, after: this.#list.before(n) });
    } catch (e) {
      // The decoder never throws on packet contents; this is the Worker itself failing.
      if (ticket === this.#frameTicket) this.#fail(e);
      return;
    }
    if (ticket !== this.#frameTicket) return;
    // The chosen field is kept from frame to frame, as Wireshark keeps it.
    const kept = this.#panes.field?.name;
    this.#diagram.show(detail);
    this.#panes.show(detail, { path: kept ? findPath(detail.tree, kept) : undefined });
    this.#tools.refresh();
    const region = this.querySelector<HTMLElement>('[data-sentence]')!;
    if (this.#wordsLoaded) showSentences(region, this.#wordsLoaded.sentenceLines(detail.sentences));
    else {
      // Not another frame's words meanwhile.
      region.replaceChildren();
      this.#sayer().then(
        ({ sentenceLines }) => ticket === this.#frameTicket && showSentences(region, sentenceLines(detail.sentences)),
        // The chunk did not arrive (offline): the next frame asks again.
        () => (this.#words = undefined),
      );
    }
    if (publish) this.#bus.select({ frame: n }, this);
    if (detail.stream >= 0) void this.#conversations.showLadder(detail.stream);
  }

  async #followStream(proto: 'tcp' | 'udp', stream: number): Promise<void> {
    try {
      await this.#follow.show(proto, stream);
    } catch (e) {
      this.#fail(e);
    }
  }

  #progress(p: Progress): void {
    if (p.stage === 'filter') this.#filterMessage(t.filtering(p.done, p.total), false);
    else if (p.stage === 'stats') this.#stats.progress(p.done, p.total);
  }

  #filterMessage(text: string, error: boolean): void {
    const msg = this.querySelector<HTMLElement>('[data-filter-msg]')!;
    msg.textContent = text;
    msg.classList.toggle('ex-invalid', error);
    this.#filterInput().setAttribute('aria-invalid', String(error));
  }

  #shown(count?: number): void {
    const total = this.#opened?.frames ?? 0;
    this.#filterMessage(count === undefined ? t.shownAll(total) : count === 0 ? t.noMatch : t.shown(count, total), false);
  }

  /** The selected frame's details again: the frame shown before it, which its displayed time delta counts from, may have changed. */
  #reshowSelected(): void {
    const n = this.#list.selected;
    if (n > 0 && this.#list.has(n)) void this.#showFrame(n, false);
  }

  #applyFilter(text: string): void {
    if (!this.#opened) return;
    this.#filterInput().value = text;
    const trimmed = text.trim();
    this.#filterText = trimmed;
    if (trimmed === '') {
      this.#list.show(this.#all, this.#opened.frames);
      this.#shown();
      this.dataset.appliedFilter = '';
      this.#reshowSelected();
      return;
    }
    this.dataset.filtering = 'true';
    void this.#worker()
      .request('filter', { text: trimmed })
      .then((r) => {
        if (this.#filterText !== trimmed) return;
        delete this.dataset.filtering;
        if (r.ok) {
          this.#list.show(r.matches, this.#opened!.frames);
          this.dataset.appliedFilter = trimmed;
          this.#shown(r.matches.length);
          this.#reshowSelected();
        } else if ('message' in r) {
          this.#filterMessage(t.filterError(r.message, r.position + 1), true);
          this.#filterInput().focus();
        }
      })
      .catch((e: unknown) => {
        delete this.dataset.filtering;
        this.#fail(e);
      });
  }
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

customElements.define('wb-explorer', ExplorerElement);
