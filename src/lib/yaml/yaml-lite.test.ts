import { describe, expect, it } from 'vitest';
import { parseYaml, toPlain } from './yaml-lite.ts';
import type { YamlMap } from './yaml-lite.ts';

const plain = (text: string) => {
  const r = parseYaml(text);
  if (r.problem) throw new Error(`${r.problem.line}:${r.problem.col}: ${r.problem.message}`);
  return toPlain(r.node);
};
const problem = (text: string) => {
  const r = parseYaml(text);
  if (!r.problem) throw new Error(`accepted: ${JSON.stringify(toPlain(r.node))}`);
  return r.problem;
};

describe('yaml-lite: what it reads', () => {
  it('reads block mappings, nested by indentation, keeping scalars as strings', () => {
    expect(plain('a: 1\nb:\n  c: 0x3345\n  d: true\ne: x y z\n')).toEqual({ a: '1', b: { c: '0x3345', d: 'true' }, e: 'x y z' });
  });

  it('reads block sequences, indented or level with their key, and "- key: value" items', () => {
    const text = 'frames:\n  - report: 3\n    time: 0.1\n  - report: 4\nlist:\n- a\n- b\n';
    expect(plain(text)).toEqual({ frames: [{ report: '3', time: '0.1' }, { report: '4' }], list: ['a', 'b'] });
  });

  it('reads nested sequences and a "-" alone on its line', () => {
    expect(plain('x:\n  - - a\n    - b\n  -\n    k: v\n')).toEqual({ x: [['a', 'b'], { k: 'v' }] });
  });

  it('reads flow sequences and flow mappings, nested, on one line', () => {
    expect(plain('o: [mss 1460, nop, "wscale 8"]\ne: {tcp.checksum: 0x3345, f: [1, 2], g: {}}\nz: []\n')).toEqual({
      o: ['mss 1460', 'nop', 'wscale 8'],
      e: { 'tcp.checksum': '0x3345', f: ['1', '2'], g: {} },
      z: [],
    });
  });

  it('keeps MAC addresses and times whole (colons without a following space are text)', () => {
    expect(plain('mac: 70:5d:cc:65:65:aa\nurl: http://x/y\nm: [48:5f:99:46:85:d3]\n')).toEqual({
      mac: '70:5d:cc:65:65:aa',
      url: 'http://x/y',
      m: ['48:5f:99:46:85:d3'],
    });
  });

  it('decodes double-quoted escapes (\\r\\n for HTTP) and doubled single quotes', () => {
    expect(plain('t: "GET / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n"\ns: \'it\'\'s\'\nx: "\\x41\\u00e9\\t\\"\\\\"\n')).toEqual({
      t: 'GET / HTTP/1.1\r\nHost: a\r\n\r\n',
      s: "it's",
      x: 'Aé\t"\\',
    });
  });

  it('drops comments, but not a # inside quotes or a word', () => {
    expect(plain('# head\na: 1 # one\nb: "x # y"\nc: a#b\n  # indented comment\nd: 2\n')).toEqual({ a: '1', b: 'x # y', c: 'a#b', d: '2' });
  });

  it('reads | and > block scalars, with and without the final newline', () => {
    const text = 'lit: |\n  line 1\n    indented # kept\n\n  line 3\nfold: >-\n  a\n  b\n\n  c\nnext: 1\n';
    expect(plain(text)).toEqual({ lit: 'line 1\n  indented # kept\n\nline 3\n', fold: 'a b\nc', next: '1' });
  });

  it('records line and column of keys and values', () => {
    const r = parseYaml('a:\n  b: [x, y]\n');
    const b = (r.node as YamlMap).entries[0].value as YamlMap;
    expect(b.entries[0]).toMatchObject({ key: 'b', line: 2, col: 3 });
    expect(b.entries[0].value).toMatchObject({ kind: 'seq', line: 2, col: 6 });
  });

  it('marks how each scalar was written, so "0x10" quoted is not a number', () => {
    const r = parseYaml('a: "0x10"\nb: 0x10\n');
    const m = r.node as YamlMap;
    expect(m.entries.map((e) => (e.value.kind === 'scalar' ? e.value.style : ''))).toEqual(['double', 'plain']);
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    expect(plain('\uFEFFa: 1\r\nb: 2\r\n')).toEqual({ a: '1', b: '2' });
  });
});

describe('yaml-lite: what it refuses, with line, column and what to do', () => {
  it.each([
    ['a: &x 1', 1, 4, 'anchors'],
    ['a: *x', 1, 4, 'anchors'],
    ['a: !!int 1', 1, 4, 'tags'],
    ['? a\n: b', 1, 1, 'complex keys'],
    ['---\na: 1', 1, 1, 'document markers'],
    ['%YAML 1.2\na: 1', 1, 1, 'directives'],
    ['a: [1, 2', 1, 9, "unclosed '['"],
    ['a: {k: v', 1, 9, "unclosed '{'"],
    ['a: [1,, 2]', 1, 7, 'empty item'],
    ['a:\n\tb: 1', 2, 1, 'tab'],
    ['a: b: c', 1, 5, 'quote the value'],
    ['a: 1\na: 2', 2, 1, 'duplicate key'],
    ['a: {k: 1, k: 2}', 1, 11, 'duplicate key'],
    ['a: "open', 1, 4, 'unterminated'],
    ["a: 'open", 1, 4, 'unterminated'],
    ['a: "\\q"', 1, 5, 'unknown escape'],
    ['a:\n  b: 1\n   c: 2', 3, 4, 'unexpected indentation'],
    ['a:\n', 1, 3, "no value for 'a'"],
    ['a: 1\n  b: 2', 2, 3, 'unexpected indentation'],
    ['a: 1\n  more words', 2, 3, "the value of 'a' cannot go on over several lines"],
    ['note: a long\n  sentence', 2, 3, "write it after '>-'"],
    ['a:\n  b: {k: v}\n    c: 1', 3, 5, 'unexpected indentation'],
    ['a: |2\n  x', 1, 4, 'block scalar header'],
    ['a: @x', 1, 4, 'quote the value'],
    ['a:\n  -x', 2, 4, "a space must follow '-'"],
    ['', 1, 1, 'empty'],
    ['a:\n  - x\n  y: 1', 3, 3, 'unexpected indentation'],
    ['a:\n  b: 1\n  - x', 3, 3, 'a sequence item where a key was expected'],
  ])('%j', (text, line, col, words) => {
    const p = problem(text);
    expect([p.line, p.col]).toEqual([line, col]);
    expect(p.message).toContain(words);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['[', '{', ']', '- - -', ': :', '"', "'", '|', 'a: >', '\t', 'a:\n -\n', 'a: [}', '{a: [b}']) {
      expect(() => parseYaml(text)).not.toThrow();
    }
  });
});
