// BSD loopback ("NULL") header: a 4-byte address family in the capturing
// host's byte order (LINKTYPE_NULL), or network order (LINKTYPE_LOOP).

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { need } from './context.ts';
import type { Decoder } from './context.ts';

const FAMILIES: Readonly<Record<number, string>> = {
  2: 'IP',
  7: 'OSI',
  16: 'Appletalk',
  23: 'Netware IPX/SPX',
  24: 'IPv6',
  28: 'IPv6',
  30: 'IPv6',
};

const nullFields = defineFields({
  null: { name: 'null', label: 'Null/Loopback', type: 'protocol' },
  family: { name: 'null.family', label: 'Family', type: 'uint', bits: 32, width: 32, strings: FAMILIES },
});

export const nullTable: ProtocolTable = {
  layer: 'null',
  filter: 'null',
  title: 'Null/Loopback',
  header: [nullFields.family],
  fields: nullFields,
};

export const decodeNull: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  ctx.protocols.push('null');
  out.open(nullFields.null, offset, 4, 'Null/Loopback');
  if (!need(ctx, 'Null/Loopback', offset, 4, end)) {
    out.close();
    return;
  }
  // The family is small: whichever byte order gives a small number is the right one.
  const le = data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24);
  const be = (data[offset] << 24) | (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3];
  const family = le >>> 0 <= 0xffff ? le >>> 0 : be >>> 0;
  out.add(nullFields.family, offset, 4, family);
  out.close();
  if (ctx.next('null.family', family, offset + 4, end) < 0) ctx.call('data', offset + 4, end);
};
