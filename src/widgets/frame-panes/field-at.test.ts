import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import type { Field } from '../../decoder/types.ts';
import { bitMasks, bits, fieldAt, fieldAtPath, findPath, parentPath, walk } from './field-at.ts';

const capture = openCapture(new Uint8Array(readFileSync(new URL('../../../captures/recorded/tcp-http.pcapng', import.meta.url))));
const tree = capture.dissect(1).tree;
const nameAt = (offset: number) => fieldAtPath(tree, fieldAt(tree, offset)!)?.name;

describe('fieldAt: the innermost field owning a byte', () => {
  it('finds header fields, not their protocol or the generated lines', () => {
    for (let k = 38; k < 42; k++) expect(nameAt(k)).toBe('tcp.seq');
    expect(nameAt(34)).toBe('tcp.srcport');
    expect(nameAt(23)).toBe('ip.proto');
    expect(nameAt(48)).toBe('tcp.window_size_value');
    expect(nameAt(50)).toBe('tcp.checksum');
  });

  it('goes down into subtrees (address bytes, options)', () => {
    expect(nameAt(2)).toBe('eth.addr');
    expect(nameAt(21)).toBe('ip.frag_offset');
    expect(nameAt(20)).toBe('ip.flags.rb');
    expect(nameAt(0)).toBe('eth.dst.lg');
    expect(nameAt(56)).toBe('tcp.options.mss_val');
    expect(nameAt(58)).toBe('tcp.option_kind');
  });

  it('finds nothing past the frame', () => {
    expect(fieldAt(tree, 66)).toBeUndefined();
    expect(fieldAt([], 0)).toBeUndefined();
  });

  it('prefers the shorter field at equal depth', () => {
    const t: Field[] = [
      {
        name: 'p',
        label: 'P',
        offset: 0,
        length: 4,
        value: null,
        display: 'P',
        show: '',
        children: [
          { name: 'p.wide', label: '', offset: 0, length: 4, value: 1, display: '', show: '' },
          { name: 'p.narrow', label: '', offset: 2, length: 1, value: 1, display: '', show: '' },
        ],
      },
    ];
    expect(fieldAtPath(t, fieldAt(t, 2)!)?.name).toBe('p.narrow');
    expect(fieldAtPath(t, fieldAt(t, 3)!)?.name).toBe('p.wide');
  });
});

describe('paths and names', () => {
  it('round-trips names through paths', () => {
    const path = findPath(tree, 'tcp.ack')!;
    expect(fieldAtPath(tree, path)?.name).toBe('tcp.ack');
    expect(fieldAtPath(tree, parentPath(path)!)?.name).toBe('tcp');
    expect(parentPath('3')).toBeUndefined();
    expect(fieldAtPath(tree, '99.1')).toBeUndefined();
  });

  it('tells repeated fields apart by offset', () => {
    const second = findPath(tree, 'tcp.option_kind', 58)!;
    expect(fieldAtPath(tree, second)?.offset).toBe(58);
    expect(fieldAtPath(tree, findPath(tree, 'tcp.option_kind', 999)!)?.offset).toBe(54);
    expect(findPath(tree, 'no.such')).toBeUndefined();
  });

  it('walks every node in order with depths', () => {
    const all = [...walk(tree)];
    expect(all[0]).toMatchObject({ path: '0', depth: 0 });
    expect(all.filter((n) => n.depth === 0).map((n) => n.field.name)).toEqual(['frame', 'eth', 'ip', 'tcp']);
  });
});

describe('bit masks', () => {
  it('gives the masked bits of each byte', () => {
    const syn = fieldAtPath(tree, findPath(tree, 'tcp.flags.syn')!)!;
    expect(bitMasks(syn)).toEqual({ offset: 47, masks: [0x02] });
    const version = fieldAtPath(tree, findPath(tree, 'ip.version')!)!;
    expect(bitMasks(version)).toEqual({ offset: 14, masks: [0xf0] });
    const frag = fieldAtPath(tree, findPath(tree, 'ip.frag_offset')!)!;
    expect(bitMasks(frag)).toEqual({ offset: 20, masks: [0x1f, 0xff] });
  });

  it('aligns a mask wider than the field to its integer', () => {
    const res = fieldAtPath(tree, findPath(tree, 'tcp.flags.res')!)!;
    expect(bitMasks(res)).toEqual({ offset: 46, masks: [0x0e, 0x00] });
    expect(bitMasks(fieldAtPath(tree, findPath(tree, 'tcp.seq')!)!)).toBeUndefined();
  });

  it('writes bits in nibbles', () => {
    expect(bits(0x02)).toBe('0000 0010');
    expect(bits(0xf0)).toBe('1111 0000');
  });
});
