// The door to the checksum calculator's strings, in the site's language.
export { checksum } from '../../../content/strings/en/checksum.ts';
