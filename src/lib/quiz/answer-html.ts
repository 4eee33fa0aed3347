// The answers as HTML, for the disclosure every question carries (read
// without JavaScript, or after a wrong try). Kept out of the .astro files so
// the templates stay plain.
import { quiz } from '../strings/quiz.ts';
import { inlineHtml } from './inline.ts';
import { TCP_FLAG } from '../../decoder/layers/tcp-flags.ts';

export function promptHtml(question: string | undefined, slot: string): string {
  return (question ? `<p>${inlineHtml(question)}</p>` : '') + slot;
}

export function choiceAnswerHtml(options: Array<{ html: string; correct: boolean; explain: string }>): string {
  const item = (o: (typeof options)[number]) => {
    const mark = o.correct ? `<span class="mark-right">✓ ${quiz.rightOption}:</span>` : `<span class="mark-wrong">✗ ${quiz.wrongOption}:</span>`;
    return `<li>${mark} ${o.html}${o.explain ? ` — ${o.explain}` : ''}</li>`;
  };
  return `<ul class="answer-options">${options.map(item).join('')}</ul>`;
}

/** How a numeric answer is written: in decimal, or in hex when the question asks for hex (with its decimal value after it). */
export type AnswerBase = 'decimal' | 'hex';

const decimal = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 9 });
const written = (v: number | string, base: AnswerBase) => {
  if (typeof v !== 'number') return v;
  // Hex only for whole numbers: a fraction has no 0x form a student could type.
  if (base === 'hex' && Number.isInteger(v) && v >= 0) return `0x${v.toString(16)} ${quiz.inDecimal(decimal(v))}`;
  return decimal(v);
};

export function valueAnswerHtml(values: Array<number | string>, unit?: string, base: AnswerBase = 'decimal'): string {
  const shown = values.map((v) => written(v, base)).join(' or ');
  return `<p><strong>${quiz.answerIs}</strong> ${inlineHtml(shown)}${unit ? ' ' + inlineHtml(unit) : ''}</p>`;
}

export function revealHtml(frame: number, line: string, notes: string[]): string {
  const list = notes.length ? `<ul class="analysis">${notes.map((n) => `<li>${inlineHtml(n)}</li>`).join('')}</ul>` : '';
  return `<p><strong>${quiz.predict.real(frame)}:</strong> <code>${inlineHtml(line)}</code></p>${list}`;
}

export function fieldAnswerHtml(label: string, field: string, offset: number, length: number, frame: number): string {
  return `<p><strong>${quiz.answerIs}</strong> ${inlineHtml(`${label} (\`${field}\`), ${quiz.find.bytes(offset, length)} of frame ${frame}`)}</p>`;
}

export function orderAnswerHtml(steps: string[]): string {
  return `<ol>${steps.map((s) => `<li>${s}</li>`).join('')}</ol>`;
}

/** One TCP segment as a packet-list Info line, with the numbering the question uses. */
export function segmentLine(
  v: (field: string) => string,
  row: { source: string; destination: string },
  flagNames: string[],
  bits: number,
  numbering: 'relative' | 'raw',
): string {
  const seq = v(numbering === 'raw' ? 'tcp.seq_raw' : 'tcp.seq');
  const ack = bits & TCP_FLAG.ACK ? ` Ack=${v(numbering === 'raw' ? 'tcp.ack_raw' : 'tcp.ack')}` : '';
  return `${row.source} → ${row.destination}, ${v('tcp.srcport')} → ${v('tcp.dstport')} [${flagNames.join(', ')}] Seq=${seq}${ack} Win=${v('tcp.window_size')} Len=${v('tcp.len')}`;
}
