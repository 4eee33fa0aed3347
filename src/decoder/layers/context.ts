// What every layer receives: the frame's bytes, the sink to describe fields
// into, the summary columns, and a way to hand its payload on through the
// bindings table (layers never import each other).

import type { FrameRecord } from '../types.ts';
import type { Sink } from '../fields/sink.ts';
import type { FieldSpec } from '../fields/spec.ts';
import type { BindingTable } from '../bindings.ts';
import type { LayerRecords, IpHeader } from './records.ts';
import type { DissectSession } from './session.ts';

/** The packet-list columns of one frame. */
export interface Columns {
  source: string;
  destination: string;
  protocol: string;
  info: string;
}

export interface LayerContext {
  /** The captured bytes of the frame (may be fewer than on the wire). */
  readonly data: Uint8Array;
  readonly record: FrameRecord;
  readonly out: Sink;
  /** Build column strings (off in the fast path unless a column is wanted). */
  readonly columns: boolean;
  readonly cols: Columns;
  /** frame.protocols, in order ("eth", "ethertype", "ip", ...). */
  readonly protocols: string[];
  /** Decoded header values, for the analysis layer and for later layers (pseudo-headers). */
  readonly layers: LayerRecords;
  readonly session: DissectSession | undefined;
  /** True inside an ICMP error's quoted packet: columns and layer records belong to the outer packet. */
  readonly inner: boolean;
  /**
   * Mark the frame malformed: a "[Malformed Packet: PROTO]" line at the end of
   * the tree, with the expert `_ws.malformed` (`message`, else Wireshark's).
   */
  malformed(proto: string, message?: string): void;
  /**
   * True when nobody looks at any of `specs`, nor at columns, analysis or
   * malformed markers: the layer may only route its payload (fast path).
   */
  quiet(specs: readonly FieldSpec[]): boolean;
  /** Note bad data that Wireshark reports with an error expert but keeps dissecting (bogus lengths, bad checksums are not this). */
  markBad(): void;
  /**
   * The payload is the first fragment of a datagram that is not reassembled
   * (Wireshark's pinfo->fragmented): a length past its end is no error.
   */
  fragmented: boolean;
  /** The innermost IP header seen so far, for pseudo-header checksums. */
  lastIp: IpHeader | undefined;
  /** Bytes ran out because the capture was cut (snaplen): say so and stop this layer. */
  truncated(proto: string): void;
  /**
   * True when the frame already holds as many layers as Wireshark allows (its
   * tree-depth limit): the dissection then stops with Wireshark's
   * "Dissector bug" note, naming `proto` (by default the last layer). Bounds every
   * nesting the packet drives; `call()` checks it for every layer.
   */
  tooDeep(proto?: string): boolean;
  /** True once malformed() or truncated() stopped the dissection. */
  isMalformed(): boolean;
  /**
   * Hand bytes [offset, end) to whatever `table` binds `key` to (e.g. ethertype 0x0800).
   * `end` is where the bytes end on the wire; the captured part may be shorter.
   * Returns where the bound layer says its bytes end, or -1 when nothing is bound.
   */
  next(table: BindingTable, key: number, offset: number, end: number): number;
  /**
   * Dissect `bytes` that are not the frame's (a PDU reassembled from several
   * segments) as their own data source, Wireshark's extra bytes tab: while
   * `run` runs, `data` is `bytes` and fields are placed in source `name`.
   */
  withSource(name: string, bytes: Uint8Array, run: () => void): void;
  /** Dissect bytes as a named layer ("dns", "data", "ipv4" for ICMP's quoted header). */
  call(layer: string, offset: number, end: number, inner?: boolean, arg?: string): number;
}

/** A layer's decode function: describe bytes [offset, end), hand on the payload, and return where its bytes end if sooner than `end`. */
export type Decoder = (ctx: LayerContext, offset: number, end: number, arg?: string) => number | void;

/** Big-endian readers (callers check bounds first). */
export function u16(d: Uint8Array, at: number): number {
  return (d[at] << 8) | d[at + 1];
}
export function u32(d: Uint8Array, at: number): number {
  return ((d[at] << 24) | (d[at + 1] << 16) | (d[at + 2] << 8) | d[at + 3]) >>> 0;
}
export function u24(d: Uint8Array, at: number): number {
  return (d[at] << 16) | (d[at + 1] << 8) | d[at + 2];
}

/**
 * Check that `n` bytes at `at` exist before `end`. Past `end` (the layer's
 * length on the wire) the packet is malformed; past the captured bytes it was
 * cut by the snaplen. Either way the layer is told to stop.
 */
export function need(ctx: LayerContext, proto: string, at: number, n: number, end: number): boolean {
  if (at + n > end) {
    ctx.malformed(proto);
    return false;
  }
  if (at + n > ctx.data.length) {
    ctx.truncated(proto);
    return false;
  }
  return true;
}
