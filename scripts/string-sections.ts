// Which string sections (content/strings/<language>/<section>.ts) a piece of
// built JavaScript holds. The bundler may merge a section into any chunk and
// rename everything but the text, so a section is recognised by its phrases:
// its plain strings and the fixed parts of what its functions return. Only
// phrases found in no other section count, so each one names one section; and
// none the decoder writes itself (Wireshark's own wording, such as "Previous
// segment not captured"), which would be found in the decoder's code.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Section name → the phrases that identify it. */
export type SectionPhrases = ReadonlyMap<string, readonly string[]>;

/** Stands in for every argument of a string function; its place in the result splits the fixed text. */
const HOLE = '\uE000';
/** A phrase: long enough not to occur by chance, plain ASCII (so no bundler escapes it), with a space. */
const PHRASE = /^[ -~]{14,}$/;

/** The text pieces a section value carries: strings as they are, functions by what they return. */
function texts(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    try {
      const result: unknown = value(...Array.from({ length: Math.max(1, value.length) }, () => HOLE));
      if (typeof result === 'string') out.push(...result.split(/\uE000|undefined|NaN/));
    } catch {
      // A function that needs real arguments contributes no phrase; its section has others.
    }
  } else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) texts(v, out);
}

/** Phrases of one section's exported object; quotes, backslashes and non-ASCII split them, as bundlers may escape those. */
export function phrasesOf(section: unknown): string[] {
  const raw: string[] = [];
  texts(section, raw);
  const out = new Set<string>();
  for (const text of raw)
    for (const piece of text.split(/['"`\\\n]|[^ -~]/)) {
      const p = piece.trim();
      if (PHRASE.test(p) && p.includes(' ')) out.add(p);
    }
  return [...out];
}

/** The source of the decoder (tests aside): text its bundles may hold without any section. */
export function decoderText(dir = 'src/decoder'): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? decoderText(path) : /(?<!\.test)\.ts$/.test(path) ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

/**
 * Every section of one language, by reading its files (each exports one object
 * named like the file); phrases found in `notOurs` are left out.
 */
export async function loadSections(dir = 'content/strings/en', notOurs = decoderText()): Promise<SectionPhrases> {
  const all = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const name = file.replace(/\.ts$/, '');
    const mod = (await import(pathToFileURL(resolve(join(dir, file))).href)) as Record<string, unknown>;
    if (!(name in mod)) throw new Error(`${join(dir, file)} must export \`${name}\`, the section it is named for.`);
    all.set(name, phrasesOf(mod[name]));
  }
  // A phrase found in another section (even inside a longer one) names neither.
  const elsewhere = (name: string, p: string) => [...all].some(([other, list]) => other !== name && list.some((q) => q.includes(p)));
  return new Map([...all].map(([name, list]) => [name, list.filter((p) => !notOurs.includes(p) && !elsewhere(name, p))]));
}

/** The sections whose phrases occur in `code`, sorted. */
export function sectionsIn(code: string, sections: SectionPhrases): string[] {
  return [...sections]
    .filter(([, phrases]) => phrases.some((p) => code.includes(p)))
    .map(([name]) => name)
    .sort();
}
