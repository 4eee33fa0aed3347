// The panes of the frame a PacketViewer opens at, as HTML for the build: the
// details tree with every line shown (readable and printable without
// JavaScript, and read back by the browser: read-render.ts), the bytes, the
// frame's notes and findings. Everything in it is escaped by html.ts.
import type { Field } from '../../decoder/types.ts';
import { findingsOf, type Note } from '../packet-viewer/notes.ts';
import { bytesMarkup } from './bytes-markup.ts';
import { BYTES_PER_LINE } from './hex-dump.ts';
import { toHtml } from './html.ts';
import { byteLayers } from './layers.ts';
import { findingsMarkup, frameNotesMarkup } from './notes-markup.ts';
import { treeMarkup } from './tree-markup.ts';

export interface PanesHtml {
  tree: string;
  bytes: string;
  notes: string;
  findings: string;
  hasFindings: boolean;
}

export function framePanesHtml(tree: readonly Field[], data: Uint8Array, notes: readonly Note[]): PanesHtml {
  const fieldNotes = new Map(notes.filter((n) => n.path).map((n) => [n.path!, n.text]));
  const findings = findingsOf(tree);
  const join = (parts: readonly Parameters<typeof toHtml>[0][]) => parts.map(toHtml).join('');
  return {
    tree: toHtml(treeMarkup(tree, { notes: fieldNotes })),
    bytes: join(bytesMarkup(data, byteLayers(tree, data.length), BYTES_PER_LINE)),
    notes: join(frameNotesMarkup(notes)),
    findings: join(findingsMarkup(findings)),
    hasFindings: findings.length > 0,
  };
}
