// The plain-frame fast path must print exactly what the layers print. Every
// capture in the repository is read both ways, with every field the fast path
// has a reader for, and with random lists of them.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWanted, createExtractor } from '../dissect.ts';
import { frameData, readCapture } from '../capture/read.ts';
import { WantedSink } from './wanted-sink.ts';
import { createPlainExtractor, PLAIN_FIELD_NAMES } from './plain-frames.ts';
import { repositoryCaptures } from '../../../test/support/repository-captures.ts';

const CAPTURES = repositoryCaptures();

const FRAME_FIELDS = ['frame.number', 'frame.time_epoch', 'frame.time_relative', 'frame.time_delta', 'frame.len', 'frame.cap_len', 'frame'];

/** Every frame's line, through the fast path (when it applies) or through the layers only. */
function lines(bytes: Uint8Array, names: readonly string[], plain: boolean): string[] {
  const cap = readCapture(bytes);
  const extract = createExtractor(compileWanted(names), { plain });
  return cap.frames.map((r) => extract(r, frameData(bytes, r)).join('\t'));
}

describe('plain-frame fast path', () => {
  it('finds the repository captures', () => expect(CAPTURES.length).toBeGreaterThanOrEqual(40));

  it('reads plain frames in most captures (the comparison below is not vacuous)', () => {
    const names = [...PLAIN_FIELD_NAMES];
    const wanted = compileWanted(names);
    const plain = createPlainExtractor(wanted, new WantedSink(wanted))!;
    let taken = 0;
    let total = 0;
    for (const { bytes } of CAPTURES) {
      const cap = readCapture(bytes);
      for (const r of cap.frames) {
        total++;
        if (plain(r, frameData(bytes, r), { record: r }, undefined)) taken++;
      }
    }
    expect(taken).toBeGreaterThan(total / 3);
    expect(taken).toBeLessThan(total);
  });

  it('has no reader for a field outside its layers (the layers answer those)', () => {
    for (const names of [['frame.protocols'], ['ip.src', 'dns.qry.name'], ['_ws.col.Info'], ['tcp.options.mss_val']]) {
      const wanted = compileWanted(names);
      expect(createPlainExtractor(wanted, new WantedSink(wanted))).toBeUndefined();
    }
  });

  for (const { path, bytes } of CAPTURES) {
    it(`prints what the layers print: ${path}`, () => {
      const names = [...FRAME_FIELDS, ...PLAIN_FIELD_NAMES];
      expect(lines(bytes, names, true)).toEqual(lines(bytes, names, false));
    });
  }

  it('prints what the layers print for any list of its fields, in any order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CAPTURES),
        fc.shuffledSubarray([...FRAME_FIELDS, ...PLAIN_FIELD_NAMES], { minLength: 1, maxLength: 12 }),
        ({ bytes }, names) => {
          expect(lines(bytes, names, true)).toEqual(lines(bytes, names, false));
        },
      ),
      { numRuns: 60 },
    );
  });
});
