// The markup of the details' tools and of the frame's sentence, one
// description for the lesson viewer (server render) and the explorer page.
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import { h, type Markup } from './markup.ts';

const t = packetViewer;

/** Expand all, Collapse all and the search box; hidden until the script wires them (they need it). */
export function treeToolsMarkup(idPrefix: string): Markup {
  const input = `${idPrefix}-find`;
  return h(
    'div',
    { class: 'fp-tools', role: 'group', 'aria-label': t.treeTools, 'data-tree-tools': true, hidden: true },
    h('button', { type: 'button', class: 'fp-tool', 'data-tree-act': 'expand' }, t.expandAll),
    h('button', { type: 'button', class: 'fp-tool', 'data-tree-act': 'collapse' }, t.collapseAll),
    h(
      'span',
      { class: 'fp-find' },
      h('label', { for: input }, t.searchLabel),
      h('input', {
        id: input,
        type: 'search',
        'data-tree-search': true,
        spellcheck: 'false',
        autocomplete: 'off',
        placeholder: t.searchPlaceholder,
        'aria-describedby': `${input}-status`,
      }),
      h('span', { id: `${input}-status`, class: 'fp-find-status', 'aria-live': 'polite', 'data-tree-search-status': true }),
    ),
  );
}

/** The frame's sentences in plain words, in a polite live region (each frame chosen is read out); a group, not a landmark, as a page may show several viewers. */
export function sentenceMarkup(idPrefix: string, lines: readonly string[]): Markup {
  return h(
    'div',
    { class: 'fp-sentence', 'data-sentence-box': true, role: 'group', 'aria-labelledby': `${idPrefix}-say` },
    h('p', { class: 'fp-sentence-title', id: `${idPrefix}-say` }, t.sentenceTitle),
    h('div', { 'aria-live': 'polite', 'data-sentence': true }, ...lines.map((l) => h('p', {}, l))),
  );
}
