// The glossary collection as pages read it: entries sorted by term, lookups
// that fail the build with a fix, and where each term is used in the course.
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { findTerm, termIdsIn } from './glossary-lookup.ts';
import { getLessons } from './course.ts';

export type GlossaryEntry = CollectionEntry<'glossary'>;

let cached: GlossaryEntry[] | undefined;

/** Every entry, sorted by term as a reader looks one up (case-insensitive). */
export async function glossaryEntries(): Promise<GlossaryEntry[]> {
  if (cached && !import.meta.env.DEV) return cached;
  const all = await getCollection('glossary');
  cached = all.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));
  return cached;
}

/** One entry by id; an unknown id fails the build naming the nearest known id. */
export async function glossaryEntry(id: string, where: string): Promise<GlossaryEntry> {
  return findTerm(await glossaryEntries(), id, where);
}

/** For each term id, the lessons that link it: [{ id, title }] in course order. */
export async function termUsage(): Promise<Map<string, { id: string; title: string }[]>> {
  const usage = new Map<string, { id: string; title: string }[]>();
  for (const lesson of await getLessons()) {
    const path = lesson.entry.filePath;
    if (!path) continue;
    for (const id of termIdsIn(readFileSync(path, 'utf8'))) {
      const list = usage.get(id) ?? [];
      list.push({ id: lesson.id, title: lesson.title });
      usage.set(id, list);
    }
  }
  return usage;
}
