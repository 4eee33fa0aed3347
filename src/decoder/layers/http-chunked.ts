// HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1): the body is a run of
// chunks, each a hex size line then that many bytes and CRLF, ended by a chunk
// of size 0 (and optional trailer lines up to an empty one). Wireshark shows
// the de-chunked bytes as their own data source, which the body's dissector reads.

export const DECHUNKED = 'De-chunked entity body';

/** The body's bytes without the chunk framing; undefined when the framing is broken or cut. */
export function dechunk(data: Uint8Array, from: number, to: number): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let at = from;
  for (;;) {
    let e = at;
    while (e + 1 < to && !(data[e] === 0x0d && data[e + 1] === 0x0a)) e++;
    if (e + 1 >= to) return undefined;
    // A chunk extension (";name=value") may follow the size.
    let sizeEnd = at;
    while (sizeEnd < e && data[sizeEnd] !== 0x3b) sizeEnd++;
    const hex = String.fromCharCode(...data.subarray(at, sizeEnd)).trim();
    if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
    const size = Number.parseInt(hex, 16);
    at = e + 2;
    if (size === 0) break;
    if (at + size + 2 > to) return undefined;
    parts.push(data.subarray(at, at + size));
    at += size + 2;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
