// The dissector's output port. Layers describe what they find through a Sink;
// the tree sink builds the details pane, the wanted sink keeps only the fields
// a `fields -e ...` run asked for, so the fast path formats almost nothing.

import type { FieldValue, Severity } from '../types.ts';
import type { FieldSpec } from './spec.ts';

export interface Sink {
  /** True when display lines and text-only nodes are kept: layers build summary strings only then. */
  readonly detail: boolean;
  /** Whether this sink keeps `spec` (lets a layer skip costly values). */
  wants(spec: FieldSpec): boolean;
  /** Whether this sink keeps any of `specs` (lets a layer skip a whole subtree). */
  wantsAny(specs: readonly FieldSpec[]): boolean;
  /** Start a new frame whose bytes are `data` (byte-like values are read from it when not given). */
  begin(data: Uint8Array): void;
  /**
   * Switch data source within the frame: byte-like values are read from `data`
   * and nodes are placed in source `name` (a reassembled PDU); `undefined`
   * names the frame's own bytes again.
   */
  source(name: string | undefined, data: Uint8Array): void;
  /** A leaf. `value` undefined means "the bytes at offset/length". `display` overrides the generated line. */
  add(spec: FieldSpec, offset: number, length: number, value?: FieldValue, display?: string): void;
  /** A node whose children follow until close(). */
  open(spec: FieldSpec, offset: number, length: number, value?: FieldValue, display?: string): void;
  /** A text-only node (e.g. "Queries"); children follow until close(). */
  openText(display: string, offset: number, length: number): void;
  /** A text-only leaf. */
  text(display: string, offset: number, length: number): void;
  close(): void;
  /** A handle on the innermost open node, to add to it again later (Ethernet's trailer after the payload). */
  current(): unknown;
  /** Open `handle` again; close() as usual. */
  reopen(handle: unknown): void;
  /** Set the length (and optionally the line) of the innermost open node, once known. */
  finish(length: number, display?: string): void;
  /** Expert info on the node added last. */
  expert(name: string, severity: Severity, message: string): void;
}
