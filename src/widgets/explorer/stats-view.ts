// Statistics, as Wireshark's menu: Conversations (IPv4, IPv6, TCP, UDP),
// Protocol Hierarchy and Expert Information, as tabs. The TCP tab is the
// conversations view; the others are counted in the Worker when first
// opened (the same numbers tshark -z prints). Every row can filter the list.

import type { ConvRow } from '../../decoder/stats/conversations.ts';
import { sizeText } from '../../decoder/stats/conversations-text.ts';
import { nsToSeconds } from '../../decoder/stats/frame-walk.ts';
import type { PhsNode } from '../../decoder/stats/hierarchy.ts';
import type { ExpertEntry } from '../../decoder/stats/expert-summary.ts';
import type { StatsResult } from './protocol.ts';
import { statsTable, type RowAction } from './stats-table.ts';
import { explorer as t } from '../../lib/strings/explorer.ts';

export interface StatsOptions {
  stats(): Promise<StatsResult>;
  filter(text: string): void;
  follow(proto: 'tcp' | 'udp', stream: number): void;
}

const SEVERITY_ORDER = ['error', 'warn', 'note', 'chat', 'comment'];
/** Frames an expert row's filter lists at most (the rest: a narrower filter). */
const FRAME_FILTER_LIMIT = 2000;

export class StatsView {
  readonly #root: HTMLElement;
  readonly #o: StatsOptions;
  #stats?: Promise<StatsResult>;

  constructor(root: HTMLElement, o: StatsOptions) {
    this.#root = root.querySelector<HTMLElement>('[data-stats]')!;
    this.#o = o;
    const tabs = this.#tabs();
    this.#root.querySelector('[role="tablist"]')!.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
      if (i < 0) return;
      const j =
        k === 'ArrowRight'
          ? (i + 1) % tabs.length
          : k === 'ArrowLeft'
            ? (i - 1 + tabs.length) % tabs.length
            : k === 'Home'
              ? 0
              : k === 'End'
                ? tabs.length - 1
                : -1;
      if (j < 0) return;
      e.preventDefault();
      this.select(tabs[j].dataset.tab!, true);
    });
    this.#root.addEventListener('click', (e) => {
      const el = e.target as HTMLElement;
      const tab = el.closest<HTMLButtonElement>('[role="tab"]');
      if (tab) return this.select(tab.dataset.tab!, false);
      const b = el.closest<HTMLButtonElement>('[data-stats-panel] button[data-act]');
      // The TCP tab's table answers its own buttons (ConversationsView).
      if (!b || b.closest('[data-conversations]')) return;
      if (b.dataset.act === 'filter') this.#o.filter(b.dataset.filterText!);
      else if (b.dataset.act === 'follow') this.#o.follow(b.dataset.proto as 'tcp' | 'udp', Number(b.dataset.stream));
    });
  }

  /** How far the Worker has counted, in the waiting tab's words. */
  progress(done: number, total: number): void {
    for (const wait of this.#root.querySelectorAll<HTMLElement>('[data-stats-wait]')) wait.textContent = t.statsCounting(done, total);
  }

  #tabs(): HTMLButtonElement[] {
    return [...this.#root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  }

  /** A new capture: the counted tabs are counted again when opened. */
  reset(): void {
    this.#stats = undefined;
    for (const p of this.#root.querySelectorAll<HTMLElement>('[data-stats-panel]')) if (p.dataset.statsPanel !== 'tcp') p.replaceChildren();
    this.select('tcp', false);
  }

  select(name: string, focus: boolean): void {
    for (const tab of this.#tabs()) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
    }
    for (const p of this.#root.querySelectorAll<HTMLElement>('[data-stats-panel]')) p.hidden = p.dataset.statsPanel !== name;
    if (name !== 'tcp') void this.#fill(name);
  }

  async #fill(name: string): Promise<void> {
    const panel = this.#root.querySelector<HTMLElement>(`[data-stats-panel="${name}"]`)!;
    if (panel.childElementCount > 0 && !panel.querySelector('[data-stats-wait]')) return;
    const wait = document.createElement('p');
    wait.dataset.statsWait = '';
    wait.textContent = t.statsWorking;
    panel.replaceChildren(wait);
    const pending = (this.#stats ??= this.#o.stats());
    let stats: StatsResult;
    try {
      stats = await pending;
    } catch (e) {
      if (pending !== this.#stats) return;
      this.#stats = undefined;
      wait.textContent = t.statsFailed(e instanceof Error ? e.message : String(e));
      return;
    }
    if (pending !== this.#stats) return;
    panel.replaceChildren(
      name === 'phs'
        ? hierarchy(stats)
        : name === 'expert'
          ? expert(stats.expert)
          : conversations(name as 'ip' | 'ipv6' | 'udp', stats.conv[name as 'ip' | 'ipv6' | 'udp']),
    );
    panel.dataset.ready = '';
  }
}

const count = (n: number) => n.toLocaleString('en');

function conversations(kind: 'ip' | 'ipv6' | 'udp', rows: readonly ConvRow[]): HTMLElement {
  const what = t.statsTabs[kind];
  if (rows.length === 0) {
    const p = document.createElement('p');
    p.textContent = t.noRows(what);
    return p;
  }
  const udp = kind === 'udp';
  const field = kind === 'ip' ? 'ip.addr' : 'ipv6.addr';
  return statsTable(
    `${t.statistics}: ${what}`,
    udp ? t.portColumns : t.addressColumns,
    rows.map((r) => {
      const start = nsToSeconds(r.startNs);
      const numbers = [
        count(r.framesAtoB),
        sizeText(r.bytesAtoB),
        count(r.framesBtoA),
        sizeText(r.bytesBtoA),
        count(r.framesAtoB + r.framesBtoA),
        sizeText(r.bytesAtoB + r.bytesBtoA),
        start.toFixed(9),
        (nsToSeconds(r.stopNs) - start).toFixed(4),
      ];
      const cells = udp ? [String(r.id), r.a, String(r.aPort), r.b, String(r.bPort), ...numbers] : [r.a, r.b, ...numbers];
      const filter = udp ? `udp.stream == ${r.id}` : `${field} == ${r.a} and ${field} == ${r.b}`;
      const actions: RowAction[] = [];
      if (udp) actions.push({ text: t.followButton, label: t.followOf('udp', r.id), act: 'follow', data: { proto: 'udp', stream: String(r.id) } });
      const label = udp ? t.filterStream(r.id) : t.filterPair(r.a, r.b);
      actions.push({ text: t.filterButton, label, act: 'filter', data: { filterText: filter, ...(udp ? { proto: 'udp', stream: String(r.id) } : {}) } });
      return { cells, actions };
    }),
  );
}

function hierarchy(stats: StatsResult): HTMLElement {
  const total = stats.phs.reduce((n, p) => n + p.frames, 0);
  const filterable = new Set(stats.filterable);
  const rows: { cells: string[]; actions: RowAction[]; cls?: string }[] = [];
  const walk = (nodes: readonly PhsNode[], depth: number) => {
    for (const n of nodes) {
      const share = total ? `${((100 * n.frames) / total).toFixed(1)} %` : '';
      // Indented by non-breaking spaces, so the nesting reads as text too.
      const actions: RowAction[] = filterable.has(n.name)
        ? [{ text: t.filterButton, label: t.filterProtocol(n.name), act: 'filter', data: { filterText: n.name } }]
        : [];
      rows.push({ cells: [`${'\u00a0\u00a0'.repeat(depth)}${n.name}`, count(n.frames), count(n.bytes), share], actions });
      walk(n.children, depth + 1);
    }
  };
  walk(stats.phs, 0);
  return statsTable(`${t.statistics}: ${t.statsTabs.phs}`, t.phsColumns, rows);
}

function expert(entries: readonly ExpertEntry[]): HTMLElement {
  if (entries.length === 0) {
    const p = document.createElement('p');
    p.textContent = t.noExpert;
    return p;
  }
  const rows: { cells: string[]; actions: RowAction[]; cls?: string }[] = [];
  for (const severity of SEVERITY_ORDER) {
    const mine = entries.filter((e) => e.severity === severity);
    if (mine.length === 0) continue;
    const name = t.severities[severity] ?? severity;
    const total = mine.reduce((n, e) => n + e.frequency, 0);
    const all = [...new Set(mine.flatMap((e) => e.frames))].sort((a, b) => a - b);
    rows.push({
      cls: `ex-sev ex-sev-${severity}`,
      cells: [t.severityGroup(name, total), '', '', '', count(total), framesText(all)],
      actions: frameFilter(name, all),
    });
    for (const e of mine)
      rows.push({ cells: [name, e.summary, e.group, e.protocol, count(e.frequency), framesText(e.frames)], actions: frameFilter(e.summary, e.frames) });
  }
  return statsTable(`${t.statistics}: ${t.statsTabs.expert}`, t.expertColumns, rows);
}

function framesText(frames: readonly number[]): string {
  const shown = frames.slice(0, 8).join(', ');
  return frames.length > 8 ? `${shown}, …` : shown;
}

function frameFilter(what: string, frames: readonly number[]): RowAction[] {
  if (frames.length === 0) return [];
  const list = [...new Set(frames)].sort((a, b) => a - b).slice(0, FRAME_FILTER_LIMIT);
  return [{ text: t.filterButton, label: t.filterFrames(what), act: 'filter', data: { filterText: `frame.number in {${list.join(' ')}}` } }];
}
