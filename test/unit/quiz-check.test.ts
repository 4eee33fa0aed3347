import { describe, expect, it } from 'vitest';
import { checkAnswer, checkChoice, checkFlags, checkFound, checkOrder, parseNumber, type AnswerKey } from '../../src/widgets/quiz/check.ts';

const ack: AnswerKey = { kind: 'number', values: [214], tolerance: 0, near: [{ value: 1295241831, why: 'raw' }] };

describe('parseNumber', () => {
  it('reads numbers as people type them', () => {
    expect(parseNumber('1,460')).toBe(1460);
    expect(parseNumber(' 1 460 ')).toBe(1460);
    expect(parseNumber('0x12')).toBe(18);
    expect(parseNumber('+4.5')).toBe(4.5);
    expect(parseNumber('1e3')).toBe(1000);
  });
  it('refuses what is not a number', () => {
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('twelve')).toBeNaN();
    expect(parseNumber('12 bytes')).toBeNaN();
  });
});

describe('checkAnswer', () => {
  it('accepts the answer, however it is written', () => {
    expect(checkAnswer('214', ack)).toEqual({ correct: true });
    expect(checkAnswer(' 214 ', ack)).toEqual({ correct: true });
  });
  it('says when the raw number was typed for a relative one', () => {
    expect(checkAnswer('1295241831', ack)).toEqual({ correct: false, why: 'raw' });
    expect(checkAnswer('1,295,241,831', ack)).toEqual({ correct: false, why: 'raw' });
  });
  it('tells empty, not-a-number and plain wrong apart', () => {
    expect(checkAnswer('', ack)).toEqual({ correct: false, why: 'empty' });
    expect(checkAnswer('abc', ack)).toEqual({ correct: false, why: 'not-a-number' });
    expect(checkAnswer('213', ack)).toEqual({ correct: false, why: 'wrong' });
  });
  it('applies the tolerance on both sides, and no further', () => {
    const rtt: AnswerKey = { kind: 'number', values: [0.2], tolerance: 0.01, near: [] };
    expect(checkAnswer('0.19', rtt).correct).toBe(true);
    expect(checkAnswer('0.21', rtt).correct).toBe(true);
    expect(checkAnswer('0.22', rtt).correct).toBe(false);
    expect(checkAnswer('0.189', rtt).correct).toBe(false);
  });
  it('compares text answers without case or extra spaces', () => {
    const text: AnswerKey = { kind: 'text', values: ['10.77.0.2'], tolerance: 0, near: [] };
    expect(checkAnswer(' 10.77.0.2 ', text).correct).toBe(true);
    expect(checkAnswer('10.77.0.1', text).correct).toBe(false);
    expect(checkAnswer('Port  Unreachable.', { ...text, values: ['port unreachable'] }).correct).toBe(true);
  });
});

describe('choice, order, flags and found fields', () => {
  it('wants exactly the right options', () => {
    expect(checkChoice([2, 0, 1], [0, 1, 2])).toBe(true);
    expect(checkChoice([0, 1], [0, 1, 2])).toBe(false);
    expect(checkChoice([0, 1, 2, 3], [0, 1, 2])).toBe(false);
  });
  it('wants every step in its place', () => {
    expect(checkOrder([0, 1, 2, 3])).toBe(true);
    expect(checkOrder([1, 0, 2, 3])).toBe(false);
  });
  it('compares only the flags the form offers', () => {
    expect(checkFlags(0x12, 0x12)).toBe(true);
    expect(checkFlags(0x10, 0x12)).toBe(false);
    // ECN bits are not asked, so they do not count.
    expect(checkFlags(0x02, 0xc2)).toBe(true);
  });
  it('accepts the field by name or by its exact bytes, in the right frame', () => {
    const target = { frame: 1, field: 'tcp.options.wscale.shift', offset: 73, length: 1 };
    expect(checkFound({ frame: 1, field: 'tcp.options.wscale.shift' }, target)).toBe(true);
    expect(checkFound({ frame: 1, field: 'tcp.options.wscale.multiplier', offset: 73, length: 1 }, target)).toBe(true);
    expect(checkFound({ frame: 1, field: 'tcp.options.wscale', offset: 71, length: 3 }, target)).toBe(false);
    expect(checkFound({ frame: 2, field: 'tcp.options.wscale.shift' }, target)).toBe(false);
    expect(checkFound(undefined, target)).toBe(false);
  });
});
