// The tools over the details tree: Expand all, Collapse all, and a search box
// (field names, labels, lines and values; Enter for the next match, Shift+Enter
// for the previous, Escape to clear). Wired to the panes; the markup comes from
// tools-markup.ts, the same in the lesson viewer and the explorer.
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import type { FramePanes } from './frame-panes.ts';
import { searchTree, stepMatch } from './tree-search.ts';

const t = packetViewer;

export class TreeTools {
  readonly #panes: FramePanes;
  readonly #input: HTMLInputElement;
  readonly #status: HTMLElement;
  #matches: string[] = [];
  #at = -1;

  constructor(host: HTMLElement, panes: FramePanes) {
    this.#panes = panes;
    host.hidden = false;
    this.#input = host.querySelector<HTMLInputElement>('[data-tree-search]')!;
    this.#status = host.querySelector<HTMLElement>('[data-tree-search-status]')!;
    host.addEventListener('click', (e) => {
      const act = (e.target as Element).closest<HTMLElement>('[data-tree-act]')?.dataset.treeAct;
      if (act === 'expand' || act === 'collapse') panes.setAllOpen(act === 'expand');
    });
    this.#input.addEventListener('input', () => this.refresh(true));
    this.#input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.#go(stepMatch(this.#matches.length, this.#at, e.shiftKey));
      } else if (e.key === 'Escape' && this.#input.value) {
        e.preventDefault();
        this.#input.value = '';
        this.refresh(true);
      }
    });
  }

  /** Search the frame on show again (after a new frame, or a new text: then go to its first match). */
  refresh(go = false): void {
    this.#matches = searchTree(this.#panes.tree, this.#input.value);
    this.#at = -1;
    this.#panes.markMatches(this.#matches);
    if (go && this.#matches.length) this.#go(0);
    else this.#say();
  }

  #go(i: number): void {
    this.#at = i;
    if (i >= 0) this.#panes.select(this.#matches[i], { scroll: true });
    this.#say();
  }

  #say(): void {
    const q = this.#input.value.trim();
    this.#status.textContent = !q ? '' : this.#matches.length === 0 ? t.searchNone : t.searchCount(this.#at + 1, this.#matches.length);
  }
}
