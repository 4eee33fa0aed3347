// The stream graph pane of /open/: the Graph button of a TCP conversation
// draws it here (tcptrace first), with a picker of kind and direction. The
// Worker sends the points (the same decoder code as the lessons'); the page
// draws them with the lessons' markup, thinned to its pixels.
import { GRAPH_KINDS, type GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphDir, GraphPoint } from '../../decoder/graphs/points.ts';
import { explorer } from '../../lib/strings/explorer.ts';
import { streamGraph } from '../../lib/strings/streamGraph.ts';
import type { GraphResult } from './protocol.ts';
import { graphLegend, graphSvg } from '../stream-graph/render.ts';
import { GraphTable } from './graph-table.ts';
import type { ZoomHost } from '../stream-graph/zoom.ts';

const s = streamGraph;

export interface GraphViewOptions {
  graph(stream: number, kind: GraphKind, dir?: GraphDir): Promise<GraphResult | null>;
  /** Points from to to - 1 of the graph drawn last, for its table. */
  rows(stream: number, kind: GraphKind, dir: GraphDir, from: number, to: number): Promise<GraphPoint[]>;
  /** Every point of seconds t0 to t1 of the graph drawn last, thinned to the drawing (a zoom's detail). */
  detail(stream: number, kind: GraphKind, dir: GraphDir, t0: number, t1: number): Promise<GraphPoint[] | null>;
  /** The selection bus the graph joins. */
  bus: string;
  /** A frame's one-line summary (Info), shown on hover. */
  summary(n: number): Promise<string>;
}

export class GraphView {
  readonly #pane: HTMLElement;
  readonly #o: GraphViewOptions;
  #asked = 0;

  constructor(root: HTMLElement, o: GraphViewOptions) {
    this.#pane = root.querySelector<HTMLElement>('[data-graph-pane]')!;
    this.#o = o;
  }

  /** Draw stream `stream` as `kind`; `dir` the sender graphed (the side that sent more when absent). */
  async show(stream: number, kind: GraphKind = 'tcptrace', dir?: GraphDir, focus = false): Promise<void> {
    const ask = ++this.#asked;
    const busy = document.createElement('p');
    busy.textContent = s.loading;
    this.#pane.replaceChildren(busy);
    const [result] = await Promise.all([this.#o.graph(stream, kind, dir), import('../stream-graph/stream-graph-element.ts')]);
    if (ask !== this.#asked) return;
    if (!result) {
      busy.textContent = s.noStream(stream);
      return;
    }
    const got = result.draw;
    const id = `ex-sg-${stream}-${kind}`;
    const host = document.createElement('wb-stream-graph');
    host.dataset.capture = this.#o.bus;
    host.dataset.stream = String(stream);
    host.dataset.kind = kind;
    host.dataset.dir = got.data.dir;
    // The zoom redraws from these points; a copy as JSON would be tens of megabytes for a long stream.
    (host as ZoomHost).graphModel = { data: got.data, from: got.from, to: got.to, id };
    (host as ZoomHost).detail = (t0, t1) => this.#o.detail(stream, kind, got.data.dir, t0, t1);
    (host as HTMLElement & { summaryOf?: (n: number) => Promise<string> }).summaryOf = this.#o.summary;
    // Each piece of markup escapes what it writes (render.ts).
    host.innerHTML = `<figure class="stream-graph" data-graph="${kind}"><figcaption>${escapeText(s.title(s.kinds[kind], got.from, got.to))}</figcaption><p class="sg-tip" aria-live="polite">${escapeText(s.zoomHint)}</p>${graphSvg(got.data, got.from, got.to, { id })}${graphLegend(got.data)}</figure>`;
    this.#pane.replaceChildren(this.#picker(stream, kind, got.data.dir), host);
    // The table lists every point; only the rows in view are drawn, fetched as they come.
    const table = new GraphTable({
      kind,
      id,
      frames: result.frames,
      first: result.rows,
      rows: (from, to) => this.#o.rows(stream, kind, got.data.dir, from, to),
    });
    host.querySelector('figure')?.append(table.element);
    (host as ZoomHost & { revealRow?: (n: number) => void }).revealRow = (n) => table.reveal(n);
    if (focus) this.#pane.querySelector<HTMLElement>('select')?.focus();
  }

  #picker(stream: number, kind: GraphKind, dir: GraphDir): HTMLElement {
    const form = document.createElement('form');
    form.className = 'ex-graph-picker';
    form.setAttribute('aria-label', explorer.showGraph(stream));
    const select = (label: string, name: string, options: Array<[string, string]>, value: string) => {
      const l = document.createElement('label');
      l.textContent = `${label} `;
      const sel = document.createElement('select');
      sel.name = name;
      for (const [v, text] of options) sel.add(new Option(text, v, false, v === value));
      l.append(sel);
      return l;
    };
    form.append(
      select(
        s.kind,
        'kind',
        GRAPH_KINDS.map((k) => [k, s.kinds[k]]),
        kind,
      ),
      select(
        s.direction,
        'dir',
        [
          ['A', 'A → B'],
          ['B', 'B → A'],
        ],
        dir,
      ),
    );
    form.addEventListener('change', () => {
      const data = new FormData(form);
      void this.show(stream, data.get('kind') as GraphKind, data.get('dir') as GraphDir, true);
    });
    form.addEventListener('submit', (e) => e.preventDefault());
    return form;
  }
}

function escapeText(t: string): string {
  return t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
