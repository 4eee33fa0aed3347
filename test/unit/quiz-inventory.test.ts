import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { questionsIn } from '../../src/lib/quiz/inventory.ts';
import { shuffledOrder } from '../../src/lib/quiz/shuffle.ts';
import { inlineHtml, plainText } from '../../src/lib/quiz/inline.ts';
import { takeMarkers, marker, unwrapParagraph } from '../../src/lib/quiz/markers.ts';
import { claimId } from '../../src/lib/quiz/errors.ts';

describe('questionsIn', () => {
  it('lists the questions of a lesson with the start of their text', () => {
    const qs = questionsIn(readFileSync('lessons/02-udp.mdx', 'utf8'));
    expect(qs.map((q) => q.id)).toContain('udp-header-size');
    expect(qs.find((q) => q.id === 'udp-header-size')).toEqual({ id: 'udp-header-size', kind: 'Choice', prompt: 'How long is a UDP header?' });
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  });

  it('reads the question prop, self-closing tags, and skips code examples', () => {
    const mdx = [
      '<Answer id="a" question="What is `x`?" answer={1} />',
      "<Predict id='p' frame={3} />",
      '```mdx',
      '<Choice id="example">Not a question</Choice>',
      '```',
      '<Order id={"o"}>',
      '  Put **these** in order.',
      '  <Step>one</Step>',
      '</Order>',
    ].join('\n');
    expect(questionsIn(mdx)).toEqual([
      { id: 'a', kind: 'Answer', prompt: 'What is `x`?' },
      { id: 'p', kind: 'Predict', prompt: '' },
      { id: 'o', kind: 'Order', prompt: 'Put these in order.' },
    ]);
  });
});

describe('build helpers', () => {
  it('shuffles the same way every time, never into the right order', () => {
    for (const n of [2, 3, 4, 7]) {
      for (const id of ['a', 'handshake', 'teardown-order']) {
        const order = shuffledOrder(n, id);
        expect(order).toEqual(shuffledOrder(n, id));
        expect([...order].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(order.every((v, i) => v === i)).toBe(false);
      }
    }
  });

  it('renders the little markup of hints and escapes the rest', () => {
    expect(inlineHtml('Use `tcp.ack` and **not** <b>this</b>')).toBe('Use <code>tcp.ack</code> and <strong>not</strong> &lt;b&gt;this&lt;/b&gt;');
    expect(plainText('<code>a &lt; b</code> &amp; c')).toBe('a < b & c');
  });

  it('passes child data to the parent through markers', () => {
    const html = `<p>Question?\n${marker('option', { html: 'é <code>8</code>', correct: true })}${marker('option', { html: 'b', correct: false })}</p>`;
    const { rest, items } = takeMarkers<{ html: string; correct: boolean }>(html, 'option');
    expect(rest).toBe('<p>Question?\n</p>');
    expect(items).toEqual([
      { html: 'é <code>8</code>', correct: true },
      { html: 'b', correct: false },
    ]);
    expect(unwrapParagraph('<p>8 bytes</p>')).toBe('8 bytes');
  });

  it('refuses a question id used twice on one page', () => {
    const page = {};
    expect(claimId(page, 'q1')).toBe(true);
    expect(claimId(page, 'q2')).toBe(true);
    expect(claimId(page, 'q1')).toBe(false);
    expect(claimId({}, 'q1')).toBe(true);
  });
});
