// HTML of the checksum calculator, shared by the server render (complete
// without JavaScript) and the custom element, which redraws the sums in place.

import { checksum } from '../../lib/strings/checksum.ts';
import { complement, hex16, sumSteps, verdict, type SumStep, type Verdict } from './ones-complement.ts';
import type { ChecksumWord, WordPart } from './udp-words.ts';

const t = checksum;

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Two bytes of a word as text: printable ASCII as is, anything else as a middle dot. */
export function wordText(value: number, padded = false): string {
  const ch = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·');
  return ch(value >> 8) + (padded ? '' : ch(value & 0xff));
}

/** What a word is, in words ("Source port", "Data bytes 0–1"). */
export function wordLabel(word: ChecksumWord): string {
  const dotted = `${word.value >> 8}.${word.value & 0xff}`;
  switch (word.role) {
    case 'srcHigh':
      return t.role.srcHigh(dotted);
    case 'srcLow':
      return t.role.srcLow(dotted);
    case 'dstHigh':
      return t.role.dstHigh(dotted);
    case 'dstLow':
      return t.role.dstLow(dotted);
    case 'data': {
      const first = (word.offset ?? 8) - 8;
      return word.padded ? t.role.padded(first) : t.role.data(first, first + 1);
    }
    default:
      return t.role[word.role];
  }
}

/** The running-sum cell: the new sum, and the 17-bit total when a carry wrapped around. */
export function sumCellHtml(step: SumStep): string {
  const after = `<code>${hex16(step.after)}</code>`;
  if (!step.carry) return after;
  const total = '0x' + step.total.toString(16);
  return `<span class="ck-carry"><code>${total}</code><span aria-hidden="true"> ↻ </span><span class="ck-sr">${escapeHtml(t.carry(total))}, </span></span>${after}`;
}

/** The sentence under the table. */
export function verdictText(result: Verdict, computed: number, inPacket: number): string {
  if (result === 'absent') return t.verdict.absent;
  if (result === 'match') return t.verdict.match(hex16(inPacket));
  return t.verdict.mismatch(hex16(computed), hex16(inPacket));
}

export interface CalculatorResult {
  steps: SumStep[];
  sum: number;
  computed: number;
  verdict: Verdict;
}

/** Sums the words and compares the result with the packet's checksum. */
export function calculate(words: readonly ChecksumWord[], inPacket: number): CalculatorResult {
  const { steps, sum } = sumSteps(words.map((w) => w.value));
  const computed = complement(sum);
  return { steps, sum, computed, verdict: verdict(computed, inPacket) };
}

const PARTS: WordPart[] = ['pseudo', 'header', 'data'];

/** The whole table and verdict, as the server renders them. `id` makes element ids unique on the page. */
export function checksumTableHtml(words: readonly ChecksumWord[], inPacket: number, frame: number, id: string): string {
  const r = calculate(words, inPacket);
  const rows = (part: WordPart) =>
    words
      .map((w, i) => ({ w, i }))
      .filter(({ w }) => w.part === part)
      .map(({ w, i }) => {
        const fixed = w.role === 'checksum' ? ' data-fixed' : '';
        const offset = w.offset === undefined ? '' : ` data-offset="${w.offset}"`;
        const text = w.part === 'data' ? `<code>${escapeHtml(wordText(w.value, w.padded))}</code>` : '';
        return (
          `<tr data-index="${i}" data-part="${w.part}" data-role="${w.role}"${offset}${w.padded ? ' data-padded' : ''}${fixed}>` +
          `<td class="ck-n">${i + 1}</td>` +
          `<th scope="row" class="ck-what" id="${id}-w${i}">${escapeHtml(wordLabel(w))}</th>` +
          `<td class="ck-value" data-value-cell><code data-value="${w.value}">${hex16(w.value)}</code></td>` +
          `<td class="ck-text" data-text>${text}</td>` +
          `<td class="ck-sum" data-sum>${sumCellHtml(r.steps[i])}</td></tr>`
        );
      })
      .join('');
  const groups = PARTS.map(
    (part) =>
      `<tbody class="ck-part ck-${part}"><tr class="ck-group"><th colspan="5" scope="colgroup">${escapeHtml(t.part[part])}</th></tr>${rows(part)}</tbody>`,
  ).join('');
  const head =
    `<thead><tr><th scope="col" class="ck-n">${t.col.index}</th><th scope="col">${t.col.word}</th>` +
    `<th scope="col">${t.col.value}</th><th scope="col">${t.col.text}</th><th scope="col">${t.col.sum}</th></tr></thead>`;
  const result =
    `<tbody class="ck-result">` +
    `<tr><th scope="row" colspan="4">${escapeHtml(t.sum)}</th><td><code data-total>${hex16(r.sum)}</code></td></tr>` +
    `<tr><th scope="row" colspan="4">${escapeHtml(t.complement)}</th><td><code data-computed>${hex16(r.computed)}</code></td></tr>` +
    `<tr><th scope="row" colspan="4">${escapeHtml(t.inPacket)}</th><td><code data-in-packet>${hex16(inPacket)}</code></td></tr>` +
    `</tbody>`;
  return (
    `<div class="ck-scroll"><table class="ck-table"><caption>${escapeHtml(t.caption(frame))}</caption>${head}${groups}${result}</table></div>` +
    `<p class="ck-verdict" data-verdict="${r.verdict}" role="status">${escapeHtml(verdictText(r.verdict, r.computed, inPacket))}</p>`
  );
}
