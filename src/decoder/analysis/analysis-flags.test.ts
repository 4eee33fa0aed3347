// The flag table against the places that read it: each explanation reads exactly the parameters
// the table names, and the family rank gives tshark's choice among the retransmission family.
import { describe, expect, it } from 'vitest';
import {
  A_FAST_RETRANSMISSION,
  A_OUT_OF_ORDER,
  A_RETRANSMISSION,
  A_SPURIOUS_RETRANSMISSION,
  type ExplainParam,
  FLAG_TABLE,
  firstOfFamily,
} from './analysis-flags.ts';
import type { ExplainContext } from './explain.ts';
import { explanationText } from '../../lib/strings/analysis.ts';
import type { FrameNote } from './tcp-analyzer.ts';

/** Every parameter an explanation may read (the Record makes the compiler list them all). */
const ALL: Record<ExplainParam, true> = {
  frame: true,
  first: true,
  last: true,
  nextExpected: true,
  ack: true,
  window: true,
  control: true,
  dsack: true,
  dsackBelowAck: true,
  reusedFromStream: true,
  irttKnown: true,
  origFrame: true,
  ackFrame: true,
  gapFrom: true,
  gapTo: true,
  aheadFrame: true,
  sinceNs: true,
  thresholdNs: true,
  answersFrame: true,
  dupAckNum: true,
  dupAckFrame: true,
  rtoNs: true,
  rtoFrame: true,
  prevWindow: true,
  peerWindow: true,
  peerWindowFrame: true,
  zeroBeforeFrame: true,
  probeFrame: true,
};
const PARAMS = Object.keys(ALL) as ExplainParam[];
const NOTE_KEYS = new Set<string>([
  'origFrame',
  'ackFrame',
  'gapFrom',
  'gapTo',
  'aheadFrame',
  'sinceNs',
  'thresholdNs',
  'answersFrame',
  'dupAckNum',
  'dupAckFrame',
  'rtoNs',
  'rtoFrame',
  'prevWindow',
  'peerWindow',
  'peerWindowFrame',
  'zeroBeforeFrame',
  'probeFrame',
]);

const fullNote: FrameNote = {
  origFrame: 3,
  ackFrame: 4,
  gapFrom: 5,
  gapTo: 9,
  aheadFrame: 6,
  sinceNs: 2_000_000,
  thresholdNs: 3_000_000,
  answersFrame: 7,
  dupAckNum: 2,
  dupAckFrame: 8,
  rtoNs: 150_000_000,
  rtoFrame: 2,
  prevWindow: 1000,
  peerWindow: 0,
  peerWindowFrame: 11,
  zeroBeforeFrame: 10,
  probeFrame: 9,
};
// An empty segment carrying a SYN, so that `control` matters; once with every note field, once with none.
const base = (note: FrameNote): ExplainContext => ({
  frame: 12,
  first: 1,
  last: 0,
  nextExpected: 2,
  ack: 40,
  window: 500,
  note,
  control: 'SYN',
  irttKnown: true,
});
const BASES = [base(fullNote), base({})];

function changed(c: ExplainContext, p: ExplainParam): ExplainContext {
  const bump = (v: unknown): unknown =>
    typeof v === 'number' ? v + 1_000_000 : typeof v === 'boolean' ? !v : p === 'control' ? (v === 'SYN' ? 'FIN' : 'SYN') : p === 'dsack' ? [5, 9] : 777;
  if (NOTE_KEYS.has(p)) return { ...c, note: { ...c.note, [p]: bump(c.note?.[p as keyof FrameNote]) } };
  return { ...c, [p]: bump(c[p as keyof ExplainContext]) };
}

describe('the flag table', () => {
  for (const f of FLAG_TABLE) {
    it(`names what the ${f.explain} explanation reads, and nothing else`, () => {
      // The wording lives with the strings; the table names which parameters it reads.
      const say = (c: ExplainContext) => explanationText({ key: f.explain, params: c });
      for (const p of PARAMS) {
        const differs = BASES.some((c) => say(changed(c, p)) !== say(c));
        expect({ param: p, differs }).toEqual({ param: p, differs: f.explainParams.includes(p) });
      }
    });
  }

  it('has one row per bit and per field', () => {
    expect(new Set(FLAG_TABLE.map((f) => f.bit)).size).toBe(FLAG_TABLE.length);
    expect(new Set(FLAG_TABLE.map((f) => f.field)).size).toBe(FLAG_TABLE.length);
    expect(new Set(FLAG_TABLE.map((f) => f.infoRank)).size).toBe(FLAG_TABLE.length);
  });

  it('ranks the retransmission family as tshark does: fast, spurious, out-of-order, retransmission', () => {
    // The analysis README's order, found against tshark 4.0 (analyzer.test.ts holds each case).
    expect(firstOfFamily(A_RETRANSMISSION | A_OUT_OF_ORDER | A_SPURIOUS_RETRANSMISSION | A_FAST_RETRANSMISSION)).toBe(A_FAST_RETRANSMISSION);
    expect(firstOfFamily(A_RETRANSMISSION | A_OUT_OF_ORDER | A_SPURIOUS_RETRANSMISSION)).toBe(A_SPURIOUS_RETRANSMISSION);
    expect(firstOfFamily(A_RETRANSMISSION | A_OUT_OF_ORDER)).toBe(A_OUT_OF_ORDER);
    expect(firstOfFamily(A_RETRANSMISSION)).toBe(A_RETRANSMISSION);
  });
});
