// Every YAML file in the repository, and every lesson's frontmatter, is read by
// the project's one YAML reader (src/lib/yaml/yaml-lite.ts): a file written in
// YAML it refuses fails here with its line and column, not later in a build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/lib/yaml/yaml-lite.ts';

const root = join(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', '.git', '.cache', '.astro', 'dist', 'test-results']);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [relative(root, path)] : [];
  });
}

const files = yamlFiles(root).sort();
const lessons = readdirSync(join(root, 'lessons'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => `lessons/${f}`);

function problemOf(text: string): string | undefined {
  const r = parseYaml(text);
  return r.problem && `${r.problem.line}:${r.problem.col}: ${r.problem.message}`;
}

describe('YAML in the repository', () => {
  it('is found where the project keeps it', () => {
    for (const dir of ['captures/recorded/', 'captures/rebuilt/', 'content/glossary/']) {
      expect(
        files.some((f) => f.startsWith(dir)),
        dir,
      ).toBe(true);
    }
    expect(files.some((f) => f.endsWith('.spec.yaml'))).toBe(true);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it.each(files)('%s is read by the one YAML reader', (file) => {
    expect(problemOf(readFileSync(join(root, file), 'utf8'))).toBeUndefined();
  });

  it.each(lessons)("%s's frontmatter is read by the one YAML reader", (file) => {
    const m = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(root, file), 'utf8'));
    expect(m, 'frontmatter').not.toBeNull();
    expect(problemOf(m![1])).toBeUndefined();
  });
});
