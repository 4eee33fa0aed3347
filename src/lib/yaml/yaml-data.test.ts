// Expected values from YAML 1.2.2, 10.3.2 (core schema tag resolution).
import { describe, expect, it } from 'vitest';
import { plainScalar, readYaml } from './yaml-data.ts';

describe('plain scalars under the core schema', () => {
  it.each([
    ['null', null],
    ['~', null],
    ['NULL', null],
    ['true', true],
    ['False', false],
    ['0', 0],
    ['-19', -19],
    ['+12', 12],
    ['0o14', 12],
    ['0x3A', 58],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['-.inf', -Infinity],
  ])('%s', (text, value) => {
    expect(plainScalar(text)).toBe(value);
  });

  it('reads .nan as NaN', () => {
    expect(plainScalar('.NaN')).toBeNaN();
  });

  it.each(['yes', 'no', 'on', '0x', '1.2.3', '12:30', 'tcp.flags.syn', '10.0.0.1', '0b101', 'TRUE!'])('keeps %s a string', (text) => {
    expect(plainScalar(text)).toBe(text);
  });
});

describe('readYaml', () => {
  it('types plain scalars only, in mappings and sequences', () => {
    expect(readYaml('frame: 3\nfield: "3"\nok: true\nlist: [1, \'2\', x]\ntext: |\n  4\n', 'a.yaml')).toEqual({
      frame: 3,
      field: '3',
      ok: true,
      list: [1, '2', 'x'],
      text: '4\n',
    });
  });

  it('names the file, line and column of YAML it does not read', () => {
    expect(() => readYaml('a: 1\nb: &x 2\n', 'bad.yaml')).toThrow(/^bad\.yaml:2:\d+: /);
  });
});
