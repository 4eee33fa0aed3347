// End to end through the dissector: the capture reader, dissectFrame's field extractor and the
// session seam, compared with the same tshark tables as golden.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/index.ts';
import { compileWanted, createExtractor, dissectFrame, findAll } from '../dissect.ts';
import { ANALYSIS_FIELDS } from './golden-compare.ts';
import { createAnalysisSessions } from './session-adapter.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

function twoPass(pcap: Uint8Array) {
  const index = readCapture(pcap);
  const sessions = createAnalysisSessions();
  const first = createExtractor(compileWanted(['frame.number']));
  for (const r of index.frames) first(r, frameData(pcap, r), sessions.firstPass);
  return { index, ...sessions.finish() };
}

describe('the dissector session seam gives tshark -2 values', () => {
  const dir = join(HERE, 'testdata');
  for (const name of ['retransmission', 'fast_retransmission', 'zero_window', 'reassembly', 'loopback-mixed']) {
    it(name, () => {
      const pcap = new Uint8Array(readFileSync(join(dir, `${name}.pcapng`)));
      const tsv = readFileSync(join(dir, `${name}.analysis.tsv`), 'utf8')
        .split('\n')
        .filter(Boolean);
      const header = tsv[0].split('\t');
      // Fields the dissector emits from the seam (relative SACK edges are still the dissector's own, raw).
      const names = header.filter((h) => ANALYSIS_FIELDS.has(h) && !h.startsWith('tcp.options.sack_'));
      const { index, secondPass } = twoPass(pcap);
      const x = createExtractor(compileWanted(names));
      const bad: string[] = [];
      index.frames.forEach((r, i) => {
        const got = x(r, frameData(pcap, r), secondPass);
        const want = tsv[i + 1].split('\t');
        names.forEach((n, j) => {
          const e = want[header.indexOf(n)] ?? '';
          if (got[j] !== e) bad.push(`frame ${r.number} ${n}: tshark "${e}" dissector "${got[j]}"`);
        });
      });
      expect(bad.slice(0, 10)).toEqual([]);
    });
  }

  it('puts the analysis in the details tree with expert info and the Info prefix', () => {
    const pcap = new Uint8Array(readFileSync(join(dir, 'fast_retransmission.pcapng')));
    const { index, secondPass } = twoPass(pcap);
    const d = dissectFrame(index.frames[11], frameData(pcap, index.frames[11]), { session: secondPass });
    expect(d.columns.info.startsWith('[TCP Fast Retransmission] ')).toBe(true);
    const flag = findAll(d.tree, 'tcp.analysis.fast_retransmission')[0];
    expect(flag?.expert?.[0]?.message).toBe('This frame is a (suspected) fast retransmission');
    const dup = dissectFrame(index.frames[9], frameData(pcap, index.frames[9]), { session: secondPass });
    expect(dup.columns.info.startsWith('[TCP Dup ACK 8#2] ')).toBe(true);
  });
});

it('lists no local capture without its fixture', () => {
  const dir = join(HERE, 'testdata');
  const p = readdirSync(dir).filter((f) => f.endsWith('.pcapng')).length;
  const t = readdirSync(dir).filter((f) => f.endsWith('.analysis.tsv')).length;
  expect(p).toBe(t);
});
