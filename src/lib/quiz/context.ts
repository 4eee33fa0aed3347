// What a question component needs to know about where it is rendered: the
// lesson (for storage keys and error messages), and the capture its answers
// read. Build time only.
import { getLessons } from '../course.ts';
import { captureFor } from './capture-source.ts';
import { captureFacts, type CaptureFacts } from './capture-facts.ts';
import { QUESTION_ID, QuizError, claimId } from './errors.ts';

export interface QuestionContext {
  /** Lesson id ("udp"), the storage key of its progress. */
  lesson: string;
  /** The lesson's source file, for build errors. */
  file: string;
  capture?: string;
  facts?: CaptureFacts;
  /** Throws the build error for this question. */
  fail(reason: string): never;
}

interface AstroLike {
  url: URL;
  request: Request;
}

/** The lesson of a page URL: /lessons/udp/ (under any base) -> udp. */
function lessonIdFromPath(pathname: string): string | undefined {
  return /\/lessons\/([^/]+)\/?$/.exec(pathname)?.[1];
}

export async function questionContext(astro: AstroLike, id: string, capture?: string, needsCapture = false): Promise<QuestionContext> {
  const lesson = lessonIdFromPath(astro.url.pathname) ?? 'page';
  let file = `lessons/${lesson}.mdx`;
  let lessonCaptures: readonly string[] = [];
  try {
    const entry = (await getLessons()).find((l) => l.id === lesson)?.entry;
    if (entry) {
      file = entry.filePath ?? file;
      lessonCaptures = entry.data.captures;
    }
  } catch {
    // Outside a site build (component tests) there is no course: keep the guesses.
  }
  const fail = (reason: string): never => {
    throw new QuizError(file, id, reason);
  };
  if (!id || !QUESTION_ID.test(id)) fail('the id must be letters, digits, "-", "_" or "." (and start with a letter or digit)');
  if (!claimId(astro.request, id)) fail('this id is used twice in the lesson; give each question its own id');
  const captureId = capture ?? lessonCaptures[0];
  if (!needsCapture && !capture) return { lesson, file, capture: captureId, fail };
  if (!captureId) {
    if (needsCapture) fail('the question reads a capture, but names none: add capture="..." or list one under "captures" in the front matter');
    return { lesson, file, fail };
  }
  if (lessonCaptures.length && !lessonCaptures.includes(captureId)) {
    fail(`capture "${captureId}" is not listed under "captures" in the lesson's front matter`);
  }
  try {
    const opened = await captureFor(captureId);
    return { lesson, file, capture: captureId, facts: captureFacts(opened), fail };
  } catch (e) {
    return fail((e as Error).message);
  }
}
