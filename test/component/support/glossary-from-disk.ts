// The glossary as src/lib/glossary.ts gives it to pages, read straight from
// disk (the Container API has no content collections).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../../../src/lib/yaml/yaml-data.ts';
import { glossarySchema } from '../../../src/content/schemas.ts';
import { findTerm } from '../../../src/lib/glossary-lookup.ts';

const dir = join(process.cwd(), 'content/glossary');

export async function glossaryEntries() {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ id: f.slice(0, -5), data: glossarySchema.parse(readYaml(readFileSync(join(dir, f), 'utf8'), `content/glossary/${f}`)) }));
}

export async function glossaryEntry(id: string, where: string) {
  return findTerm(await glossaryEntries(), id, where);
}
