// Search excerpts arrive as HTML with <mark> around the hits. Keep the text
// and the marks, nothing else, so an excerpt can never inject markup.

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower in entities) return entities[lower];
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return whole;
  });
}

/** Split an excerpt into plain and marked runs; every other tag is dropped. */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?[^>]*>)/)) {
    if (piece.startsWith('<')) {
      if (/^<mark\b/i.test(piece)) marked = true;
      else if (/^<\/mark\s*>/i.test(piece)) marked = false;
      continue;
    }
    if (piece) parts.push({ text: decode(piece), marked });
  }
  return parts;
}
