// The door to the Follow stream panel's strings, in the site's language.
export { followStream } from '../../../content/strings/en/followStream.ts';
