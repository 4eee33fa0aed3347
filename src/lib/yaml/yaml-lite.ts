// The project's one YAML reader (capture specs and sidecars, the glossary,
// lesson frontmatter; yaml-data.ts types its values as the site does). Small
// and strict: block mappings and sequences, flow collections on one line
// ([a, b], {k: v}), plain, 'single' and "double" quoted scalars, comments,
// and | / > block scalars.
// Everything else (anchors, tags, multi-line flow, several documents...) is
// refused with its line and column and what to write instead, so that a file
// never means something other than what it looks like.
//
// Scalars stay strings (with their quoting style): the spec reader knows
// which fields are numbers, so "0x3345" or "no" are never guessed at here.

export interface YamlScalar {
  kind: 'scalar';
  text: string;
  style: 'plain' | 'single' | 'double' | 'block';
  line: number;
  col: number;
}
export interface YamlEntry {
  key: string;
  line: number;
  col: number;
  value: YamlNode;
}
export interface YamlMap {
  kind: 'map';
  entries: YamlEntry[];
  line: number;
  col: number;
}
export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  line: number;
  col: number;
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** Where and why the text is not in the accepted subset. Line and column are 1-based. */
export interface YamlProblem {
  line: number;
  col: number;
  message: string;
}

export type YamlResult = { node: YamlNode; problem?: undefined } | { node?: undefined; problem: YamlProblem };

/** Thrown inside the reader only; parseYaml turns it into a YamlProblem. */
class Stop {
  problem: YamlProblem;
  constructor(line: number, col: number, message: string) {
    this.problem = { line, col, message };
  }
}

interface Line {
  /** 1-based line number. */
  num: number;
  /** Column (0-based) where `text` starts in the source line. */
  indent: number;
  /** The content after the indentation, comment and trailing spaces removed. */
  text: string;
}

const isBlank = (raw: string) => /^\s*(#.*)?$/.test(raw);

/** Removes a comment (a # at the start or after a space, outside quotes). */
function stripComment(s: string, num: number, at: number): string {
  let quote = '';
  let opened = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && s[i + 1] === "'") i++;
        else quote = '';
      }
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:-]/.test(s[i - 1]))) {
      quote = c;
      opened = i;
    } else if (c === '#' && (i === 0 || s[i - 1] === ' ')) return s.slice(0, i).trimEnd();
  }
  if (quote)
    throw new Stop(
      num,
      at + opened + 1,
      `unterminated ${quote === '"' ? 'double' : 'single'}-quoted string: close it on the same line (use \\n escapes or a | block scalar for several lines)`,
    );
  return s.trimEnd();
}

class Reader {
  private readonly raw: string[];
  private i = 0;

  constructor(text: string) {
    this.raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  }

  /** The next non-blank line, without consuming it. */
  peek(): Line | undefined {
    while (this.i < this.raw.length && isBlank(this.raw[this.i])) this.i++;
    if (this.i >= this.raw.length) return undefined;
    const raw = this.raw[this.i];
    const num = this.i + 1;
    const m = /^( *)(\t*)/.exec(raw)!;
    if (m[2]) throw new Stop(num, m[1].length + 1, 'tab in indentation: indent with spaces only');
    const indent = m[1].length;
    const text = stripComment(raw.slice(indent), num, indent);
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(text)) throw new Stop(num, 1, 'document markers (--- or ...) are not accepted: one document per file');
    if (indent === 0 && text.startsWith('%')) throw new Stop(num, 1, 'directives (%YAML, %TAG) are not accepted: remove the line');
    return { num, indent, text };
  }

  /** The current line (after peek), replaced by a part of itself: used for "- key: value". */
  replace(line: Line): void {
    if (!this.current) this.i++; // the raw line is now read; `current` stands for the rest of it
    this.current = line;
  }
  current: Line | undefined;

  next(): Line | undefined {
    if (this.current) return this.current;
    return this.peek();
  }
  consume(): void {
    if (this.current) this.current = undefined;
    else this.i++;
  }

  /** Raw lines for a block scalar: every line more indented than `parent`, blank lines kept. */
  blockLines(parent: number): { num: number; raw: string }[] {
    const out: { num: number; raw: string }[] = [];
    while (this.i < this.raw.length) {
      const raw = this.raw[this.i];
      if (raw.trim() !== '') {
        const indent = /^ */.exec(raw)![0].length;
        if (indent <= parent) break;
      }
      out.push({ num: this.i + 1, raw });
      this.i++;
    }
    while (out.length && out[out.length - 1].raw.trim() === '') out.pop();
    return out;
  }
}

/** Refuses the YAML features outside the subset, at the start of a value. */
function refuseFeatures(text: string, line: number, col: number): void {
  const c = text[0];
  if (c === '&' || c === '*') throw new Stop(line, col, 'anchors and aliases (& and *) are not accepted: write the value out');
  if (c === '!') throw new Stop(line, col, "tags (!) are not accepted: the spec reader knows each field's type; remove the tag");
  if (c === '?') throw new Stop(line, col, 'complex keys (?) are not accepted: use a plain key');
  if (c === '@' || c === '`') throw new Stop(line, col, `'${c}' cannot start a plain scalar: quote the value`);
  if (c === '%') throw new Stop(line, col, "'%' cannot start a plain scalar: quote the value");
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
};

/** Reads a quoted scalar starting at s[at]; returns the text and the index after the closing quote. */
function readQuoted(s: string, at: number, line: number, colBase: number): { text: string; end: number; style: 'single' | 'double' } {
  const q = s[at];
  let out = '';
  for (let i = at + 1; i < s.length; i++) {
    const c = s[i];
    if (q === "'") {
      if (c === "'") {
        if (s[i + 1] === "'") {
          out += "'";
          i++;
          continue;
        }
        return { text: out, end: i + 1, style: 'single' };
      }
      out += c;
      continue;
    }
    if (c === '"') return { text: out, end: i + 1, style: 'double' };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = s[i + 1];
    const col = colBase + i + 1;
    if (e === undefined) throw new Stop(line, col, 'a backslash ends the line: a double-quoted string must close on its line');
    if (e in DOUBLE_ESCAPES) {
      out += DOUBLE_ESCAPES[e];
      i++;
      continue;
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const hex = s.slice(i + 2, i + 2 + width);
    if (!width || !new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) {
      throw new Stop(line, col, `unknown escape '\\${e}${width ? hex : ''}': use \\n, \\r, \\t, \\\\, \\", \\xHH or \\uHHHH`);
    }
    out += String.fromCodePoint(parseInt(hex, 16));
    i += 1 + width;
  }
  throw new Stop(line, colBase + at + 1, `unterminated ${q === '"' ? 'double' : 'single'}-quoted string: close it on the same line`);
}

/** Flow collections and scalars inside them: [a, "b", {k: v}], all on one line. */
class Flow {
  private p = 0;
  private readonly s: string;
  private readonly line: number;
  private readonly colBase: number;
  constructor(s: string, line: number, colBase: number) {
    this.s = s;
    this.line = line;
    this.colBase = colBase;
  }
  private col(at = this.p) {
    return this.colBase + at + 1;
  }
  private ws() {
    while (this.s[this.p] === ' ') this.p++;
  }
  private fail(message: string, at = this.p): never {
    throw new Stop(this.line, this.col(at), message);
  }

  parseAll(): YamlNode {
    const node = this.value(false);
    this.ws();
    if (this.p < this.s.length) this.fail(`unexpected '${this.s.slice(this.p)}' after the value: quote the whole value or remove the extra text`);
    return node;
  }

  private value(inFlow: boolean): YamlNode {
    this.ws();
    const c = this.s[this.p];
    const at = this.p;
    if (c === '[') return this.seq();
    if (c === '{') return this.map();
    if (c === '"' || c === "'") {
      const q = readQuoted(this.s, this.p, this.line, this.colBase);
      this.p = q.end;
      return { kind: 'scalar', text: q.text, style: q.style, line: this.line, col: this.col(at) };
    }
    if (c === undefined) this.fail(inFlow ? 'missing value: write one or remove the comma' : 'missing value');
    refuseFeatures(this.s.slice(this.p), this.line, this.col());
    let end = this.p;
    while (end < this.s.length) {
      const ch = this.s[end];
      if (inFlow && (ch === ',' || ch === ']' || ch === '}')) break;
      if (inFlow && (ch === '[' || ch === '{')) this.fail(`'${ch}' inside a plain scalar: quote the value`, end);
      if (ch === ':' && (end + 1 === this.s.length || this.s[end + 1] === ' ' || (inFlow && /[,\]}]/.test(this.s[end + 1])))) break;
      end++;
    }
    const text = this.s.slice(this.p, end).trimEnd();
    if (!inFlow && end < this.s.length) this.fail("': ' inside a plain value: quote the value, or put a nested mapping on its own lines", end);
    this.p = end;
    return { kind: 'scalar', text, style: 'plain', line: this.line, col: this.col(at) };
  }

  private seq(): YamlSeq {
    const node: YamlSeq = { kind: 'seq', items: [], line: this.line, col: this.col() };
    this.p++;
    this.ws();
    if (this.s[this.p] === ']') {
      this.p++;
      return node;
    }
    for (;;) {
      const item = this.value(true);
      if (item.kind === 'scalar' && item.style === 'plain' && item.text === '') this.fail('empty item in a flow sequence: remove the extra comma');
      this.ws();
      if (this.s[this.p] === ':') this.fail('a mapping inside [ ] must be written {key: value}');
      node.items.push(item);
      this.ws();
      const c = this.s[this.p];
      if (c === ',') {
        this.p++;
        continue;
      }
      if (c === ']') {
        this.p++;
        return node;
      }
      if (c === undefined) this.fail("unclosed '[': flow sequences must close on the same line (or use a block sequence with '- ')");
      this.fail(`expected ',' or ']' here, found '${c}'`);
    }
  }

  private map(): YamlMap {
    const node: YamlMap = { kind: 'map', entries: [], line: this.line, col: this.col() };
    this.p++;
    this.ws();
    if (this.s[this.p] === '}') {
      this.p++;
      return node;
    }
    for (;;) {
      this.ws();
      const keyAt = this.p;
      const key = this.value(true);
      if (key.kind !== 'scalar') this.fail('a key must be a scalar', keyAt);
      if (key.text === '' && key.style === 'plain') this.fail('missing key', keyAt);
      this.ws();
      if (this.s[this.p] !== ':') this.fail(`expected ':' after the key '${key.text}' (flow mappings are {key: value, ...})`);
      this.p++;
      if (this.s[this.p] !== ' ' && this.s[this.p] !== undefined && !/[,}]/.test(this.s[this.p])) this.fail("a space must follow ':'");
      const value = this.value(true);
      if (node.entries.some((e) => e.key === key.text)) this.fail(`duplicate key '${key.text}'`, keyAt);
      node.entries.push({ key: key.text, line: this.line, col: this.col(keyAt), value });
      this.ws();
      const c = this.s[this.p];
      if (c === ',') {
        this.p++;
        continue;
      }
      if (c === '}') {
        this.p++;
        return node;
      }
      if (c === undefined) this.fail("unclosed '{': flow mappings must close on the same line (or use a block mapping)");
      this.fail(`expected ',' or '}' here, found '${c}'`);
    }
  }
}

/** The key of a block-mapping line, and where its value starts; undefined if the line is not "key: ...". */
function splitKey(text: string, line: number, col: number): { key: string; rest: string; restAt: number } | undefined {
  if (text[0] === '"' || text[0] === "'") {
    const q = readQuoted(text, 0, line, col - 1);
    const after = text.slice(q.end);
    if (!/^ *:( |$)/.test(after)) return undefined;
    const colon = q.end + after.indexOf(':');
    return { key: q.text, rest: text.slice(colon + 1).trim(), restAt: colon + 1 + (text.slice(colon + 1).length - text.slice(colon + 1).trimStart().length) };
  }
  const m = /^([^\s:#[\]{},"'][^:]*?) *:( |$)/.exec(text);
  if (!m) return undefined;
  const restStart = m[0].length;
  const rest = text.slice(restStart);
  return { key: m[1], rest: rest.trim(), restAt: restStart + (rest.length - rest.trimStart().length) };
}

class Parser {
  private readonly r: Reader;
  constructor(text: string) {
    this.r = new Reader(text);
  }

  document(): YamlNode {
    const first = this.r.next();
    if (!first) throw new Stop(1, 1, 'the file is empty');
    if (first.indent !== 0) throw new Stop(first.num, first.indent + 1, 'the top level must start in column 1');
    const node = this.block(0);
    const extra = this.r.next();
    if (extra)
      throw new Stop(
        extra.num,
        extra.indent + 1,
        extra.indent > 0 ? 'unexpected indentation: align this line with the entries above it' : 'unexpected text after the document',
      );
    return node;
  }

  /** A block node whose first line is indented exactly `indent`. */
  private block(indent: number): YamlNode {
    const line = this.r.next()!;
    if (line.text === '-' || line.text.startsWith('- ')) return this.seq(indent);
    const kv = splitKey(line.text, line.num, line.indent + 1);
    if (kv) return this.map(indent);
    if (line.text.startsWith('-') && !/^-[0-9.]/.test(line.text)) throw new Stop(line.num, line.indent + 2, "a space must follow '-' in a sequence item");
    // A lone scalar (or flow collection) as a whole block.
    this.r.consume();
    return this.inline(line.text, line.num, line.indent, indent);
  }

  private inline(text: string, num: number, at: number, parentIndent: number): YamlNode {
    if (/^[|>]/.test(text)) return this.blockScalar(text, num, at, parentIndent);
    return new Flow(text, num, at).parseAll();
  }

  private map(indent: number): YamlMap {
    const first = this.r.next()!;
    const node: YamlMap = { kind: 'map', entries: [], line: first.num, col: first.indent + 1 };
    for (;;) {
      const line = this.r.next();
      if (!line || line.indent < indent) return node;
      if (line.indent > indent) {
        const last = node.entries[node.entries.length - 1]?.value;
        if (last?.kind === 'scalar' && last.style !== 'block' && !splitKey(line.text, line.num, line.indent + 1)) {
          throw new Stop(
            line.num,
            line.indent + 1,
            `the value of '${node.entries[node.entries.length - 1].key}' cannot go on over several lines: write it after '>-' (folded) or '|' (literal) on the lines below the key`,
          );
        }
        throw new Stop(line.num, line.indent + 1, 'unexpected indentation: align this key with the keys above it');
      }
      const kv = splitKey(line.text, line.num, line.indent + 1);
      if (!kv) {
        if (line.text.startsWith('- ') || line.text === '-')
          throw new Stop(line.num, line.indent + 1, 'a sequence item where a key was expected: indent it under its key');
        throw new Stop(line.num, line.indent + 1, "expected 'key: value' here");
      }
      if (node.entries.some((e) => e.key === kv.key)) throw new Stop(line.num, line.indent + 1, `duplicate key '${kv.key}'`);
      refuseFeatures(kv.key, line.num, line.indent + 1);
      this.r.consume();
      let value: YamlNode;
      if (kv.rest !== '') {
        refuseFeatures(kv.rest, line.num, line.indent + kv.restAt + 1);
        value = this.inline(kv.rest, line.num, line.indent + kv.restAt, indent);
      } else {
        const below = this.r.next();
        if (below && below.indent > indent) value = this.block(below.indent);
        else if (below && below.indent === indent && (below.text.startsWith('- ') || below.text === '-')) value = this.seq(indent);
        else throw new Stop(line.num, line.indent + kv.key.length + 2, `no value for '${kv.key}': write one after the colon (use "" for an empty string)`);
      }
      node.entries.push({ key: kv.key, line: line.num, col: line.indent + 1, value });
    }
  }

  private seq(indent: number): YamlSeq {
    const first = this.r.next()!;
    const node: YamlSeq = { kind: 'seq', items: [], line: first.num, col: first.indent + 1 };
    for (;;) {
      const line = this.r.next();
      if (!line || line.indent < indent) return node;
      if (line.indent > indent) throw new Stop(line.num, line.indent + 1, 'unexpected indentation: align this item with the items above it');
      if (!(line.text === '-' || line.text.startsWith('- '))) return node; // a key of the enclosing mapping
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.r.consume();
        const below = this.r.next();
        if (!below || below.indent <= indent) throw new Stop(line.num, line.indent + 1, "empty sequence item: write a value after '- '");
        node.items.push(this.block(below.indent));
        continue;
      }
      // "- key: value" or "- - x": the rest is a block at a deeper indentation.
      const at = line.indent + (line.text.length - rest.length);
      this.r.replace({ num: line.num, indent: at, text: rest });
      node.items.push(this.block(at));
    }
  }

  private blockScalar(header: string, num: number, at: number, parentIndent: number): YamlScalar {
    const m = /^([|>])([-+]?)$/.exec(header);
    if (!m)
      throw new Stop(
        num,
        at + 1,
        `block scalar header '${header}' is not accepted: write |, |-, |+, > or >- alone (explicit indentation digits are not accepted)`,
      );
    const lines = this.r.blockLines(parentIndent);
    if (lines.length === 0) throw new Stop(num, at + 1, 'empty block scalar: write its lines indented below, or use ""');
    const indent = /^ */.exec(lines.find((l) => l.raw.trim() !== '')!.raw)![0].length;
    const body: string[] = [];
    for (const l of lines) {
      const lead = /^ */.exec(l.raw)![0].length;
      if (l.raw.trim() !== '' && lead < indent) throw new Stop(l.num, lead + 1, `block scalar line less indented than its first line (${indent} spaces)`);
      if (/^ *\t/.test(l.raw)) throw new Stop(l.num, lead + 1, 'tab in indentation: indent with spaces only');
      body.push(l.raw.slice(indent));
    }
    let text: string;
    if (m[1] === '|') text = body.join('\n');
    else {
      // Folding: single line breaks become spaces, empty lines become line breaks.
      text = '';
      for (let k = 0; k < body.length; k++) {
        const b = body[k];
        if (b === '') text += '\n';
        else text += (k > 0 && body[k - 1] !== '' ? ' ' : '') + b;
      }
    }
    if (m[2] !== '-') text += '\n';
    return { kind: 'scalar', text, style: 'block', line: num, col: at + 1 };
  }
}

/** Reads a YAML document in the accepted subset; never throws. */
export function parseYaml(text: string): YamlResult {
  try {
    return { node: new Parser(text).document() };
  } catch (e) {
    if (e instanceof Stop) return { problem: e.problem };
    throw e;
  }
}

/** A mapping's value by key. */
export function entry(map: YamlMap, key: string): YamlEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/** The node as plain data (strings, arrays, objects): for tests and simple readers. */
export function toPlain(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.text;
  if (node.kind === 'seq') return node.items.map(toPlain);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
}
