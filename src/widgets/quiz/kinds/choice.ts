// Multiple choice: radio buttons or checkboxes; each option's note is shown once checked.
import { quiz } from '../../../lib/strings/quiz.ts';
import { checkChoice } from '../check.ts';
import type { KindFactory } from './kind.ts';

export const choice: KindFactory = ({ root, key }) => {
  const { right } = key as { right: number[] };
  const inputs = [...root.querySelectorAll<HTMLInputElement>('.option input')];
  return {
    read() {
      const chosen = inputs.filter((i) => i.checked).map((i) => Number(i.value));
      return chosen.length ? { answer: chosen } : { missing: quiz.chooseFirst };
    },
    judge(answer) {
      const chosen = answer as number[];
      for (const option of root.querySelectorAll<HTMLElement>('.option')) {
        const i = Number(option.dataset.option);
        const picked = chosen.includes(i);
        // Mark what was chosen, and every right option once the answer is right.
        const correct = checkChoice(chosen, right);
        option.dataset.mark = picked || (correct && right.includes(i)) ? (right.includes(i) ? 'right' : 'wrong') : '';
        const why = option.querySelector<HTMLElement>('[data-why]');
        if (why) why.hidden = !picked && !correct;
      }
      return { correct: checkChoice(chosen, right) };
    },
    restore(answer) {
      const chosen = answer as number[];
      for (const i of inputs) i.checked = chosen.includes(Number(i.value));
    },
  };
};
