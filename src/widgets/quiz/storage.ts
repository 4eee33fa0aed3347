// Quiz progress in localStorage: one versioned entry, checked on every read.
// A damaged or old entry is reset and reported (the page shows a notice),
// never allowed to break the page. Export/import use the same shape.

export const STORAGE_KEY = 'wirebook.progress.v1';
/** Earlier keys: found on load, they are removed and the student is told. */
const OLD_KEY = /^wirebook\.progress(\.v0)?$/;
const FILE_FORMAT = 'wirebook-progress';

export interface QuestionRecord {
  state: 'correct' | 'incorrect';
  /** Checks made so far. */
  tries: number;
  /** The last answer, to restore the form (JSON values only). */
  answer?: unknown;
  /** ISO time of the last check. */
  at: string;
}

export interface Progress {
  version: 1;
  /** lesson id -> question id -> record */
  lessons: Record<string, Record<string, QuestionRecord>>;
}

export type LoadProblem = 'corrupt' | 'old';

export const emptyProgress = (): Progress => ({ version: 1, lessons: {} });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[A-Za-z0-9][\w.-]{0,99}$/;

/** Why `value` is not valid progress, or undefined when it is. */
function progressProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.version !== 1) return typeof value.version === 'number' && value.version > 1 ? 'newer' : `version ${String(value.version)} is not 1`;
  if (!isObject(value.lessons)) return '"lessons" is missing';
  for (const [lesson, questions] of Object.entries(value.lessons)) {
    if (!ID.test(lesson) || !isObject(questions)) return `lesson "${lesson}" is not valid`;
    for (const [id, r] of Object.entries(questions)) {
      if (!ID.test(id) || !isObject(r)) return `question "${lesson}/${id}" is not valid`;
      if (r.state !== 'correct' && r.state !== 'incorrect') return `question "${lesson}/${id}" has no valid state`;
      if (!Number.isInteger(r.tries) || (r.tries as number) < 1) return `question "${lesson}/${id}" has no valid count of tries`;
      if (typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at))) return `question "${lesson}/${id}" has no valid time`;
    }
  }
  return undefined;
}

/** The stored progress; a bad or old entry is cleared and reported. */
export function loadProgress(store: Storage | undefined): { progress: Progress; problem?: LoadProblem } {
  if (!store) return { progress: emptyProgress() };
  let problem: LoadProblem | undefined;
  try {
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (key && OLD_KEY.test(key)) {
        store.removeItem(key);
        problem = 'old';
      }
    }
    const text = store.getItem(STORAGE_KEY);
    if (text === null) return { progress: emptyProgress(), problem };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const why = progressProblem(value);
    if (why === undefined) return { progress: value as Progress, problem };
    store.removeItem(STORAGE_KEY);
    return { progress: emptyProgress(), problem: isObject(value) && typeof value.version === 'number' && value.version !== 1 ? 'old' : 'corrupt' };
  } catch {
    // Storage refused (privacy mode): work without it.
    return { progress: emptyProgress(), problem };
  }
}

/** Saves; false when the browser refuses (full, or disabled). */
export function saveProgress(store: Storage | undefined, progress: Progress): boolean {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify(progress));
    return !!store;
  } catch {
    return false;
  }
}

export function recordAnswer(progress: Progress, lesson: string, id: string, correct: boolean, answer: unknown, now = new Date()): QuestionRecord {
  const questions = (progress.lessons[lesson] ??= {});
  const before = questions[id];
  const record: QuestionRecord = { state: correct ? 'correct' : 'incorrect', tries: (before?.tries ?? 0) + 1, answer, at: now.toISOString() };
  questions[id] = record;
  return record;
}

export function resetLesson(progress: Progress, lesson?: string): void {
  if (lesson === undefined) progress.lessons = {};
  else delete progress.lessons[lesson];
}

/** The progress as a downloadable JSON file. */
export function exportProgress(progress: Progress, now = new Date()): string {
  return JSON.stringify({ format: FILE_FORMAT, exported: now.toISOString(), ...progress }, null, 2);
}

export type ImportResult =
  | { ok: true; progress: Progress; answers: number }
  | { ok: false; reason: 'not-json' | 'not-progress' | 'newer' | 'damaged'; detail?: string };

/** Reads an exported file; anything unexpected is refused with the reason. */
export function importProgress(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isObject(value) || value.format !== FILE_FORMAT) return { ok: false, reason: 'not-progress' };
  const why = progressProblem(value);
  if (why === 'newer') return { ok: false, reason: 'newer' };
  if (why) return { ok: false, reason: 'damaged', detail: why };
  const progress: Progress = { version: 1, lessons: value.lessons as Progress['lessons'] };
  const answers = Object.values(progress.lessons).reduce((n, q) => n + Object.keys(q).length, 0);
  return { ok: true, progress, answers };
}
