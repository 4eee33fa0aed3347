// Text for field values, the way Wireshark writes them: `showText` is what
// `tshark -T fields` prints, `displayLine` the details-pane line.

import type { FieldValue } from '../types.ts';
import type { FieldSpec } from './spec.ts';
import { macName } from './oui.ts';

const HEX = '0123456789abcdef';

/** Lower-case hex of a number, zero-padded to `digits`. */
export function hexPad(n: number | bigint, digits: number): string {
  const s = n.toString(16);
  return s.length >= digits ? s : '0'.repeat(digits - s.length) + s;
}

/** Texts of 16-bit-or-narrower hex values already made, by digit count (flags and types repeat frame after frame). */
const smallHex: string[][] = [[], [], [], [], []];

/** "0x0800" with as many digits as the field's integer width needs. */
export function hexOf(n: number | bigint, widthBits: number): string {
  const digits = Math.max(1, Math.ceil(widthBits / 4));
  if (typeof n === 'number' && digits <= 4 && n >= 0 && n < 0x10000 && Number.isInteger(n)) {
    const known = smallHex[digits];
    return (known[n] ??= '0x' + hexPad(n, digits));
  }
  return '0x' + hexPad(n, digits);
}

/** Bytes as contiguous lower-case hex ("0204ffd7"). */
export function bytesHex(b: Uint8Array, sep = ''): string {
  let s = '';
  for (let i = 0; i < b.length; i++) {
    if (i && sep) s += sep;
    s += HEX[b[i] >> 4] + HEX[b[i] & 15];
  }
  return s;
}

// The last two addresses written: a conversation's frames repeat them.
let ipA = -1;
let ipAText = '';
let ipB = -1;
let ipBText = '';

export function ipv4Text(v: number): string {
  if (v === ipA) return ipAText;
  if (v === ipB) return ipBText;
  ipB = ipA;
  ipBText = ipAText;
  ipA = v;
  ipAText = `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  return ipAText;
}

/** RFC 5952 text: lower case, longest run of two or more zero groups as "::", IPv4-mapped tail dotted. */
export function ipv6Text(b: Uint8Array): string {
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i] << 8) | b[i + 1]);
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  // ::ffff:a.b.c.d and ::a.b.c.d (not :: or ::1) keep the IPv4 form, as inet_ntop writes them.
  const mapped = bestAt === 0 && ((bestLen === 5 && g[5] === 0xffff) || (bestLen === 6 && g[6] !== 0));
  if (mapped) {
    const v4 = `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
    return bestLen === 5 ? `::ffff:${v4}` : `::${v4}`;
  }
  const part = (from: number, to: number) =>
    g
      .slice(from, to)
      .map((x) => x.toString(16))
      .join(':');
  if (bestAt < 0) return part(0, 8);
  return part(0, bestAt) + '::' + part(bestAt + bestLen, 8);
}

export function macText(b: Uint8Array): string {
  return bytesHex(b, ':');
}

/** "CloudNet_46:85:d3 (48:5f:99:46:85:d3)", as the details pane names an Ethernet address. */
export function macDisplay(b: Uint8Array): string {
  const plain = macText(b);
  return `${macName(b) ?? plain} (${plain})`;
}

/** The last whole second nsText saw above 2^53 ns, and its text. */
let lastSecNs = -1n;
let lastSecText = '';

/** Nanoseconds as "seconds.nanoseconds" with nine digits. */
export function nsText(ns: bigint): string {
  // Number arithmetic is exact below 2^53 ns (104 days) and much faster than BigInt division.
  if (ns >= 0n && ns < 9_007_199_254_740_992n) {
    const n = Number(ns);
    const s = Math.floor(n / 1e9);
    const f = n - s * 1e9;
    return `${s}.${f < 1e8 ? String(f).padStart(9, '0') : f}`;
  }
  if (lastSecNs >= 0n && ns >= lastSecNs && ns - lastSecNs < 1_000_000_000n) {
    // Absolute times: frames of the same second share the costly BigInt division.
    const f = Number(ns - lastSecNs);
    return `${lastSecText}.${f < 1e8 ? String(f).padStart(9, '0') : f}`;
  }
  const neg = ns < 0n;
  const a = neg ? -ns : ns;
  if (!neg) {
    lastSecNs = (a / 1_000_000_000n) * 1_000_000_000n;
    lastSecText = String(a / 1_000_000_000n);
    return nsText(ns);
  }
  const s = a / 1_000_000_000n;
  const f = a % 1_000_000_000n;
  return `${neg ? '-' : ''}${s}.${f.toString().padStart(9, '0')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 25, 2026 14:14:00.677548307 UTC" (Wireshark's absolute time, in UTC). */
export function absTimeText(ns: bigint): string {
  const secs = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const d = new Date(Number(secs) * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  // tshark pads the day with a space ("Dec  6, 2026"), as C's %e.
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')}, ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${frac.toString().padStart(9, '0')} UTC`;
}

/** Wireshark's format_text: printable ASCII kept, control bytes escaped C-style. */
export function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) out += s[i];
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c > 0x7f) out += s[i];
    else out += '\\x' + hexPad(c, 2);
  }
  return out;
}

/** ASCII of a byte range (Latin-1 so every byte maps to one character). */
export function latin1(data: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(data[i]);
  return s;
}

/** "0100 ...." : the bits of `mask` within a `width`-bit integer, others as dots. */
export function bitPattern(mask: number, width: number, value: number): string {
  let shift = 0;
  while (shift < 32 && ((mask >>> shift) & 1) === 0) shift++;
  const raw = (value << shift) >>> 0;
  let s = '';
  for (let i = width - 1; i >= 0; i--) {
    const bit = 2 ** i;
    const inMask = Math.floor(mask / bit) % 2 === 1;
    s += inMask ? (Math.floor(raw / bit) % 2 === 1 ? '1' : '0') : '.';
    if (i > 0 && i % 4 === 0) s += ' ';
  }
  return s;
}

export function lookup(spec: FieldSpec, v: number): string | undefined {
  const st = spec.strings;
  if (!st) return undefined;
  return typeof st === 'function' ? st(v) : st[v];
}

/** Bits a masked field spans (hex digits in the details pane follow the mask, not the integer). */
function displayBits(spec: FieldSpec): number {
  const m = spec.mask;
  if (!m) return spec.width || 8;
  let lo = 0;
  while (lo < 32 && Math.floor(m / 2 ** lo) % 2 === 0) lo++;
  let hi = 31;
  while (hi > 0 && Math.floor(m / 2 ** hi) % 2 === 0) hi--;
  return hi - lo + 1;
}

/** The integer as its base prints it, without value strings. */
function intText(spec: FieldSpec, v: number | bigint): string {
  const w = displayBits(spec);
  switch (spec.base) {
    case 'hex':
      return hexOf(v, w);
    case 'hex_dec':
      return `${hexOf(v, w)} (${v})`;
    case 'dec_hex':
      return `${v} (${hexOf(v, w)})`;
    case 'oct':
      return '0' + v.toString(8);
    default:
      return String(v);
  }
}

/** The value as `tshark -T fields` prints it. */
export function showText(spec: FieldSpec, value: FieldValue): string {
  switch (spec.type) {
    case 'uint':
    case 'int':
    case 'framenum':
      if (typeof value !== 'number' && typeof value !== 'bigint') return '';
      return spec.base === 'hex' || spec.base === 'hex_dec' ? hexOf(value, spec.width || 8) : String(value);
    case 'bool':
      return value ? '1' : '0';
    case 'ipv4':
      return typeof value === 'number' ? ipv4Text(value) : '';
    case 'ipv6':
      return value instanceof Uint8Array ? ipv6Text(value) : '';
    case 'ether':
      return value instanceof Uint8Array ? macText(value) : '';
    case 'bytes':
      // tshark prints an empty byte field this way.
      return value instanceof Uint8Array ? (value.length ? bytesHex(value) : '<MISSING>') : '';
    case 'none':
      return value instanceof Uint8Array && value.length ? bytesHex(value) : '1';
    case 'string':
    case 'protocol':
      return typeof value === 'string' ? escapeText(value) : '';
    case 'reltime':
      return typeof value === 'bigint' ? nsText(value) : '';
    case 'abstime':
      return typeof value === 'bigint' ? absTimeText(value) : '';
  }
}

/** Wireshark truncates long byte fields in the details pane. */
const MAX_BYTES_SHOWN = 36;

/** The part after "Label: " in the details pane. */
export function valueText(spec: FieldSpec, value: FieldValue): string {
  if (spec.fmt) return spec.fmt(value);
  switch (spec.type) {
    case 'uint':
    case 'int': {
      if (typeof value !== 'number' && typeof value !== 'bigint') return '';
      const named = spec.strings ? lookup(spec, Number(value)) : undefined;
      const num = spec.base === 'hex_dec' || spec.base === 'dec_hex' ? String(value) : intText(spec, value);
      if (spec.strings) {
        const n = spec.base === 'hex' || spec.base === 'hex_dec' ? hexOf(value, displayBits(spec)) : num;
        return `${named ?? 'Unknown'} (${n})`;
      }
      return intText(spec, value) + (spec.unit ?? '');
    }
    case 'bool': {
      const [t, f] = spec.tfs ?? (spec.mask ? ['Set', 'Not set'] : ['True', 'False']);
      return value ? t : f;
    }
    case 'ether':
      return value instanceof Uint8Array ? macDisplay(value) : '';
    case 'bytes':
    case 'none':
      if (!(value instanceof Uint8Array)) return '';
      return value.length > MAX_BYTES_SHOWN ? bytesHex(value.subarray(0, MAX_BYTES_SHOWN)) + '…' : bytesHex(value);
    case 'reltime':
      return typeof value === 'bigint' ? `${nsText(value)} seconds` : '';
    default:
      return showText(spec, value) + (spec.unit ?? '');
  }
}

/** The whole details-pane line: "Source Port: 54744", ".... ..1. = Syn: Set", "[Stream index: 0]". */
export function displayLine(spec: FieldSpec, value: FieldValue): string {
  let line: string;
  if (spec.type === 'protocol') return typeof value === 'string' && value ? value : spec.label;
  if (spec.type === 'none' && !spec.fmt) line = spec.label;
  else line = `${spec.label}: ${valueText(spec, value)}`;
  if (spec.mask && (typeof value === 'number' || typeof value === 'boolean')) {
    line = `${bitPattern(spec.mask, spec.width, Number(value))} = ${line}`;
  }
  return spec.generated ? `[${line}]` : line;
}
