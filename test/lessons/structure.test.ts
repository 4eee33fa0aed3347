// What every lesson of the course has (the course issue's list): objectives,
// a do-it-yourself section, a common-mistakes box, a summary, glossary terms,
// a quiz of at least six questions with two answers computed from a capture
// and a prediction, and linked RFC sources.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonText } from './support.ts';

const names = readdirSync('lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));

describe('the course', () => {
  it('lists every lesson in its outline, one place each, from 1 without a gap', () => {
    const places = names.map((name) => Number(/^order:\s*(\d+)$/m.exec(lessonText(name))?.[1]));
    expect(names.length).toBeGreaterThanOrEqual(11);
    expect([...places].sort((a, b) => a - b)).toEqual(names.map((_, i) => i + 1));
  });
});

describe.each(names)('lesson %s', (name) => {
  const mdx = lessonText(name);

  it('has objectives, do it yourself, a mistake box, a summary, terms and sources', () => {
    expect(mdx).toMatch(/^objectives:\n {2}- /m);
    for (const heading of ['Do it yourself', 'Summary', 'Sources']) expect(mdx).toMatch(new RegExp(`^## ${heading}$`, 'm'));
    expect(mdx).toMatch(/<Mistake title="[^"]+">/);
    expect(mdx).toMatch(/<Term id="[a-z0-9-]+">/);
    const sources = mdx.slice(mdx.search(/^## Sources$/m));
    expect(sources).toMatch(/https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+/);
  });

  it('has a quiz of six or more questions, two answers from a capture and a prediction', () => {
    const ids = [...mdx.matchAll(/<(Choice|Answer|Predict|FindField|Order)\s+id="([^"]+)"/g)].map((m) => m[2]);
    expect(new Set(ids).size, 'question ids are unique').toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    const computed = [...mdx.matchAll(/<Answer\s[^>]*answer=\{\{\s*(frame|expr):/g)];
    expect(computed.length, 'answers computed from a capture').toBeGreaterThanOrEqual(2);
    expect(mdx).toMatch(/<Predict\s/);
  });
});
