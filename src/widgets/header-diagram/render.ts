// The header diagram's markup, as one HTML string: the server renders it at
// build time and the browser re-renders it for another frame, so both agree.

import type { HeaderBox, HeaderLayout } from './layout.ts';
import { headerDiagram } from '../../lib/strings/headerDiagram.ts';

const t = headerDiagram;

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface RenderOptions {
  frame: number;
  /** The selected field (and its offset, to tell repeated names apart). */
  selected?: { field?: string; offset?: number };
}

/** Index of the box that is selected: same name, and same offset when one is given. */
export function selectedBox(layout: HeaderLayout, sel: RenderOptions['selected']): number {
  if (!sel?.field) return -1;
  const named = layout.boxes.map((b, i) => [b, i] as const).filter(([b]) => b.name === sel.field);
  if (named.length === 0) return -1;
  const exact = named.find(([b]) => sel.offset === undefined || b.offset === sel.offset);
  return (exact ?? named[0])[1];
}

function ruler(bits: number): string {
  let s = '';
  for (let i = 0; i < bits; i++) s += `<span${i % 8 === 0 ? ' class="hd-byte"' : ''}>${i}</span>`;
  return `<div class="hd-ruler" aria-hidden="true" style="--bits:${bits}">${s}</div>`;
}

// Glue words for screen readers, inline (a block would break the name with spaces).
const hidden = (text: string) => `<span class="hd-sr">${esc(text)}</span>`;

/**
 * A box's content, read by screen readers as "Window: 16 bits, value 513":
 * the visible label and value with hidden glue words inside them, so the
 * accessible name contains the visible text (WCAG 2.5.3).
 */
function accessibleInner(b: HeaderBox, label: string): string {
  const full = label !== b.label ? ` (${b.label})` : '';
  const size = b.kind === 'payload' ? t.bytes(b.length) : t.bits(b.bits);
  const extra = b.detail && b.detail !== b.value ? hidden(`, ${b.detail}`) : '';
  if (b.missing) return `<span class="hd-label">${esc(label)}${hidden(`${full}: ${size}, ${t.notCaptured}`)}</span>`;
  if (b.value === '') return `<span class="hd-label">${esc(label)}${hidden(`${full}: ${size}`)}${extra}</span>`;
  return `<span class="hd-label">${esc(label)}${hidden(`${full}: ${size}, ${t.value('').trim()}`)}</span><span class="hd-value">${esc(b.value)}${extra}</span>`;
}

function grid(layout: HeaderLayout, opts: RenderOptions, variant: 'wide' | 'narrow'): string {
  const sel = selectedBox(layout, opts.selected);
  const focusBox = sel >= 0 ? sel : layout.boxes.findIndex((b) => b.name !== '');
  const items = layout.pieces.map((p) => {
    const b = layout.boxes[p.box];
    const cls = ['hd-box', `hd-${b.kind}`];
    if (b.missing) cls.push('hd-missing');
    if (!p.first) cls.push('hd-cont');
    if (p.col + p.span < layout.rowBits && b.start + b.bits > (p.row + p.rows) * layout.rowBits) cls.push('hd-open-end');
    const style = `grid-column:${p.col + 1}/span ${p.span};grid-row:${p.row + 1}/span ${p.rows}`;
    const short = headerDiagram.abbrev[b.name];
    const label = b.kind === 'bit' || (short && b.bits < 16) ? (short ?? b.label) : b.label;
    const common = `class="${cls.join(' ')}" style="${style}" data-field="${esc(b.name)}" data-offset="${b.offset}" data-length="${b.length}" data-box="${p.box}" title="${esc(`${b.label}: ${b.detail || b.value}`)}"`;
    // A box cut at a row end names itself once, with its value; the rest of it says it continues.
    const shown = p.first
      ? `<span class="hd-label">${esc(label)}</span>${b.value !== '' ? `<span class="hd-value">${esc(b.value)}</span>` : ''}`
      : `<span class="hd-label hd-cont-label">${esc(t.continued(label))}</span>`;
    if (!p.first || b.name === '') return `<div ${common} aria-hidden="true">${shown}</div>`;
    return `<div ${common} role="option" aria-selected="${p.box === sel}" tabindex="${p.box === focusBox ? 0 : -1}">${accessibleInner(b, label)}</div>`;
  });
  return (
    `<div class="hd-grid hd-${variant}" style="--bits:${layout.rowBits}">` +
    ruler(layout.rowBits) +
    `<div class="hd-boxes" role="listbox" aria-orientation="horizontal" aria-label="${esc(t.label(layout.title, opts.frame))}" style="--rows:${layout.rowCount}">${items.join('')}</div>` +
    `</div>`
  );
}

/** The whole diagram: wide (32-bit rows) and narrow (16-bit rows, for phones; CSS shows one). */
export function headerDiagramHtml(wide: HeaderLayout, narrow: HeaderLayout, opts: RenderOptions): string {
  const notes = wide.notes.length
    ? `<p class="hd-notes-title">${esc(t.notes)}</p><dl class="hd-notes">${wide.notes
        .map((n) => `<div data-note="${esc(n.name)}"><dt>${esc(n.relative ? t.relative(n.label) : n.label)}</dt><dd>${esc(n.value)}</dd></div>`)
        .join('')}</dl>`
    : '';
  return (
    `<p class="hd-title"><span class="hd-proto">${esc(wide.title)}</span> <span class="hd-frame">${esc(t.frameCaption(opts.frame))}</span></p>` +
    grid(wide, opts, 'wide') +
    grid(narrow, opts, 'narrow') +
    notes
  );
}

/** What the diagram says when the frame lacks the layer. */
export function missingLayerHtml(title: string, frame: number): string {
  return `<p class="hd-title"><span class="hd-proto">${esc(title)}</span> <span class="hd-frame">${esc(t.frameCaption(frame))}</span></p><p class="hd-empty">${esc(t.noLayer(title, frame))}</p>`;
}
