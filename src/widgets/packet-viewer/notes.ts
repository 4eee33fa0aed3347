// What the page says about a frame beside the decoder: the lesson's notes
// (the capture sidecar's annotations) and the capture's own packet comments
// (pcapng opt_comment), and the expert findings the decoder put in the tree.
import type { Expert, Field, FrameRecord, Severity } from '../../decoder/types.ts';
import { findPath, walk, type FieldPath } from '../frame-panes/field-at.ts';

/** A sidecar annotation, as src/content/schemas.ts defines it. */
export interface Annotation {
  frame: number;
  field?: string;
  text: string;
}

export interface Note {
  kind: 'note' | 'comment';
  text: string;
  /** The field the note explains, when it names one present in the frame. */
  field?: string;
  path?: FieldPath;
}

/** Frame n's notes: annotations first (in sidecar order), then packet comments. */
export function notesFor(n: number, tree: readonly Field[], annotations: readonly Annotation[], record: FrameRecord | undefined): Note[] {
  const notes: Note[] = [];
  for (const a of annotations) {
    if (a.frame !== n) continue;
    const path = a.field ? findPath(tree, a.field) : undefined;
    notes.push(path ? { kind: 'note', text: a.text, field: a.field, path } : { kind: 'note', text: a.text });
  }
  for (const text of record?.comments ?? []) notes.push({ kind: 'comment', text });
  return notes;
}

/** Frames with at least one note or comment. */
export function framesWithNotes(annotations: readonly Annotation[], frames: readonly FrameRecord[]): Set<number> {
  const set = new Set(annotations.map((a) => a.frame));
  for (const f of frames) if (f.comments.length) set.add(f.number);
  return set;
}

export interface Finding extends Expert {
  /** The field the finding is attached to ("tcp.checksum"), and where it is in the tree. */
  field: string;
  path: FieldPath;
}

const shown: readonly Severity[] = ['note', 'warn', 'error'];

/**
 * The frame's expert findings worth a reader's attention (notes, warnings,
 * errors: bad checksums, resets, and the TCP analysis once it is on), in tree order.
 */
export function findingsOf(tree: readonly Field[]): Finding[] {
  const out: Finding[] = [];
  for (const { field, path } of walk(tree)) {
    for (const e of field.expert ?? []) if (shown.includes(e.severity)) out.push({ ...e, field: field.name, path });
  }
  return out;
}
