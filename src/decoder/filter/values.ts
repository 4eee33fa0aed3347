// How a filter literal compares with a field's value, by the literal's shape:
// numbers, IPv4 and IPv6 addresses (with /prefix), MAC addresses, strings.
// Fields are compared through `show`, the text `tshark -T fields` prints,
// which is the canonical value of every field type.

import type { FieldValue } from '../types.ts';
import type { CompareOp } from './ast.ts';

export interface FilterValue {
  value: FieldValue;
  show: string;
}

const numberRe = /^-?(0x[0-9a-f]+|0[0-7]*|\d+(\.\d+)?|\.\d+)$/i;
const ipv4Re = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;
const macRe = /^[0-9a-f]{2}([:.-]?)[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;

function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'true') return 1;
  if (t === 'false') return 0;
  if (!numberRe.test(t)) return undefined;
  if (/^-?0x/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace('-', ''), 16);
  if (/^-?0[0-7]+$/.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace('-', ''), 8);
  return Number(t);
}

function ipv4ToNumber(text: string): number | undefined {
  const m = ipv4Re.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

/** IPv6 text to its 8 groups, or undefined. */
function ipv6Groups(text: string): number[] | undefined {
  let t = text.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (v4) {
    // A trailing dotted quad (::ffff:1.2.3.4) is the last two groups.
    const n = ipv4ToNumber(v4[1]);
    if (n === undefined) return undefined;
    t = t.slice(0, -v4[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const gap = 8 - head.length - rest.length;
  if (halves.length === 2 && gap < 1) return undefined;
  const groups = halves.length === 2 ? [...head, ...new Array<number>(gap).fill(0), ...rest] : head;
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups;
}

function ipv6InPrefix(value: number[], net: number[], bits: number): boolean {
  for (let i = 0; i < 8 && bits > 0; i++, bits -= 16) {
    const mask = bits >= 16 ? 0xffff : (0xffff << (16 - bits)) & 0xffff;
    if ((value[i] & mask) !== (net[i] & mask)) return false;
  }
  return true;
}

function normaliseMac(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:.-]/g, '')
    .replace(/(..)(?!$)/g, '$1:');
}

function ordered(op: CompareOp, a: number, b: number): boolean {
  switch (op) {
    case '==':
    case 'in':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

/** The bytes a `contains` literal stands for: "aa:bb:cc" is bytes, anything else its UTF-8 text. */
function literalBytes(text: string, quoted: boolean): Uint8Array {
  if (!quoted && /^[0-9a-f]{2}([:.-][0-9a-f]{2})*$/i.test(text)) return new Uint8Array(text.split(/[:.-]/).map((h) => parseInt(h, 16)));
  return new TextEncoder().encode(text);
}

function bytesContain(hay: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Text of a value for contains/matches: decoded bytes, or the shown text. */
function textOf(v: FilterValue): string {
  return v.value instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false }).decode(v.value) : typeof v.value === 'string' ? v.value : v.show;
}

/** Does this one field value satisfy `op literal`? */
export function compareValue(v: FilterValue, op: CompareOp, literal: string, quoted: boolean): boolean {
  if (op === 'contains') {
    if (v.value instanceof Uint8Array) return bytesContain(v.value, literalBytes(literal, quoted));
    return textOf(v).includes(literal);
  }
  if (op === 'matches') {
    const insensitive = literal.startsWith('(?i)');
    try {
      return new RegExp(insensitive ? literal.slice(4) : literal, insensitive ? 'i' : '').test(textOf(v));
    } catch {
      return false;
    }
  }
  if (!quoted) {
    const a4 = ipv4ToNumber(v.show);
    const m4 = ipv4Re.exec(literal);
    if (a4 !== undefined && m4) {
      const bits = m4[5] === undefined ? 32 : Number(m4[5]);
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      const net = ipv4ToNumber(literal)!;
      if (bits < 32 && (op === '==' || op === 'in' || op === '!=')) return ((a4 & mask) >>> 0 === (net & mask) >>> 0) === (op !== '!=');
      return ordered(op, a4, net);
    }
    if (macRe.test(literal) && macRe.test(v.show)) {
      const same = normaliseMac(v.show) === normaliseMac(literal);
      return op === '!=' ? !same : op === '==' || op === 'in' ? same : false;
    }
    if (v.show.includes(':') && literal.includes(':')) {
      const [addr, prefix] = literal.split('/');
      const a6 = ipv6Groups(v.show);
      const l6 = ipv6Groups(addr);
      if (a6 && l6) {
        const same = ipv6InPrefix(a6, l6, prefix === undefined ? 128 : Number(prefix));
        return op === '!=' ? !same : op === '==' || op === 'in' ? same : false;
      }
    }
    const ln = parseNumber(literal);
    const vn = typeof v.value === 'boolean' ? Number(v.value) : parseNumber(v.show);
    if (ln !== undefined && vn !== undefined) return ordered(op, vn, ln);
  }
  const text = typeof v.value === 'string' ? v.value : v.show;
  switch (op) {
    case '==':
    case 'in':
      return text === literal || v.show === literal;
    case '!=':
      return text !== literal && v.show !== literal;
    default: {
      const c = text.localeCompare(literal);
      return ordered(op, c, 0);
    }
  }
}
