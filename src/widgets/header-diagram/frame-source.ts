// Loaded on demand, only when the diagram must show another frame than the
// one rendered at build time: fetches the capture once and dissects frames.

import { openCapture, type OpenedCapture } from '../../decoder/open-capture.ts';
import { protocolTables } from '../../decoder/dissect.ts';
import type { Field } from '../../decoder/types.ts';
import type { ProtocolTable } from '../../decoder/fields/spec.ts';

const opened = new Map<string, Promise<OpenedCapture>>();

function captureAt(url: string): Promise<OpenedCapture> {
  let p = opened.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.arrayBuffer();
      })
      .then((b) => openCapture(new Uint8Array(b)));
    p.catch(() => opened.delete(url));
    opened.set(url, p);
  }
  return p;
}

/** Frame n's details tree, bytes and the layer's table, or undefined past the last frame. */
export async function frameTree(url: string, n: number, layer: string): Promise<{ tree: Field[]; data: Uint8Array; table: ProtocolTable } | undefined> {
  const capture = await captureAt(url);
  if (n < 1 || n > capture.frames.length) return undefined;
  return { tree: capture.dissect(n).tree, data: capture.data(n), table: protocolTables[layer] };
}
