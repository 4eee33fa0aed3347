// The interface strings for the site's language. One place to switch when a
// second language lands.
import { en } from '../../content/strings/en.ts';

export const t = en;
