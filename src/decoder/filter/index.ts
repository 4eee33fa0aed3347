// Wireshark-style display filters: `tcp.port == 80 and not tcp.analysis.retransmission`.
// compileFilter checks a filter once; the result tests any number of frames.

import type { Field } from '../types.ts';
import { evaluate, fieldsOf, type FieldLookup } from './evaluate.ts';
import { FilterSyntaxError } from './lexer.ts';
import { parseFilter, type ParseOptions } from './parser.ts';
import type { FilterValue } from './values.ts';

export type { FieldLookup } from './evaluate.ts';
export type { FilterValue } from './values.ts';
export type { FilterNode } from './ast.ts';

export interface CompiledFilter {
  text: string;
  /** Field and protocol names the filter reads. */
  fields: string[];
  matches(lookup: FieldLookup): boolean;
}

export type FilterResult = { ok: true; filter: CompiledFilter } | { ok: false; message: string; position: number };

/** Compile a filter; an empty one matches every frame. Never throws. */
export function compileFilter(text: string, options: ParseOptions): FilterResult {
  if (text.trim() === '') return { ok: true, filter: { text, fields: [], matches: () => true } };
  try {
    const tree = parseFilter(text, options);
    return { ok: true, filter: { text, fields: [...fieldsOf(tree)], matches: (lookup) => evaluate(tree, lookup) } };
  } catch (e) {
    if (e instanceof FilterSyntaxError) return { ok: false, message: e.message, position: e.position };
    return { ok: false, message: String(e), position: 0 };
  }
}

/** A lookup over a dissected frame's tree, indexing its fields by name once. */
export function treeLookup(tree: readonly Field[]): FieldLookup {
  const byName = new Map<string, FilterValue[]>();
  const walk = (fields: readonly Field[]) => {
    for (const f of fields) {
      if (f.name) {
        let list = byName.get(f.name);
        if (!list) byName.set(f.name, (list = []));
        list.push(f);
      }
      if (f.children) walk(f.children);
    }
  };
  walk(tree);
  const none: FilterValue[] = [];
  return (name) => byName.get(name) ?? none;
}
