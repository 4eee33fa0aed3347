// The strings of a lesson page's frame: objectives, pager, outline, in English.
export const lesson = {
  objectives: 'In this lesson you will',
  outline: 'Course outline',
  previous: 'Previous lesson',
  next: 'Next lesson',
  pager: 'Lesson navigation',
  captures: 'Captures used in this lesson',
  current: 'current lesson',
} as const;
