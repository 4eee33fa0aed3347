// A lesson's MDX as the checker reads it: the front matter, the imports, and
// every component tag with its attributes and line. Not a full MDX parser:
// enough to find what a lesson refers to, with lines for the messages.
import { parseLiteral, type Literal } from './literal.ts';

export interface Tag {
  name: string;
  line: number;
  /** Attribute values; `true` for a bare attribute. */
  attrs: Record<string, Literal>;
  /** Attributes whose value could not be read, with why. */
  unreadable: { name: string; error: string }[];
}

export interface ScannedLesson {
  /** The front matter's text, and the line its first key is on. */
  frontMatter?: { text: string; line: number };
  /** Imported names (default and named). */
  imports: Set<string>;
  tags: Tag[];
}

/** Line number (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Index just past the balanced {...} starting at `from` (strings respected). */
function braceEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Reads a tag's attributes from just after its name; returns them and where the tag ends. */
function readAttributes(text: string, from: number): { attrs: Tag['attrs']; unreadable: Tag['unreadable']; end: number } {
  const attrs: Tag['attrs'] = {};
  const unreadable: Tag['unreadable'] = [];
  const NAME = /\s*([A-Za-z_][\w-]*)/y;
  let at = from;
  for (;;) {
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) break;
    const name = m[1]!;
    at = NAME.lastIndex;
    if (text[at] !== '=') {
      attrs[name] = true;
      continue;
    }
    at++;
    const q = text[at];
    if (q === '"' || q === "'") {
      const end = text.indexOf(q, at + 1);
      attrs[name] = text.slice(at + 1, end < 0 ? text.length : end);
      at = end < 0 ? text.length : end + 1;
    } else if (q === '{') {
      const end = braceEnd(text, at);
      const parsed = parseLiteral(text.slice(at + 1, end - 1));
      if (parsed.ok) attrs[name] = parsed.value;
      else unreadable.push({ name, error: parsed.error });
      at = end;
    } else break;
  }
  const close = text.indexOf('>', at);
  return { attrs, unreadable, end: close < 0 ? text.length : close + 1 };
}

export function scanLesson(text: string): ScannedLesson {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const imports = new Set<string>();
  for (const m of text.matchAll(/^import\s+(.+?)\s+from\s+['"][^'"]+['"];?\s*$/gm)) {
    const spec = m[1]!;
    const named = /\{([^}]*)\}/.exec(spec);
    if (named)
      for (const n of named[1]!.split(','))
        imports.add(
          n
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
        );
    const def = /^([A-Za-z_$][\w$]*)/.exec(spec);
    if (def) imports.add(def[1]!);
  }
  const tags: Tag[] = [];
  // Code blocks are examples, not components: blank them out (keeping lines).
  const body = text.replace(/^(```|~~~)[\s\S]*?^\1/gm, (block) => block.replace(/[^\n]/g, ' '));
  const OPEN = /<([A-Z][A-Za-z0-9]*)\b/g;
  for (let m = OPEN.exec(body); m; m = OPEN.exec(body)) {
    const { attrs, unreadable, end } = readAttributes(body, m.index + m[0].length);
    tags.push({ name: m[1]!, line: lineAt(body, m.index), attrs, unreadable });
    OPEN.lastIndex = Math.max(OPEN.lastIndex, end);
  }
  return { frontMatter: fm ? { text: fm[1]!, line: 2 } : undefined, imports, tags };
}
