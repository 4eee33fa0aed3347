// Answer expressions over capture fields, e.g. "frame 6 tcp.seq + tcp.len"
// or "tcp.nxtseq - 1". "frame N" sets the frame for the fields after it.
// Parsed once at build time; never evaluated in the browser.

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'field'; frame: number; name: string }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export type Parsed = { ok: true; expr: Expr } | { ok: false; error: string };

const TOKEN = /\s*(?:(frame)(?![.\w])|([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)|(0x[0-9a-f]+|\d+(?:\.\d+)?)|([-+*/()]))/iy;

/** Parses an expression; `frame` is the frame used until the text names another. */
export function parseExpression(text: string, frame?: number): Parsed {
  const tokens: string[][] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(at))) break;
      return { ok: false, error: `cannot read "${text.slice(at).trim()}" in expression "${text}"` };
    }
    tokens.push(m);
  }
  let i = 0;
  let current = frame;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} in expression "${text}"`);
  };
  const primary = (): Expr => {
    const t = tokens[i++];
    if (!t) return fail('missing a value at the end');
    if (t[1]) {
      const n = tokens[i++];
      if (!n?.[3] || !Number.isInteger(Number(n[3]))) return fail('"frame" must be followed by a frame number');
      current = Number(n[3]);
      return primary();
    }
    if (t[2]) {
      if (current === undefined) return fail(`field ${t[2]} has no frame (write "frame N ${t[2]}")`);
      return { kind: 'field', frame: current, name: t[2] };
    }
    if (t[3]) return { kind: 'number', value: Number(t[3]) };
    if (t[4] === '(') {
      const e = sum();
      if (tokens[i++]?.[4] !== ')') fail('a "(" is not closed');
      return e;
    }
    if (t[4] === '-') return { kind: 'binary', op: '-', left: { kind: 'number', value: 0 }, right: primary() };
    return fail(`unexpected "${t[0].trim()}"`);
  };
  const product = (): Expr => {
    let left = primary();
    while (tokens[i]?.[4] === '*' || tokens[i]?.[4] === '/') {
      const op = tokens[i++][4] as '*' | '/';
      left = { kind: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const sum = (): Expr => {
    let left = product();
    while (tokens[i]?.[4] === '+' || tokens[i]?.[4] === '-') {
      const op = tokens[i++][4] as '+' | '-';
      left = { kind: 'binary', op, left, right: product() };
    }
    return left;
  };
  try {
    if (tokens.length === 0) return { ok: false, error: 'the expression is empty' };
    const expr = sum();
    if (i < tokens.length) fail(`unexpected "${tokens[i][0].trim()}"`);
    return { ok: true, expr };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** Every field the expression reads. */
export function fieldsOf(expr: Expr, out: Array<{ frame: number; name: string }> = []): Array<{ frame: number; name: string }> {
  if (expr.kind === 'field') out.push({ frame: expr.frame, name: expr.name });
  else if (expr.kind === 'binary') {
    fieldsOf(expr.left, out);
    fieldsOf(expr.right, out);
  }
  return out;
}

/** Evaluates with `lookup` giving each field's number (NaN if it has none). */
export function evaluate(expr: Expr, lookup: (frame: number, name: string) => number): number {
  switch (expr.kind) {
    case 'number':
      return expr.value;
    case 'field':
      return lookup(expr.frame, expr.name);
    case 'binary': {
      const a = evaluate(expr.left, lookup);
      const b = evaluate(expr.right, lookup);
      return expr.op === '+' ? a + b : expr.op === '-' ? a - b : expr.op === '*' ? a * b : a / b;
    }
  }
}
