// Build-time resolution of a quiz answer: a number or text written in the
// lesson, or a reference into the capture ({ frame: 3, field: 'tcp.ack' } or
// an expression). The result is what the browser checks against, plus the
// "near misses" a student is likely to type (the raw number where the
// relative one was asked, the window field before scaling), so the feedback
// can say why an answer is wrong.
import type { CaptureFacts } from './capture-facts.ts';
import { evaluate, fieldsOf, parseExpression, type Expr } from './expression.ts';

/** A reference into the capture. `expr` may name frames itself ("frame 6 tcp.seq + tcp.len"). */
export interface CaptureRef {
  frame?: number;
  field?: string;
  expr?: string;
}

export type AnswerSpec = number | string | readonly (number | string)[] | CaptureRef;

export type Numbering = 'relative' | 'raw';

export type NearMissKind = 'raw' | 'relative' | 'unscaled' | 'scaled';

export interface ResolvedAnswer {
  kind: 'number' | 'text';
  /** Accepted answers (any one is right). */
  values: Array<number | string>;
  /** Absolute tolerance for numbers. */
  tolerance: number;
  /** Wrong answers the student may well give, and why they are wrong. */
  near: Array<{ value: number; why: NearMissKind }>;
}

export type Resolution = { ok: true; answer: ResolvedAnswer } | { ok: false; error: string };

/** Field swaps that turn the asked-for numbering into its likely mistake. */
const SWAPS: Record<NearMissKind, Record<string, string>> = {
  raw: { 'tcp.seq': 'tcp.seq_raw', 'tcp.ack': 'tcp.ack_raw', 'tcp.nxtseq': 'tcp.nxtseq_raw' },
  relative: { 'tcp.seq_raw': 'tcp.seq', 'tcp.ack_raw': 'tcp.ack', 'tcp.nxtseq_raw': 'tcp.nxtseq' },
  unscaled: { 'tcp.window_size': 'tcp.window_size_value' },
  scaled: { 'tcp.window_size_value': 'tcp.window_size' },
};

const isRef = (spec: AnswerSpec): spec is CaptureRef => typeof spec === 'object' && !Array.isArray(spec);

/** Tolerance as written: a number, or "2%" of the answer. */
export function toleranceOf(tolerance: number | string | undefined, value: number): number {
  if (tolerance === undefined) return 0;
  if (typeof tolerance === 'number') return Math.abs(tolerance);
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(tolerance);
  return m ? Math.abs((value * Number(m[1])) / 100) : Math.abs(Number(tolerance)) || 0;
}

/** The field names an answer uses under a numbering (tcp.seq -> tcp.seq_raw for "raw"). */
function withNumbering(expr: Expr, swap: Record<string, string>): Expr {
  if (expr.kind === 'field') return swap[expr.name] ? { ...expr, name: swap[expr.name] } : expr;
  if (expr.kind === 'binary') return { ...expr, left: withNumbering(expr.left, swap), right: withNumbering(expr.right, swap) };
  return expr;
}

export function resolveAnswer(
  spec: AnswerSpec,
  facts: CaptureFacts | undefined,
  options: { numbering?: Numbering; tolerance?: number | string } = {},
): Resolution {
  if (!isRef(spec)) {
    const list = Array.isArray(spec) ? spec : [spec as number | string];
    if (list.length === 0) return { ok: false, error: 'the answer is empty' };
    const numeric = list.every((v) => typeof v === 'number');
    const first = Number(list[0]);
    return {
      ok: true,
      answer: { kind: numeric ? 'number' : 'text', values: [...list], tolerance: numeric ? toleranceOf(options.tolerance, first) : 0, near: [] },
    };
  }
  if (!facts)
    return { ok: false, error: 'the answer reads the capture, but the question has no capture (add capture="..." or list one in the lesson\'s front matter)' };
  const exprText = spec.expr ?? spec.field;
  if (!exprText) return { ok: false, error: 'a capture answer needs "field" or "expr"' };
  if (spec.frame === undefined && !/\bframe\s+\d/.test(exprText)) return { ok: false, error: `the answer "${exprText}" names no frame (add frame: N)` };
  const parsed = parseExpression(exprText, spec.frame);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  for (const f of fieldsOf(parsed.expr)) {
    if (f.frame < 1 || f.frame > facts.frameCount) return { ok: false, error: `frame ${f.frame} is not in the capture (it has ${facts.frameCount} frames)` };
    if (facts.values(f.frame, f.name).length === 0) return { ok: false, error: `frame ${f.frame} has no field ${f.name}` };
  }
  const numbering = options.numbering ?? 'relative';
  const asked = numbering === 'raw' ? withNumbering(parsed.expr, SWAPS.raw) : withNumbering(parsed.expr, SWAPS.relative);

  // A single field that is not a number (an address, a name) is a text answer.
  if (asked.kind === 'field') {
    const shown = facts.values(asked.frame, asked.name)[0];
    if (!isNumeric(shown)) return { ok: true, answer: { kind: 'text', values: [shown], tolerance: 0, near: [] } };
  }
  const lookup = (frame: number, name: string): number => {
    const v = facts.values(frame, name)[0];
    return isNumeric(v) ? Number(v) : NaN;
  };
  const value = evaluate(asked, lookup);
  if (!Number.isFinite(value)) return { ok: false, error: `"${exprText}" is not a number in this capture` };
  const near: ResolvedAnswer['near'] = [];
  for (const why of Object.keys(SWAPS) as NearMissKind[]) {
    const other = withNumbering(asked, SWAPS[why]);
    if (JSON.stringify(other) === JSON.stringify(asked)) continue;
    const v = evaluate(other, lookup);
    if (Number.isFinite(v) && v !== value && !near.some((n) => n.value === v)) near.push({ value: v, why });
  }
  return { ok: true, answer: { kind: 'number', values: [value], tolerance: toleranceOf(options.tolerance, value), near } };
}

const isNumeric = (s: string | undefined): s is string => s !== undefined && s.trim() !== '' && Number.isFinite(Number(s));
