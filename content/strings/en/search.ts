// The strings of the search box, in English.
export const search = {
  open: 'Search',
  label: 'Search all lessons',
  placeholder: 'Search lessons, e.g. "window scale"',
  close: 'Close search',
  loading: 'Loading search…',
  none: (q: string) => `No lessons mention “${q}”.`,
  count: (n: number) => (n === 1 ? '1 result' : `${n} results`),
  failed: 'Search could not be loaded. It works on the built site (npm run build, then npm run preview).',
} as const;
