// Finding a glossary entry by id, with a build error that says how to fix a
// wrong one. Pure, so the pages and the tests share it.
import { nearestName } from '../decoder/text/nearest.ts';

/** An entry by id; an unknown id throws naming the nearest known id. */
export function findTerm<T extends { id: string }>(entries: readonly T[], id: string, where: string): T {
  const hit = entries.find((e) => e.id === id);
  if (hit) return hit;
  const near = nearestName(
    id,
    entries.map((e) => e.id),
  );
  throw new Error(
    `${where}: <Term id="${id}">: there is no content/glossary/${id}.yaml.` +
      (near ? ` Did you mean "${near}"?` : '') +
      ' Add the entry (term, definition) or fix the id.',
  );
}

/** Term ids a lesson's MDX source links with <Term id="...">, in order of first use. */
export function termIdsIn(mdx: string): string[] {
  const ids = [...mdx.matchAll(/<Term\s[^>]*\bid=["']([^"']*)["']/g)].map((m) => m[1]!);
  return [...new Set(ids)];
}
