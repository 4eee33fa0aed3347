// A lone waiting segment is held in the flow's own numbers, and becomes the
// same list that pushing it would have made, whatever is asked of it next.
import { describe, expect, it } from 'vitest';
import { UnackedSegments } from './unacked.ts';
import { pushWaiting, type WaitingHolder, waitingList } from './waiting.ts';

const SEQ = 0xfffffff0; // near the wrap, where sequence arithmetic is easiest to get wrong

const holder = (): WaitingHolder => ({ unacked: undefined, loneLen: 0, loneFrame: 0, loneSeq: 0, loneTime: 0 });

function listOf(...segs: [number, number, number, number][]): UnackedSegments {
  const u = new UnackedSegments();
  for (const [frame, seq, next, time] of segs) u.push(frame, seq, next, time);
  return u;
}

describe('waiting segments', () => {
  it('hold a lone segment without a list, its sequence number a small integer', () => {
    const h = holder();
    pushWaiting(h, 1, SEQ, SEQ + 1, 5);
    expect(h.unacked).toBeUndefined();
    expect(h.loneLen).toBe(1);
    expect(h.loneSeq).toBe(-16);
  });

  it('make a list when a second segment waits, equal to pushing both', () => {
    const h = holder();
    const mid = (SEQ + 100) >>> 0;
    pushWaiting(h, 1, SEQ, mid, 5);
    pushWaiting(h, 2, mid, (SEQ + 200) >>> 0, 6);
    expect(h.unacked).toEqual(listOf([1, SEQ, mid, 5], [2, mid, (SEQ + 200) >>> 0, 6]));
    expect(h.loneLen).toBe(0);
  });

  it('make a list for an ACK that answers the lone one as the list would', () => {
    const h = holder();
    pushWaiting(h, 1, SEQ, (SEQ + 20) >>> 0, 5);
    const lone = waitingList(h) as UnackedSegments;
    const list = listOf([1, SEQ, (SEQ + 20) >>> 0, 5]);
    expect(lone.lo()).toBe(list.lo());
    expect(lone.hi).toBe(list.hi);
    expect(lone.ack((SEQ + 20) >>> 0, 2)).toEqual(list.ack((SEQ + 20) >>> 0, 2));
    expect(lone.length).toBe(0);
    expect(lone.whoSent(SEQ)).toMatchObject({ frame: 1, ackedBy: 2 });
    expect(lone).toEqual(list);
    expect(waitingList(h)).toBe(lone);
  });

  it('are no list while none waits', () => {
    expect(waitingList(holder())).toBeUndefined();
  });
});
