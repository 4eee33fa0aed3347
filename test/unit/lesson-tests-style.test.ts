// The lesson tests check the values, frames and relations a lesson states,
// not its sentences, so that a new edition's wording does not break them. A
// literal the tests look for in a lesson may name a key term or hold a value
// in a few words of context, never a whole sentence.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_WORDS = 12;
const dir = join(import.meta.dirname, '../lessons');

/** The literal that starts at `at` (a string in ', " or `, or a /regex/), or undefined. */
function literalAt(source: string, at: number): string | undefined {
  const quote = source[at];
  if (quote !== "'" && quote !== '"' && quote !== '`' && quote !== '/') return undefined;
  let inClass = false;
  for (let i = at + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (quote === '/' && c === '[') inClass = true;
    else if (quote === '/' && c === ']') inClass = false;
    else if (c === quote && !inClass) return source.slice(at + 1, i);
  }
  return undefined;
}

/**
 * The literals a test file looks for in lesson text: the arguments of
 * toContain and toMatch, and the patterns of expectStated and statedValues
 * (their second argument).
 */
function lessonLiterals(source: string): string[] {
  const out: string[] = [];
  const calls = /\.(?:toContain|toMatch)\(\s*|\b(?:expectStated|statedValues)\(\s*[\w.]+\s*,\s*/g;
  for (const m of source.matchAll(calls)) {
    const literal = literalAt(source, m.index + m[0].length);
    if (literal !== undefined) out.push(literal);
  }
  return out;
}

/**
 * Words of a literal: a regex's \s, \s+ and \s* separate words as spaces do,
 * a value's # counts as a word, an operator alone (+, ×, =) does not.
 */
const words = (literal: string) =>
  literal
    .replace(/\\s[+*]?/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\d#]/u.test(w)).length;

/** The literals of a test file longer than MAX_WORDS words. */
function longLiterals(source: string): string[] {
  return lessonLiterals(source).filter((l) => words(l) > MAX_WORDS);
}

describe('longLiterals', () => {
  it('finds a sentence in toContain, toMatch and a stated-value pattern', () => {
    const sentence = 'the client picks a new port for every question it sends to the server';
    expect(longLiterals(`expect(prose).toContain('${sentence}');`)).toEqual([sentence]);
    expect(longLiterals(`expect(prose).toContain(\n  \`${sentence}\`,\n);`)).toEqual([sentence]);
    expect(longLiterals(`expect(x).toMatch(/${sentence.replace(/ /g, '\\s+')}/);`)).toHaveLength(1);
    expect(longLiterals(`expectStated(prose, '${sentence} #', 5);`)).toHaveLength(1);
  });

  it('lets short key terms and short patterns through', () => {
    expect(longLiterals(`expect(prose).toContain('NXDOMAIN'); expectStated(text, 'a snap length of # bytes', 262144);`)).toEqual([]);
    expect(longLiterals(`expect(a).toContain(b); expect(c).toMatch(/^GET /);`)).toEqual([]);
  });
});

describe('the lesson tests', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s looks for no literal longer than a dozen words', (file) => {
    expect(longLiterals(readFileSync(join(dir, file), 'utf8'))).toEqual([]);
  });
});
