// Reading a decoded tree by display-filter name: the sentences state only what
// these fields hold.
import { findField } from '../fields/find.ts';
import type { Field } from '../types.ts';

/** A field's value as a number (0x… shows too), or `none` when the tree lacks it. */
export function num(tree: readonly Field[], name: string, none = 0): number {
  const f = findField(tree, name);
  if (!f) return none;
  if (typeof f.value === 'number') return f.value;
  if (typeof f.value === 'bigint') return Number(f.value);
  const v = Number(f.show);
  return Number.isFinite(v) ? v : none;
}

/** A field's text as tshark -T fields prints it, or "". */
export function text(tree: readonly Field[], name: string): string {
  return findField(tree, name)?.show ?? '';
}

export function has(tree: readonly Field[], name: string): boolean {
  return findField(tree, name) !== undefined;
}
