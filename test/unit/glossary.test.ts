// The glossary's own consistency, and every <Term id> in a lesson resolving:
// checked here as well as by the build, so a broken link names file and line.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../../src/lib/yaml/yaml-data.ts';
import { describe, expect, it } from 'vitest';
import { glossarySchema } from '../../src/content/schemas.ts';
import { findTerm, termIdsIn } from '../../src/lib/glossary-lookup.ts';

const root = process.cwd();
const dir = join(root, 'content/glossary');
const entries = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ id: f.slice(0, -5), raw: readFileSync(join(dir, f), 'utf8') }));

describe('glossary entries', () => {
  it('are many, and each one matches the schema', () => {
    expect(entries.length).toBeGreaterThanOrEqual(25);
    const problems = entries.flatMap(({ id, raw }) => {
      const result = glossarySchema.safeParse(readYaml(raw, `content/glossary/${id}.yaml`));
      return result.success ? [] : [`content/glossary/${id}.yaml: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
    });
    expect(problems).toEqual([]);
  });

  it('relate only to entries that exist', () => {
    const ids = new Set(entries.map((e) => e.id));
    const dangling = entries.flatMap(({ id, raw }) =>
      ((readYaml(raw, `content/glossary/${id}.yaml`) as { related?: string[] }).related ?? [])
        .filter((r: string) => !ids.has(r))
        .map((r: string) => `${id} -> ${r}`),
    );
    expect(dangling).toEqual([]);
  });
});

describe('terms in lessons', () => {
  it('all resolve (file:line for any that does not)', () => {
    const known = entries.map((e) => ({ id: e.id }));
    const problems: string[] = [];
    for (const file of readdirSync(join(root, 'lessons')).filter((f) => f.endsWith('.mdx'))) {
      const lines = readFileSync(join(root, 'lessons', file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const id of termIdsIn(line)) {
          try {
            findTerm(known, id, `lessons/${file}:${i + 1}`);
          } catch (error) {
            problems.push((error as Error).message);
          }
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('reports an unknown id with the fix', () => {
    expect(termIdsIn('The <Term id="mss">MSS</Term> and <Term id="isn">ISN</Term>, <Term id="mss">again</Term>.')).toEqual(['mss', 'isn']);
    expect(() => findTerm([{ id: 'time-wait' }], 'timewait', 'lessons/05-x.mdx:12')).toThrow(
      'lessons/05-x.mdx:12: <Term id="timewait">: there is no content/glossary/timewait.yaml. Did you mean "time-wait"? Add the entry (term, definition) or fix the id.',
    );
  });
});
