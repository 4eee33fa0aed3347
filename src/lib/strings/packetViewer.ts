// The door to the packet viewer and its panes's strings, in the site's language.
export { packetViewer } from '../../../content/strings/en/packetViewer.ts';
