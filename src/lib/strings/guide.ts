// The door to the instructors' guide's strings, in the site's language.
export { guide } from '../../../content/strings/en/guide.ts';
