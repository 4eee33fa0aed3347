// JSX attribute values as lessons write them: "text", {5}, {['a', 'b']},
// {{ frame: 5, field: 'tcp.ack' }}. Read as data, never evaluated.

export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal };

export type LiteralResult = { ok: true; value: Literal } | { ok: false; error: string };

const SPACE = /\s*/y;

/** Parses one JavaScript literal (numbers, strings, booleans, arrays, objects with plain keys). */
export function parseLiteral(text: string): LiteralResult {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at "${text.slice(at, at + 20)}"`);
  };
  const skip = () => {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    at = SPACE.lastIndex;
  };
  const take = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    at = re.lastIndex;
    return m[0];
  };
  const value = (): Literal => {
    skip();
    const c = text[at];
    if (c === '[') {
      at++;
      const items: Literal[] = [];
      for (skip(); text[at] !== ']'; skip()) {
        items.push(value());
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== ']') fail('expected "," or "]"');
        skip();
      }
      at++;
      return items;
    }
    if (c === '{') {
      at++;
      const out: { [key: string]: Literal } = {};
      for (skip(); text[at] !== '}'; skip()) {
        const key = take(/[A-Za-z_$][\w$]*/y) ?? (/['"]/.test(text[at] ?? '') ? (value() as string) : fail('expected a key'));
        skip();
        if (text[at] !== ':') fail('expected ":"');
        at++;
        out[key] = value();
        skip();
        if (text[at] === ',') at++;
        else if (text[at] !== '}') fail('expected "," or "}"');
        skip();
      }
      at++;
      return out;
    }
    if (c === '"' || c === "'" || c === '`') {
      let s = '';
      for (at++; at < text.length && text[at] !== c; at++) s += text[at] === '\\' ? text[++at] : text[at];
      if (at >= text.length) fail('unterminated string');
      at++;
      return s;
    }
    const num = take(/-?(?:0x[0-9a-f]+|\d+(?:\.\d+)?)/iy);
    if (num !== undefined) return Number(num);
    const word = take(/true|false|null/y);
    if (word !== undefined) return word === 'null' ? null : word === 'true';
    return fail('not a literal');
  };
  try {
    const v = value();
    skip();
    if (at < text.length) fail('unexpected text');
    return { ok: true, value: v };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
