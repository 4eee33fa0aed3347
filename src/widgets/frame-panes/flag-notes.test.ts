// The notes of every frame of the captures the retransmission, teardown and
// RST lessons read, held to tshark: a D-SACK only where tshark sets
// tcp.options.sack.dsack, no byte range for a segment without data (an empty
// FIN or SYN has only its sequence number), and no keep-alive called idle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsharkFields, tsharkVersion } from '../../../test/golden/tshark.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { sentenceLinesFor } from './sentence-for.ts';

const root = join(import.meta.dirname, '../../..');
const CAPTURES = [
  'captures/recorded/tcp-loss.pcapng',
  'captures/recorded/tcp-spurious.pcapng',
  'captures/recorded/tcp-http-loss.pcapng',
  'captures/recorded/tcp-keepalive.pcapng',
  'captures/recorded/tcp-zerowindow.pcapng',
  'captures/rebuilt/report-fin-rst.pcapng',
  'captures/rebuilt/report-spurious.pcapng',
];

describe.skipIf(!tsharkVersion())('the notes of each frame claim only what tshark’s fields show', () => {
  for (const rel of CAPTURES) {
    it(rel, () => {
      const path = join(root, rel);
      const capture = openCapture(new Uint8Array(readFileSync(path)));
      const rows = tsharkFields(path, ['frame.number', 'tcp.len', 'tcp.options.sack.dsack', 'tcp.analysis.keep_alive'])
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      const dsack: number[] = [];
      for (const [frame, len, , ka] of rows) {
        const n = Number(frame);
        const notes = sentenceLinesFor(capture, n).join(' ');
        if (/D-SACK/.test(notes)) dsack.push(n);
        if (len === '0') expect(notes, `frame ${n}`).not.toMatch(/(?:repeats|carries) bytes \d+-\d+/);
        if ((ka ?? '') !== '') expect(notes, `frame ${n}`).not.toMatch(/\bidle\b/);
      }
      expect(dsack, 'frames whose notes name a D-SACK').toEqual(rows.filter((r) => (r[2] ?? '') !== '').map((r) => Number(r[0])));
    });
  }
});
