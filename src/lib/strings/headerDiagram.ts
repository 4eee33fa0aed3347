// The door to the header diagrams's strings, in the site's language.
export { headerDiagram } from '../../../content/strings/en/headerDiagram.ts';
