// The Follow stream panel as markup: a legend naming both endpoints, the view
// switch and downloads (shown once the script runs), and the stream's chunks
// in capture order. The same description is written out as HTML on the
// server (lessons) and built as DOM in the browser (the explorer), so a
// stream's bytes are always text, never markup.

import type { FollowNode, FollowRecord, FollowResult } from '../../decoder/analysis/follow-records.ts';
import { asciiOf, hexDump, rawOf, type FollowMode } from '../../decoder/stats/follow-text.ts';
import { endpointText } from '../../decoder/text/endpoint.ts';
import { h, type Markup } from '../frame-panes/markup.ts';
import { followStream as t } from '../../lib/strings/followStream.ts';

/** A node as the panel names it: tshark's Node 0 is A, Node 1 is B. */
export const DIRS = ['A', 'B'] as const;

export interface FollowPanelOptions {
  /** Prefix of the panel's ids, unique on the page. */
  id: string;
  /** Host names by address (a lesson capture's sidecar), shown beside the endpoints. */
  names?: ReadonlyMap<string, string>;
  /** Carry each chunk's bytes (base64) so the client can switch views without the capture. */
  withBytes?: boolean;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The text of one chunk in a view; hex offsets count each node's bytes, as tshark's do. */
function chunkText(r: FollowRecord, mode: FollowMode, offset: number): string {
  if (mode === 'ascii') return asciiOf(r.bytes);
  if (mode === 'raw') return rawOf(r.bytes);
  return hexDump('', offset, r.bytes).replace(/\n$/, '');
}

/** Where each record's hex dump starts: the bytes its node sent before it. */
export function offsetsOf(records: readonly FollowRecord[]): number[] {
  const at = [0, 0];
  return records.map((r) => {
    const o = at[r.node];
    at[r.node] += r.bytes.length;
    return o;
  });
}

function chunkMarkup(r: FollowRecord, mode: FollowMode, offset: number, withBytes: boolean): Markup {
  return h(
    'span',
    {
      class: r.missing === undefined ? 'fs-chunk' : 'fs-chunk fs-gap',
      'data-follow-chunk': true,
      'data-dir': DIRS[r.node],
      'data-frame': r.frame,
      'data-missing': r.missing,
      'data-b64': withBytes ? base64(r.bytes) : undefined,
    },
    chunkText(r, mode, offset),
  );
}

/**
 * Records `from` to `to` as markup. In ASCII a sender's consecutive chunks run
 * on in one block, so lines are not split where segments were; in hex and raw
 * each chunk is a block of its own, as tshark prints it.
 */
export function chunksMarkup(
  records: readonly FollowRecord[],
  mode: FollowMode,
  from: number,
  to: number,
  offsets: readonly number[],
  withBytes = false,
): Markup[] {
  const out: Markup[] = [];
  let run: Markup | undefined;
  for (let i = from; i < Math.min(to, records.length); i++) {
    const r = records[i];
    const chunk = chunkMarkup(r, mode, offsets[i], withBytes);
    if (mode !== 'ascii' || !run || run.attrs['data-dir'] !== DIRS[r.node]) {
      run = h('span', { class: 'fs-run', 'data-dir': DIRS[r.node] });
      out.push(run);
    }
    run.children.push(chunk);
  }
  return out;
}

function nodeLabel(n: FollowNode, names?: ReadonlyMap<string, string>): string {
  const name = names?.get(n.address);
  const at = endpointText(n.address, n.port);
  return name ? `${name}, ${at}` : at;
}

/** Bytes and chunks each node sent (gaps left out: they are not bytes anyone sent). */
function sentBy(records: readonly FollowRecord[], node: 0 | 1): { chunks: number; bytes: number } {
  let chunks = 0;
  let bytes = 0;
  for (const r of records)
    if (r.node === node && r.missing === undefined) {
      chunks++;
      bytes += r.bytes.length;
    }
  return { chunks, bytes };
}

/** Chunks the panel draws at first; the client adds more as the reader scrolls. */
export const FIRST_CHUNKS = 400;

/** The panel's inside, for `<wb-follow data-follow>`. */
export function followPanelMarkup(f: FollowResult, o: FollowPanelOptions, limit = Number.POSITIVE_INFINITY): Markup[] {
  const titleId = `${o.id}-title`;
  const nodes = f.nodes;
  const legend = h(
    'ul',
    { class: 'fs-legend', 'aria-label': t.legend },
    ...(nodes ?? []).map((n, i) => {
      const sent = sentBy(f.records, i as 0 | 1);
      return h(
        'li',
        { 'data-dir': DIRS[i] },
        h('span', { class: 'fs-swatch', 'aria-hidden': 'true' }),
        h('strong', {}, t.endpoint(DIRS[i], nodeLabel(n, o.names))),
        ` ${t.sent(sent.chunks, sent.bytes)}`,
      );
    }),
  );
  const views = h(
    'fieldset',
    { class: 'fs-views' },
    h('legend', {}, t.view),
    ...(['ascii', 'hex', 'raw'] as const).map((m) =>
      h('label', {}, h('input', { type: 'radio', name: `${o.id}-view`, value: m, checked: m === 'ascii', 'data-follow-view': m }), ` ${t.views[m]}`),
    ),
  );
  const downloads = h('span', { class: 'fs-downloads' }, ...DIRS.map((d) => h('button', { type: 'button', 'data-follow-download': d }, t.download(d))));
  const controls = h('div', { class: 'fs-controls', 'data-follow-controls': true, hidden: true }, views, downloads);
  const offsets = offsetsOf(f.records);
  const shown = Math.min(limit, f.records.length);
  const text = f.records.length
    ? h('pre', { class: 'fs-text', 'data-follow-text': true, 'data-view': 'ascii' }, ...chunksMarkup(f.records, 'ascii', 0, shown, offsets, o.withBytes))
    : h('p', {}, t.empty);
  const body = h('div', { class: 'fs-body', tabindex: 0, role: 'region', 'aria-label': t.body(f.proto, f.stream), 'data-follow-body': true }, text);
  const more = h('p', { class: 'fs-more', 'data-follow-more': true, hidden: shown >= f.records.length }, t.more(shown, f.records.length));
  return [h('p', { class: 'fs-title', id: titleId }, t.title(f.proto, f.stream)), legend, controls, body, more];
}
