// Checking a student's answer against one resolved at build time. Pure, and
// small enough to ship to every lesson page.

import { TCP_FLAG } from '../../decoder/layers/tcp-flags.ts';

export type NearMissKind = 'raw' | 'relative' | 'unscaled' | 'scaled';

/** The shape src/lib/quiz/resolve.ts writes into the page. */
export interface AnswerKey {
  kind: 'number' | 'text';
  values: Array<number | string>;
  tolerance: number;
  near: Array<{ value: number; why: NearMissKind }>;
}

export type Verdict = { correct: true } | { correct: false; why: 'empty' | 'not-a-number' | 'wrong' } | { correct: false; why: NearMissKind };

/** Reads a number as people type it: "1,460", "1 460", "0x12", "+5", "4.5". */
export function parseNumber(input: string): number {
  const s = input.trim().replace(/[\s,_]/g, '');
  if (s === '') return NaN;
  if (/^0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

const normalText = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();

export function checkAnswer(input: string, key: AnswerKey): Verdict {
  if (input.trim() === '') return { correct: false, why: 'empty' };
  if (key.kind === 'text') {
    const got = normalText(input);
    return key.values.some((v) => normalText(String(v)) === got) ? { correct: true } : { correct: false, why: 'wrong' };
  }
  const n = parseNumber(input);
  if (Number.isNaN(n)) return { correct: false, why: 'not-a-number' };
  if (key.values.some((v) => Math.abs(Number(v) - n) <= key.tolerance + 1e-9)) return { correct: true };
  const near = key.near.find((m) => Math.abs(m.value - n) <= key.tolerance + 1e-9);
  return near ? { correct: false, why: near.why } : { correct: false, why: 'wrong' };
}

/** Multiple choice: right when exactly the correct options are chosen. */
export function checkChoice(chosen: readonly number[], correct: readonly number[]): boolean {
  const a = new Set(chosen);
  return a.size === correct.length && correct.every((i) => a.has(i));
}

/** Ordering: right when every step is in its place. `order` lists the original step indexes. */
export function checkOrder(order: readonly number[]): boolean {
  return order.every((step, place) => step === place);
}

/** TCP flags as the predict-the-packet form offers them, in header order. */
export const FLAG_BITS: ReadonlyArray<readonly [string, number]> = [
  ['URG', TCP_FLAG.URG],
  ['ACK', TCP_FLAG.ACK],
  ['PSH', TCP_FLAG.PSH],
  ['RST', TCP_FLAG.RST],
  ['SYN', TCP_FLAG.SYN],
  ['FIN', TCP_FLAG.FIN],
];

export function checkFlags(chosen: number, actual: number): boolean {
  const offered = FLAG_BITS.reduce((m, [, bit]) => m | bit, 0);
  return (chosen & offered) === (actual & offered);
}

/** A field found in the viewer: the same field, or exactly its bytes. */
export function checkFound(
  selection: { frame: number; field?: string; offset?: number; length?: number } | undefined,
  target: { frame: number; field: string; offset: number; length: number },
): boolean {
  if (!selection || selection.frame !== target.frame) return false;
  // The same field, or exactly its bytes (another field may share them, e.g. a computed one).
  return selection.field === target.field || (selection.offset === target.offset && selection.length === target.length);
}
