// The door to the site's frame: header, navigation, footer's strings, in the site's language.
export { site } from '../../../content/strings/en/site.ts';
