// Loaded on demand, only when the diagram must show another frame than the
// one rendered at build time: shares the page's one copy of the capture (the
// packet viewer's, when it is on the page too) and dissects frames.

import { captureFrom } from '../shared/capture-source.ts';
import { protocolTables } from '../../decoder/dissect.ts';
import type { Field } from '../../decoder/types.ts';
import type { ProtocolTable } from '../../decoder/fields/spec.ts';

/** Frame n's details tree, bytes and the layer's table, or undefined past the last frame. */
export async function frameTree(url: string, n: number, layer: string): Promise<{ tree: Field[]; data: Uint8Array; table: ProtocolTable } | undefined> {
  const capture = await captureFrom(url);
  if (n < 1 || n > capture.frames.length) return undefined;
  return { tree: capture.dissect(n).tree, data: capture.data(n), table: protocolTables[layer] };
}
