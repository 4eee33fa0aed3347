import { describe, expect, it } from 'vitest';
import type { Field } from '../../decoder/types.ts';
import { searchTree, stepMatch } from './tree-search.ts';

const f = (name: string, display: string, children?: Field[]): Field => ({
  name,
  label: display.split(':')[0],
  offset: 0,
  length: 0,
  value: null,
  display,
  show: display.split(': ')[1] ?? '',
  children,
});

const tree = [
  f('frame', 'Frame 1', [f('frame.len', 'Frame Length: 66')]),
  f('tcp', 'Transmission Control Protocol', [
    f('tcp.srcport', 'Source Port: 80'),
    f('tcp.analysis', 'SEQ/ACK analysis', [f('tcp.analysis.initial_rtt', 'iRTT: 0.000043')]),
  ]),
];

describe('searchTree', () => {
  it('matches names, labels, lines and values in any case, in tree order', () => {
    expect(searchTree(tree, 'irtt')).toEqual(['1.1.0']);
    expect(searchTree(tree, 'tcp.')).toEqual(['1.0', '1.1', '1.1.0']);
    expect(searchTree(tree, 'source port')).toEqual(['1.0']);
    expect(searchTree(tree, '66')).toEqual(['0.0']);
  });

  it('finds nothing for an empty text or one no field has', () => {
    expect(searchTree(tree, '  ')).toEqual([]);
    expect(searchTree(tree, 'udp')).toEqual([]);
  });
});

describe('stepMatch', () => {
  it('starts at the first (or last going back) and wraps around', () => {
    expect(stepMatch(3, -1)).toBe(0);
    expect(stepMatch(3, -1, true)).toBe(2);
    expect(stepMatch(3, 2)).toBe(0);
    expect(stepMatch(3, 0, true)).toBe(2);
    expect(stepMatch(0, 0)).toBe(-1);
  });
});
