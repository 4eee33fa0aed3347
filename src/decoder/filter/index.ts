// Wireshark-style display filters: `tcp.port == 80 and not tcp.analysis.retransmission`.
// compileFilter checks a filter once; the result tests any number of frames.

import { evaluate, fieldsOf, type FieldLookup } from './evaluate.ts';
import { FilterSyntaxError } from './lexer.ts';
import { parseFilter, type ParseOptions } from './parser.ts';

export type { FieldLookup } from './evaluate.ts';
export type { FilterValue } from './values.ts';

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
