// The details tree's markup, for the page (static: every line shown, with the
// outline the browser reads back) and for the live tree (ARIA tree pattern:
// nested groups, closed subtrees kept in the DOM and hidden by CSS, so
// opening one is an attribute change).
import type { Field } from '../../decoder/types.ts';
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import type { FieldPath } from './field-at.ts';
import { layerOf } from './layers.ts';
import { h, type Markup } from './markup.ts';
import { outlineAttrs } from './outline.ts';

const t = packetViewer;

export interface LiveTree {
  /** Prefix of the items' ids (unique on the page). */
  idPrefix: string;
  isOpen: (field: Field, depth: number) => boolean;
}

export interface TreeOptions {
  /** Notes on fields, by path: a callout under the field's line. */
  notes?: ReadonlyMap<FieldPath, string>;
  /** The interactive tree; absent for the static page. */
  live?: LiveTree;
}

/** The id of a live tree's item. */
export const nodeId = (idPrefix: string, path: FieldPath): string => `${idPrefix}-n${path.replaceAll('.', '_')}`;

export function treeMarkup(tree: readonly Field[], opts: TreeOptions = {}): Markup {
  const attrs = opts.live ? { class: 'pv-tree', role: 'tree', 'aria-label': t.details } : { class: 'pv-tree' };
  return h('ul', attrs, ...items(tree, tree, '', 0, opts));
}

function severityOf(field: Field): string | undefined {
  if (field.expert?.some((x) => x.severity === 'error')) return 'error';
  return field.expert?.some((x) => x.severity === 'warn') ? 'warn' : undefined;
}

function items(tree: readonly Field[], fields: readonly Field[], prefix: string, depth: number, opts: TreeOptions): Markup[] {
  const live = opts.live;
  return fields.map((field, i) => {
    const path = prefix ? `${prefix}.${i}` : String(i);
    const kids = field.children?.length ? field.children : undefined;
    const line = h(
      'span',
      { class: 'pv-line' },
      ...(live && kids ? [h('span', { class: 'pv-twisty', 'aria-hidden': 'true', 'data-twisty': true })] : []),
      field.display,
    );
    const attrs = {
      class: 'pv-node',
      ...(live
        ? {
            role: 'treeitem',
            id: nodeId(live.idPrefix, path),
            'aria-level': depth + 1,
            'aria-expanded': kids ? String(live.isOpen(field, depth)) : undefined,
            'aria-selected': 'false',
            tabindex: -1,
          }
        : outlineAttrs(field)),
      'data-field': field.name || undefined,
      'data-path': path,
      'data-layer': depth === 0 ? layerOf(path, tree) : undefined,
      'data-generated': field.generated ? 'true' : undefined,
      'data-severity': severityOf(field),
      style: `--depth:${depth}`,
    };
    const note = opts.notes?.get(path);
    return h(
      'li',
      attrs,
      line,
      ...(note === undefined ? [] : [h('p', { class: 'pv-callout pv-callout-note' }, h('strong', {}, t.note), ` ${note}`)]),
      ...(kids ? [h('ul', { class: 'pv-group', role: live ? 'group' : undefined }, ...items(tree, kids, path, depth + 1, opts))] : []),
    );
  });
}
