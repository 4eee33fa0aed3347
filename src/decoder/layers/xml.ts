// An XML body (Wireshark's "xml" protocol), as HTTP hands it over for an XML
// media type. Only the outline is kept: the protocol node over the body and
// its lines; Wireshark's per-tag tree is not built. What matters for the
// packet list is Wireshark's: the Protocol column reads "HTTP/XML" and Info
// keeps HTTP's text (no "(text/xml)" as a text body would add).

import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';
import { escapeText, latin1 } from '../fields/format.ts';
import type { Decoder } from './context.ts';

const xmlFields = defineFields({
  xml: { name: 'xml', label: 'eXtensible Markup Language', type: 'protocol' },
});

export const xmlTable: ProtocolTable = { layer: 'xml', filter: 'xml', title: 'eXtensible Markup Language', header: [], fields: xmlFields };

export const decodeXml: Decoder = (ctx, offset, end) => {
  const { data, out } = ctx;
  const stop = Math.min(end, data.length);
  if (stop <= offset) return;
  ctx.protocols.push('xml');
  if (ctx.columns && !ctx.inner) ctx.cols.protocol += '/XML';
  out.open(xmlFields.xml, offset, stop - offset, 'eXtensible Markup Language');
  if (out.detail) {
    for (let s = offset; s < stop; ) {
      let e = s;
      while (e < stop && data[e] !== 10) e++;
      const next = e < stop ? e + 1 : e;
      out.text(escapeText(latin1(data, s, next)), s, next - s);
      s = next;
    }
  }
  out.close();
};
