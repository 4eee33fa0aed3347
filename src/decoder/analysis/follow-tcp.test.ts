// Follow TCP stream on the repository's captures with lost, resent and
// reordered segments: each record (sender, length, gap marker) equals a block
// of tshark's `-z follow,tcp,ascii,N` output, kept in the statistics fixtures.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatsFixture } from '../../../test/golden/stats-views.ts';
import { openCapture } from '../open-capture.ts';
import { followCapture } from '../stats/follow-capture.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

interface Block {
  node: 0 | 1;
  text: string;
}

/** tshark's ASCII blocks: a length line (node 1's indented by a tab), that many characters, a newline. */
function blocks(output: string): Block[] {
  const out: Block[] = [];
  let at = output.indexOf('\nNode 1: ');
  at = output.indexOf('\n', at + 1) + 1;
  for (;;) {
    const m = /^(\t?)(\d+)\n/.exec(output.slice(at, at + 16));
    if (!m) break;
    const start = at + m[0].length;
    const n = Number(m[2]);
    out.push({ node: m[1] ? 1 : 0, text: output.slice(start, start + n) });
    at = start + n + 1;
  }
  return out;
}

const CASES: Array<[string, string, number]> = [
  // Gaps the receiver acknowledged: "[N bytes missing in capture file]".
  ['src/decoder/analysis/testdata/loopback-mixed.pcapng', 'src__decoder__analysis__testdata__loopback-mixed.pcapng', 2],
  ['src/decoder/analysis/testdata/loopback-bulk-mangled-1.pcapng', 'src__decoder__analysis__testdata__loopback-bulk-mangled-1.pcapng', 0],
  ['src/decoder/analysis/testdata/loopback-bulk-mangled-6.pcapng', 'src__decoder__analysis__testdata__loopback-bulk-mangled-6.pcapng', 1],
  // Retransmissions and out-of-order segments filling a hole.
  ['captures/recorded/tcp-http-loss.pcapng', 'tcp-http-loss', 0],
  ['src/decoder/analysis/testdata/out_of_order.pcapng', 'src__decoder__analysis__testdata__out_of_order.pcapng', 0],
];

describe('followTcp against tshark', () => {
  for (const [path, name, stream] of CASES) {
    it(`${name} stream ${stream}`, () => {
      const expected = blocks(readStatsFixture(name)[`follow,tcp,ascii,${stream}`]);
      const cap = openCapture(new Uint8Array(readFileSync(join(ROOT, path))));
      const got = followCapture(cap, 'tcp', stream).records;
      expect(got.map((r) => r.node)).toEqual(expected.map((b) => b.node));
      expect(got.map((r) => r.bytes.length)).toEqual(expected.map((b) => b.text.length));
      const gaps = expected.filter((b) => b.text.includes(' bytes missing in capture file]'));
      expect(got.filter((r) => r.missing !== undefined).map((r) => `[${r.missing} bytes missing in capture file].`)).toEqual(gaps.map((b) => b.text));
    });
  }
});
