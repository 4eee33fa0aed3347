// Transport checksums over the IPv4 or IPv6 pseudo-header (shared by UDP, TCP, ICMPv6).

import { expectedChecksum, ipv4PseudoSum, ipv6PseudoSumOf } from '../checksum.ts';
import type { LayerContext } from './context.ts';
import type { IpHeader } from './records.ts';

/**
 * The correct checksum for bytes [from, to), with the checksum field at `fieldAt`,
 * or undefined when the bytes were not all captured.
 */
export function transportChecksum(ctx: LayerContext, ip: IpHeader, proto: number, from: number, to: number, fieldAt: number): number | undefined {
  if (to > ctx.data.length) return undefined;
  const len = to - from;
  const pseudo = ip.version === 4 ? ipv4PseudoSum(ip.rec.src, ip.rec.dst, proto, len) : ipv6PseudoSumOf(ip.rec.src, ip.rec.finalDst, proto, len);
  return expectedChecksum(ctx.data, from, to, fieldAt, pseudo);
}
