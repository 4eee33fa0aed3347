// Every lesson's questions, for the progress page (build time).
import { getLessons } from '../course.ts';
import { lessonHref } from '../url.ts';
import { questionsIn, type QuestionRef } from './inventory.ts';

export interface LessonQuestions {
  id: string;
  title: string;
  href: string;
  questions: Array<Pick<QuestionRef, 'id' | 'prompt'>>;
}

export async function courseQuestions(): Promise<LessonQuestions[]> {
  const lessons = await getLessons();
  return lessons.map((l) => ({
    id: l.id,
    title: l.title,
    href: lessonHref(l.id),
    questions: questionsIn(l.entry.body ?? '').map(({ id, prompt }) => ({ id, prompt })),
  }));
}
