// The panes' markup as plain data: one description of the details tree and
// the bytes, written out as escaped HTML at build time (html.ts) and built as
// DOM in the browser (to-dom.ts). Text children are always text: packet
// contents never become markup on either side.

export type AttrValue = string | number | boolean | undefined;
export type Attrs = Record<string, AttrValue>;

export interface Markup {
  tag: string;
  /** undefined and false leave an attribute out; true writes it empty. */
  attrs: Attrs;
  children: (Markup | string)[];
}

export function h(tag: string, attrs: Attrs = {}, ...children: (Markup | string)[]): Markup {
  return { tag, attrs, children };
}
