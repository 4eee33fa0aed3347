// The byte lines must be the text lines, byte for byte: any values, any
// order of occurrences, any columns.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../types.ts';
import { defineFields } from './spec.ts';
import { compileWanted } from './wanted-sink.ts';
import { WantedSink } from './wanted-sink.ts';
import { LineSink } from './line-sink.ts';

const S = defineFields({
  dec: { name: 'test.line.dec', label: 'Decimal', type: 'uint', width: 32 },
  neg: { name: 'test.line.int', label: 'Signed', type: 'int', width: 32 },
  hex: { name: 'test.line.hex', label: 'Hex', type: 'uint', width: 16, base: 'hex' },
  hexNoWidth: { name: 'test.line.hex0', label: 'Hex, no width', type: 'uint', base: 'hex' },
  hexDec: { name: 'test.line.hexdec', label: 'Hex and decimal', type: 'uint', width: 32, base: 'hex_dec' },
  wideHex: { name: 'test.line.hex64', label: 'Wide hex', type: 'uint', width: 64, base: 'hex' },
  frame: { name: 'test.line.frame', label: 'Frame', type: 'framenum', width: 32 },
  flag: { name: 'test.line.flag', label: 'Flag', type: 'bool' },
  time: { name: 'test.line.time', label: 'Time', type: 'reltime' },
  addr: { name: 'test.line.addr', label: 'Address', type: 'ipv4' },
  text: { name: 'test.line.text', label: 'Text', type: 'string' },
});
const SPECS = Object.values(S);
/** This file's own table stands in for the registry. */
const lookup = (name: string) => SPECS.filter((s) => s.name === name);

const value = (spec: (typeof SPECS)[number]): fc.Arbitrary<FieldValue> => {
  switch (spec.type) {
    case 'uint':
    case 'framenum':
      return fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.maxSafeNat());
    case 'int':
      return fc.oneof(fc.integer({ min: -3, max: 3 }), fc.maxSafeInteger());
    case 'bool':
      return fc.boolean();
    case 'reltime':
      return fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.bigInt({ min: -(10n ** 19n), max: 10n ** 19n }));
    case 'ipv4':
      return fc.integer({ min: 0, max: 0xffffffff });
    default:
      return fc.string({ unit: 'grapheme', maxLength: 12 });
  }
};

const emission = fc.array(
  fc.constantFrom(...SPECS.keys()).chain((i) => value(SPECS[i]).map((v) => [i, v] as const)),
  { maxLength: 20 },
);

describe('LineSink', () => {
  it('writes exactly the text line WantedSink gives', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          SPECS.map((s) => s.name),
          { minLength: 1 },
        ),
        emission,
        emission,
        // Most frames add their cells in column order (LineSink writes those straight into the line): sort some.
        fc.boolean(),
        // A column set outright (a column field), at some point of the frame.
        fc.record({ column: fc.nat(), at: fc.nat() }),
        (names, frame1, frame2, inOrder, set) => {
          const wanted = compileWanted(names, lookup);
          const text = new WantedSink(wanted);
          const bytes = new LineSink(wanted);
          const out = new Uint8Array(1 << 16);
          const column = (i: number) => wanted.slot[SPECS[i].id];
          const setAt = set.column % names.length;
          let at = 0;
          let expected = '';
          for (const emitted of [frame1, frame2]) {
            const frame = inOrder ? [...emitted].sort(([a], [b]) => column(a) - column(b)) : emitted;
            text.begin(new Uint8Array(0));
            bytes.begin(new Uint8Array(0));
            // At one point (or none, past the end), a column set outright.
            const setWhen = set.at % (frame.length + 2);
            frame.forEach(([i, v], k) => {
              if (k === setWhen) {
                text.setColumn(setAt, 'col\u00e9');
                bytes.setColumn(setAt, 'col\u00e9');
              }
              text.add(SPECS[i], 0, 0, v);
              bytes.add(SPECS[i], 0, 0, v);
            });
            if (setWhen === frame.length) {
              text.setColumn(setAt, 'col\u00e9');
              bytes.setColumn(setAt, 'col\u00e9');
            }
            expected += text.values.join('\t') + '\n';
            at = bytes.line(out, at);
          }
          expect(new TextDecoder().decode(out.subarray(0, at))).toBe(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('asks for room it does not have', () => {
    const wanted = compileWanted([S.text.name], lookup);
    const sink = new LineSink(wanted);
    sink.begin(new Uint8Array(0));
    sink.add(S.text, 0, 0, 'x'.repeat(100));
    expect(sink.line(new Uint8Array(50), 0)).toBe(-1);
    expect(sink.line(new Uint8Array(sink.lineLength()), 0)).toBe(101);
  });
});
