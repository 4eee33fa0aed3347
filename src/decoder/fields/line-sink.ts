// `fields -e ...` output as bytes: each frame's line is written as UTF-8
// straight from the values, numbers digit by digit, with no string per field,
// no joined line and no encoding afterwards. On a large capture that is most
// of the garbage the text path made. The text is showText's, byte for byte
// (line-sink.test.ts holds the two to it).

import type { FieldValue } from '../types.ts';
import { fieldCount, type FieldSpec } from './spec.ts';
import { WantedSink, type FieldWanted } from './wanted-sink.ts';
import { rawValue } from './raw.ts';
import { nsText, showText } from './format.ts';

const TAB = 9;
const NEWLINE = 10;
const COMMA = 44;
const DOT = 46;
const ZERO = 48;
const NS_PER_S = 1_000_000_000;
/** Below this many nanoseconds a time is an exact Number (2^53). */
const EXACT_NS = 9_007_199_254_740_992n;
const utf8 = new TextEncoder();

// How a field's values are written: straight as bytes, or (OTHER) through showText.
const DECIMAL = 1;
const HEX = 2;
const IPV4 = 3;
const BOOL = 4;
const NANOSECONDS = 5;
const OTHER = 6;

function kindOf(spec: FieldSpec): number {
  const t = spec.type;
  if (t === 'uint' || t === 'int' || t === 'framenum') return spec.base === 'hex' || spec.base === 'hex_dec' ? HEX : DECIMAL;
  if (t === 'ipv4') return IPV4;
  if (t === 'bool') return BOOL;
  if (t === 'reltime') return NANOSECONDS;
  return OTHER;
}

export class LineSink extends WantedSink {
  /** This frame's cells: bytes in `bytes`, [start, end) each, chained per column. */
  private bytes = new Uint8Array(1 << 14);
  private at = 0;
  private cellStart = new Int32Array(64);
  private cellEnd = new Int32Array(64);
  private cellNext = new Int32Array(64);
  private cells = 0;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly columns: number;
  /** How each field's values are written, by field id (0 until first seen). */
  private readonly kind = new Uint8Array(fieldCount());
  /** The last whole second written for an absolute time, and its digits (frames of one second share them). */
  private secNs = -1n;
  private secText = '';

  constructor(wanted: FieldWanted) {
    super(wanted);
    this.columns = wanted.names.length;
    this.head = new Int32Array(this.columns).fill(-1);
    this.tail = new Int32Array(this.columns).fill(-1);
  }

  override begin(data: Uint8Array): void {
    this.data = data;
    this.depth = 0;
    this.at = 0;
    this.cells = 0;
    this.head.fill(-1);
  }

  override setColumn(c: number, text: string): void {
    this.head[c] = -1;
    this.keep(c, text);
  }

  protected override keep(c: number, text: string): void {
    this.cellOpen();
    this.utf8(text);
    this.cellClose(c);
  }

  override add(spec: FieldSpec, offset: number, length: number, value?: FieldValue): void {
    const c = this.slot[spec.id];
    if (c === undefined || c < 0) return;
    const v = value === undefined ? rawValue(spec, this.data, offset, length) : value;
    this.cellOpen();
    const how = this.kind[spec.id] || (this.kind[spec.id] = kindOf(spec));
    if (how === DECIMAL && typeof v === 'number' && Number.isSafeInteger(v)) this.integer(v);
    else if (how === HEX && typeof v === 'number' && v >= 0 && v <= 0xffffffff && Number.isInteger(v))
      this.hex(v, Math.max(1, Math.ceil((spec.width || 8) / 4)));
    else if (how === IPV4 && typeof v === 'number') this.ipv4(v);
    else if (how === BOOL) {
      this.room(1);
      this.bytes[this.at++] = v ? ZERO + 1 : ZERO;
    } else if (how === NANOSECONDS && typeof v === 'bigint') this.nanoseconds(v);
    else this.utf8(showText(spec, v));
    this.cellClose(c);
  }

  /**
   * Appends this frame's line (cells by column, occurrences joined by ",",
   * tabs between, a newline) to `out` from `at`; returns where it ends, or -1
   * when `out` has too little room left (the caller flushes and asks again).
   */
  line(out: Uint8Array, at: number): number {
    if (out.length - at < this.lineLength()) return -1;
    const b = this.bytes;
    for (let c = 0; c < this.columns; c++) {
      if (c > 0) out[at++] = TAB;
      // A comma before each occurrence after the first, as the text path joins them (where
      // the text so far is empty, the next occurrence simply follows).
      const from = at;
      for (let k = this.head[c]; k >= 0; k = this.cellNext[k]) {
        if (at > from) out[at++] = COMMA;
        for (let i = this.cellStart[k], end = this.cellEnd[k]; i < end; i++) out[at++] = b[i];
      }
    }
    out[at++] = NEWLINE;
    return at;
  }

  /** The length of this frame's line, at most (tabs, commas and the newline counted generously). */
  lineLength(): number {
    return this.at + this.columns + this.cells + 1;
  }

  // A cell is opened by add/keep, written, then closed onto its column's chain.
  private cellOpen(): void {
    if (this.cells === this.cellStart.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.cellStart = grow(this.cellStart);
      this.cellEnd = grow(this.cellEnd);
      this.cellNext = grow(this.cellNext);
    }
    this.cellStart[this.cells] = this.at;
  }

  private cellClose(c: number): void {
    const k = this.cells++;
    this.cellEnd[k] = this.at;
    this.cellNext[k] = -1;
    if (this.head[c] < 0) this.head[c] = k;
    else this.cellNext[this.tail[c]] = k;
    this.tail[c] = k;
  }

  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const b = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    b.set(this.bytes.subarray(0, this.at));
    this.bytes = b;
  }

  private integer(v: number): void {
    this.room(21);
    const b = this.bytes;
    if (v < 0) {
      b[this.at++] = 45; // '-'
      v = -v;
    }
    let digits = 1;
    for (let p = 10; p <= v && digits < 16; p *= 10) digits++;
    let end = this.at + digits;
    this.at = end;
    // Small integer arithmetic while the value fits 31 bits, doubles above.
    while (v > 0x7fffffff) {
      const q = Math.floor(v / 10);
      b[--end] = ZERO + (v - q * 10);
      v = q;
    }
    let n = v | 0;
    do {
      const q = (n / 10) | 0;
      b[--end] = ZERO + n - q * 10;
      n = q;
    } while (n > 0);
  }

  /** "0x" and at least `digits` lower-case hex digits, as hexOf writes them. */
  private hex(v: number, digits: number): void {
    this.room(2 + Math.max(8, digits));
    const b = this.bytes;
    b[this.at++] = ZERO;
    b[this.at++] = 120; // 'x'
    let n = 1;
    while (n < 8 && v >>> (4 * n) !== 0) n++;
    if (n < digits) n = digits;
    for (let i = n - 1; i >= 0; i--) {
      const d = i < 8 ? (v >>> (4 * i)) & 15 : 0; // values stop at 32 bits; wider fields pad with zeros
      b[this.at++] = d < 10 ? ZERO + d : 87 + d; // 'a' is 97
    }
  }

  /** Dotted decimal, as ipv4Text writes it. */
  private ipv4(v: number): void {
    this.integer(v >>> 24);
    this.room(1);
    this.bytes[this.at++] = DOT;
    this.integer((v >>> 16) & 255);
    this.room(1);
    this.bytes[this.at++] = DOT;
    this.integer((v >>> 8) & 255);
    this.room(1);
    this.bytes[this.at++] = DOT;
    this.integer(v & 255);
  }

  /** "seconds.nnnnnnnnn", as nsText writes it. */
  private nanoseconds(ns: bigint): void {
    let sec: number | string;
    let frac: number;
    if (ns >= 0n && ns < EXACT_NS) {
      const n = Number(ns);
      sec = Math.floor(n / NS_PER_S);
      frac = n - sec * NS_PER_S;
    } else if (ns >= 0n) {
      // Absolute times: one BigInt division per second of capture.
      if (this.secNs < 0n || ns < this.secNs || ns - this.secNs >= 1_000_000_000n) {
        const s = ns / 1_000_000_000n;
        this.secNs = s * 1_000_000_000n;
        this.secText = String(s);
      }
      sec = this.secText;
      frac = Number(ns - this.secNs);
    } else {
      this.utf8(nsText(ns));
      return;
    }
    if (typeof sec === 'number') this.integer(sec);
    else this.utf8(sec);
    this.room(10);
    const b = this.bytes;
    b[this.at++] = DOT;
    let f = frac | 0; // below 10^9: small integer arithmetic
    for (let i = this.at + 8; i >= this.at; i--) {
      const q = (f / 10) | 0;
      b[i] = ZERO + f - q * 10;
      f = q;
    }
    this.at += 9;
  }

  /** UTF-8 of `s` (ASCII byte by byte, anything else through the encoder). */
  private utf8(s: string): void {
    this.room(s.length * 3);
    const b = this.bytes;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch >= 0x80) {
        this.at = at + utf8.encodeInto(s.slice(i), b.subarray(at)).written;
        return;
      }
      b[at++] = ch;
    }
    this.at = at;
  }
}
