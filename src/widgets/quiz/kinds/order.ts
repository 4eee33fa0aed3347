// Order the steps: drag and drop, move buttons, or Alt+Up/Down on a step.
import { quiz } from '../../../lib/strings/quiz.ts';
import { checkOrder } from '../check.ts';
import type { KindFactory } from './kind.ts';

export const order: KindFactory = ({ root }) => {
  const list = root.querySelector<HTMLOListElement>('[data-steps]')!;
  const live = root.querySelector<HTMLElement>('[data-order-live]')!;
  const steps = () => [...list.querySelectorAll<HTMLLIElement>('.step')];
  root.querySelector<HTMLElement>('[data-order-help]')!.hidden = false;
  const clearMarks = () => {
    for (const s of steps()) s.dataset.mark = '';
  };

  const move = (step: HTMLLIElement, by: number, focus?: HTMLElement | null) => {
    const all = steps();
    const to = all.indexOf(step) + by;
    if (to < 0 || to >= all.length) return;
    if (by < 0) all[to].before(step);
    else all[to].after(step);
    clearMarks();
    (focus ?? step).focus();
    live.textContent = quiz.order.moved(step.dataset.text ?? '', to + 1, all.length);
  };

  for (const step of steps()) {
    step.querySelector<HTMLElement>('.moves')!.hidden = false;
    step.tabIndex = 0;
    step.draggable = true;
    for (const b of step.querySelectorAll<HTMLButtonElement>('[data-move]')) {
      b.addEventListener('click', () => move(step, Number(b.dataset.move), b));
    }
    step.addEventListener('keydown', (e) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      e.preventDefault();
      const focused = document.activeElement as HTMLElement | null;
      move(step, e.key === 'ArrowUp' ? -1 : 1, step.contains(focused) ? focused : step);
    });
    step.addEventListener('dragstart', (e) => {
      step.classList.add('dragging');
      e.dataTransfer?.setData('text/plain', step.dataset.step ?? '');
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    });
    step.addEventListener('dragend', () => {
      step.classList.remove('dragging');
      for (const s of steps()) s.classList.remove('drop-target');
    });
    step.addEventListener('dragover', (e) => {
      e.preventDefault();
      for (const s of steps()) s.classList.toggle('drop-target', s === step);
    });
    step.addEventListener('drop', (e) => {
      e.preventDefault();
      const dragged = list.querySelector<HTMLLIElement>('.step.dragging');
      if (!dragged || dragged === step) return;
      const all = steps();
      if (all.indexOf(dragged) < all.indexOf(step)) step.after(dragged);
      else step.before(dragged);
      clearMarks();
      live.textContent = quiz.order.moved(dragged.dataset.text ?? '', steps().indexOf(dragged) + 1, all.length);
    });
  }

  return {
    read() {
      return { answer: steps().map((s) => Number(s.dataset.step)) };
    },
    judge(answer) {
      const seq = answer as number[];
      let wrong = 0;
      steps().forEach((s, place) => {
        const ok = Number(s.dataset.step) === place;
        s.dataset.mark = ok ? 'right' : 'wrong';
        if (!ok) wrong++;
      });
      return checkOrder(seq) ? { correct: true } : { correct: false, why: quiz.order.wrongPlaces(wrong) };
    },
    restore(answer) {
      const seq = answer as number[];
      const byStep = new Map(steps().map((s) => [Number(s.dataset.step), s]));
      if (seq.length !== byStep.size || !seq.every((i) => byStep.has(i))) return;
      for (const i of seq) list.append(byStep.get(i)!);
    },
  };
};
