// Predict the next packet: flags and numbers, each marked, then the real frame.
import { quiz } from '../../../lib/strings/quiz.ts';
import { checkAnswer, checkFlags, type AnswerKey } from '../check.ts';
import { selectionFor } from '../../shared/selection.ts';
import type { KindFactory } from './kind.ts';

interface PredictKey {
  frame: number;
  flags: number | null;
  numbers: Record<string, AnswerKey>;
  flagNames: string[];
}

type Prediction = { flags?: number; numbers: Record<string, string> };

export const predict: KindFactory = ({ root, key, capture }) => {
  const k = key as PredictKey;
  const flagBoxes = [...root.querySelectorAll<HTMLInputElement>('[data-flag]')];
  const inputs = [...root.querySelectorAll<HTMLInputElement>('[data-input]')];
  const reveal = root.querySelector<HTMLElement>('[data-reveal]')!;
  const show = () => {
    if (capture) selectionFor(capture).select({ frame: k.frame }, root);
    root.dispatchEvent(new CustomEvent('wb-quiz-reveal', { bubbles: true, detail: { capture, frame: k.frame } }));
  };
  root.querySelector('[data-show-frame]')?.addEventListener('click', show);
  const mark = (field: string, ok: boolean, actual: string) => {
    const m = root.querySelector<HTMLElement>(`[data-field="${field}"] [data-mark]`);
    if (m) {
      m.className = `field-mark ${ok ? 'mark-right' : 'mark-wrong'}`;
      m.textContent = ok ? `✓ ${quiz.predict.fieldRight}` : `✗ ${quiz.predict.fieldWrong(actual)}`;
    }
  };
  return {
    read() {
      const numbers: Record<string, string> = {};
      for (const i of inputs) {
        if (!i.value.trim()) return { missing: quiz.typeFirst };
        numbers[i.dataset.input!] = i.value.trim();
      }
      const flags = flagBoxes.reduce((m, b) => (b.checked ? m | Number(b.value) : m), 0);
      return { answer: { flags: k.flags === null ? undefined : flags, numbers } satisfies Prediction };
    },
    judge(answer, fresh) {
      const a = answer as Prediction;
      let correct = true;
      const reasons: string[] = [];
      if (k.flags !== null) {
        const ok = checkFlags(a.flags ?? 0, k.flags);
        mark('flags', ok, k.flagNames.join(', ') || quiz.predict.none);
        correct &&= ok;
      }
      for (const [field, fieldKey] of Object.entries(k.numbers)) {
        const v = checkAnswer(a.numbers[field] ?? '', fieldKey);
        mark(field, v.correct, String(fieldKey.values[0]));
        root.querySelector(`[data-input="${field}"]`)?.setAttribute('aria-invalid', String(!v.correct));
        if (!v.correct && v.why in quiz.why) reasons.push(`${quiz.predict[field as 'seq']}: ${quiz.why[v.why as 'raw']}`);
        correct &&= v.correct;
      }
      reveal.hidden = false;
      if (fresh) show();
      return { correct, why: reasons.join(' ') || undefined };
    },
    restore(answer) {
      const a = answer as Prediction;
      for (const b of flagBoxes) b.checked = ((a.flags ?? 0) & Number(b.value)) !== 0;
      for (const i of inputs) i.value = a.numbers?.[i.dataset.input!] ?? '';
    },
  };
};
