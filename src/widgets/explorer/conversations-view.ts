// The capture's TCP conversations as a table (the TCP tab of Wireshark's
// Statistics > Conversations), each with a button to draw it as a ladder or a graph,
// one to follow it and one to filter the packet list to it. The ladder is
// the lessons' own widget.

import type { ConversationSummary } from '../../decoder/analysis/types.ts';
import { endpointText } from '../../decoder/text/endpoint.ts';
import { durationText } from '../sequence-diagram/geometry.ts';
import { ladderElement } from '../sequence-diagram/markup.ts';
import type { LadderResult } from './protocol.ts';
import { explorer } from '../../lib/strings/explorer.ts';
import { statsTable } from './stats-table.ts';

const t = explorer;
/** Rows drawn at most; the others are reached with a filter on tcp.stream. */
const MAX_ROWS = 500;

export interface ConversationsOptions {
  ladder(stream: number): Promise<LadderResult | null>;
  filter(text: string): void;
  follow(proto: 'tcp', stream: number): void;
  /** Draw the stream's graph (tcptrace first). */
  graph(stream: number): void;
  /** The selection bus the ladder joins. */
  bus: string;
}

export class ConversationsView {
  readonly #table: HTMLElement;
  readonly #ladder: HTMLElement;
  readonly #o: ConversationsOptions;
  #stream = -1;

  constructor(root: HTMLElement, o: ConversationsOptions) {
    this.#table = root.querySelector<HTMLElement>('[data-conversations]')!;
    this.#ladder = root.querySelector<HTMLElement>('[data-ladder]')!;
    this.#o = o;
    this.#table.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-stream]');
      if (!b) return;
      const stream = Number(b.dataset.stream);
      if (b.dataset.act === 'filter') this.#o.filter(`tcp.stream == ${stream}`);
      else if (b.dataset.act === 'follow') this.#o.follow('tcp', stream);
      else if (b.dataset.act === 'graph') this.#o.graph(stream);
      else if (b.dataset.act === 'ladder') void this.showLadder(stream, true);
    });
  }

  show(list: ConversationSummary[]): void {
    if (list.length === 0) {
      const p = document.createElement('p');
      p.textContent = t.noConversations;
      this.#table.replaceChildren(p);
      return;
    }
    const rows = list.slice(0, MAX_ROWS).map((c) => {
      const data = { proto: 'tcp', stream: String(c.stream) };
      return {
        cells: [
          String(c.stream),
          endpointText(c.a.address, c.a.port),
          endpointText(c.b.address, c.b.port),
          c.packetsAtoB.toLocaleString('en'),
          c.packetsBtoA.toLocaleString('en'),
          c.bytesAtoB.toLocaleString('en'),
          c.bytesBtoA.toLocaleString('en'),
          durationText(Number(c.durationNs) / 1e9),
          t.endings[c.ending] ?? c.ending,
        ],
        actions: [
          { text: t.ladderButton, label: t.showLadder(c.stream), act: 'ladder' as const, data },
          { text: t.graphButton, label: t.showGraph(c.stream), act: 'graph' as const, data },
          { text: t.followButton, label: t.followOf('tcp', c.stream), act: 'follow' as const, data },
          { text: t.filterButton, label: t.filterStream(c.stream), act: 'filter' as const, data },
        ],
      };
    });
    const wrap = statsTable(t.conversations, t.conversationColumns, rows);
    const parts: Node[] = [wrap];
    if (list.length > MAX_ROWS) {
      const more = document.createElement('p');
      more.textContent = t.moreConversations(MAX_ROWS, list.length);
      parts.push(more);
    }
    this.#table.replaceChildren(...parts);
  }

  /** Draw stream `stream` as a ladder (once; selecting within it is the ladder's own work). */
  async showLadder(stream: number, focus = false): Promise<void> {
    const drawn = () => this.#ladder.querySelector<HTMLElement>(`wb-sequence-diagram[data-stream="${stream}"] [data-scroll]`);
    if (stream === this.#stream || stream < 0) {
      // Drawn already (selecting a frame of it draws it): the button still takes the reader there.
      if (focus) drawn()?.focus();
      return;
    }
    this.#stream = stream;
    const got = await this.#o.ladder(stream);
    if (!got || stream !== this.#stream) return;
    await import('../sequence-diagram/sequence-diagram-element.ts');
    const cut = got.model.segments.length < got.total ? `<p class="ex-ladder-cut">${escapeText(t.ladderCut(got.model.segments.length, got.total))}</p>` : '';
    // The ladder's markup escapes every value it writes (its render module).
    this.#ladder.innerHTML = cut + ladderElement(got.model, { capture: this.#o.bus, id: `ex-sd-${stream}`, title: t.ladderTitle(stream) });
    if (focus) drawn()?.focus();
  }
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
