// <wb-progress>: the progress page. Scores and open questions per lesson from
// localStorage, reset, and export/import of the progress as a JSON file.
import { progress as progressText } from '../../lib/strings/progress.ts';
import { savedAnswers } from '../../lib/strings/savedAnswers.ts';
import { exportProgress, importProgress, loadProgress, resetLesson, saveProgress, type Progress } from './storage.ts';

interface LessonInfo {
  id: string;
  title: string;
  questions: Array<{ id: string }>;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

class WirebookProgress extends HTMLElement {
  #lessons: LessonInfo[] = [];
  #status!: HTMLElement;

  connectedCallback(): void {
    this.#lessons = JSON.parse(this.dataset.lessons ?? '[]') as LessonInfo[];
    this.#status = this.querySelector('[data-progress-status]')!;
    this.querySelector<HTMLElement>('[data-tools]')!.hidden = false;
    this.querySelector<HTMLElement>('[data-total]')!.hidden = false;
    const { problem } = loadProgress(storage());
    if (problem) this.#say(savedAnswers[problem]);
    this.querySelector('[data-export]')!.addEventListener('click', () => this.#export());
    this.querySelector<HTMLInputElement>('[data-import]')!.addEventListener('change', (e) => void this.#import(e.target as HTMLInputElement));
    this.querySelector('[data-reset]')!.addEventListener('click', () => {
      if (!window.confirm(progressText.confirmReset)) return;
      this.#change((p) => resetLesson(p));
      this.#say(progressText.resetDone);
    });
    for (const item of this.querySelectorAll<HTMLElement>('[data-lesson]')) {
      item.querySelector('[data-reset-lesson]')?.addEventListener('click', () => {
        this.#change((p) => resetLesson(p, item.dataset.lesson));
        this.#say(progressText.resetDone);
      });
    }
    this.#render(loadProgress(storage()).progress);
  }

  #say(text: string): void {
    this.#status.textContent = text;
  }

  #change(edit: (p: Progress) => void): void {
    const p = loadProgress(storage()).progress;
    edit(p);
    saveProgress(storage(), p);
    this.#render(p);
  }

  #render(progress: Progress): void {
    let right = 0;
    let total = 0;
    for (const lesson of this.#lessons) {
      const item = this.querySelector<HTMLElement>(`[data-lesson="${lesson.id}"]`);
      if (!item || lesson.questions.length === 0) continue;
      const saved = progress.lessons[lesson.id] ?? {};
      const done = lesson.questions.filter((q) => saved[q.id]?.state === 'correct').length;
      right += done;
      total += lesson.questions.length;
      item.querySelector('[data-score]')!.textContent = progressText.score(done, lesson.questions.length);
      for (const q of lesson.questions) {
        const row = item.querySelector<HTMLElement>(`[data-question-ref="${q.id}"]`)!;
        const state = saved[q.id]?.state;
        row.hidden = state === 'correct';
        row.querySelector('[data-word]')!.textContent = `(${state === 'incorrect' ? progressText.retry : progressText.notTried})`;
      }
      item.querySelector<HTMLElement>('[data-open]')!.hidden = done === lesson.questions.length;
      item.querySelector<HTMLElement>('[data-done]')!.hidden = done !== lesson.questions.length;
      item.querySelector<HTMLElement>('[data-reset-lesson]')!.hidden = Object.keys(saved).length === 0;
    }
    this.querySelector('[data-total]')!.textContent = progressText.total(right, total);
  }

  #export(): void {
    const blob = new Blob([exportProgress(loadProgress(storage()).progress)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = progressText.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const result = importProgress(await file.text());
    input.value = '';
    if (!result.ok) {
      this.#say(progressText.importFailed[result.reason] + (result.detail ? ` (${result.detail})` : ''));
      return;
    }
    saveProgress(storage(), result.progress);
    this.#render(result.progress);
    this.#say(progressText.imported(result.answers));
  }
}

customElements.define('wb-progress', WirebookProgress);
