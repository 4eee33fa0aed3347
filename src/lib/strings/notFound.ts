// The door to the page-not-found page's strings, in the site's language.
export { notFound } from '../../../content/strings/en/notFound.ts';
