// The course as the pages see it: lessons in order, their captures checked.
// Any broken reference fails the build with the file and the fix.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { captureReferenceProblems } from './capture-refs.ts';
import { orderLessons } from './lesson-order.ts';

export type Lesson = CollectionEntry<'lessons'>;
export type Capture = CollectionEntry<'captures'>;

const root = process.cwd();
const fileOf = (entry: { id: string; filePath?: string }) => entry.filePath ?? entry.id;

/** A lesson in course order, with the fields the outline and pager need. */
export interface CourseLesson {
  id: string;
  order: number;
  title: string;
  entry: Lesson;
}

let cached: Promise<CourseLesson[]> | undefined;

/** Published lessons in course order. Throws (failing the build) on a broken lesson. */
export function getLessons(): Promise<CourseLesson[]> {
  // The dev server keeps this module across requests: reload so edits show.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

async function load(): Promise<CourseLesson[]> {
  const [lessons, captures] = await Promise.all([getCollection('lessons'), getCollection('captures')]);
  const published = lessons.filter((l) => !l.data.draft || import.meta.env.DEV);
  const problems = captureReferenceProblems(
    published.map((l) => ({ file: fileOf(l), captures: l.data.captures })),
    captures.map((c) => {
      const sidecar = fileOf(c);
      const file = join(dirname(sidecar), c.data.file);
      return { id: c.id, sidecar, file: relative(root, join(root, file)), fileExists: existsSync(join(root, file)) };
    }),
  );
  if (problems.length > 0) {
    throw new Error(`The course has ${problems.length} broken reference(s):\n${problems.join('\n')}`);
  }
  return orderLessons(
    published.map((entry) => ({ id: entry.id, order: entry.data.order, title: entry.data.title, entry })),
    (l) => fileOf(l.entry),
  );
}
