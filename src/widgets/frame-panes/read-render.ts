// The frame of the server render, read back from the page: its tree from the
// tree's lines (outline.ts), its bytes from the hex cells. The viewer is then
// interactive on that frame without the decoder.
import type { Field } from '../../decoder/types.ts';
import { bytesFromHex, outlineNode, treeFromOutline, type OutlineNode } from './outline.ts';

export interface RenderedFrame {
  tree: Field[];
  data: Uint8Array;
  /** Some field points into a reassembled PDU, whose bytes are not on the page. */
  hasSources: boolean;
}

export function readRender(treeHost: HTMLElement, hex: HTMLElement): RenderedFrame | undefined {
  const nodes: OutlineNode[] = [];
  for (const li of treeHost.querySelectorAll<HTMLElement>('li[data-path]')) {
    const node = outlineNode(li.dataset, li.querySelector('.pv-line')?.textContent ?? '');
    if (!node) return undefined;
    nodes.push(node);
  }
  const tree = treeFromOutline(nodes);
  const data = bytesFromHex([...hex.querySelectorAll('[data-offset]')].map((b) => b.textContent ?? ''));
  const hasSources = nodes.some((n) => n.source !== undefined);
  return tree?.length && data ? { tree, data, hasSources } : undefined;
}
