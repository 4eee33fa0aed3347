import { describe, expect, it } from 'vitest';
import type { Field } from '../../decoder/types.ts';
import { OpenState } from './open-state.ts';

const field = (name: string, label = ''): Field => ({ name, label, offset: 0, length: 0, value: null, display: label || name, show: '' });

describe('which subtrees are open', () => {
  it('starts with every protocol open but Frame, and deeper subtrees closed', () => {
    const s = new OpenState();
    expect(s.isOpen(field('frame'), 0)).toBe(false);
    expect(s.isOpen(field('tcp'), 0)).toBe(true);
    expect(s.isOpen(field('tcp.flags'), 1)).toBe(false);
  });

  it("keeps the reader's choice by field name, for any frame", () => {
    const s = new OpenState();
    s.set(field('tcp.flags'), true);
    s.set(field('tcp'), false);
    s.set(field('frame'), true);
    expect(s.isOpen(field('tcp.flags'), 1)).toBe(true);
    expect(s.isOpen(field('tcp'), 0)).toBe(false);
    expect(s.isOpen(field('frame'), 0)).toBe(true);
    s.set(field('tcp.flags'), false);
    expect(s.isOpen(field('tcp.flags'), 1)).toBe(false);
  });

  it('keys a line without a name by its label', () => {
    const s = new OpenState();
    s.set(field('', 'GET / HTTP/1.1\\r\\n'), true);
    expect(s.isOpen(field('', 'GET / HTTP/1.1\\r\\n'), 1)).toBe(true);
    expect(s.isOpen(field('', 'HTTP/1.1 200 OK\\r\\n'), 1)).toBe(false);
  });
});
