// The files a visitor may drop on "Open your own capture": a recording whose
// names and headers are HTML markup, a capture cut short, and a file that is
// no capture at all. The decoder must hand markup back as plain text, byte for
// byte (the page escapes it), and read damaged files as far as they go.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { findAll, findField } from '../../src/decoder/dissect.ts';
import type { Field } from '../../src/decoder/types.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/captures');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

const SCRIPT_NAME = '<script>alert(1)</script>.example.com';
const IMG_NAME = '<img src=x onerror=alert(2)>.example.com';

/** Every field of a frame, depth first. */
function flatten(tree: readonly Field[], out: Field[] = []): Field[] {
  for (const f of tree) {
    out.push(f);
    if (f.children) flatten(f.children, out);
  }
  return out;
}

describe('hostile-names.pcapng (markup in DNS names and HTTP headers)', () => {
  const capture = openCapture(fixture('hostile-names.pcapng'));

  it('reads every frame without error', () => {
    expect(capture.error).toBeUndefined();
    expect(capture.frames).toHaveLength(14);
    expect(capture.summaries().some((r) => r.malformed)).toBe(false);
  });

  it('gives DNS query names with their markup exactly, in queries and responses', () => {
    const names = [1, 2, 3, 4].map((n) => findField(capture.dissect(n).tree, 'dns.qry.name')?.show);
    expect(names).toEqual([SCRIPT_NAME, SCRIPT_NAME, IMG_NAME, IMG_NAME]);
    expect(findField(capture.dissect(1).tree, 'dns.qry.name')!.display).toBe(`Name: ${SCRIPT_NAME}`);
    // The label itself is 25 bytes on the wire: length byte, then the markup as is.
    const data = capture.data(1);
    const at = findField(capture.dissect(1).tree, 'dns.qry.name')!.offset;
    expect(data[at]).toBe(25);
    expect(new TextDecoder().decode(data.subarray(at + 1, at + 26))).toBe('<script>alert(1)</script>');
  });

  it("follows the answer's compression pointer back to the same markup name", () => {
    for (const [n, name] of [
      [2, SCRIPT_NAME],
      [4, IMG_NAME],
    ] as const) {
      const resp = findAll(capture.dissect(n).tree, 'dns.resp.name');
      expect(resp.map((f) => f.show)).toEqual([name]);
      expect(resp[0].length).toBe(2); // a pointer, not the name again
      expect(findField(capture.dissect(n).tree, 'dns.a')?.show).toBe('192.0.2.66');
    }
    const id = findField(capture.dissect(2).tree, 'dns.id')!.show;
    expect(capture.summaries()[1].info).toBe(`Standard query response ${id} A ${SCRIPT_NAME} A 192.0.2.66`);
  });

  it('gives HTTP request headers with their markup exactly', () => {
    const tree = capture.dissect(8).tree;
    expect(findField(tree, 'http.user_agent')?.show).toBe('<script>alert(3)</script>');
    expect(findField(tree, 'http.user_agent')?.display).toBe('User-Agent: <script>alert(3)</script>\\r\\n');
    // No registered field for X-Note: Wireshark shows it as a plain header line.
    const lines = flatten(tree).map((f) => f.display);
    expect(lines).toContain('X-Note: <img src=x onerror=alert(4)>\\r\\n');
  });

  it("gives the HTTP response's Server header and body with their markup exactly", () => {
    const tree = capture.dissect(10).tree;
    expect(findField(tree, 'http.response.code')?.show).toBe('200');
    expect(findField(tree, 'http.server')?.show).toBe('<b onmouseover=alert(5)>bold</b>');
    expect(findField(tree, 'http.file_data')?.show).toBe('<!doctype html><title>hi</title><p>hello</p><script>alert(6)</script>\\n');
    const body = findField(tree, 'data-text-lines')!;
    expect(body.children?.map((f) => f.display)).toEqual(['<!doctype html><title>hi</title><p>hello</p><script>alert(6)</script>\\n']);
  });
});

describe('damaged.pcapng (tcp-http cut inside its 7th packet block)', () => {
  const bytes = fixture('damaged.pcapng');
  const capture = openCapture(bytes);
  const whole = openCapture(fixture('../../../captures/recorded/tcp-http.pcapng'));

  it("keeps the 6 complete frames, identical to the recording's first 6", () => {
    expect(capture.frames).toHaveLength(6);
    for (let n = 1; n <= 6; n++) expect(capture.data(n)).toEqual(whole.data(n));
    // Frame 6 opens an HTTP response whose later segments were cut off: as in
    // tshark -2, it is a segment of a PDU that never completes, not HTTP.
    expect(capture.summaries()).toEqual(whole.summaries().slice(0, 6));
    expect(capture.summary(6).info).toMatch(/\[TCP segment of a reassembled PDU\]$/);
  });

  it('reports the damage with a message and the offset of the cut block', () => {
    const error = capture.error!;
    expect(error).toBeDefined();
    // The 7th block starts right after the 6th frame's block (data, padding to 4 bytes, options-free trailer of 4).
    const last = capture.frames[5];
    const blockStart = last.dataOffset + Math.ceil(last.capLen / 4) * 4 + 4;
    expect(error.offset).toBe(blockStart);
    expect(error.offset).toBe(2456);
    expect(error.offset).toBeLessThan(bytes.length);
    expect(error.message).toBe(`file ends inside a 88-byte Enhanced Packet Block at offset 2456: only ${bytes.length - 2456} bytes present`);
  });
});

describe('not-a-capture.txt', () => {
  it('yields no frames and an error that says what the file starts with', () => {
    const capture = openCapture(fixture('not-a-capture.txt'));
    expect(capture.frames).toHaveLength(0);
    expect(capture.summaries()).toEqual([]);
    expect(capture.error?.offset).toBe(0);
    expect(capture.error?.message).toMatch(/^not a pcap or pcapng file: the first 4 bytes are 0x54686573/);
  });
});
