// The keys of the details tree, as the WAI-ARIA tree pattern has them: what a
// key does to the focused item, among the items on show.

export type TreeAction = { move: number } | { open: true } | { close: true } | { toggle: true } | { none: true };

export interface TreeFocus {
  /** The focused item's index among the visible items. */
  index: number;
  count: number;
  /** Open, closed, or undefined for a leaf. */
  expanded: boolean | undefined;
  /** The parent's index among the visible items, or -1 for a protocol. */
  parent: number;
}

/** What a key does; undefined for a key the tree leaves alone. */
export function treeKey(key: string, at: TreeFocus): TreeAction | undefined {
  const move = (to: number): TreeAction => (to >= 0 && to < at.count ? { move: to } : { none: true });
  switch (key) {
    case 'ArrowDown':
      return move(at.index + 1);
    case 'ArrowUp':
      return move(at.index - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(at.count - 1);
    case 'ArrowRight':
      // Open a closed subtree; on an open one, go to its first child.
      if (at.expanded === false) return { open: true };
      return at.expanded ? move(at.index + 1) : { none: true };
    case 'ArrowLeft':
      // Close an open subtree; elsewhere, go to the parent.
      if (at.expanded) return { close: true };
      return move(at.parent);
    case 'Enter':
    case ' ':
      return { toggle: true };
    default:
      return undefined;
  }
}
