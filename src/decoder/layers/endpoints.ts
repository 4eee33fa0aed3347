// A frame's two ends as text, for keys that must match a request to its response
// whichever way each travels (request/response matching).

import { addressText } from './address-text.ts';
import type { LayerContext } from './context.ts';

/** "addr[:port]|addr[:port]" in a fixed order, or "" without an IP header. */
export function endpointsKey(ctx: LayerContext, ports?: { srcPort: number; dstPort: number }): string {
  const ip = ctx.lastIp;
  if (!ip) return '';
  const src = addressText(ip, 'src');
  const dst = addressText(ip, 'dst');
  return ports ? conversationKey(`${src}:${ports.srcPort}`, `${dst}:${ports.dstPort}`) : conversationKey(src, dst);
}

/** The two ends of a conversation in either direction, as one key part. */
export function conversationKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
