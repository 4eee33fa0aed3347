// The door to the common-mistake boxes's strings, in the site's language.
export { mistake } from '../../../content/strings/en/mistake.ts';
