// The ladder's SVG and its table alternative, as markup strings: the server
// renders them at build time, the browser redraws the visible band.

import type { LadderModel, LadderSegment } from './ladder-model.ts';
import { endpointText } from '../../decoder/text/endpoint.ts';
import { arrowLabel, durationText, type ArrowGeom, type LadderGeometry } from './geometry.ts';
import { sequenceDiagram } from '../../lib/strings/sequenceDiagram.ts';

const t = sequenceDiagram;

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A side's state as the ladder shows it: 'unknown' (one side may be known while the other cannot be told), or none at all, is said in words. */
export function stateLabel(s: string | undefined): string {
  return s === undefined || s === 'unknown' ? t.stateUnknown : s;
}

/**
 * Both sides' states after segment i, for the detail line: a change names the state before it,
 * and states the segment left as they were are said to stay (not announced afresh at every step).
 */
export function statesText(model: LadderModel, i: number): string {
  const now = model.segments[i]?.states;
  if (!now) return t.stateUnknown;
  const [a, b] = [model.a.name, model.b.name];
  const before = i > 0 ? model.segments[i - 1].states : null;
  if (before && before[0] === now[0] && before[1] === now[1]) return t.statesStay(a, b, stateLabel(now[0]), stateLabel(now[1]));
  // At the first segment (nothing before) both are simply named.
  const side = (host: string, k: 0 | 1) => t.stateOf(host, stateLabel(now[k]), before && before[k] !== now[k] ? stateLabel(before[k]) : undefined);
  return `${side(a, 0)}; ${side(b, 1)}`;
}

const n1 = (v: number) => Math.round(v * 10) / 10;

/** Analysis marks as words, for labels and the table ("Retransmission, Dup ACK"). */
export function marksText(s: LadderSegment): string {
  return s.marks.map((m) => t.marks[m] ?? m).join(', ');
}

/** Classes that draw a mark differently (dash pattern, end shape), never by colour alone. */
export function arrowClasses(s: LadderSegment): string[] {
  const cls = ['sd-arrow', s.fromA ? 'sd-from-a' : 'sd-from-b'];
  if (s.marks.some((m) => m.endsWith('retransmission') || m === 'out_of_order')) cls.push('sd-retrans');
  if (s.marks.includes('duplicate_ack')) cls.push('sd-dupack');
  if (s.rst) cls.push('sd-rst');
  if (s.marks.some((m) => m.startsWith('zero_window') || m === 'window_full')) cls.push('sd-window');
  return cls;
}

export function arrowSvg(model: LadderModel, a: ArrowGeom, selected: boolean): string {
  const s = model.segments[a.index];
  const cls = arrowClasses(s);
  if (selected) cls.push('sd-selected');
  const dir = a.x2 > a.x1 ? 1 : -1;
  const d = `M${a.x1} ${n1(a.y1)}L${n1(a.xc)} ${n1(a.y)}L${a.x2} ${n1(a.y2)}`;
  let extra = '';
  if (s.rst) extra += `<line class="sd-bar" x1="${a.x2}" y1="${n1(a.y2 - 8)}" x2="${a.x2}" y2="${n1(a.y2 + 8)}"/>`;
  if (s.lost) {
    // A segment the analysis knows was sent but the capture never saw: it ends in a cross.
    const ly = a.y - 30;
    const lx2 = a.x1 + (a.x2 - a.x1) * 0.45;
    extra +=
      `<g class="sd-lost"><line x1="${a.x1}" y1="${n1(ly - 6)}" x2="${n1(lx2)}" y2="${n1(ly + 4)}"/>` +
      `<path d="M${n1(lx2 - 5)} ${n1(ly - 1)}l10 10m0 -10l-10 10"/>` +
      `<text x="${n1(lx2 + dir * 12)}" y="${n1(ly + 8)}" text-anchor="${dir > 0 ? 'start' : 'end'}">${esc(t.lost(s.lost[0], s.lost[1]))}</text></g>`;
  }
  return (
    `<g class="${cls.join(' ')}" data-frame="${s.frame}" data-index="${a.index}" data-y="${n1(a.y)}">` +
    `<path class="sd-hit" d="${d}"/>` +
    `<path class="sd-line" d="${d}" marker-end="url(#${selected ? 'sd-head-sel' : 'sd-head'})"/>` +
    extra +
    `</g>`
  );
}

/** The arrow's label, drawn in a layer above every line so crossing arrows never hide it. */
export function labelSvg(model: LadderModel, a: ArrowGeom, selected: boolean, labelX: number): string {
  const s = model.segments[a.index];
  const marks = marksText(s);
  const text = (marks ? `[${marks}] ` : '') + arrowLabel(s);
  const labelY = a.fromA ? a.y - 10 : a.y + 17;
  return `<text class="sd-label${selected ? ' sd-selected' : ''}" data-frame="${s.frame}" x="${n1(labelX)}" y="${n1(labelY)}">${esc(text)}</text>`;
}

/** Time labels at each departure (even spacing): the left-hand axis. */
export function timeLabelsSvg(model: LadderModel, arrows: readonly ArrowGeom[], g: LadderGeometry): string {
  return arrows
    .map((a) => `<text x="${g.axisX - 6}" y="${n1(a.y + 4)}" text-anchor="end">${esc(durationText(model.segments[a.index].t).replace(' ', '\u00a0'))}</text>`)
    .join('');
}

/** State changes written beside each line, where they happen. */
export function stateLabelsSvg(model: LadderModel, arrows: readonly ArrowGeom[], g: LadderGeometry): string {
  if (g.compact) return '';
  let out = '';
  for (const a of arrows) {
    const s = model.segments[a.index];
    const prev = model.segments[a.index - 1]?.states ?? null;
    if (!s.states) continue;
    const y = n1(a.y + 4);
    if (s.states[0] !== prev?.[0]) out += `<text class="sd-st" x="${g.xA - 8}" y="${y}" text-anchor="end">${esc(stateLabel(s.states[0]))}</text>`;
    if (s.states[1] !== prev?.[1]) out += `<text class="sd-st" x="${g.xB + 8}" y="${y}" text-anchor="start">${esc(stateLabel(s.states[1]))}</text>`;
  }
  return out;
}

/** Where labels start: just right of the capture point (labels sit beside it, where their own arrow leaves room). */
export function labelX(g: LadderGeometry): number {
  return g.compact ? g.xA + 8 : Math.min(g.xCap, g.xA + (g.xB - g.xA) * 0.5) + 10;
}

export interface SvgIds {
  title: string;
  desc: string;
}

/** The static parts (lines, names) plus the given arrows. */
export function ladderSvg(model: LadderModel, g: LadderGeometry, visible: readonly ArrowGeom[], selected: number, ids: SvgIds): string {
  const segs = model.segments;
  const first = segs[0]?.frame ?? 0;
  const lastFrame = segs[segs.length - 1]?.frame ?? 0;
  const bottom = g.height - 20;
  const stateNow = segs[selected]?.states ?? null;
  // Names centred on their lines, or kept inside the edges on a narrow drawing.
  const name = (x: number, host: string, i: 0 | 1) => {
    const [at, anchor] = !g.compact ? [x, 'middle'] : i === 0 ? [4, 'start'] : [g.width - 4, 'end'];
    return (
      `<text class="sd-host" x="${at}" y="20" text-anchor="${anchor}">${esc(host)}</text>` +
      `<text class="sd-now" data-side="${i}" x="${at}" y="38" text-anchor="${anchor}">${esc(stateLabel(stateNow?.[i]))}</text>`
    );
  };
  return (
    `<svg class="sd-svg${g.compact ? ' sd-compact' : ''}" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}" role="img" aria-labelledby="${ids.title} ${ids.desc}">` +
    `<title id="${ids.title}">${esc(t.title(model.a.name, model.b.name))}</title>` +
    `<desc id="${ids.desc}">${esc(t.desc(segs.length, first, lastFrame))}</desc>` +
    `<defs>` +
    `<marker id="sd-head" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path class="sd-head" d="M0 0L10 5L0 10z"/></marker>` +
    `<marker id="sd-head-sel" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto-start-reverse"><path class="sd-head-sel" d="M0 0L10 5L0 10z"/></marker>` +
    `</defs>` +
    `<g class="sd-lines"><line x1="${g.xA}" y1="${g.top - 14}" x2="${g.xA}" y2="${bottom}"/><line x1="${g.xB}" y1="${g.top - 14}" x2="${g.xB}" y2="${bottom}"/></g>` +
    `<g class="sd-names">${name(g.xA, model.a.name, 0)}${name(g.xB, model.b.name, 1)}</g>` +
    (model.captureAt !== null
      ? `<g class="sd-cap"><line x1="${n1(g.xCap)}" y1="${g.top - 30}" x2="${n1(g.xCap)}" y2="${bottom}"/><text x="${n1(g.xCap)}" y="${g.top - 36}" text-anchor="middle">${esc(t.capturePoint)}</text></g>`
      : '') +
    `<g class="sd-axis">${timeLabelsSvg(model, visible, g)}</g>` +
    `<g class="sd-states">${stateLabelsSvg(model, visible, g)}</g>` +
    `<g class="sd-gap" aria-hidden="true"></g>` +
    `<g class="sd-arrows">${visible.map((a) => arrowSvg(model, a, a.index === selected)).join('')}</g>` +
    `<g class="sd-labels">${visible.map((a) => labelSvg(model, a, a.index === selected, labelX(g))).join('')}</g>` +
    `<circle class="sd-dot" r="5" cx="-20" cy="-20"/>` +
    `</svg>`
  );
}

/** The table alternative: one row per segment, in step with the ladder (aria-current). */
export function ladderTable(model: LadderModel, selected: number): string {
  const c = t.col;
  const head = `<tr><th scope="col">${c.frame}</th><th scope="col">${c.time}</th><th scope="col">${c.direction}</th><th scope="col">${c.flags}</th><th scope="col">${c.seq}</th><th scope="col">${c.ack}</th><th scope="col">${c.len}</th><th scope="col">${c.analysis}</th></tr>`;
  const rows = model.segments
    .map((s, i) => {
      const dir = s.fromA ? t.arrow('A', 'B') : t.arrow('B', 'A');
      const lost = s.lost ? t.lost(s.lost[0], s.lost[1]) : '';
      const analysis = [marksText(s), lost].filter(Boolean).join('; ');
      return (
        `<tr data-frame="${s.frame}" data-index="${i}"${i === selected ? ' aria-current="true"' : ''}>` +
        `<td>${s.frame}</td><td>${s.noTime ? '' : s.t.toFixed(6)}</td><td>${esc(dir)}</td><td>${esc(s.flags)}</td><td>${s.seq}</td><td>${s.ack ?? ''}</td><td>${s.len}</td><td>${esc(analysis)}</td></tr>`
      );
    })
    .join('');
  const who = t.endpoints(`${model.a.name}, ${endpointText(model.a.address, model.a.port)}`, `${model.b.name}, ${endpointText(model.b.address, model.b.port)}`);
  return `<table class="sd-table"><caption>${esc(t.tableCaption)} (${esc(model.relative ? t.relative : t.raw)}). ${esc(who)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}
