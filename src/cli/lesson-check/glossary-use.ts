// The glossary check: a lesson links a glossary term at its first use, so a
// reader who starts from zero meets the definition where the word first
// appears. Reports the first use, in prose, of an entry's term or alias that
// comes before the lesson's first <Term id> for that entry. Pure.
import type { Problem } from './world.ts';

/** What the check needs of a glossary entry. */
export interface GlossaryWords {
  id: string;
  term: string;
  aliases: readonly string[];
}

/** Keeps a string's length and line breaks, blanks every other character. */
const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** Index just past the tag that starts at `from` (quoted values and {...} respected). */
function tagEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      if (depth > 0 || text[i - 1] === '=') for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * The lesson's prose at the same offsets as the source: front matter, imports,
 * code (fenced and inline), comments, headings, tags with their props, SVG drawings,
 * linked terms, link targets and the titles in links to other pages are blanked, so offsets and line numbers still point into the file.
 */
export function proseMask(text: string): string {
  let out = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, blank);
  out = out.replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, blank);
  out = out.replace(/^import\s.*$/gm, blank);
  out = out.replace(/^#{1,6}\s.*$/gm, blank);
  out = out.replace(/`[^`\n]*`/g, blank);
  out = out.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  // A drawing's labels are not prose, and a term cannot be linked inside an SVG.
  out = out.replace(/<svg\b[\s\S]*?<\/svg>/g, blank);
  // A linked term or frame is a link already, and a link cannot hold another:
  // words inside it ("IP" in "IP address", "frame" in "frame 6") are not first uses.
  out = out.replace(/<(Term|FrameLink)\b[\s\S]*?<\/\1>/g, blank);
  // Tags: components (with their props), HTML, closing tags and comments.
  let result = '';
  let at = 0;
  const OPEN = /<!--[\s\S]*?-->|<\/?[A-Za-z][\w.-]*/g;
  for (let m = OPEN.exec(out); m; m = OPEN.exec(out)) {
    const end = m[0].startsWith('<!--') ? m.index + m[0].length : tagEnd(out, m.index + m[0].length);
    result += out.slice(at, m.index) + blank(out.slice(m.index, end));
    at = end;
    OPEN.lastIndex = end;
  }
  result += out.slice(at);
  // A link to another page of the course names that page by its title ("RST, when a
  // connection ends abruptly"): a name, not a first use, and a link cannot hold a Term.
  result = result.replace(/\[([^\]\n]*)\]\((?:\.\.?\/|\/|#)[^)\s]*\)/g, (m, text: string) => `[${blank(text)}${m.slice(text.length + 1)}`);
  // A Markdown link's target is an address, not prose; an outside link's text stays.
  return result.replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`);
}

/** An abbreviation (no lower-case letter: "MSS", "TIME-WAIT", "SO_LINGER") matches exactly; words ignore case. */
const isAbbreviation = (s: string): boolean => s === s.toUpperCase() && /\p{Lu}/u.test(s);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term or alias as a whole-word pattern: letters, digits, "_" and "-" continue a word; spaces match any run of white space. */
function wordPattern(words: string): RegExp {
  const body = words.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${body}(?![\\p{L}\\p{N}_-])`, isAbbreviation(words) ? 'gu' : 'giu');
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offset of the lesson's first <Term id="ID"> for each entry id. */
function firstTerms(text: string): Map<string, number> {
  const code = text.replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, blank);
  const first = new Map<string, number>();
  for (const m of code.matchAll(/<Term\b[^>]*?\bid=["']([^"']+)["']/g)) if (!first.has(m[1]!)) first.set(m[1]!, m.index);
  return first;
}

/** Each entry's first use in prose before its first <Term>, in the order of the text. */
function firstUses(text: string, entries: readonly GlossaryWords[]): { entry: GlossaryWords; at: number; word: string; linked: number }[] {
  const prose = proseMask(text);
  const terms = firstTerms(text);
  const uses = [];
  for (const entry of entries) {
    const linked = terms.get(entry.id) ?? Number.POSITIVE_INFINITY;
    let first: { at: number; word: string } | undefined;
    for (const words of [entry.term, ...entry.aliases]) {
      const m = wordPattern(words).exec(prose);
      if (m && m.index < linked && (!first || m.index < first.at)) first = { at: m.index, word: m[0] };
    }
    if (first) uses.push({ entry, ...first, linked });
  }
  return uses.sort((a, b) => a.at - b.at);
}

export function glossaryUseProblems(text: string, entries: readonly GlossaryWords[]): Problem[] {
  return firstUses(text, entries).map(({ entry, at, word: found, linked }) => {
    const where = Number.isFinite(linked)
      ? `before the lesson's first <Term id="${entry.id}"> (line ${lineAt(text, linked)})`
      : `and the lesson has no <Term id="${entry.id}">`;
    const word = found.replace(/\s+/g, ' ');
    return { line: lineAt(text, at), message: `"${word}" is used here ${where}: link this first use, <Term id="${entry.id}">${word}</Term>, or reword it.` };
  });
}

/** Whether a link can go at `at`: not inside link text, nor inside a component that is itself a control (an option, a step). */
function linkable(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const inLinkText = before.lastIndexOf('[') > before.lastIndexOf(']') && /^[^\]\n]*\]\(/.test(text.slice(at));
  const inside = (name: string) => Math.max(before.lastIndexOf(`<${name} `), before.lastIndexOf(`<${name}>`)) > before.lastIndexOf(`</${name}>`);
  return !inLinkText && !['Option', 'Step', 'a', 'figcaption'].some(inside);
}

/**
 * The lesson with each entry's first use linked, <Term id="ID">word</Term>,
 * where a link can go (what the check reports elsewhere is left to the author).
 */
export function linkFirstUses(text: string, entries: readonly GlossaryWords[]): string {
  let out = text;
  // A use inside another's link ("IP" in "IP address") is found again once the longer one is linked.
  for (let pass = 0; pass < 4; pass++) {
    let end = Number.POSITIVE_INFINITY;
    let changed = false;
    // From the end, so offsets before stay valid; at one offset, the longer use first.
    const uses = firstUses(out, entries).sort((a, b) => b.at - a.at || b.word.length - a.word.length);
    for (const { entry, at, word } of uses) {
      if (at + word.length > end || !linkable(out, at)) continue;
      out = `${out.slice(0, at)}<Term id="${entry.id}">${word}</Term>${out.slice(at + word.length)}`;
      end = at;
      changed = true;
    }
    if (!changed) break;
  }
  return out;
}
