import { describe, expect, it } from 'vitest';
import type { LadderModel, LadderSegment } from './ladder-model.ts';
import { arrowLabel, durationText, evenScale, flight, gapAt, hitArrow, layoutLadder, visibleArrows, TOP } from './geometry.ts';

const seg = (frame: number, t: number, fromA: boolean, more: Partial<LadderSegment> = {}): LadderSegment => ({
  frame,
  t,
  fromA,
  flags: 'ACK',
  rst: false,
  seq: 1,
  ack: 1,
  len: 0,
  marks: [],
  explain: [],
  states: null,
  ...more,
});

// A handshake captured near A: B answers 100 µs after the SYN, A answers 1 µs after the SYN-ACK.
const model: LadderModel = {
  stream: 0,
  a: { name: 'A', address: '10.0.0.1', port: 1 },
  b: { name: 'B', address: '10.0.0.2', port: 2 },
  relative: true,
  owd: 50.5e-6,
  captureAt: 1 / 101,
  segments: [seg(1, 0, true, { flags: 'SYN', ack: null }), seg(2, 100e-6, false, { flags: 'SYN, ACK' }), seg(3, 101e-6, true), seg(4, 0.2, true, { len: 100 })],
};

describe('flight', () => {
  it('places the capture time a share f of the delay after leaving A', () => {
    const [leave, arrive] = flight(1, true, 0.1, 0.25);
    expect(leave).toBeCloseTo(0.975);
    expect(arrive).toBeCloseTo(1.075);
    const [l2, a2] = flight(1, false, 0.1, 0.25);
    expect(l2).toBeCloseTo(0.925);
    expect(a2).toBeCloseTo(1.025);
  });
});

describe('evenScale', () => {
  const y = evenScale([0, 1, 1, 3], 100, 10, 0.5);
  it('puts each capture on its row and interpolates between', () => {
    expect(y(0)).toBe(100);
    expect(y(2)).toBe(125);
    expect(y(3)).toBe(130);
  });
  it('stays within a fraction of a row outside the captured times', () => {
    expect(y(-5)).toBe(94);
    expect(y(99)).toBe(136);
  });
});

describe('layoutLadder', () => {
  const g = layoutLadder(model, { spacing: 'even', width: 720, rowHeight: 40 });

  it('gives each segment a row, arrows from sender to receiver crossing the capture line on it', () => {
    expect(g.arrows.map((a) => a.y)).toEqual([TOP, TOP + 40, TOP + 80, TOP + 120]);
    const [syn, synAck] = g.arrows;
    expect([syn.x1, syn.x2, synAck.x1, synAck.x2]).toEqual([g.xA, g.xB, g.xB, g.xA]);
    for (const a of g.arrows) {
      expect(a.y1).toBeLessThan(a.y2);
      expect(a.y1).toBeLessThanOrEqual(a.y);
      expect(a.y2).toBeGreaterThanOrEqual(a.y);
    }
    expect(g.xCap).toBeCloseTo(g.xA + (g.xB - g.xA) / 101);
  });

  it('never lets a reply leave before what it answers arrived', () => {
    const [syn, synAck, ack] = g.arrows;
    expect(synAck.y1).toBeGreaterThanOrEqual(syn.y2 - 0.5);
    expect(ack.y1).toBeGreaterThanOrEqual(synAck.y2 - 0.5);
  });

  it('keeps distance proportional to time in real spacing', () => {
    const r = layoutLadder(model, { spacing: 'real', width: 720, pxPerSecond: 1000 });
    expect(r.arrows[3].y - r.arrows[0].y).toBeCloseTo(200);
    expect(r.arrows[1].y - r.arrows[0].y).toBeCloseTo(0.1);
    // Too flat to see: stretched to the minimum slope around the capture crossing.
    expect(r.arrows[1].y2 - r.arrows[1].y1).toBeCloseTo(14);
  });

  it('squeezes the lines towards the edges on a phone', () => {
    const c = layoutLadder(model, { spacing: 'even', width: 360 });
    expect(c.compact).toBe(true);
    expect(c.xB).toBe(344);
  });
});

describe('hit testing', () => {
  const g = layoutLadder(model, { spacing: 'even', width: 720, rowHeight: 40 });
  it('finds the arrow under the pointer, near its bend too', () => {
    const a = g.arrows[3];
    expect(hitArrow(g.arrows, a.xc, a.y + 2)).toBe(3);
    expect(hitArrow(g.arrows, (a.xc + a.x2) / 2, (a.y + a.y2) / 2)).toBe(3);
    expect(hitArrow(g.arrows, 5, 5)).toBe(-1);
  });
  it('names the two captures around a height, for measuring gaps', () => {
    expect(gapAt(g.arrows, TOP + 90)).toEqual([2, 3]);
    expect(gapAt(g.arrows, TOP - 5)).toBeUndefined();
    expect(gapAt(g.arrows, TOP + 500)).toBeUndefined();
  });
  it('draws only arrows that reach into the band in view', () => {
    expect(visibleArrows(g.arrows, TOP + 100, TOP + 200).map((a) => a.index)).toEqual([3]);
  });
});

describe('labels', () => {
  it('reads flags, seq, ack and len, leaving ack out without the ACK flag', () => {
    expect(arrowLabel(model.segments[0])).toBe('SYN  seq 1  len 0');
    expect(arrowLabel(model.segments[3])).toBe('ACK  seq 1  ack 1  len 100');
  });
  it('writes time differences in a readable unit', () => {
    expect(durationText(817.6e-6)).toBe('817.6 µs');
    expect(durationText(0.0016)).toBe('1.600 ms');
    expect(durationText(2.5)).toBe('2.500 s');
  });
});
