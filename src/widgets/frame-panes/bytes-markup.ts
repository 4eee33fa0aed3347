// The bytes pane's markup: offset, hex cells coloured by layer, and the ASCII
// column. Live, it is a grid of cells the keyboard moves through.
import { asciiChar, hexByte, offsetText } from './hex-dump.ts';
import type { LayerHue } from './layers.ts';
import { h, type Markup } from './markup.ts';

/** The id of a live byte cell (the grid's active descendant). */
export const byteId = (idPrefix: string, offset: number): string => `${idPrefix}-b${offset}`;

/** One row a line of `perLine` bytes; `live` names the cells' id prefix. */
export function bytesMarkup(data: Uint8Array, hues: readonly LayerHue[], perLine: number, live?: { idPrefix: string }): Markup[] {
  const rows: Markup[] = [];
  const half = perLine / 2;
  for (let at = 0; at < data.length; at += perLine) {
    const hex: Markup[] = [];
    const ascii: Markup[] = [];
    for (let k = at; k < Math.min(at + perLine, data.length); k++) {
      hex.push(
        h(
          'span',
          {
            class: k % perLine === half ? 'pv-b pv-gap' : 'pv-b',
            role: live && 'gridcell',
            id: live && byteId(live.idPrefix, k),
            'data-offset': k,
            'data-layer': hues[k],
            'aria-selected': live && 'false',
          },
          hexByte(data[k]),
        ),
      );
      ascii.push(h('span', { class: 'pv-a', 'data-ascii': k }, asciiChar(data[k])));
    }
    rows.push(
      h(
        'div',
        { class: 'pv-hex-row', role: live && 'row' },
        h('span', { class: 'pv-off', role: live && 'rowheader' }, offsetText(at, data.length)),
        ...hex,
        h('span', { class: 'pv-asc', 'aria-hidden': 'true' }, ...ascii),
      ),
    );
  }
  return rows;
}
