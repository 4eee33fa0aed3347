// LINKTYPE_USER0..15: private link types Wireshark leaves undecoded unless told how.

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import type { Decoder } from './context.ts';

const userDltFields = defineFields({
  userDlt: { name: 'user_dlt', label: 'DLT User', type: 'protocol' },
});

export const userDltTable: ProtocolTable = { layer: 'user_dlt', filter: 'user_dlt', title: 'DLT User', header: [], fields: userDltFields };

export const decodeUserDlt: Decoder = (ctx, offset, end) => {
  const stop = Math.min(end, ctx.data.length);
  ctx.protocols.push('user_dlt');
  const text = `User encapsulation not handled: DLT=${ctx.record.linkType}, check your Preferences->Protocols->DLT_USER`;
  ctx.out.open(userDltFields.userDlt, offset, stop - offset, text, text);
  ctx.out.close();
  ctx.out.expert('user_dlt.not_handled', 'warn', text);
  ctx.call('data', offset, end);
};
