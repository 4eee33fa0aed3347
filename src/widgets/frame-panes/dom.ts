// Building the viewer's DOM in the browser. Packet text only ever enters the
// page as text nodes: there is no innerHTML anywhere in the viewer.

type Attrs = Record<string, string | number | boolean | undefined>;

/** An element with attributes (undefined and false leave one out) and text or element children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/** Set or remove a boolean data attribute (data-selected, data-hover, data-cursor). */
export function flag(node: Element, name: string, on: boolean): void {
  if (on) node.setAttribute(name, '');
  else node.removeAttribute(name);
}

/**
 * Scroll `child` into view inside `box` only, never the page: to the nearest
 * edge (stepping with the keyboard), or to the middle (jumping from afar).
 */
export function scrollWithin(box: HTMLElement, child: HTMLElement, smooth: boolean, center = false): void {
  const b = box.getBoundingClientRect();
  const c = child.getBoundingClientRect();
  const pad = 8;
  let top = box.scrollTop;
  const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const above = c.top < b.top + header + pad;
  const below = c.bottom > b.bottom - pad;
  if (center && (above || below)) top += c.top - b.top - header - (b.height - header - c.height) / 2;
  else if (above) top += c.top - b.top - header - pad;
  else if (below) top += c.bottom - b.bottom + pad;
  if (top !== box.scrollTop) box.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
}
