// <wb-question>: turns a server-rendered question into a self-check. Reads
// its answer key, restores the saved answer, checks, reveals hints one at a
// time, and keeps progress in localStorage (storage.ts).
import { quiz as quizText } from '../../lib/strings/quiz.ts';
import { savedAnswers } from '../../lib/strings/savedAnswers.ts';
import { loadProgress, recordAnswer, saveProgress, type LoadProblem } from './storage.ts';
import type { Kind, KindFactory } from './kinds/kind.ts';
import { choice } from './kinds/choice.ts';
import { answer } from './kinds/answer.ts';
import { predict } from './kinds/predict.ts';
import { find } from './kinds/find.ts';
import { order } from './kinds/order.ts';

const kinds: Record<string, KindFactory> = { choice, answer, predict, find, order };

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** One notice per page, above the first question. */
function notice(problem: LoadProblem | 'unsaved'): void {
  if (document.querySelector('.quiz-notice')) return;
  const p = document.createElement('p');
  p.className = 'quiz-notice';
  p.setAttribute('role', 'status');
  p.textContent = savedAnswers[problem];
  const quiz = document.querySelector('[data-quiz] > h2');
  if (quiz) quiz.after(p);
  else document.querySelector('wb-question')?.before(p);
}

let loaded = false;
function progress() {
  const result = loadProgress(storage());
  if (!loaded && result.problem) notice(result.problem);
  loaded = true;
  return result.progress;
}

function updateScores(): void {
  for (const quiz of document.querySelectorAll<HTMLElement>('[data-quiz]')) {
    const qs = quiz.querySelectorAll('wb-question');
    const right = quiz.querySelectorAll('wb-question[data-state="correct"]').length;
    const line = quiz.querySelector<HTMLElement>('[data-quiz-score]');
    if (line) {
      line.hidden = false;
      line.textContent = quizText.score(right, qs.length);
    }
  }
}

class WirebookQuestion extends HTMLElement {
  #kind?: Kind;

  connectedCallback(): void {
    if (this.#kind) return;
    const factory = kinds[this.dataset.kind ?? ''];
    if (!factory) return;
    let key: unknown;
    try {
      key = JSON.parse(this.dataset.key ?? 'null');
    } catch {
      return;
    }
    this.#kind = factory({ root: this, key, capture: this.dataset.capture });
    this.querySelector<HTMLElement>('[data-actions]')!.hidden = false;
    this.querySelector<HTMLElement>('[data-answer-key]')!.hidden = true;
    this.querySelector('[data-check]')!.addEventListener('click', () => this.check());
    this.#setUpHints();
    // Enter in a text field checks, as in a form.
    this.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'text') {
        e.preventDefault();
        this.check();
      }
    });
    const saved = progress().lessons[this.dataset.lesson ?? '']?.[this.dataset.question ?? ''];
    if (saved && saved.answer !== undefined) {
      try {
        this.#kind.restore(saved.answer);
        this.#show(this.#kind.judge(saved.answer, false), false);
      } catch {
        // A saved answer that no longer fits the question: start afresh.
      }
    }
    updateScores();
  }

  check(): void {
    const kind = this.#kind;
    if (!kind) return;
    const read = kind.read();
    const feedback = this.querySelector<HTMLElement>('[data-feedback]')!;
    if ('missing' in read) {
      feedback.textContent = read.missing;
      return;
    }
    const verdict = kind.judge(read.answer, true);
    const all = progress();
    recordAnswer(all, this.dataset.lesson ?? '', this.dataset.question ?? '', verdict.correct, read.answer);
    if (!saveProgress(storage(), all)) notice('unsaved');
    this.#show(verdict, true);
    updateScores();
  }

  #show(verdict: { correct: boolean; why?: string }, fresh: boolean): void {
    this.dataset.state = verdict.correct ? 'correct' : 'incorrect';
    const feedback = this.querySelector<HTMLElement>('[data-feedback]')!;
    const p = document.createElement('p');
    const word = document.createElement('span');
    word.className = 'verdict';
    word.textContent = verdict.correct ? quizText.correct : quizText.incorrect;
    p.append(word);
    if (verdict.why) p.append(' ', verdict.why);
    feedback.replaceChildren(p);
    const explain = this.querySelector<HTMLElement>('[data-explain]');
    const key = this.querySelector<HTMLDetailsElement>('[data-answer-key]')!;
    // Right: the explanation. Wrong: the answer stays one click away.
    if (explain) explain.hidden = !verdict.correct;
    key.hidden = verdict.correct;
    if (fresh) key.open = false;
  }

  #setUpHints(): void {
    const box = this.querySelector<HTMLDetailsElement>('[data-hints]');
    const button = this.querySelector<HTMLButtonElement>('[data-hint-button]');
    if (!box || !button) return;
    const items = [...box.querySelectorAll<HTMLElement>('[data-hint]')];
    box.classList.add('enhanced');
    box.open = true;
    box.hidden = true;
    for (const li of items) li.hidden = true;
    button.addEventListener('click', () => {
      const next = items.find((li) => li.hidden);
      if (!next) return;
      box.hidden = false;
      next.hidden = false;
      const left = items.some((li) => li.hidden);
      button.textContent = quizText.nextHint;
      if (!left) button.hidden = true;
    });
  }
}

customElements.define('wb-question', WirebookQuestion);
