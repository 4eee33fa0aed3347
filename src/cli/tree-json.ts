// The packet-details tree as plain JSON: bigint values become decimal strings
// and byte values lower-case hex, so JSON.stringify never throws and nothing
// is lost.

import type { Expert, Field, FieldValue } from '../decoder/types.ts';

export interface JsonField {
  name: string;
  label: string;
  offset: number;
  length: number;
  value: string | number | boolean | null;
  display: string;
  show: string;
  mask?: number;
  generated?: true;
  expert?: Expert[];
  children?: JsonField[];
}

const HEX = '0123456789abcdef';

function jsonValue(v: FieldValue): string | number | boolean | null {
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) {
    let s = '';
    for (let i = 0; i < v.length; i++) s += HEX[v[i] >> 4] + HEX[v[i] & 15];
    return s;
  }
  return v;
}

export function treeJson(tree: readonly Field[]): JsonField[] {
  return tree.map((f) => {
    const j: JsonField = {
      name: f.name,
      label: f.label,
      offset: f.offset,
      length: f.length,
      value: jsonValue(f.value),
      display: f.display,
      show: f.show,
    };
    if (f.mask !== undefined) j.mask = f.mask;
    if (f.generated) j.generated = true;
    if (f.expert?.length) j.expert = f.expert;
    if (f.children) j.children = treeJson(f.children);
    return j;
  });
}
