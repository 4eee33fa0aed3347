// Searching the details tree as a reader would: a field matches when its
// filter name, label, details line or value contains the text (any case).
// Paths come in tree order, so Enter steps through them top to bottom.
import type { Field } from '../../decoder/types.ts';
import { walk, type FieldPath } from './field-at.ts';

export function searchTree(tree: readonly Field[], query: string): FieldPath[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const out: FieldPath[] = [];
  for (const { field, path } of walk(tree)) {
    if ([field.name, field.label, field.display, field.show].some((s) => s?.toLowerCase().includes(q))) out.push(path);
  }
  return out;
}

/** The match to go to from `current` (its index, -1 for none yet), forwards or back, wrapping. */
export function stepMatch(count: number, current: number, back = false): number {
  if (count === 0) return -1;
  if (current < 0) return back ? count - 1 : 0;
  return (current + (back ? count - 1 : 1)) % count;
}
