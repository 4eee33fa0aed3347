// The tree pattern's keys (WAI-ARIA Authoring Practices, "Tree View": keyboard interaction).
import { describe, expect, it } from 'vitest';
import { treeKey, type TreeFocus } from './tree-keys.ts';

const at = (over: Partial<TreeFocus>): TreeFocus => ({ index: 2, count: 5, expanded: undefined, parent: 1, ...over });

describe('tree keys', () => {
  it('Down and Up move to the next and previous visible item, stopping at the ends', () => {
    expect(treeKey('ArrowDown', at({}))).toEqual({ move: 3 });
    expect(treeKey('ArrowUp', at({}))).toEqual({ move: 1 });
    expect(treeKey('ArrowDown', at({ index: 4 }))).toEqual({ none: true });
    expect(treeKey('ArrowUp', at({ index: 0 }))).toEqual({ none: true });
  });

  it('Home and End move to the first and last visible item', () => {
    expect(treeKey('Home', at({}))).toEqual({ move: 0 });
    expect(treeKey('End', at({}))).toEqual({ move: 4 });
  });

  it('Right opens a closed node, moves into an open one, and does nothing on a leaf', () => {
    expect(treeKey('ArrowRight', at({ expanded: false }))).toEqual({ open: true });
    expect(treeKey('ArrowRight', at({ expanded: true }))).toEqual({ move: 3 });
    expect(treeKey('ArrowRight', at({}))).toEqual({ none: true });
  });

  it('Left closes an open node, else moves to the parent; a top-level node has none', () => {
    expect(treeKey('ArrowLeft', at({ expanded: true }))).toEqual({ close: true });
    expect(treeKey('ArrowLeft', at({ expanded: false }))).toEqual({ move: 1 });
    expect(treeKey('ArrowLeft', at({ parent: -1 }))).toEqual({ none: true });
  });

  it('Enter and Space toggle; other keys are left to the page', () => {
    expect(treeKey('Enter', at({}))).toEqual({ toggle: true });
    expect(treeKey(' ', at({}))).toEqual({ toggle: true });
    expect(treeKey('Tab', at({}))).toBeUndefined();
    expect(treeKey('a', at({}))).toBeUndefined();
  });
});
