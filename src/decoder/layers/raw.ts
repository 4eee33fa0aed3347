// Raw IP link types: the frame starts with an IPv4 or IPv6 header, told apart by its version nibble.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import type { Decoder } from './context.ts';

const rawFields = defineFields({
  raw: { name: 'raw', label: 'Raw packet data', type: 'protocol' },
});

export const rawTable: ProtocolTable = { layer: 'raw', filter: 'raw', title: 'Raw packet data', header: [], fields: rawFields };

export const decodeRaw: Decoder = (ctx, offset, end) => {
  ctx.protocols.push('raw');
  ctx.out.open(rawFields.raw, offset, Math.min(end, ctx.data.length) - offset, 'Raw packet data');
  ctx.out.close();
  const version = offset < ctx.data.length ? ctx.data[offset] >> 4 : 0;
  if (version === 4) ctx.call('ipv4', offset, end);
  else if (version === 6) ctx.call('ipv6', offset, end);
  else ctx.call('data', offset, end);
};
