// Recursive-descent parser: or binds loosest, then and, then not, as in
// Wireshark. Every error names what was expected and where.

import type { CompareOp, FilterNode, Literal } from './ast.ts';
import { FilterSyntaxError, tokenize, type Token } from './lexer.ts';
import { nearestName } from '../text/nearest.ts';

export interface ParseOptions {
  /** Is this a field or protocol name the decoder knows? */
  isField(name: string): boolean;
  /** Known names, for "did you mean" hints. */
  names?: () => Iterable<string>;
}

export function parseFilter(text: string, options: ParseOptions): FilterNode {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): Token => tokens[i];
  const next = (): Token => tokens[i++];

  const orExpr = (): FilterNode => {
    let left = andExpr();
    while (peek().kind === 'or') {
      next();
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };

  const andExpr = (): FilterNode => {
    let left = unary();
    while (peek().kind === 'and') {
      next();
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };

  const unary = (): FilterNode => {
    if (peek().kind === 'not') {
      next();
      return { kind: 'not', operand: unary() };
    }
    return primary();
  };

  const literal = (): Literal => {
    const t = next();
    if (t.kind === 'word' || t.kind === 'string') return { text: t.text, quoted: t.kind === 'string', pos: t.pos };
    throw new FilterSyntaxError(t.kind === 'end' ? 'a value is missing at the end' : `expected a value, found "${t.text}"`, t.pos);
  };

  const primary = (): FilterNode => {
    const t = next();
    if (t.kind === 'lparen') {
      const inner = orExpr();
      const close = next();
      if (close.kind !== 'rparen') throw new FilterSyntaxError(`expected ")" to close the "(" at ${t.pos + 1}`, close.pos);
      return inner;
    }
    if (t.kind !== 'word') {
      const what = t.kind === 'end' ? 'the filter ends too early' : `"${t.text}" cannot start a test`;
      throw new FilterSyntaxError(`${what}: expected a field name such as tcp.port`, t.pos);
    }
    const field = t.text;
    if (!options.isField(field)) throw new FilterSyntaxError(unknownField(field, options), t.pos);
    const op = peek();
    if (op.kind !== 'op') return { kind: 'present', field, pos: t.pos };
    next();
    const cmp = op.text as CompareOp;
    if (cmp === 'in') {
      const open = next();
      if (open.kind !== 'lbrace') throw new FilterSyntaxError('"in" takes a set of values in braces, e.g. tcp.port in {80, 443}', open.pos);
      const values: Literal[] = [];
      // Wireshark separates the values with commas; older versions took spaces, so both are read.
      while (peek().kind !== 'rbrace') {
        if (peek().kind === 'end') throw new FilterSyntaxError('expected "}" to close the set', peek().pos);
        values.push(literal());
        if (peek().kind === 'comma') {
          next();
          if (peek().kind === 'rbrace') throw new FilterSyntaxError('a value is missing after ","', peek().pos);
        }
      }
      next();
      if (values.length === 0) throw new FilterSyntaxError('the set is empty', open.pos);
      return { kind: 'compare', field, op: cmp, values, pos: t.pos };
    }
    return { kind: 'compare', field, op: cmp, values: [literal()], pos: t.pos };
  };

  const tree = orExpr();
  const rest = peek();
  if (rest.kind !== 'end') {
    const hint = rest.kind === 'word' ? ' (join tests with "and" or "or")' : '';
    throw new FilterSyntaxError(`unexpected "${rest.text}"${hint}`, rest.pos);
  }
  return tree;
}

function unknownField(name: string, options: ParseOptions): string {
  const hint = nearestName(name, options.names?.() ?? []);
  return `"${name}" is not a field or protocol${hint ? `; did you mean "${hint}"?` : ''}`;
}
