import { describe, expect, it } from 'vitest';
import { excerptParts } from '../../src/widgets/search/safe-excerpt.ts';

describe('excerptParts', () => {
  it('keeps marked runs and plain text', () => {
    expect(excerptParts('the <mark>window</mark> scale')).toEqual([
      { text: 'the ', marked: false },
      { text: 'window', marked: true },
      { text: ' scale', marked: false },
    ]);
  });

  it('drops every other tag and decodes entities to plain text', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)>&lt;script&gt; &amp; <b>bold</b>');
    expect(parts.map((p) => p.text).join('')).toBe('<script> & bold');
    expect(parts.every((p) => !p.marked)).toBe(true);
  });
});
