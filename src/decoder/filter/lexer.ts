// Tokens of Wireshark's display-filter language, the subset Wirebook speaks:
// fields, literals, comparison words and symbols, and/or/not, parentheses,
// and set braces for `in {80 443}`.

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'lbrace' | 'rbrace' | 'comma' | 'and' | 'or' | 'not' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based character position in the filter, for error messages. */
  pos: number;
}

export class FilterSyntaxError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

const symbolOps = ['===', '!==', '==', '!=', '<=', '>=', '~=', '<', '>', '~'];
const wordOps: Record<string, string> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
  contains: 'contains',
  matches: 'matches',
  in: 'in',
  any_eq: '==',
  all_ne: '!=',
};

/** A bare word: field names, numbers, addresses (1.2.3.4/24, fe80::1, aa:bb:cc), and unquoted values. */
const wordChar = /[A-Za-z0-9_.:\-/]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          const e = text[i + 1];
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          i += 2;
        } else {
          value += text[i++];
        }
      }
      if (i >= text.length) throw new FilterSyntaxError('this string has no closing quote (")', pos);
      i++;
      tokens.push({ kind: 'string', text: value, pos });
      continue;
    }
    if (c === ',') {
      tokens.push({ kind: 'comma', text: c, pos });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '{' || c === '}') {
      tokens.push({ kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === '{' ? 'lbrace' : 'rbrace', text: c, pos });
      i++;
      continue;
    }
    if (text.startsWith('&&', i) || text.startsWith('||', i)) {
      tokens.push({ kind: c === '&' ? 'and' : 'or', text: text.slice(i, i + 2), pos });
      i += 2;
      continue;
    }
    const symbol = symbolOps.find((op) => text.startsWith(op, i));
    if (symbol) {
      tokens.push({ kind: 'op', text: symbol === '===' ? '==' : symbol === '!==' ? '!=' : symbol === '~=' || symbol === '~' ? 'matches' : symbol, pos });
      i += symbol.length;
      continue;
    }
    if (c === '!') {
      tokens.push({ kind: 'not', text: '!', pos });
      i++;
      continue;
    }
    if (wordChar.test(c)) {
      let j = i;
      while (j < text.length && wordChar.test(text[j])) j++;
      // A trailing ":" or "-" belongs to no address; leave it to the error.
      const word = text.slice(i, j);
      const lower = word.toLowerCase();
      if (lower === 'and' || lower === 'or' || lower === 'not') tokens.push({ kind: lower, text: word, pos });
      else if (lower in wordOps) tokens.push({ kind: 'op', text: wordOps[lower], pos });
      else tokens.push({ kind: 'word', text: word, pos });
      i = j;
      continue;
    }
    throw new FilterSyntaxError(`"${c}" is not allowed here`, pos);
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}
