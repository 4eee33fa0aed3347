import { describe, expect, it } from 'vitest';
import { dissectFrame, findField } from '../dissect.ts';
import { agree, hex, record } from './testdata/oracle.ts';

describe('data', () => {
  it('agrees with tshark for an unknown (user) link type and unclaimed payloads', () => {
    expect(agree('crafted-unknown', [])).toEqual([]);
    expect(agree('crafted-eth', ['data'])).toEqual([]);
  });

  it('shows the bytes of a link type no layer knows', () => {
    const bytes = hex('01020304');
    const d = dissectFrame(record(bytes, 9999), bytes);
    expect(d.protocols).toBe('data');
    expect(findField(d.tree, 'data.data')!.show).toBe('01020304');
    expect(findField(d.tree, 'data.len')!.show).toBe('4');
  });
});
