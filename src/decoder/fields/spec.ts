// Field specifications: one entry per display-filter field, in the spirit of
// Wireshark's hf_register_info. The dissector reads them to format values and
// the header-diagram widget reads them to draw RFC-style rows.

import type { FieldValue } from '../types.ts';

/** Wireshark's field types (FT_*), reduced to what Wirebook decodes. */
export type FieldType =
  | 'protocol' // FT_PROTOCOL: a protocol node ("tcp")
  | 'none' // FT_NONE: presence only, or a subtree label
  | 'uint'
  | 'int'
  | 'bool'
  | 'ipv4'
  | 'ipv6'
  | 'ether'
  | 'bytes'
  | 'string'
  | 'reltime' // FT_RELATIVE_TIME, value in nanoseconds (bigint)
  | 'abstime' // FT_ABSOLUTE_TIME, value in nanoseconds since the epoch (bigint)
  | 'framenum';

/** Display bases (BASE_*). `hex_dec` prints "0xaccc (44236)", `dec_hex` "1 (0x01)". */
export type Base = 'dec' | 'hex' | 'hex_dec' | 'dec_hex' | 'oct' | 'none';

/** Value strings: a table or a function (for ranges). */
export type ValueStrings = Readonly<Record<number, string>> | ((value: number) => string | undefined);

export interface FieldSpec {
  /** Dense numeric id, so a sink can test "is this field wanted" with one array read. */
  readonly id: number;
  /** Display-filter name, e.g. "tcp.srcport". */
  readonly name: string;
  /** Label as the details pane shows it, e.g. "Source Port". */
  readonly label: string;
  readonly type: FieldType;
  /** Width of the field on the wire in bits (header diagram); 0 when variable or generated. */
  readonly bits: number;
  /** Width in bits of the integer holding a masked field (FT_UINT16 -> 16, FT_BOOLEAN 12 -> 12). */
  readonly width: number;
  readonly mask?: number;
  readonly base: Base;
  readonly strings?: ValueStrings;
  /** Text for true/false booleans; default Set / Not set. */
  readonly tfs?: readonly [string, string];
  /** Unit appended to the value in the details pane, e.g. " bytes". */
  readonly unit?: string;
  /** Custom value text for the details pane (after "Label: "). */
  readonly fmt?: (value: FieldValue) => string;
  /** Wireshark's [generated] fields: computed, not read from the bytes. */
  readonly generated?: boolean;
  /** Hidden fields: filterable but not drawn in the details pane (eth.addr under eth.dst is shown; ip.addr is hidden). */
  readonly hidden?: boolean;
}

/** What a table entry states; `id`, `width` and `base` get defaults. */
export type FieldDef = Omit<FieldSpec, 'id' | 'width' | 'base' | 'bits'> & {
  bits?: number;
  width?: number;
  base?: Base;
};

let nextId = 0;

/** Number of field ids handed out so far (sinks size their lookup arrays with it). */
export function fieldCount(): number {
  return nextId;
}

/** Turn a table of definitions into specs with ids; keys are short names used by the decoder. Names are looked up in ../field-registry.ts, which lists every table. */
export function defineFields<K extends string>(defs: Record<K, FieldDef>): Record<K, FieldSpec> {
  // A copy of the literal, its values replaced: keys added one by one would turn a table of more
  // than a few fields into a dictionary, and every T.seq read on the hot path into a slow lookup.
  const out = { ...defs } as unknown as Record<K, FieldSpec>;
  for (const key of Object.keys(defs) as K[]) {
    const d = defs[key];
    // Every key written, in one order: all specs share one hidden class, so the
    // sinks' per-field reads (spec.id above all) stay monomorphic. (The type
    // makes a key added to FieldSpec an error here until it is written.)
    const spec: { [P in keyof Required<FieldSpec>]: FieldSpec[P] } = {
      id: nextId++,
      name: d.name,
      label: d.label,
      type: d.type,
      bits: d.bits ?? 0,
      width: d.width ?? d.bits ?? 0,
      mask: d.mask,
      base: d.base ?? (d.type === 'uint' || d.type === 'int' ? 'dec' : 'none'),
      strings: d.strings,
      tfs: d.tfs,
      unit: d.unit,
      fmt: d.fmt,
      generated: d.generated,
      hidden: d.hidden,
    };
    out[key] = spec;
  }
  return out;
}

/** A protocol's table, as the header diagram reads it. */
export interface ProtocolTable {
  /** Layer name used by bindings and the diagram ("tcp", "ipv4"). */
  readonly layer: string;
  /** The protocol's filter name ("tcp", "ip"). */
  readonly filter: string;
  /** Long title ("Transmission Control Protocol"). */
  readonly title: string;
  /** Fixed header fields in wire order (the diagram draws these; bit widths sum to the header size). */
  readonly header: readonly FieldSpec[];
  /** Every field the layer may emit. */
  readonly fields: Readonly<Record<string, FieldSpec>>;
}
