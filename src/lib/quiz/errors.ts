// A broken quiz fails the build with the lesson file, the question and the reason.

export class QuizError extends Error {
  constructor(file: string, id: string, reason: string) {
    super(`${file}: question "${id}": ${reason}`);
    this.name = 'QuizError';
  }
}

/** Question ids: also used as storage keys and URL fragments. */
export const QUESTION_ID = /^[A-Za-z0-9][\w.-]{0,99}$/;

/** Ids seen per page render: a second use of an id in one lesson is an error. */
const seen = new WeakMap<object, Set<string>>();

/** Claims `id` for the page being rendered (keyed by its request); false if already taken. */
export function claimId(page: object, id: string): boolean {
  let ids = seen.get(page);
  if (!ids) seen.set(page, (ids = new Set()));
  if (ids.has(id)) return false;
  ids.add(id);
  return true;
}
