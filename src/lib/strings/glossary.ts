// The door to the glossary and its terms in lessons's strings, in the site's language.
export { glossary } from '../../../content/strings/en/glossary.ts';
