// Evaluating a parsed filter against one frame's fields. Wireshark's rules for
// repeated fields: a test holds if ANY occurrence satisfies it, except "!=",
// which holds only if ALL occurrences differ; an absent field fails every test.

import type { FilterNode } from './ast.ts';
import { compareValue, type FilterValue } from './values.ts';

/** Every occurrence of a field (or protocol) in the frame, in order. */
export type FieldLookup = (name: string) => readonly FilterValue[];

export function evaluate(node: FilterNode, lookup: FieldLookup): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, lookup) && evaluate(node.right, lookup);
    case 'or':
      return evaluate(node.left, lookup) || evaluate(node.right, lookup);
    case 'not':
      return !evaluate(node.operand, lookup);
    case 'present':
      return lookup(node.field).length > 0;
    case 'compare': {
      const values = lookup(node.field);
      if (values.length === 0) return false;
      const test = (v: FilterValue) => node.values.some((l) => compareValue(v, node.op, l.text, l.quoted));
      return node.op === '!=' ? values.every(test) : values.some(test);
    }
  }
}

/** Every field name a filter reads, so a fast path can extract just those. */
export function fieldsOf(node: FilterNode, out = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      fieldsOf(node.left, out);
      fieldsOf(node.right, out);
      break;
    case 'not':
      fieldsOf(node.operand, out);
      break;
    default:
      out.add(node.field);
  }
  return out;
}
