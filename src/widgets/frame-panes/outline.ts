// The details tree of the frame rendered at build time, written into the
// tree's <li> elements as data attributes and read back in the browser. The
// viewer is then interactive on that frame (fields, bytes, bit masks, notes)
// without the decoder, which it loads only when another frame is wanted.
import type { Expert, Field } from '../../decoder/types.ts';
import type { FieldPath } from './field-at.ts';

/** One line of the tree as the page holds it: what the viewer reads of a Field. */
export interface OutlineNode {
  path: FieldPath;
  name: string;
  /** Only kept for a line without a name whose label is not its text (it keys the line's open state). */
  label: string;
  display: string;
  offset: number;
  length: number;
  mask?: number;
  /** The data source the offsets point into ("Reassembled TCP"); absent for the frame. */
  source?: string;
  generated?: boolean;
  /** Only the findings the viewer shows: chat-level ones are left out of the page. */
  expert?: Expert[];
}

/**
 * The data attributes (besides data-path and data-field) that let the browser
 * rebuild a field. Not data-offset: in the viewer that names a byte cell.
 */
export function outlineAttrs(field: Field): Record<string, string | number | undefined> {
  return {
    'data-at': field.offset,
    'data-len': field.length,
    'data-mask': field.mask ? field.mask : undefined,
    'data-source': field.source,
    'data-label': !field.name && field.label && field.label !== field.display ? field.label : undefined,
    'data-expert': expertAttr(field.expert),
  };
}

/** Findings the viewer shows (notes, warnings, errors; not chat), as JSON with no markup characters in it. */
function expertAttr(expert: readonly Expert[] | undefined): string | undefined {
  const shown = expert?.filter((e) => e.severity !== 'chat');
  if (!shown?.length) return undefined;
  return JSON.stringify(shown).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A tree line back from its element's dataset and its text; undefined when the page lacks the attributes. */
export function outlineNode(data: Readonly<Record<string, string | undefined>>, display: string): OutlineNode | undefined {
  const offset = Number(data.at);
  const length = Number(data.len);
  if (!data.path || data.at === undefined || data.len === undefined || !Number.isFinite(offset) || !Number.isFinite(length)) return undefined;
  const node: OutlineNode = { path: data.path, name: data.field ?? '', label: data.label ?? '', display, offset, length };
  if (data.mask) node.mask = Number(data.mask);
  if (data.source) node.source = data.source;
  if (data.generated === 'true') node.generated = true;
  if (data.expert) {
    try {
      node.expert = JSON.parse(data.expert) as Expert[];
    } catch {
      // A damaged attribute loses only the finding, not the line.
    }
  }
  return node;
}

/**
 * The tree again from its lines in tree order (parents before children, as
 * walk() yields them). Values are not in the page: `value` is null and `show`
 * empty, which the viewer never reads. Undefined when a line has no parent.
 */
export function treeFromOutline(nodes: Iterable<OutlineNode>): Field[] | undefined {
  const tree: Field[] = [];
  const byPath = new Map<FieldPath, Field>();
  for (const node of nodes) {
    const field: Field = { name: node.name, label: node.label, offset: node.offset, length: node.length, value: null, display: node.display, show: '' };
    if (node.mask !== undefined) field.mask = node.mask;
    if (node.source !== undefined) field.source = node.source;
    if (node.generated) field.generated = true;
    if (node.expert) field.expert = node.expert;
    const cut = node.path.lastIndexOf('.');
    let siblings = tree;
    if (cut >= 0) {
      const parent = byPath.get(node.path.slice(0, cut));
      if (!parent) return undefined;
      siblings = parent.children ??= [];
    }
    if (Number(node.path.slice(cut + 1)) !== siblings.length) return undefined;
    siblings.push(field);
    byPath.set(node.path, field);
  }
  return tree;
}

/** A frame's bytes back from the hex pane's cells ("02", "77", ...); undefined if a cell is not a byte. */
export function bytesFromHex(cells: readonly string[]): Uint8Array | undefined {
  const out = new Uint8Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i].trim();
    if (!/^[0-9a-f]{2}$/i.test(text)) return undefined;
    out[i] = parseInt(text, 16);
  }
  return out;
}
