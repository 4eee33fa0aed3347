// The fast path for `fields -e ...`: keeps only the wanted fields and formats
// only those, as `tshark -T fields` prints them (occurrences joined by ",").

import type { FieldValue, Severity } from '../types.ts';
import type { Sink } from './sink.ts';
import { fieldCount } from './spec.ts';
import type { FieldSpec } from './spec.ts';
import { showText } from './format.ts';
import { rawValue } from './raw.ts';
import { expertFields, expertOnly } from './expert-fields.ts';
import { COLUMN_FIELDS } from './columns.ts';
import { fieldsByName } from '../field-registry.ts';

/** A compiled `-e` list. */
export interface FieldWanted {
  readonly names: readonly string[];
  /** Column index by field id, -1 when not wanted. */
  readonly slot: Int32Array;
  /** Names that no layer defines (the caller may reject them, as tshark does). */
  readonly unknown: readonly string[];
  /** Indexes of `_ws.col.*` names, which need the summary columns. */
  readonly columns: ReadonlyArray<readonly [number, string]>;
}

/** Compile field names once; `lookup` is the registry's unless a test brings its own table. */
export function compileWanted(names: readonly string[], lookup: (name: string) => readonly FieldSpec[] = fieldsByName): FieldWanted {
  const slot = new Int32Array(fieldCount()).fill(-1);
  const unknown: string[] = [];
  const columns: Array<[number, string]> = [];
  names.forEach((name, i) => {
    if (COLUMN_FIELDS[name]) {
      columns.push([i, COLUMN_FIELDS[name]]);
      return;
    }
    const specs = lookup(name);
    if (!specs.length) unknown.push(name);
    for (const s of specs) slot[s.id] = i;
  });
  return { names, slot, unknown, columns };
}

/** Wireshark formats an expert message into a label of 240 bytes: 239 and the terminator. */
const EXPERT_BYTES = 239;
const utf8 = new TextEncoder();

/** An expert message as _ws.expert.message holds it: cut to 239 bytes of UTF-8, never inside a character. */
function expertText(message: string): string {
  if (message.length <= EXPERT_BYTES / 3) return message;
  const bytes = utf8.encode(message);
  if (bytes.length <= EXPERT_BYTES) return message;
  let end = EXPERT_BYTES;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

export class WantedSink implements Sink {
  readonly detail = false;
  /** One string per wanted name for the current frame. */
  values: string[];
  protected readonly slot: Int32Array;
  protected data: Uint8Array = new Uint8Array(0);
  // Open nodes: the column of a wanted protocol node (or -1) and its summary line.
  private openCols = new Int32Array(64);
  private openLines: Array<string | undefined> = new Array(64).fill(undefined);
  protected depth = 0;

  constructor(wanted: FieldWanted) {
    this.slot = wanted.slot;
    this.values = new Array<string>(wanted.names.length).fill('');
  }

  wants(spec: FieldSpec): boolean {
    const c = this.slot[spec.id];
    return c !== undefined && c >= 0;
  }

  private anyCache = new WeakMap<readonly FieldSpec[], boolean>();

  wantsAny(specs: readonly FieldSpec[]): boolean {
    let r = this.anyCache.get(specs);
    if (r === undefined) {
      r = specs.some((s) => this.wants(s));
      this.anyCache.set(specs, r);
    }
    return r;
  }

  begin(data: Uint8Array): void {
    this.data = data;
    this.values.fill('');
    this.depth = 0;
  }

  source(_name: string | undefined, data: Uint8Array): void {
    this.data = data;
  }

  /** Column c's whole value, replacing any occurrence (the summary columns, _ws.col.*). */
  setColumn(c: number, text: string): void {
    this.values[c] = text;
  }

  /** One occurrence of wanted column c (`value` is undefined for a protocol node). */
  protected keep(c: number, text: string, _value?: FieldValue): void {
    const v = this.values[c];
    this.values[c] = v === '' ? text : v + ',' + text;
  }

  add(spec: FieldSpec, offset: number, length: number, value?: FieldValue): void {
    const c = this.slot[spec.id];
    if (c === undefined || c < 0) return;
    const v = value === undefined ? rawValue(spec, this.data, offset, length) : value;
    this.keep(c, showText(spec, v), v);
  }

  open(spec: FieldSpec, offset: number, length: number, value?: FieldValue, display?: string): void {
    const c = this.slot[spec.id];
    const wanted = c !== undefined && c >= 0;
    if (wanted && spec.type !== 'protocol') this.add(spec, offset, length, value);
    // A protocol's text in the fields output: its value when the layer gives one apart from the
    // details line (tshark prints the bare name until a dissector sets the item's text), else the line.
    const line = typeof value === 'string' && display !== undefined ? value : (display ?? spec.label);
    this.push(wanted && spec.type === 'protocol' ? c : -1, wanted ? line : undefined);
  }

  private push(col: number, line: string | undefined): void {
    if (this.depth < this.openCols.length) {
      this.openCols[this.depth] = col;
      this.openLines[this.depth] = line;
    }
    this.depth++;
  }

  openText(): void {
    this.push(-1, undefined);
  }

  text(): void {}

  close(): void {
    if (this.depth === 0) return;
    this.depth--;
    if (this.depth >= this.openCols.length) return;
    const c = this.openCols[this.depth];
    const t = this.openLines[this.depth];
    if (c >= 0 && t !== undefined) this.keep(c, t);
  }

  current(): unknown {
    return null;
  }

  reopen(): void {
    this.push(-1, undefined);
  }

  finish(_length: number, display?: string): void {
    const top = this.depth - 1;
    if (display !== undefined && top >= 0 && top < this.openLines.length && this.openCols[top] >= 0) this.openLines[top] = display;
  }

  /** An expert item: its own field (tcp.connection.syn) is present, and its text joins _ws.expert.message. */
  expert(name: string, _severity: Severity, message: string): void {
    const spec = expertOnly.get(name);
    if (spec) this.add(spec, 0, 0, true);
    const c = this.slot[expertFields.message.id];
    if (c !== undefined && c >= 0) {
      const text = expertText(message);
      this.keep(c, text, text);
    }
  }
}
