// A frame's notes (the lesson's and the capture's comments) and its expert
// findings, above the tree: the same markup on the page and in the browser.
import { packetViewer } from '../../lib/strings/packetViewer.ts';
import type { Finding, Note } from '../packet-viewer/notes.ts';
import { h, type Markup } from './markup.ts';

const t = packetViewer;

/** Callouts for the notes that belong to the frame, not to one field. */
export function frameNotesMarkup(notes: readonly Note[]): Markup[] {
  return notes
    .filter((n) => !n.path)
    .map((n) => h('p', { class: `pv-callout pv-callout-${n.kind}` }, h('strong', {}, n.kind === 'comment' ? t.comment : t.note), ` ${n.text}`));
}

export function findingsMarkup(findings: readonly Finding[]): Markup[] {
  return findings.map((f) =>
    h('li', { 'data-severity': f.severity, 'data-for-field': f.field }, h('span', { class: 'pv-sev' }, t.severity[f.severity]), ` ${f.message}`),
  );
}
