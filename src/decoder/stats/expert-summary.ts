// The expert summary, as tshark 4.0's `-z expert`: every expert item of every
// frame, counted per severity by (group, protocol, summary), in the order
// first seen, and printed errors first, comments last.

import type { Severity } from '../types.ts';

/** Expert severities with Wireshark's "comment" level, which frame comments carry. */
export type SummarySeverity = Severity | 'comment';

export interface ExpertItem {
  severity: SummarySeverity;
  /** Wireshark's expert group ("Sequence", "Checksum", "Malformed", ...). */
  group: string;
  /** The short name of the protocol that raised it ("TCP", "HTTP", "Frame"). */
  protocol: string;
  summary: string;
  /** The frame that carries it, when the caller knows (the explorer lists them). */
  frame?: number;
}

export interface ExpertEntry extends ExpertItem {
  frequency: number;
  /** The frames of the items counted, in order (those whose frame is known). */
  frames: number[];
}

const SECTIONS: ReadonlyArray<[SummarySeverity, string]> = [
  ['error', 'Errors'],
  ['warn', 'Warns'],
  ['note', 'Notes'],
  ['chat', 'Chats'],
  ['comment', 'Comments'],
];

export function expertSummary(items: Iterable<ExpertItem>): ExpertEntry[] {
  const entries = new Map<string, ExpertEntry>();
  for (const item of items) {
    const key = `${item.severity}\0${item.group}\0${item.protocol}\0${item.summary}`;
    const e = entries.get(key);
    const { frame, ...kind } = item;
    if (e) {
      e.frequency++;
      if (frame !== undefined && e.frames.at(-1) !== frame) e.frames.push(frame);
    } else entries.set(key, { ...kind, frequency: 1, frames: frame === undefined ? [] : [frame] });
  }
  return [...entries.values()];
}

export function expertText(entries: readonly ExpertEntry[]): string {
  const out: string[] = [];
  for (const [severity, title] of SECTIONS) {
    const mine = entries.filter((e) => e.severity === severity);
    if (mine.length === 0) continue;
    const total = mine.reduce((n, e) => n + e.frequency, 0);
    out.push('', `${title} (${total})`, '=============', '   Frequency      Group           Protocol  Summary');
    for (const e of mine) out.push(`${String(e.frequency).padStart(12)} ${e.group.padStart(10)} ${e.protocol.padStart(18)}  ${e.summary}`);
  }
  out.push('');
  return out.join('\n');
}
