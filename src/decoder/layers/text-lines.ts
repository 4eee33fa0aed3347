// A text body, line by line: Wireshark's "data-text-lines".

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { escapeText, latin1 } from '../fields/format.ts';
import type { Decoder } from './context.ts';

const textLinesFields = defineFields({
  textLines: { name: 'data-text-lines', label: 'Line-based text data', type: 'protocol' },
});

export const textLinesTable: ProtocolTable = {
  layer: 'data-text-lines',
  filter: 'data-text-lines',
  title: 'Line-based text data',
  header: [],
  fields: textLinesFields,
};

/** `mediaType` is the body's Content-Type when a layer above knows it. */
export const decodeTextLines: Decoder = (ctx, offset, end, mediaType) => {
  const { data, out } = ctx;
  const stop = Math.min(end, data.length);
  ctx.protocols.push('data-text-lines');
  const lines: Array<[number, number]> = [];
  for (let s = offset; s < stop; ) {
    let e = s;
    while (e < stop && data[e] !== 10) e++;
    const next = e < stop ? e + 1 : e;
    lines.push([s, next]);
    s = next;
  }
  out.open(textLinesFields.textLines, offset, stop - offset, `Line-based text data${mediaType ? `: ${mediaType}` : ''} (${lines.length} lines)`);
  if (out.detail) for (const [s, e] of lines) out.text(escapeText(latin1(data, s, e)), s, e - s);
  out.close();
};
