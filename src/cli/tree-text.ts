// The packet-details tree as text, the way `tshark -V` prints it: one line
// per node, children indented four spaces under their parent.

import type { Field } from '../decoder/types.ts';

export function treeText(tree: readonly Field[], out: string[] = [], depth = 0): string[] {
  const indent = '    '.repeat(depth);
  for (const f of tree) {
    out.push(indent + f.display);
    if (f.children?.length) treeText(f.children, out, depth + 1);
  }
  return out;
}
