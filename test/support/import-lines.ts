// The modules a source file imports, with the line each import starts on, for
// tests that hold the code's layering. A regular expression is enough: the
// project writes imports one way (static `import`/`export ... from` at the start
// of a line, side-effect `import '...'`, and `import('...')`), and .astro files
// keep theirs in the frontmatter and <script> tags, which the same pattern finds.

export interface ImportLine {
  /** 1-based line of the statement's start. */
  line: number;
  /** The module specifier as written. */
  specifier: string;
  /** The statement's first line, trimmed, for the report. */
  text: string;
}

// A static import or re-export (its braces may span lines), or a dynamic import anywhere.
const IMPORT = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Whether a line is (the inside of) a comment, whose examples are not imports. */
const isComment = (text: string): boolean => /^(\/\/|\/\*|\*)/.test(text);

export function importLines(source: string): ImportLine[] {
  const lines = source.split('\n');
  const found: ImportLine[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const start = m.index + m[0].search(/\S/);
    const line = source.slice(0, start).split('\n').length;
    const text = lines[line - 1].trim();
    if (!isComment(text)) found.push({ line, specifier: m[1] ?? m[2], text });
  }
  return found;
}
