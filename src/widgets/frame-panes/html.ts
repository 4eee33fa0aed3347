// Markup written out as HTML for the server render. Every text and attribute
// value is escaped: a capture's bytes and names are data, never markup.
import type { Markup } from './markup.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => entities[c]);
}

export function toHtml(node: Markup | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  let out = `<${node.tag}`;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  out += '>';
  for (const child of node.children) out += toHtml(child);
  return `${out}</${node.tag}>`;
}
