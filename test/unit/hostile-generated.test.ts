// Captures built to make a decoder work hard (test/support/hostile/), small:
// opening, listing, dissecting every frame and printing fields never throws,
// and the frame count is the number of records written. With tshark 4.0
// installed, each case is also printed by both and compared byte for byte.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runFields } from '../../src/cli/commands/fields.ts';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { tsharkFields, tsharkVersion } from '../golden/tshark.ts';
import { HOSTILE_CASES, HOSTILE_FIELDS, writeCase } from '../support/hostile/cases.ts';

function fields(bytes: Uint8Array): { out: string; frames: number } {
  let out = '';
  const r = runFields(bytes, HOSTILE_FIELDS, (t) => (out += t), { twoPass: true });
  expect(r.error).toBeUndefined();
  return { out, frames: r.frames };
}

const CASES = HOSTILE_CASES.filter((c) => !c.benchOnly);

describe('hostile captures, scaled down', () => {
  for (const c of CASES) {
    it(`${c.name}: every frame opens, lists, dissects and prints`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 4 }), (k) => {
          const { bytes, records } = writeCase(c, (c.unitScale * k) / 4);
          const capture = openCapture(bytes);
          expect(capture.error).toBeUndefined();
          expect(capture.frames).toHaveLength(records);
          expect(capture.summaries().map((r) => r.number)).toEqual(Array.from({ length: records }, (_, i) => i + 1));
          for (let n = 1; n <= records; n++) expect(capture.dissect(n).tree.length).toBeGreaterThan(0);
          const { out, frames } = fields(bytes);
          expect(frames).toBe(records);
          // A header line, one line a frame, and the final newline.
          expect(out.split('\n')).toHaveLength(records + 2);
        }),
        { numRuns: 3 },
      );
    });
  }
});

const version = tsharkVersion();
describe.runIf(version?.startsWith('4.0.'))(`hostile captures against tshark ${version ?? ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const c of CASES) {
    it(`${c.name}: the same fields as tshark -2`, () => {
      const { bytes } = writeCase(c, c.unitScale);
      const path = join(dir, `${c.name}.${c.format}`);
      writeFileSync(path, bytes);
      expect(fields(bytes).out).toBe(tsharkFields(path, HOSTILE_FIELDS));
    });
  }
});
