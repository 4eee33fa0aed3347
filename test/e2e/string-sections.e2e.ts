import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePage } from '../../scripts/size.ts';
import { sectionsByElement } from '../../scripts/string-owners.ts';
import { loadSections, sectionsIn } from '../../scripts/string-sections.ts';
import { DIST } from './support/site.ts';

// The built site's string sections: run with the browser tests, after `npm test` builds the site
// (a unit test would read whatever dist/ an earlier build left, or skip).
const dist = DIST;

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlPages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe('the built site’s string sections', async () => {
  const sections = await loadSections();
  const owners = sectionsByElement();

  it('knows every section by at least one phrase', () => {
    for (const [name, phrases] of sections) expect(phrases.length, name).toBeGreaterThan(0);
  });

  it('loads on each page only the sections of the elements that page renders, and all of theirs', () => {
    for (const page of htmlPages(dist)) {
      const html = readFileSync(page, 'utf8');
      const tags = [...new Set([...html.matchAll(/<(wb-[\w-]+)/g)].map((m) => m[1]))];
      const allowed = new Set(tags.flatMap((tag) => owners.get(tag) ?? []));
      const size = measurePage(page, dist, sections);
      const loaded = [...new Set([...size.strings, ...size.onDemand.strings])].sort();
      const where = relative(dist, page);
      expect(
        loaded.filter((s) => !allowed.has(s)),
        `${where} renders ${tags.join(', ') || 'no element'}`,
      ).toEqual([]);
      expect(
        [...allowed].filter((s) => !loaded.includes(s)),
        `${where}: a section its elements use is not found in its code`,
      ).toEqual([]);
    }
  });

  it('keeps interface strings out of the explorer’s Worker', () => {
    const workers = readdirSync(join(dist, '_astro')).filter((f) => /^worker-[\w-]+\.js$/.test(f));
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) {
      const code = readFileSync(join(dist, '_astro', w), 'utf8');
      // The decoder is in it (a check on an empty file would prove nothing).
      expect(code).toContain('tcp.analysis.retransmission');
      expect(sectionsIn(code, sections), w).toEqual([]);
    }
  });
});
