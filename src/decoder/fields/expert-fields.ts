// Expert information as fields, as Wireshark registers it: each expert item has
// a filter name of its own (tcp.connection.syn), and _ws.expert.message holds
// the text of every item in the frame. The layers raise expert items through
// Sink.expert(); this table lets `fields -e` and display filters ask for them.

import { defineFields, type FieldSpec } from './spec.ts';

export const expertFields = defineFields({
  message: { name: '_ws.expert.message', label: 'Message', type: 'string' },
  syn: { name: 'tcp.connection.syn', label: 'Connection establish request (SYN)', type: 'none' },
  synack: { name: 'tcp.connection.synack', label: 'Connection establish acknowledge (SYN+ACK)', type: 'none' },
  fin: { name: 'tcp.connection.fin', label: 'Connection finish (FIN)', type: 'none' },
  rst: { name: 'tcp.connection.rst', label: 'Connection reset (RST)', type: 'none' },
  finActive: { name: 'tcp.connection.fin_active', label: 'This frame initiates the connection closing', type: 'none' },
  finPassive: { name: 'tcp.connection.fin_passive', label: 'This frame undergoes the connection closing', type: 'none' },
  httpChat: { name: 'http.chat', label: 'HTTP request or response line', type: 'none' },
  vlanTooMany: { name: 'vlan.too_many_tags', label: 'Too many nested VLAN tags', type: 'none' },
});

/** Expert items that are fields only as expert items (no layer adds them as fields), by name. */
export const expertOnly: ReadonlyMap<string, FieldSpec> = new Map(
  Object.values(expertFields)
    .filter((s) => s !== expertFields.message)
    .map((s) => [s.name, s]),
);

export const EXPERT_SPECS: readonly FieldSpec[] = Object.values(expertFields);
