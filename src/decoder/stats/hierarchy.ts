// Protocol hierarchy, as tshark 4.0's `-z io,phs`: each frame's top-level
// protocol items, after "frame", as a path in a tree; every node counts the
// frames whose path passes through it and their bytes on the wire.

export interface PhsNode {
  name: string;
  frames: number;
  bytes: number;
  children: PhsNode[];
}

/** The hierarchy's top level (children of "frame") from each frame's path and length. */
export function protocolHierarchy(frames: Iterable<{ path: readonly string[]; length: number }>): PhsNode[] {
  const top: PhsNode[] = [];
  for (const { path, length } of frames) {
    let level = top;
    for (const name of path) {
      let node = level.find((n) => n.name === name);
      if (!node) {
        node = { name, frames: 0, bytes: 0, children: [] };
        level.push(node);
      }
      node.frames++;
      node.bytes += length;
      level = node.children;
    }
  }
  return top;
}

const MAX_INDENT = 16;
const MAX_LINE = 80;

export function hierarchyText(top: readonly PhsNode[]): string {
  const rule = '='.repeat(67);
  const lines = ['', rule, 'Protocol Hierarchy Statistics', 'Filter: ', ''];
  const draw = (nodes: readonly PhsNode[], depth: number) => {
    for (const n of nodes) {
      // As tshark: two spaces a level up to 16 levels, then "..."; the name cut to fit its 80-byte line buffer.
      const indent = depth > MAX_INDENT ? `${'  '.repeat(MAX_INDENT)}...` : '  '.repeat(depth);
      lines.push(`${`${indent}${n.name}`.slice(0, MAX_LINE - 1).padEnd(40)} frames:${n.frames} bytes:${n.bytes}`);
      draw(n.children, depth + 1);
    }
  };
  draw(top, 0);
  lines.push(rule, '');
  return lines.join('\n');
}
