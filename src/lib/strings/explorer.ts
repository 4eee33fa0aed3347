// The door to the capture explorer (open a capture)'s strings, in the site's language.
export { explorer } from '../../../content/strings/en/explorer.ts';
