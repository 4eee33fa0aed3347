// Bytes no layer claims: Wireshark's "data" protocol.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import type { Decoder } from './context.ts';

const dataFields = defineFields({
  data: { name: 'data', label: 'Data', type: 'protocol' },
  bytes: { name: 'data.data', label: 'Data', type: 'bytes' },
  len: { name: 'data.len', label: 'Length', type: 'int', width: 32, generated: true },
});

export const dataTable: ProtocolTable = { layer: 'data', filter: 'data', title: 'Data', header: [], fields: dataFields };

export const decodeData: Decoder = (ctx, offset, end) => {
  const stop = Math.min(end, ctx.data.length);
  const n = stop - offset;
  if (n <= 0) return;
  ctx.protocols.push('data');
  const D = dataFields;
  ctx.out.open(D.data, offset, n, `Data (${n} bytes)`);
  ctx.out.add(D.bytes, offset, n);
  ctx.out.add(D.len, offset, 0, n);
  ctx.out.close();
};
