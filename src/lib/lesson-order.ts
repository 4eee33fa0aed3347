// Ordering the course and finding a lesson's neighbours. Pure: no Astro imports.

export interface OrderedLesson {
  id: string;
  order: number;
  title: string;
}

/** Lessons sorted by their `order`; two lessons claiming one place is an error. */
export function orderLessons<T extends OrderedLesson>(lessons: readonly T[], fileOf: (l: T) => string = (l) => l.id): T[] {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].order === sorted[i - 1].order) {
      throw new Error(
        `${fileOf(sorted[i])}: order ${sorted[i].order} is already taken by ${fileOf(sorted[i - 1])}. Give each lesson its own "order" in its front matter.`,
      );
    }
  }
  return sorted;
}

/** The lessons before and after `id` in course order. */
export function neighbours<T extends OrderedLesson>(sorted: readonly T[], id: string): { previous?: T; next?: T } {
  const i = sorted.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: sorted[i - 1], next: sorted[i + 1] };
}
