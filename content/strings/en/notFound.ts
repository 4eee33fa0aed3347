// The strings of the page-not-found page, in English.
export const notFound = {
  title: 'Page not found',
  body: 'That page is not on the wire. It may have moved when the course was reorganised.',
  home: 'Back to the course',
} as const;
