// Markup built as DOM in the browser. Text goes in as text nodes: there is no
// innerHTML in the panes.
import type { Markup } from './markup.ts';

export function toDom(node: Markup): HTMLElement {
  const e = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false) continue;
    e.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children) e.append(typeof child === 'string' ? child : toDom(child));
  return e;
}
