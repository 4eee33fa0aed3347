// Lesson tests: every number a lesson's prose states about a capture is
// checked against the decoder. A claim ties the text to the computation: the
// test fails when the prose changes, when the capture changes, or when the
// decoder disagrees.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCapture, type OpenedCapture } from '../../src/decoder/open-capture.ts';
import { findAll, findField } from '../../src/decoder/dissect.ts';
import type { Field } from '../../src/decoder/types.ts';

const root = join(import.meta.dirname, '../..');

/** The MDX source of lessons/NN-name.mdx, found by its name without the number. */
export function lessonText(name: string): string {
  const file = readdirSync(join(root, 'lessons')).find((f) => f.replace(/^\d+-/, '') === `${name}.mdx`);
  if (!file) throw new Error(`no lesson lessons/NN-${name}.mdx`);
  return readFileSync(join(root, 'lessons', file), 'utf8');
}

/** The lesson's prose as a reader sees it: tags, imports and the line breaks inside sentences removed. */
export function proseOf(mdx: string): string {
  return (
    mdx
      .replace(/^---[\s\S]*?\n---\n/, '')
      .replace(/^import .*$/gm, '')
      // Only tags: a "<=" in a display filter is prose.
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/\s+/g, ' ')
  );
}

export interface LessonCapture {
  opened: OpenedCapture;
  /** The first field of that name in frame n (throws with a clear message when absent). */
  field(frame: number, name: string): Field;
  /** Every field of that name in frame n, in tree order. */
  fields(frame: number, name: string): Field[];
  /** The field's value as tshark -T fields prints it ("513", "0x0012", "192.168.0.31"). */
  show(frame: number, name: string): string;
  /** The field's value as a number (decimal or 0x hex show text). */
  num(frame: number, name: string): number;
  /** Frame n's Info column. */
  info(frame: number): string;
  /** Number of frames. */
  count: number;
}

const cache = new Map<string, LessonCapture>();

function findCaptureFile(id: string): string {
  for (const dir of ['captures/recorded', 'captures/rebuilt', 'captures']) {
    for (const ext of ['.pcapng', '.pcap']) {
      const path = join(root, dir, id + ext);
      try {
        readFileSync(path, { flag: 'r' }).length;
        return path;
      } catch {
        /* next */
      }
    }
  }
  throw new Error(`no capture file for "${id}" under captures/`);
}

/** A capture by id (its file name without extension), decoded with the site's decoder. */
export function capture(id: string): LessonCapture {
  const hit = cache.get(id);
  if (hit) return hit;
  const opened = openCapture(new Uint8Array(readFileSync(findCaptureFile(id))));
  const fields = (frame: number, name: string) => findAll(opened.dissect(frame).tree, name);
  const field = (frame: number, name: string) => {
    const f = findField(opened.dissect(frame).tree, name);
    if (!f) throw new Error(`${id}: frame ${frame} has no field ${name}`);
    return f;
  };
  const show = (frame: number, name: string) => field(frame, name).show;
  const num = (frame: number, name: string) => {
    const text = show(frame, name);
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`${id}: frame ${frame} ${name} is "${text}", not a number`);
    return n;
  };
  const rows = opened.summaries();
  const made: LessonCapture = {
    opened,
    field,
    fields,
    show,
    num,
    info: (frame) => rows[frame - 1]!.info,
    count: opened.frames.length,
  };
  cache.set(id, made);
  return made;
}

/** A number as the lessons write it: thousands separated by commas ("131,328"). */
export function written(n: number | bigint): string {
  return n.toLocaleString('en-US');
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

// A value as lessons write it: hex, a MAC address, an IPv4 address, a number
// with thousands commas, a plain or decimal number, or a small number in words.
const VALUE = String.raw`(?<![\w.])(0x[0-9a-f]+|[0-9a-f]{2}(?::[0-9a-f]{2}){5}|\d+(?:\.\d+){3}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${NUMBER_WORDS.join('|')})(?![\w])`;

function patternRegExp(pattern: string): RegExp {
  const parts = pattern.split('#').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(parts.join(VALUE), 'gi');
}

/**
 * The values a lesson states where it says `pattern`, a few words in which
 * `#` stands for a value: one array of values per place the pattern matches.
 * Numbers in words come back as digits ("three" as "3").
 */
export function statedValues(source: string, pattern: string): string[][] {
  return [...source.matchAll(patternRegExp(pattern))].map((m) =>
    m.slice(1).map((v) => {
      const word = NUMBER_WORDS.indexOf(v!.toLowerCase());
      return word >= 0 ? String(word) : v!;
    }),
  );
}

/** A value written as a lesson writes it: numbers with thousands commas. */
function asWritten(v: number | bigint | string): string {
  return typeof v === 'string' ? v : written(v);
}

/**
 * Asserts that the lesson says `pattern` (see statedValues) at least once and
 * that everywhere it does, its values are the capture's `actual` ones. The
 * words around the values may change between editions; the values may not.
 */
export function expectStated(source: string, pattern: string, ...actual: (number | bigint | string)[]): void {
  const found = statedValues(source, pattern);
  expect(found.length, `the lesson no longer states "${pattern}"`).toBeGreaterThan(0);
  const want = actual.map(asWritten);
  for (const values of found) expect(values, `the lesson's "${pattern}" against the capture`).toEqual(want);
}

/**
 * Asserts that the lesson prose states `claim` and that the decoder's value,
 * written the same way, is that claim. `actual` may be a number (written with
 * thousands commas) or text.
 */
export function expectClaim(prose: string, claim: string, actual: number | bigint | string): void {
  expect(prose, `the lesson no longer says "${claim}"`).toContain(claim);
  const text = typeof actual === 'string' ? actual : written(actual);
  expect(text, `the lesson says "${claim}", the capture gives ${text}`).toBe(claim);
}

/** Rows of the lesson's Markdown table whose header line starts with `header`, as trimmed cells, read as text (glossary links removed). */
export function markdownTable(mdx: string, header: string): string[][] {
  const lines = mdx.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  expect(start, `no table starting "${header}"`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) {
    rows.push(
      lines[i]!.split('|')
        .slice(1, -1)
        .map((c) => c.replace(/<\/?Term[^>]*>/g, '').trim()),
    );
  }
  return rows;
}

/** The fenced code blocks of a lesson, in order, with their language ('' for plain output). */
export function codeBlocks(mdx: string): { lang: string; body: string }[] {
  const out: { lang: string; body: string }[] = [];
  let open: { lang: string; lines: string[] } | undefined;
  for (const line of mdx.split('\n')) {
    if (!open && line.startsWith('```')) open = { lang: line.slice(3).trim(), lines: [] };
    else if (open && line === '```') {
      out.push({ lang: open.lang, body: open.lines.join('\n').trim() });
      open = undefined;
    } else if (open) open.lines.push(line);
  }
  return out;
}
