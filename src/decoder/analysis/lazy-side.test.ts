// A side that never sends gets no flow state of its own (a SYN flood's 150,000
// conversations keep one side each), and what the other side's segments taught
// about it is still there when it does send.
import { describe, expect, it } from 'vitest';
import { finishAnalysis } from './analysis.ts';
import { createTcpAnalyzer } from './tcp-analyzer.ts';
import { Conversation, TH_ACK, TH_SYN } from './test-scenarios.ts';

describe('the second side of a conversation', () => {
  it('is not made for SYNs that are never answered', () => {
    const an = createTcpAnalyzer();
    for (let i = 0; i < 100; i++) {
      const c = new Conversation({ a: [`10.1.0.${i}`, 1024 + i], b: ['10.0.0.1', 80], firstFrame: i + 1 });
      c.send('a', { at: i, flags: TH_SYN, ack: 0, opts: { mss: 1460 } });
      an.addTcp(c.segments[0]);
    }
    const st = an.finish();
    expect(st.streams).toHaveLength(100);
    expect(st.streams.every((s) => s.b === null)).toBe(true);
    // Its endpoint is still known to the summary.
    expect(finishAnalysis(st).summary(7)?.b).toEqual({ address: '10.0.0.1', port: 80 });
  });

  it('keeps "no window scaling" learned from a SYN without the option (RFC 7323 2.2)', () => {
    const c = new Conversation();
    c.send('a', { at: 0, flags: TH_SYN, ack: 0, win: 1000, opts: { mss: 1460 } });
    // The SYN-ACK was not captured: the answer's side first sends a plain ACK.
    c.send('b', { at: 6, flags: TH_ACK, win: 100 });
    const an = createTcpAnalyzer();
    for (const s of c.segments) an.addTcp(s);
    const a = finishAnalysis(an.finish());
    // Not "unknown" (-1): the SYN said neither side scales (-2).
    expect(a.facts(c.segments[1])?.scaleFactor).toBe(-2);
    expect(a.facts(c.segments[1])?.windowSize).toBe(100);
  });
});
