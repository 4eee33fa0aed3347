// What each question kind provides to <wb-question>.

export interface Judgement {
  correct: boolean;
  /** Why, as text (the verdict word is added by the element). */
  why?: string;
}

export interface Kind {
  /** The student's answer as JSON data, or what is missing. */
  read(): { answer: unknown } | { missing: string };
  /** Marks the form for this answer and says whether it is right; `fresh` is false when restoring a saved answer. */
  judge(answer: unknown, fresh: boolean): Judgement;
  /** Puts a saved answer back into the form. */
  restore(answer: unknown): void;
}

export interface KindHost {
  root: HTMLElement;
  key: unknown;
  capture?: string;
}

export type KindFactory = (host: KindHost) => Kind;
