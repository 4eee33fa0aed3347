import { describe, expect, it } from 'vitest';
import { createTransactionTable } from './transactions.ts';

describe('request/response matching', () => {
  it('pairs a response with the latest unanswered request of its key, both ways', () => {
    const t = createTransactionTable();
    t.note({ key: 'a', request: true }, 1, 1_000n);
    t.note({ key: 'b', request: true }, 2, 2_000n);
    t.note({ key: 'b', request: false }, 3, 2_500n);
    t.note({ key: 'a', request: false }, 4, 9_000n);
    expect(t.match(1)).toEqual({ responseIn: 4, requestIn: 0, deltaNs: 0 });
    expect(t.match(4)).toEqual({ responseIn: 0, requestIn: 1, deltaNs: 8_000 });
    expect(t.match(2)?.responseIn).toBe(3);
    expect(t.match(3)?.deltaNs).toBe(500);
  });

  it('leaves an unanswered request and a stray response unmatched, and never pairs one request twice', () => {
    const t = createTransactionTable();
    t.note({ key: 'a', request: false }, 1, 0n);
    t.note({ key: 'a', request: true }, 2, 0n);
    t.note({ key: 'a', request: false }, 3, 5n);
    t.note({ key: 'a', request: false }, 4, 9n);
    t.note({ key: 'c', request: true }, 5, 0n);
    expect(t.match(1)).toEqual({ responseIn: 0, requestIn: 0, deltaNs: 0 });
    expect(t.match(4)?.requestIn).toBe(0);
    expect(t.match(5)?.responseIn).toBe(0);
    expect(t.match(6)).toBeUndefined();
  });

  it('answers an HTTP request, numbering both sides', () => {
    const t = createTransactionTable();
    t.note({ key: 'c', request: true, inOrder: true, about: 'http://h/a' }, 1, 0n);
    t.note({ key: 'c', request: false, inOrder: true }, 2, 7n);
    t.note({ key: 'c', request: true, inOrder: true, about: 'http://h/b' }, 3, 8n);
    t.note({ key: 'c', request: false, inOrder: true }, 4, 9n);
    expect(t.match(1)).toMatchObject({ responseIn: 2, number: 1 });
    expect(t.match(2)).toMatchObject({ requestIn: 1, number: 1, about: 'http://h/a', deltaNs: 7 });
    expect(t.match(4)).toMatchObject({ requestIn: 3, number: 2, about: 'http://h/b', deltaNs: 1 });
  });

  it('pairs a response with the latest request only, as tshark 4.0 does (pipelined requests)', () => {
    // tshark -2 on GET /a, GET /b, then two responses: the first answers /b (number 2),
    // /a stays unanswered, the second response is unmatched with number 3.
    const t = createTransactionTable();
    t.note({ key: 'c', request: true, inOrder: true, about: 'http://h/a' }, 1, 0n);
    t.note({ key: 'c', request: true, inOrder: true, about: 'http://h/b' }, 2, 0n);
    t.note({ key: 'c', request: false, inOrder: true }, 3, 7n);
    t.note({ key: 'c', request: false, inOrder: true }, 4, 9n);
    expect(t.match(1)).toMatchObject({ responseIn: 0, number: 1 });
    expect(t.match(2)).toMatchObject({ responseIn: 3, number: 2 });
    expect(t.match(3)).toMatchObject({ requestIn: 2, number: 2, about: 'http://h/b' });
    expect(t.match(4)).toMatchObject({ requestIn: 0, number: 3 });
  });
});
