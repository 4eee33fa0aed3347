// Child-to-parent data for slot components (<Option> inside <Choice>, <Step>
// inside <Order>): the child renders an HTML comment carrying its data, the
// parent renders its slot to a string and takes the comments out. No shared
// state between concurrently rendered components.

const MARK = /<!--wb-(\w+):([A-Za-z0-9+/=]*)-->/g;

export function marker(kind: string, data: unknown): string {
  return `<!--wb-${kind}:${Buffer.from(JSON.stringify(data), 'utf8').toString('base64')}-->`;
}

/** The slot's HTML without the markers, and the data of each marker of `kind`, in order. */
export function takeMarkers<T>(html: string, kind: string): { rest: string; items: T[] } {
  const items: T[] = [];
  const rest = html.replace(MARK, (_, k: string, data: string) => {
    if (k !== kind) return _;
    items.push(JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as T);
    return '';
  });
  return { rest: cleanPrompt(rest), items };
}

/** Drops paragraphs left empty once the markers are out. */
function cleanPrompt(html: string): string {
  return html.replace(/<p>\s*<\/p>/g, '').trim();
}

/** The text of a single-paragraph slot without its <p> wrapper. */
export function unwrapParagraph(html: string): string {
  const t = html.trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(t);
  return m && !m[1].includes('<p>') ? m[1].trim() : t;
}
