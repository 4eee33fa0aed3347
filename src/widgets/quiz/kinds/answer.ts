// A typed number or text, checked against the answer resolved at build time.
import { quiz } from '../../../lib/strings/quiz.ts';
import { checkAnswer, type AnswerKey } from '../check.ts';
import type { KindFactory } from './kind.ts';

export const answer: KindFactory = ({ root, key }) => {
  const input = root.querySelector<HTMLInputElement>('[data-input]')!;
  return {
    read() {
      return input.value.trim() ? { answer: input.value.trim() } : { missing: quiz.typeFirst };
    },
    judge(value) {
      const v = checkAnswer(String(value), key as AnswerKey);
      input.setAttribute('aria-invalid', String(!v.correct));
      if (v.correct) return { correct: true };
      const why = v.why === 'not-a-number' ? quiz.notANumber : v.why === 'wrong' || v.why === 'empty' ? undefined : quiz.why[v.why];
      return { correct: false, why };
    },
    restore(value) {
      input.value = String(value);
    },
  };
};
