// The door to the progress page's strings, in the site's language.
export { progress } from '../../../content/strings/en/progress.ts';
