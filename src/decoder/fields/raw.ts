// The value a field holds when a layer passes only its position.

import type { FieldValue } from '../types.ts';
import type { FieldSpec } from './spec.ts';

export function rawValue(spec: FieldSpec, data: Uint8Array, offset: number, length: number): FieldValue {
  const end = Math.min(offset + length, data.length);
  switch (spec.type) {
    case 'ipv4':
      return end - offset >= 4 ? ((data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]) >>> 0 : null;
    case 'string': {
      let s = '';
      for (let i = offset; i < end; i++) s += String.fromCharCode(data[i]);
      return s;
    }
    default:
      return data.subarray(offset, end);
  }
}
