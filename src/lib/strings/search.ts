// The door to the search box's strings, in the site's language.
export { search } from '../../../content/strings/en/search.ts';
