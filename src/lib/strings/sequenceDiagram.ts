// The door to the sequence (ladder) diagrams's strings, in the site's language.
export { sequenceDiagram } from '../../../content/strings/en/sequenceDiagram.ts';
