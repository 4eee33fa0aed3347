// Lays one layer's header out as RFC-style rows of bits, from the decoder's
// field table (which fields, in wire order, how many bits) and this frame's
// dissected tree (the values). Pure: the server render and the browser share it.

import type { Field } from '../../decoder/types.ts';
import type { FieldSpec, ProtocolTable } from '../../decoder/fields/spec.ts';

/** What a box stands for: a fixed field, one of its bit fields, a variable-length part. */
export type BoxKind = 'field' | 'bit' | 'option' | 'variable' | 'payload';

/** One field of the header, at its place in the bit stream. */
export interface HeaderBox {
  /** Display-filter name ("tcp.window_size_value"); selecting the box selects it. */
  name: string;
  label: string;
  /** Value as the box shows it ("513", "0x983f", "1"). */
  value: string;
  /** The value in words, for the accessible name and the tooltip. */
  detail: string;
  kind: BoxKind;
  /** First bit from the start of the header, and width in bits. */
  start: number;
  bits: number;
  /** Byte range within the frame (for the shared selection). */
  offset: number;
  length: number;
  /** Not captured (the snaplen cut it). */
  missing?: boolean;
}

/** A piece of a box inside one row (a 48-bit address spans two rows). */
export interface BoxPiece {
  box: number;
  row: number;
  /** First column (0-based) and columns covered. */
  col: number;
  span: number;
  /** Rows covered, for whole-row runs (an IPv6 address is one piece of four rows). */
  rows: number;
  /** The piece that carries the label and takes focus. */
  first: boolean;
}

export interface HeaderNote {
  name: string;
  label: string;
  value: string;
  /** A relative number (the box shows the one on the wire). */
  relative?: boolean;
}

export interface HeaderLayout {
  layer: string;
  title: string;
  rowBits: number;
  rowCount: number;
  boxes: HeaderBox[];
  pieces: BoxPiece[];
  /** Generated values (calculated window, relative numbers, checksum status). */
  notes: HeaderNote[];
}

function popcount(n: number): number {
  let c = 0;
  for (let v = n >>> 0; v; v >>>= 1) c += v & 1;
  return c;
}

function topBit(n: number): number {
  return 31 - Math.clz32(n >>> 0);
}

/** The table's bit fields inside a header field (TCP flags, IPv4 flags, DSCP/ECN), high bits first. */
export function subfieldsOf(table: ProtocolTable, parent: FieldSpec): FieldSpec[] {
  if (parent.bits <= 1 || parent.bits > 32) return [];
  const whole = parent.mask ?? (parent.bits === 32 ? 0xffffffff : (1 << parent.bits) - 1);
  const subs = Object.values(table.fields).filter(
    (f) =>
      f.name.startsWith(parent.name + '.') &&
      f.mask !== undefined &&
      !f.hidden &&
      !f.generated &&
      (f.width === parent.width || f.width === parent.bits) &&
      (f.mask & ~whole) === 0,
  );
  const total = subs.reduce((n, f) => n + popcount(f.mask!), 0);
  if (total !== parent.bits) return [];
  return subs.sort((a, b) => b.mask! - a.mask!);
}

/** Where a sub-field starts inside its parent, in bits from the parent's first bit. */
function subfieldStart(parent: FieldSpec, sub: FieldSpec): number {
  const whole = parent.mask ?? (parent.bits === 32 ? 0xffffffff : (1 << parent.bits) - 1);
  return topBit(whole) - topBit(sub.mask!);
}

function walk(fields: readonly Field[] | undefined, visit: (f: Field) => void): void {
  for (const f of fields ?? []) {
    visit(f);
    walk(f.children, visit);
  }
}

/** The value after "Label: " in a details-pane line, else `show`. */
function detailText(f: Field): string {
  const line = f.generated ? f.display.replace(/^\[(.*)\]$/, '$1') : f.display;
  const at = line.indexOf(`${f.label}: `);
  if (at >= 0) return line.slice(at + f.label.length + 2);
  const colon = line.indexOf(': ');
  return colon >= 0 ? line.slice(colon + 2) : f.show;
}

/** The box text: the named value ("TCP (6)") when it fits the box, else the bare one. */
function valueText(f: Field, spec: FieldSpec | undefined, bits: number): string {
  if (typeof f.value === 'boolean' || spec?.type === 'bool') return f.value === true || f.show === '1' ? '1' : '0';
  const named = detailText(f);
  return named !== f.show && named.length <= Math.max(8, bits * 0.85) ? named : f.show;
}

/** The layer's top node in a frame's tree ("tcp", "ip" for ipv4). */
export function layerNode(tree: readonly Field[], table: ProtocolTable): Field | undefined {
  return tree.find((f) => f.name === table.filter);
}

/** Short names for option boxes, by field name. */
export type Abbreviations = Readonly<Record<string, string>>;

/**
 * A layout made without abbreviations (in the explorer's Worker, which holds no
 * interface strings) with the short names put in: option boxes and padding.
 */
export function abbreviated(layout: HeaderLayout, abbrev: Abbreviations): HeaderLayout {
  const boxes = layout.boxes.map((b) => {
    const short = b.kind === 'option' ? abbrev[b.name] : b.kind === 'variable' && b.name === '' ? abbrev.padding : undefined;
    return short === undefined ? b : { ...b, label: short };
  });
  return { ...layout, boxes };
}

/**
 * Lay out `table`'s header for one dissected frame. Returns undefined when the
 * frame has no such layer. `rowBits` is 32 (RFC style) or 16 (narrow screens).
 */
export function layoutHeader(
  table: ProtocolTable,
  tree: readonly Field[],
  rowBits = 32,
  abbrev: Abbreviations = {},
  data?: Uint8Array,
): HeaderLayout | undefined {
  const node = layerNode(tree, table);
  if (!node) return undefined;
  const byName = new Map<string, Field>();
  walk(node.children, (f) => {
    if (!byName.has(f.name)) byName.set(f.name, f);
  });
  const base = node.offset;
  const boxes: HeaderBox[] = [];
  const relativeNotes: HeaderNote[] = [];
  let cursor = 0;
  for (const spec of table.header) {
    const f = byName.get(spec.name);
    const subs = subfieldsOf(table, spec);
    if (subs.length && f) {
      for (const sub of subs) {
        const sf = byName.get(sub.name);
        const bits = popcount(sub.mask!);
        boxes.push({
          name: sub.name,
          label: sub.label,
          value: sf ? valueText(sf, sub, bits) : '',
          detail: sf ? detailText(sf) : '',
          kind: bits === 1 ? 'bit' : 'field',
          start: cursor + subfieldStart(spec, sub),
          bits,
          offset: sf?.offset ?? f.offset,
          length: sf?.length ?? f.length,
          missing: !sf,
        });
      }
    } else {
      // Fields the analysis shows relative (tcp.seq): the box shows the bits on the wire.
      const wire =
        table.fields && Object.values(table.fields).some((x) => x.name === `${spec.name}_raw`) && data && f
          ? readBits(data, base * 8 + cursor, spec.bits)
          : undefined;
      const raw = wire !== undefined && String(wire) !== f?.show ? String(wire) : undefined;
      if (raw !== undefined && f) relativeNotes.push({ name: f.name, label: f.label, value: f.show, relative: true });
      boxes.push({
        name: spec.name,
        label: spec.label,
        value: raw ?? (f ? valueText(f, spec, spec.bits) : ''),
        detail: raw ?? (f ? detailText(f) : ''),
        kind: 'field',
        start: cursor,
        bits: spec.bits,
        offset: f?.offset ?? base + Math.floor(cursor / 8),
        length: f?.length ?? Math.ceil(spec.bits / 8),
        missing: !f,
      });
    }
    cursor += spec.bits;
  }

  // The variable part of the header (options), laid out by real lengths. It ends where content
  // the layer carries begins: a protocol of its own (an ICMP error's quoted IP header) or its data.
  const layerEnd = node.length * 8;
  const content = (node.children ?? []).find((f) => f.length > 0 && !f.generated && !f.name.includes('.') && (f.offset - base) * 8 >= cursor);
  const headerEnd = content ? (content.offset - base) * 8 : layerEnd;
  if (headerEnd > cursor) {
    const inHeader = (f: Field) => f.length > 0 && !f.generated && (f.offset - base) * 8 >= cursor && (f.offset - base) * 8 < headerEnd;
    let parts = (node.children ?? []).filter(inHeader);
    if (parts.length === 1 && parts[0].children?.length && parts[0].length * 8 === headerEnd - cursor) parts = parts[0].children.filter(inHeader);
    let at = cursor;
    const fill = (to: number) => {
      if (to > at)
        boxes.push({
          name: '',
          // Named by the caller's strings (abbrev.padding), so the layout holds no wording.
          label: abbrev.padding ?? '',
          value: '',
          detail: '',
          kind: 'variable',
          start: at,
          bits: to - at,
          offset: base + at / 8,
          length: (to - at) / 8,
        });
    };
    for (const p of parts) {
      const start = (p.offset - base) * 8;
      if (start < at) continue;
      fill(start);
      const short = abbrev[p.name] ?? p.label.replace(/^(TCP|IP) Option - /, '');
      boxes.push({
        name: p.name,
        label: short,
        value: p.name.endsWith('.nop') || p.name.endsWith('.eol') || p.name.endsWith('sack_perm') ? '' : optionValue(p),
        detail: p.display,
        kind: 'option',
        start,
        bits: Math.min(p.length * 8, headerEnd - start),
        offset: p.offset,
        length: p.length,
      });
      at = start + p.length * 8;
    }
    fill(headerEnd);
    cursor = Math.max(cursor, headerEnd);
  }

  // The payload, when the table names one (TCP and UDP data), or the content inside the layer: one
  // row however long, since it is not header.
  const payload = [...byName.values()].find((f) => f.name === `${table.filter}.payload`);
  if (payload) {
    boxes.push({
      name: payload.name,
      label: payload.label,
      value: `${payload.length}`,
      detail: payload.display,
      kind: 'payload',
      start: cursor,
      bits: rowBits - (cursor % rowBits),
      offset: payload.offset,
      length: payload.length,
    });
  } else if (content) {
    const length = base + layerEnd / 8 - content.offset;
    boxes.push({
      name: content.name,
      // "Internet Protocol Version 4, Src: …": the protocol's name is enough in a box.
      label: content.label.replace(/,.*$/, ''),
      value: `${length}`,
      detail: content.display,
      kind: 'payload',
      start: cursor,
      bits: rowBits - (cursor % rowBits),
      offset: content.offset,
      length,
    });
  }

  // Values the decoder calculated about this header (not conversation facts like the stream index).
  const notes: HeaderNote[] = [...relativeNotes];
  const boxed = new Set(boxes.map((b) => b.name));
  const noted = (f: Field) => f.generated && !f.children?.length && !boxed.has(f.name) && !NOT_HEADER_NOTES.test(f.name);
  for (const f of node.children ?? []) if (noted(f)) notes.push({ name: f.name, label: f.label, value: detailText(f) });
  for (const b of boxes) {
    const f = byName.get(b.name);
    for (const c of f?.children ?? []) if (noted(c)) notes.push({ name: c.name, label: c.label, value: detailText(c) });
  }
  const pieces = piecesOf(boxes, rowBits);
  const rowCount = pieces.reduce((n, p) => Math.max(n, p.row + p.rows), 0);
  return { layer: table.layer, title: table.title, rowBits, rowCount, boxes, pieces, notes };
}

/** Conversation facts the analysis adds beside the header fields: not about this header's bits. */
const NOT_HEADER_NOTES = /\.(stream|completeness|time_relative|time_delta)$/;

/** `bits` bits from bit `start` of `data`, as an unsigned number (up to 32 bits). */
export function readBits(data: Uint8Array, start: number, bits: number): number | undefined {
  if (bits > 32 || (start + bits + 7) >> 3 > data.length) return undefined;
  let v = 0;
  for (let i = 0; i < bits; i++) {
    const at = start + i;
    v = v * 2 + ((data[at >> 3] >> (7 - (at & 7))) & 1);
  }
  return v;
}

function optionValue(p: Field): string {
  const text = detailText(p);
  return text === p.show ? '' : text;
}

/** Cut boxes at row ends; whole-row runs of one box stay one piece spanning rows. */
export function piecesOf(boxes: readonly HeaderBox[], rowBits: number): BoxPiece[] {
  const out: BoxPiece[] = [];
  boxes.forEach((b, i) => {
    let at = b.start;
    const end = b.start + Math.max(b.bits, 1);
    let first = true;
    while (at < end) {
      const row = Math.floor(at / rowBits);
      const col = at % rowBits;
      if (col === 0 && end - at >= 2 * rowBits) {
        const rows = Math.floor((end - at) / rowBits);
        out.push({ box: i, row, col: 0, span: rowBits, rows, first });
        at += rows * rowBits;
      } else {
        const span = Math.min(rowBits - col, end - at);
        out.push({ box: i, row, col, span, rows: 1, first });
        at += span;
      }
      first = false;
    }
  });
  return out;
}
