// Finding fields in a details tree: by the byte a reader points at (the
// innermost field that owns it), by name (links and the shared selection),
// and by path (the tree's own ids: "3.1.4" is tree[3].children[1].children[4]).
import type { Field } from '../../decoder/types.ts';

export type FieldPath = string;

export function fieldAtPath(tree: readonly Field[], path: FieldPath): Field | undefined {
  let list: readonly Field[] | undefined = tree;
  let field: Field | undefined;
  for (const i of path.split('.')) {
    field = list?.[Number(i)];
    if (!field) return undefined;
    list = field.children;
  }
  return field;
}

/** The path of the parent, or undefined for a top-level node. */
export function parentPath(path: FieldPath): FieldPath | undefined {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? undefined : path.slice(0, cut);
}

/** Every field in tree order (depth first), with its path and depth (0 = protocol). */
export function* walk(tree: readonly Field[], prefix = '', depth = 0): Generator<{ field: Field; path: FieldPath; depth: number }> {
  for (let i = 0; i < tree.length; i++) {
    const path = prefix ? `${prefix}.${i}` : String(i);
    yield { field: tree[i], path, depth };
    if (tree[i].children) yield* walk(tree[i].children!, path, depth + 1);
  }
}

/**
 * Does the field cover byte `offset` of the frame (or of the named data
 * source, such as "Reassembled TCP")? Generated fields describe no bytes of
 * their own, and a bit field only the bytes its mask touches.
 */
export function owns(field: Field, offset: number, source?: string): boolean {
  if (field.source !== source) return false;
  if (field.generated || field.length <= 0 || offset < field.offset || offset >= field.offset + field.length) return false;
  const bitsOf = bitMasks(field);
  return !bitsOf || (bitsOf.masks[offset - bitsOf.offset] ?? 0) !== 0;
}

/**
 * The field a byte belongs to: the deepest one that covers it; among equals
 * the shortest, then the first. So byte 38 of a TCP/IPv4 frame is tcp.seq,
 * not "tcp" and not the [generated] lines after it.
 */
export function fieldAt(tree: readonly Field[], offset: number, source?: string): FieldPath | undefined {
  let best: { path: FieldPath; depth: number; length: number } | undefined;
  for (const { field, path, depth } of walk(tree)) {
    if (!owns(field, offset, source)) continue;
    if (!best || depth > best.depth || (depth === best.depth && field.length < best.length)) {
      best = { path, depth, length: field.length };
    }
  }
  return best?.path;
}

/** The first field with this name (and, when given, this offset) in tree order. */
export function findPath(tree: readonly Field[], name: string, offset?: number): FieldPath | undefined {
  let byName: FieldPath | undefined;
  for (const { field, path } of walk(tree)) {
    if (field.name !== name) continue;
    if (offset === undefined || field.offset === offset) return path;
    byName ??= path;
  }
  return byName;
}

/**
 * The bytes a bit field's mask spans, with each byte's own mask, for drawing
 * which bits of the highlighted bytes the field reads. The mask is aligned to
 * the integer the field is read from: at least `length` bytes, more when the
 * mask is wider (tcp.flags.res: 1 byte, mask 0xe00 of the 16-bit flags word).
 */
export function bitMasks(field: Field): { offset: number; masks: number[] } | undefined {
  if (field.mask === undefined || field.mask === 0) return undefined;
  const bits = Math.floor(Math.log2(field.mask)) + 1;
  const width = Math.max(field.length, Math.ceil(bits / 8));
  const masks: number[] = [];
  for (let i = width - 1; i >= 0; i--) masks.push(Math.floor(field.mask / 2 ** (8 * i)) & 0xff);
  return { offset: field.offset, masks };
}

/** "0000 0010": one byte in binary, grouped in nibbles. */
export function bits(byte: number): string {
  const s = byte.toString(2).padStart(8, '0');
  return `${s.slice(0, 4)} ${s.slice(4)}`;
}
