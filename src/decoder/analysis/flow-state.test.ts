// The packed yes/no facts of a flow read back as the booleans they were.
import { describe, expect, it } from 'vitest';
import { FlowState } from './flow-state.ts';

const FACTS = ['baseSet', 'synSeen', 'nextSeqSet', 'maxSeqSet', 'lastAckSet', 'windowSet', 'validBif', 'finSeen'] as const;

describe('FlowState', () => {
  it('starts with bytes in flight trusted and nothing else known', () => {
    const f = new FlowState('10.0.0.1', 80);
    for (const k of FACTS) expect(f[k], k).toBe(k === 'validBif');
  });

  it('sets and clears each fact without touching the others', () => {
    for (const k of FACTS) {
      const f = new FlowState('10.0.0.1', 80);
      const before = FACTS.map((o) => f[o]);
      f[k] = !f[k];
      expect(FACTS.map((o) => f[o])).toEqual(before.map((v, i) => (FACTS[i] === k ? !v : v)));
      f[k] = !f[k];
      expect(FACTS.map((o) => f[o])).toEqual(before);
    }
  });

  it('copies with Object.assign, as a lent side is kept', () => {
    const f = new FlowState('10.0.0.1', 80);
    f.synSeen = true;
    f.validBif = false;
    const g = Object.assign(new FlowState('', 0), f);
    expect(FACTS.map((k) => g[k])).toEqual(FACTS.map((k) => f[k]));
  });
});
