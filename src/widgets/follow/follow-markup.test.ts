import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { followCapture } from '../../decoder/stats/follow-capture.ts';
import { fixtureName } from '../../../test/golden/golden.ts';
import { readStatsFixture } from '../../../test/golden/stats-views.ts';
import { followBlocks } from '../../../test/support/follow-blocks.ts';
import type { Markup } from '../frame-panes/markup.ts';
import { chunksMarkup, offsetsOf } from './follow-markup.ts';

const path = 'src/decoder/analysis/testdata/loopback-mixed.pcapng';
const cap = openCapture(new Uint8Array(readFileSync(path)));
const tshark = readStatsFixture(fixtureName(path));

const chunkOf = (m: Markup) => m.children as Markup[];
const textOf = (m: Markup) => m.children.join('');

describe('follow chunks against tshark -z follow', () => {
  const f = followCapture(cap, 'tcp', 2);
  const offsets = offsetsOf(f.records);

  it('gives each ASCII block, gaps included, as one chunk of its sender', () => {
    const blocks = followBlocks(tshark['follow,tcp,ascii,2']);
    expect(blocks.some((b) => /^\[\d+ bytes missing in capture file\]\.$/.test(b.text))).toBe(true);
    const runs = chunksMarkup(f.records, 'ascii', 0, f.records.length, offsets);
    const chunks = runs.flatMap(chunkOf);
    expect(chunks.map((c) => ({ dir: c.attrs['data-dir'], text: textOf(c) }))).toEqual(blocks);
    // A gap says how many bytes are missing.
    const gap = chunks.find((c) => c.attrs['data-missing'] !== undefined)!;
    expect(textOf(gap)).toBe(`[${gap.attrs['data-missing']} bytes missing in capture file].`);
  });

  it('draws a batch from the middle exactly as the whole', () => {
    const whole = chunksMarkup(f.records, 'ascii', 0, f.records.length, offsets).flatMap(chunkOf).map(textOf);
    const parts = [0, 3, 7, f.records.length].flatMap((from, i, a) => (i + 1 < a.length ? chunksMarkup(f.records, 'ascii', from, a[i + 1], offsets) : []));
    expect(parts.flatMap(chunkOf).map(textOf)).toEqual(whole);
  });

  it('gives the hex dump and raw views line for line as tshark', () => {
    for (const mode of ['hex', 'raw'] as const) {
      const out = tshark[`follow,tcp,${mode},2`];
      const body = out.slice(out.indexOf('\n', out.indexOf('\nNode 1: ') + 1) + 1, out.lastIndexOf(`\n${'='.repeat(67)}\n`) + 1);
      const ours = chunksMarkup(f.records, mode, 0, f.records.length, offsets)
        .flatMap(chunkOf)
        .map((c) =>
          textOf(c)
            .split('\n')
            .map((line) => (c.attrs['data-dir'] === 'B' ? `\t${line}` : line))
            .join('\n'),
        );
      expect(`${ours.join('\n')}\n`).toBe(body);
    }
  });
});
