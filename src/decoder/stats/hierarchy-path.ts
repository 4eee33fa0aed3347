// A frame's path in the protocol hierarchy: its top-level items after "frame",
// in the order tshark's tree holds them when its statistics read it. Two
// differ from the details pane: a frame's comments are a top-level item of
// their own ("pkt_comment", right after "frame"), and the list of reassembled
// TCP segments, which the pane shows after TCP, is added to the tree only
// after the reassembled PDU has been dissected, so it comes last.

import type { StatFrame } from './frame-walk.ts';

const LAST = new Set(['tcp.segments']);

export function hierarchyPath(s: StatFrame, comments: boolean): string[] {
  const names = s.frame.tree.slice(1).map((f) => f.name);
  return [...(comments ? ['pkt_comment'] : []), ...names.filter((n) => !LAST.has(n)), ...names.filter((n) => LAST.has(n))];
}
