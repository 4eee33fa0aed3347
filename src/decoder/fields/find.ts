// Look fields up in a dissected tree by display-filter name, depth first.

import type { Field } from '../types.ts';

export function findField(tree: readonly Field[], name: string): Field | undefined {
  for (const f of tree) {
    if (f.name === name) return f;
    if (f.children) {
      const hit = findField(f.children, name);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function findAll(tree: readonly Field[], name: string, out: Field[] = []): Field[] {
  for (const f of tree) {
    if (f.name === name) out.push(f);
    if (f.children) findAll(f.children, name, out);
  }
  return out;
}
