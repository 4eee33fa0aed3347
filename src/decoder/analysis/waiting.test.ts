// A lone waiting segment is held as itself, and becomes the same list that
// pushing it would have made, whatever is asked of it next.
import { describe, expect, it } from 'vitest';
import { type Sent, UnackedSegments } from './unacked.ts';
import { asList, pushWaiting } from './waiting.ts';

const SEQ = 0xfffffff0; // near the wrap, where sequence comparisons are easiest to get wrong

function listOf(...segs: [number, number, number, number][]): UnackedSegments {
  const u = new UnackedSegments();
  for (const [frame, seq, next, time] of segs) u.push(frame, seq, next, time);
  return u;
}

describe('waiting segments', () => {
  it('hold a lone segment without a list', () => {
    const w = pushWaiting(undefined, 1, SEQ, SEQ + 1, 5);
    expect(w).not.toBeInstanceOf(UnackedSegments);
    expect(w).toMatchObject({ frame: 1, seq: SEQ, seq0: SEQ, next: SEQ + 1, time: 5, ackedBy: 0, copies: 0 });
  });

  it('make a list when a second segment waits, equal to pushing both', () => {
    const one = pushWaiting(undefined, 1, SEQ, SEQ + 100, 5);
    const two = pushWaiting(one, 2, SEQ + 100, (SEQ + 200) >>> 0, 6);
    expect(two).toBeInstanceOf(UnackedSegments);
    expect(two).toEqual(listOf([1, SEQ, SEQ + 100, 5], [2, SEQ + 100, (SEQ + 200) >>> 0, 6]));
  });

  it('make a list for an ACK that answers the lone one as the list would', () => {
    const lone = asList(pushWaiting(undefined, 1, SEQ, SEQ + 1, 5) as Sent);
    const list = listOf([1, SEQ, SEQ + 1, 5]);
    expect(lone.lo()).toBe(list.lo());
    expect(lone.hi).toBe(list.hi);
    expect(lone.ack(SEQ + 1, 2)).toEqual(list.ack(SEQ + 1, 2));
    expect(lone.length).toBe(0);
    expect(lone.whoSent(SEQ)).toMatchObject({ frame: 1, ackedBy: 2 });
    expect(lone).toEqual(list);
  });

  it('are not copied again once a list', () => {
    const list = listOf([1, SEQ, SEQ + 1, 5]);
    expect(asList(list)).toBe(list);
  });
});
