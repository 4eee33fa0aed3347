// Every piece of interface text, in English. A translation is a file of the
// same shape beside this one (ko.ts for the planned Korean edition).
export const en = {
  site: {
    name: 'Wirebook',
    tagline: 'Learn how UDP, TCP and ARP really behave, by reading real packets.',
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    course: 'Course',
    footerCode: 'Code under the MIT licence; lessons under CC BY-SA 4.0.',
    footerOrigin: "The course's scenarios come from a student's Wireshark report on transport-layer traffic.",
  },
  home: {
    title: 'Wirebook: transport-layer networking from real packets',
    intro:
      'Every lesson is built around real capture files. Step through the packets, read each header field next to the bytes it came from, and check yourself with questions whose answers come from the capture.',
    outline: 'The course',
    start: 'Start with lesson 1',
    lessonNumber: (n: number) => `Lesson ${n}`,
  },
  lesson: {
    objectives: 'In this lesson you will',
    outline: 'Course outline',
    previous: 'Previous lesson',
    next: 'Next lesson',
    pager: 'Lesson navigation',
    captures: 'Captures used in this lesson',
    current: 'current lesson',
  },
  search: {
    open: 'Search',
    label: 'Search all lessons',
    placeholder: 'Search lessons, e.g. "window scale"',
    close: 'Close search',
    loading: 'Loading search…',
    none: (q: string) => `No lessons mention “${q}”.`,
    count: (n: number) => (n === 1 ? '1 result' : `${n} results`),
    failed: 'Search could not be loaded. It works on the built site (npm run build, then npm run preview).',
  },
  notFound: {
    title: 'Page not found',
    body: 'That page is not on the wire. It may have moved when the course was reorganised.',
    home: 'Back to the course',
  },
} as const;

export type Strings = typeof en;
