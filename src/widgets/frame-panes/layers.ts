// Which of the site's layer hues (--layer-eth, -ip, -tcp, -udp, -app) a
// top-level protocol node takes: the same colours the header diagrams use.
import type { Field } from '../../decoder/types.ts';

export type LayerHue = 'frame' | 'eth' | 'ip' | 'tcp' | 'udp' | 'app' | 'data';

const hues: Record<string, LayerHue> = {
  frame: 'frame',
  eth: 'eth',
  sll: 'eth',
  null: 'eth',
  vlan: 'eth',
  arp: 'eth',
  ip: 'ip',
  ipv6: 'ip',
  icmp: 'ip',
  icmpv6: 'ip',
  tcp: 'tcp',
  udp: 'udp',
  data: 'data',
};

/** The hue of the top-level node a path starts in. */
export function layerOf(path: string, tree: readonly Field[]): LayerHue {
  const top = tree[Number(path.split('.')[0])];
  return hues[top?.name ?? ''] ?? 'app';
}

/**
 * The hue of each byte: the last top-level protocol (after "frame") that
 * covers it, among the nodes of that data source (the frame when absent).
 */
export function byteLayers(tree: readonly Field[], length: number, source?: string): LayerHue[] {
  const out: LayerHue[] = Array.from({ length }, () => 'data');
  tree.forEach((f, i) => {
    if (f.name === 'frame' || f.length <= 0 || f.source !== source) return;
    const hue = layerOf(String(i), tree);
    for (let k = Math.max(0, f.offset); k < Math.min(length, f.offset + f.length); k++) out[k] = hue;
  });
  return out;
}
