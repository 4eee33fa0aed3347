// The strings of the glossary and its terms in lessons, in English.
export const glossary = {
  nav: 'Glossary',
  title: 'Glossary',
  intro: 'The key terms of the course, each defined once. Lessons link here; hover, focus or tap a dotted term in a lesson to read its definition in place.',
  source: 'Source',
  related: 'See also',
  usedIn: 'Used in',
  definitionOf: (term: string) => `Definition of ${term}`,
  more: 'More in the glossary',
  letters: 'Terms by first letter',
} as const;
