// Answers resolved from real captures, checked against tshark's own numbers.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { captureFacts } from '../../src/lib/quiz/capture-facts.ts';
import { resolveAnswer, toleranceOf } from '../../src/lib/quiz/resolve.ts';
import { parseExpression, evaluate } from '../../src/lib/quiz/expression.ts';

const file = (id: string) => `captures/recorded/${id}.pcapng`;
const facts = (id: string) => captureFacts(openCapture(new Uint8Array(readFileSync(file(id)))));
const http = facts('tcp-http');
const dns = facts('udp-dns');

/** One column of `tshark -T fields`, one entry per frame (two passes, as the analysis needs). */
function tshark(id: string, field: string): string[] {
  const out = execFileSync('tshark', ['-r', file(id), '-2', '-T', 'fields', '-e', field], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.trimEnd().split('\n');
}
const haveTshark = existsSync('/usr/bin/tshark');

describe.runIf(haveTshark)('capture facts agree with tshark', () => {
  for (const field of ['tcp.seq', 'tcp.ack', 'tcp.ack_raw', 'tcp.seq_raw', 'tcp.len', 'tcp.nxtseq', 'tcp.window_size', 'tcp.window_size_value', 'tcp.flags']) {
    it(`${field} in every frame of tcp-http`, () => {
      const expected = tshark('tcp-http', field);
      const actual = Array.from({ length: http.frameCount }, (_, i) => http.values(i + 1, field).join(','));
      expect(actual).toEqual(expected);
    });
  }
  it('udp.length and udp.dstport in udp-dns', () => {
    for (const field of ['udp.length', 'udp.dstport']) {
      expect(Array.from({ length: dns.frameCount }, (_, i) => dns.values(i + 1, field).join(','))).toEqual(tshark('udp-dns', field));
    }
  });
});

describe('resolveAnswer', () => {
  it('reads a field, relative by default, and offers the raw value as a near miss', () => {
    const raw = Number(tshark('tcp-http', 'tcp.ack_raw')[6]);
    const r = resolveAnswer({ frame: 7, field: 'tcp.ack' }, http);
    expect(r).toEqual({ ok: true, answer: { kind: 'number', values: [1461], tolerance: 0, near: [{ value: raw, why: 'raw' }] } });
  });

  it('asks for raw numbers when told, and then the relative one is the near miss', () => {
    const raw = Number(tshark('tcp-http', 'tcp.seq_raw')[5]);
    const r = resolveAnswer({ frame: 6, field: 'tcp.seq' }, http, { numbering: 'raw' });
    expect(r.ok && r.answer.values).toEqual([raw]);
    expect(r.ok && r.answer.near).toEqual([{ value: 1, why: 'relative' }]);
  });

  it('evaluates expressions over fields of several frames', () => {
    const r = resolveAnswer({ expr: 'frame 6 tcp.seq + tcp.len' }, http);
    expect(r.ok && r.answer.values).toEqual([1461]);
    // ... which is what frame 7 acknowledges.
    expect(http.values(7, 'tcp.ack')).toEqual(['1461']);
    const two = resolveAnswer({ expr: 'frame 12 tcp.nxtseq - frame 6 tcp.seq' }, http);
    expect(two.ok && two.answer.values).toEqual([4606]);
    const udp = resolveAnswer({ frame: 1, expr: 'udp.length - 8' }, dns);
    expect(udp.ok && udp.answer.values).toEqual([33]);
  });

  it('knows the unscaled window is a likely mistake for the calculated one', () => {
    const r = resolveAnswer({ frame: 7, field: 'tcp.window_size' }, http);
    expect(r.ok && r.answer.values).toEqual([Number(tshark('tcp-http', 'tcp.window_size')[6])]);
    expect(r.ok && r.answer.near).toContainEqual({ value: Number(tshark('tcp-http', 'tcp.window_size_value')[6]), why: 'unscaled' });
  });

  it('turns a non-numeric field into a text answer', () => {
    expect(resolveAnswer({ frame: 2, field: 'ip.src' }, dns)).toEqual({ ok: true, answer: { kind: 'text', values: ['10.77.0.2'], tolerance: 0, near: [] } });
  });

  it('keeps literal answers and their tolerance', () => {
    const r = resolveAnswer(0.2, undefined, { tolerance: '5%' });
    expect(r).toMatchObject({ ok: true, answer: { kind: 'number', values: [0.2], near: [] } });
    expect(r.ok && r.answer.tolerance).toBeCloseTo(0.01, 12);
    expect(resolveAnswer(['SYN', 'syn flag'], undefined)).toMatchObject({ ok: true, answer: { kind: 'text' } });
  });

  it('says why a reference does not resolve', () => {
    expect(resolveAnswer({ frame: 40, field: 'tcp.ack' }, http)).toEqual({ ok: false, error: 'frame 40 is not in the capture (it has 16 frames)' });
    expect(resolveAnswer({ frame: 3, field: 'tcp.options.wscale.shift' }, http)).toEqual({ ok: false, error: 'frame 3 has no field tcp.options.wscale.shift' });
    expect(resolveAnswer({ field: 'tcp.ack' }, http)).toMatchObject({ ok: false, error: expect.stringMatching(/names no frame/) });
    expect(resolveAnswer({ frame: 1, field: 'tcp.ack' }, undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/no capture/) });
    expect(resolveAnswer({ frame: 1, expr: 'tcp.seq +' }, http)).toMatchObject({ ok: false, error: expect.stringMatching(/missing a value/) });
    expect(resolveAnswer({ frame: 1, expr: 'ip.src + 1' }, http)).toMatchObject({ ok: false, error: expect.stringMatching(/not a number/) });
  });
});

describe('expressions', () => {
  it('follows precedence and parentheses, and reads hex', () => {
    const value = (text: string) => {
      const p = parseExpression(text, 1);
      if (!p.ok) throw new Error(p.error);
      return evaluate(p.expr, () => 10);
    };
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('0x10 - tcp.len')).toBe(6);
    expect(value('-tcp.len / 4')).toBe(-2.5);
  });

  it('does not take "frame.len" for the frame keyword', () => {
    const p = parseExpression('frame 3 frame.len', undefined);
    expect(p).toEqual({ ok: true, expr: { kind: 'field', frame: 3, name: 'frame.len' } });
  });

  it('reports text it cannot read', () => {
    expect(parseExpression('tcp.seq ? 1', 1)).toMatchObject({ ok: false });
    expect(parseExpression('frame x tcp.seq')).toMatchObject({ ok: false, error: expect.stringMatching(/cannot read "x tcp.seq"/) });
    expect(parseExpression('frame tcp.seq')).toMatchObject({ ok: false, error: expect.stringMatching(/followed by a frame number/) });
  });
});

describe('toleranceOf', () => {
  it('takes absolute numbers and shares of the answer', () => {
    expect(toleranceOf(0.5, 100)).toBe(0.5);
    expect(toleranceOf('2%', 200)).toBe(4);
    expect(toleranceOf(undefined, 5)).toBe(0);
  });
});
