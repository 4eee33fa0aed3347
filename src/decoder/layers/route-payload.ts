// Where a TCP or UDP payload goes, in the order Wireshark's decode_tcp_ports
// and decode_udp_ports try: the layer the conversation was bound to, the
// lower port's layer, the higher port's, the heuristic dissectors, else data.

import { heuristicFor, type HeuristicTable } from '../bindings.ts';
import type { LayerContext } from './context.ts';

export function routePayload(ctx: LayerContext, table: HeuristicTable, sp: number, dp: number, offset: number, end: number, bound?: string): void {
  if (bound !== undefined && ctx.call(bound, offset, end) >= 0) return;
  const [lo, hi] = sp <= dp ? [sp, dp] : [dp, sp];
  if (ctx.next(table, lo, offset, end) >= 0 || ctx.next(table, hi, offset, end) >= 0) return;
  const h = heuristicFor(table, ctx.data, offset, end);
  if (h === undefined || ctx.call(h.layer, offset, end) < 0) ctx.call('data', offset, end);
}
