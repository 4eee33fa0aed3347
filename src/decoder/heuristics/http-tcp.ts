// Wireshark's http_tcp heuristic (packet-http.c, dissect_http_heur_tcp, as
// tshark 4.0 has it): the payload's first line, ended by CR, LF or CRLF,
// starts or ends with "HTTP/1." (any case) and is not 8 bytes long. Its
// checks are reproduced as they are, odd corners included, so that the same
// payloads are taken for HTTP.

const TOKEN = 'HTTP/1.';

/**
 * The first line's length, or -1 when no line end is in the bytes (a CR as the
 * last byte counts as none: an LF may follow in the next segment).
 */
function firstLineLength(data: Uint8Array, offset: number, end: number): number {
  // Native searches: the test runs on every segment of a conversation no port binds.
  const lf = data.indexOf(0x0a, offset);
  const cr = data.indexOf(0x0d, offset);
  const i = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (i < 0 || i >= end) return -1;
  if (data[i] === 0x0a) return i - offset;
  return i + 1 < end ? i - offset : -1;
}

/** TOKEN, any case, at `at` (counted from the end of the bytes when negative, as Wireshark's buffers do). */
function tokenAt(data: Uint8Array, offset: number, end: number, at: number): boolean {
  const length = end - offset;
  const from = at < 0 ? length + at : at;
  if (from < 0 || from + TOKEN.length > length) return false;
  for (let i = 0; i < TOKEN.length; i++) {
    let b = data[offset + from + i];
    if (b >= 0x61 && b <= 0x7a) b -= 0x20;
    if (b !== TOKEN.charCodeAt(i)) return false;
  }
  return true;
}

export function httpOverTcp(data: Uint8Array, offset: number, end: number): boolean {
  const stop = Math.min(end, data.length);
  const line = firstLineLength(data, offset, stop);
  if (line === -1 || line === 8) return false;
  return tokenAt(data, offset, stop, line - 8) || tokenAt(data, offset, stop, 0);
}
