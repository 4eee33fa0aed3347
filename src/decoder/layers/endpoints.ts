// A frame's two ends as text, for keys that must match a request to its response
// whichever way each travels (request/response matching).

import { ipv4Text, ipv6Text } from '../fields/format.ts';
import { conversationKey } from '../analysis/transactions.ts';
import type { LayerContext } from './context.ts';

/** "addr[:port]|addr[:port]" in a fixed order, or "" without an IP header. */
export function endpointsKey(ctx: LayerContext, ports?: { srcPort: number; dstPort: number }): string {
  const ip = ctx.lastIp;
  if (!ip) return '';
  const [src, dst] = ip.version === 4 ? [ipv4Text(ip.rec.src), ipv4Text(ip.rec.dst)] : [ipv6Text(ip.rec.src), ipv6Text(ip.rec.dst)];
  return ports ? conversationKey(`${src}:${ports.srcPort}`, `${dst}:${ports.dstPort}`) : conversationKey(src, dst);
}
