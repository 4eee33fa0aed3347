// The strings of the home page, in English.
export const home = {
  title: 'Wirebook: transport-layer networking from real packets',
  intro:
    'Every lesson is built around real capture files. Step through the packets, read each header field next to the bytes it came from, and check yourself with questions whose answers come from the capture.',
  outline: 'The course',
  start: 'Start with lesson 1',
  lessonNumber: (n: number) => `Lesson ${n}`,
} as const;
