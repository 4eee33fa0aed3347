// The fast path for display filters: like `fields -e`, the dissector keeps
// only the fields a filter reads, but as separate occurrences with their raw
// values (a filter tests each occurrence; `contains` needs bytes, not text).

import type { FieldValue } from '../types.ts';
import { WantedSink, type FieldWanted } from '../fields/wanted-sink.ts';
import type { FieldLookup } from './evaluate.ts';
import type { FilterValue } from './values.ts';

export class FilterSink extends WantedSink {
  private readonly occurrences: FilterValue[][];
  private readonly column: ReadonlyMap<string, number>;

  constructor(wanted: FieldWanted) {
    super(wanted);
    this.occurrences = wanted.names.map(() => []);
    this.column = new Map(wanted.names.map((n, i) => [n, i]));
  }

  override begin(data: Uint8Array): void {
    super.begin(data);
    for (const list of this.occurrences) list.length = 0;
  }

  protected override keep(c: number, text: string, value?: FieldValue): void {
    this.occurrences[c].push({ value: value ?? text, show: text });
  }

  /** The current frame's occurrences, by field name (valid until the next frame). */
  readonly lookup: FieldLookup = (name) => {
    const c = this.column.get(name);
    return c === undefined ? [] : this.occurrences[c];
  };
}
