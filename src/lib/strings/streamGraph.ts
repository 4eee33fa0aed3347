// The door to the TCP stream graphs' strings, in the site's language.
export { streamGraph } from '../../../content/strings/en/streamGraph.ts';
