import { describe, expect, it } from 'vitest';
import { neighbours, orderLessons } from '../../src/lib/lesson-order.ts';

const lesson = (id: string, order: number) => ({ id, order, title: id.toUpperCase() });

describe('orderLessons', () => {
  it('sorts by order, whatever the input order', () => {
    const sorted = orderLessons([lesson('tcp', 3), lesson('intro', 1), lesson('udp', 2)]);
    expect(sorted.map((l) => l.id)).toEqual(['intro', 'udp', 'tcp']);
  });

  it('names both files when two lessons claim one place', () => {
    expect(() => orderLessons([lesson('a', 2), lesson('b', 2)], (l) => `lessons/${l.id}.mdx`)).toThrow(
      /lessons\/b\.mdx: order 2 is already taken by lessons\/a\.mdx/,
    );
  });
});

describe('neighbours', () => {
  const course = orderLessons([lesson('intro', 1), lesson('udp', 2), lesson('tcp', 3)]);

  it('gives the previous and next lessons', () => {
    const { previous, next } = neighbours(course, 'udp');
    expect(previous?.id).toBe('intro');
    expect(next?.id).toBe('tcp');
  });

  it('has no previous for the first and no next for the last', () => {
    expect(neighbours(course, 'intro').previous).toBeUndefined();
    expect(neighbours(course, 'tcp').next).toBeUndefined();
  });

  it('gives nothing for an unknown lesson', () => {
    expect(neighbours(course, 'nope')).toEqual({});
  });
});
