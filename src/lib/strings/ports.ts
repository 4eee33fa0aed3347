// The door to the port lookup's strings, in the site's language.
export { ports } from '../../../content/strings/en/ports.ts';
