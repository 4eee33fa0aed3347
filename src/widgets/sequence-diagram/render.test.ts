import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { buildLadder } from './ladder-model.ts';
import { layoutLadder } from './geometry.ts';
import { arrowClasses, ladderSvg, ladderTable, marksText, statesText } from './render.ts';

const open = (name: string) => openCapture(new Uint8Array(readFileSync(`captures/recorded/${name}.pcapng`)));
const ids = { title: 't', desc: 'd' };

describe('ladder marks', () => {
  const loss = buildLadder(open('tcp-loss'), 0)!;

  it('draws retransmissions dashed and duplicate ACKs dotted, and says so in words', () => {
    const dup = loss.segments.find((s) => s.marks.includes('duplicate_ack'))!;
    expect(arrowClasses(dup)).toContain('sd-dupack');
    expect(marksText(dup)).toBe('Dup ACK');
    const re = loss.segments.find((s) => s.marks.some((m) => m.endsWith('retransmission')))!;
    expect(arrowClasses(re)).toContain('sd-retrans');
    expect(marksText(re)).toMatch(/retransmission/i);
    const g = layoutLadder(loss, { spacing: 'even', width: 720 });
    const svg = ladderSvg(loss, g, g.arrows, 0, ids);
    expect(svg).toContain('[Dup ACK] ACK');
    expect(svg).toMatch(/<g class="sd-arrow sd-from-b sd-dupack" data-frame="\d+"/);
  });

  it('ends a reset with a bar', () => {
    const rst = buildLadder(open('tcp-rst-linger'), 0)!;
    const g = layoutLadder(rst, { spacing: 'even', width: 720 });
    const svg = ladderSvg(rst, g, g.arrows, 0, ids);
    expect(svg).toMatch(/<g class="sd-arrow [^"]*sd-rst"[^>]*>.*?<line class="sd-bar"/);
    expect(svg).toContain('[Reset]');
  });

  it('draws a segment the capture missed as an arrow ending in a cross', () => {
    const m = buildLadder(open('tcp-http'), 0)!;
    const withLost = { ...m, segments: m.segments.map((s, i) => (i === 7 ? { ...s, lost: [1461, 2920] as [number, number] } : s)) };
    const g = layoutLadder(withLost, { spacing: 'even', width: 720 });
    const svg = ladderSvg(withLost, g, g.arrows, 0, ids);
    expect(svg).toMatch(/<g class="sd-lost"><line [^>]*\/><path d="M[^"]*l10 10m0 -10l-10 10"\/><text[^>]*>bytes 1461–2920 not captured<\/text><\/g>/);
    expect(ladderTable(withLost, 0)).toContain('bytes 1461–2920 not captured');
  });

  it('keeps the table in step: aria-current on the selected row only', () => {
    const m = buildLadder(open('tcp-http'), 0)!;
    const html = ladderTable(m, 6);
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(html).toMatch(/<tr data-frame="7" data-index="6" aria-current="true">/);
  });
});

describe("the detail line's states", () => {
  const m = buildLadder(open('tcp-halfclose'), 0)!;
  const at = (frame: number) =>
    statesText(
      m,
      m.segments.findIndex((s) => s.frame === frame),
    );
  const [a, b] = [m.a.name, m.b.name];

  it('names both states at the first segment, and a changed state with the one before it', () => {
    expect(at(1)).toBe(`${a}: SYN-SENT; ${b}: LISTEN`);
    expect(at(6)).toBe(`${a}: FIN-WAIT-1 (was ESTABLISHED); ${b}: CLOSE-WAIT (was ESTABLISHED)`);
    expect(at(7)).toBe(`${a}: FIN-WAIT-2 (was FIN-WAIT-1); ${b}: CLOSE-WAIT`);
  });

  it('says once that states stay, instead of announcing them afresh at every segment', () => {
    expect(at(4)).toBe(`${a} and ${b} stay ESTABLISHED`);
    expect(at(9)).toBe(`${a} stays FIN-WAIT-2; ${b} stays CLOSE-WAIT`);
  });
});
