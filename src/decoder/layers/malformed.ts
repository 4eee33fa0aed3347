// Wireshark's closing lines for a frame that could not be dissected to its end.

import { defineFields } from '../fields/spec.ts';

export const malformedFields = defineFields({
  malformed: { name: '_ws.malformed', label: 'Malformed Packet', type: 'protocol' },
  malformedExpert: { name: '_ws.malformed.expert', label: 'Malformed Packet (Exception occurred)', type: 'none' },
  short: { name: '_ws.short', label: 'Short Frame', type: 'protocol' },
});
