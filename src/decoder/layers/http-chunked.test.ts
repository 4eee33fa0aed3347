// The chunked transfer coding of RFC 9112 section 7.1 (the whole capture path
// is held to tshark by the golden tests: reassembly.pcapng frame 13).
import { describe, expect, it } from 'vitest';
import { dechunk } from './http-chunked.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : b);

describe('dechunk', () => {
  it('joins the chunks, reading sizes in hex and skipping extensions and trailers', () => {
    const body = bytes('4\r\nWiki\r\n6;name=value\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n');
    expect(text(dechunk(body, 0, body.length))).toBe('Wikipedia in \r\n\r\nchunks.');
  });

  it('gives nothing for framing that is cut or broken', () => {
    const cut = bytes('5\r\nhel');
    expect(dechunk(cut, 0, cut.length)).toBeUndefined();
    const bad = bytes('zz\r\nhello\r\n0\r\n\r\n');
    expect(dechunk(bad, 0, bad.length)).toBeUndefined();
    const noEnd = bytes('5\r\nhello\r\n');
    expect(dechunk(noEnd, 0, noEnd.length)).toBeUndefined();
  });
});
