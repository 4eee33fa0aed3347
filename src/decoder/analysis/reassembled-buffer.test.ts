import { describe, expect, it } from 'vitest';
import { createPduBuffers } from './reassembled-buffer.ts';
import type { ReassembledPdu } from './analysis.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

/** "abcdef" from frames 3 (its payload's tail "abc"), 4 ("de") and 7 ("f", then "XY" of the next PDU). */
const PDU: ReassembledPdu = { frames: [3, 4, 7], lengths: [3, 2, 1], offsets: [2, 0, 0], total: 6, kind: 'http', completedIn: 7, label: '' };

describe('the bytes of a reassembled PDU', () => {
  it('takes the part of a completing frame that filled a gap from the middle of the list', () => {
    const b = createPduBuffers();
    const late: ReassembledPdu = { ...PDU, completedIn: 4 };
    b.keep(3, late, enc('..abc'));
    b.keep(7, late, enc('fXY'));
    const pdu = b.build(4, late, enc('de'));
    expect(dec(pdu!.bytes)).toBe('abcdef');
    expect(pdu).toMatchObject({ offsetHere: 0, lengthHere: 2 });
  });
  it('joins every part in order, each from where it starts in its payload', () => {
    const b = createPduBuffers();
    b.keep(3, PDU, enc('..abc'));
    b.keep(4, PDU, enc('de'));
    const pdu = b.build(7, PDU, enc('fXY'));
    expect(dec(pdu!.bytes)).toBe('abcdef');
    expect(pdu).toMatchObject({ frames: [3, 4, 7], lengths: [3, 2, 1], offsetHere: 0 });
  });

  it('copies each part: the caller may reuse its buffer for the next frame', () => {
    const b = createPduBuffers();
    const buf = enc('..abc');
    b.keep(3, PDU, buf);
    buf.fill(0);
    b.keep(4, PDU, enc('de'));
    expect(dec(b.build(7, PDU, enc('f'))!.bytes)).toBe('abcdef');
  });

  it('gives nothing when a part was not seen or not all captured, and holds no part afterwards', () => {
    const b = createPduBuffers();
    b.keep(3, PDU, enc('..abc'));
    expect(b.build(7, PDU, enc('f'))).toBeUndefined();
    b.keep(3, PDU, enc('..ab'));
    b.keep(4, PDU, enc('de'));
    expect(b.build(7, PDU, enc('f'))).toBeUndefined();
    // The parts went with the failed build: a second try finds none.
    b.keep(4, PDU, enc('de'));
    expect(b.build(7, PDU, enc('f'))).toBeUndefined();
  });

  it('builds only in the completing frame', () => {
    const b = createPduBuffers();
    b.keep(3, PDU, enc('..abc'));
    b.keep(4, PDU, enc('de'));
    expect(b.build(4, PDU, enc('de'))).toBeUndefined();
    expect(dec(b.build(7, PDU, enc('f'))!.bytes)).toBe('abcdef');
  });

  it('lets the oldest parts go past its byte cap: their PDU is not reassembled, later ones are', () => {
    const b = createPduBuffers(4);
    const next: ReassembledPdu = { frames: [8, 9], lengths: [2, 1], offsets: [0, 0], total: 3, kind: 'http', completedIn: 9, label: '' };
    b.keep(3, PDU, enc('..abc'));
    b.keep(4, PDU, enc('de'));
    b.keep(8, next, enc('gh'));
    expect(b.build(7, PDU, enc('f'))).toBeUndefined();
    expect(dec(b.build(9, next, enc('i'))!.bytes)).toBe('ghi');
  });

  it('finds the parts of a PDU of many segments, each once', () => {
    const n = 1000;
    const frames = Array.from({ length: n }, (_, i) => 10 + i);
    const big: ReassembledPdu = {
      frames,
      lengths: frames.map(() => 1),
      offsets: frames.map(() => 0),
      total: n,
      kind: 'http',
      completedIn: 10 + n - 1,
      label: '',
    };
    const b = createPduBuffers();
    for (const f of frames.slice(0, -1)) b.keep(f, big, Uint8Array.of(f & 0xff));
    const pdu = b.build(10 + n - 1, big, Uint8Array.of((10 + n - 1) & 0xff));
    expect(Array.from(pdu!.bytes)).toEqual(frames.map((f) => f & 0xff));
    expect(pdu).toMatchObject({ offsetHere: 0, lengthHere: 1 });
  });
});
