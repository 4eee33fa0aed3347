// The explorer's statistics tables: a scrolling, keyboard-reachable table with
// a header row and an actions column, and the row buttons the tables share.

import { explorer as t } from '../../lib/strings/explorer.ts';

export interface RowAction {
  text: string;
  /** The accessible name; it starts with the visible word (WCAG 2.5.3). */
  label: string;
  act: 'filter' | 'ladder' | 'graph' | 'follow';
  data: Record<string, string>;
}

function actionButton(a: RowAction): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.setAttribute('aria-label', a.label);
  b.dataset.act = a.act;
  for (const [k, v] of Object.entries(a.data)) b.dataset[k] = v;
  b.textContent = a.text;
  return b;
}

/** A table of text cells, each row ending in its buttons, in a scroll box named `label`. */
export function statsTable(label: string, columns: readonly string[], rows: readonly { cells: string[]; actions: RowAction[]; cls?: string }[]): HTMLElement {
  const table = document.createElement('table');
  table.className = 'ex-conv';
  const head = table.createTHead().insertRow();
  for (const c of [...columns, t.actions]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    // The buttons' column needs a name for screen readers, not a visible one.
    if (c === t.actions) th.className = 'visually-hidden';
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    if (r.cls) tr.className = r.cls;
    for (const text of r.cells) tr.insertCell().textContent = text;
    const actions = tr.insertCell();
    actions.className = 'ex-conv-actions';
    actions.append(...r.actions.map(actionButton));
  }
  const wrap = document.createElement('div');
  wrap.className = 'ex-conv-wrap';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'group');
  wrap.setAttribute('aria-label', label);
  wrap.append(table);
  return wrap;
}
