// The door to the home page's strings, in the site's language.
export { home } from '../../../content/strings/en/home.ts';
