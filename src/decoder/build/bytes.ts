// Text forms of addresses and byte strings, turned into bytes. Each parser
// returns undefined for text it does not accept; the spec reader says why.

/** "70 5d cc 65", "705dcc65", "70:5d:cc:65" (spaces, colons and line breaks between bytes are ignored). */
export function parseHex(text: string): Uint8Array | undefined {
  const digits = text.replace(/[\s:]/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(digits)) return undefined;
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A hex dump as Wireshark prints it ("0000  70 5d ... p].ee.H_"): the offset column and the ASCII column are dropped. */
export function parseHexDump(text: string): Uint8Array | undefined {
  const parts: number[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*([0-9a-fA-F]{4,8})\s{1,2}((?:[0-9a-fA-F]{2}\s?){1,16})/.exec(line);
    if (!m) {
      if (line.trim() === '') continue;
      return undefined;
    }
    if (parseInt(m[1], 16) !== parts.length) return undefined;
    for (const b of m[2].trim().split(/\s+/)) parts.push(parseInt(b, 16));
  }
  return Uint8Array.from(parts);
}

export function parseMac(text: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/.test(text)) return undefined;
  return Uint8Array.from(text.split(/[:-]/).map((b) => parseInt(b, 16)));
}

export function parseIpv4(text: string): Uint8Array | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const b = m.slice(1).map(Number);
  return b.every((x) => x <= 255) ? Uint8Array.from(b) : undefined;
}

export function parseIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function putU16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 0xff;
  b[at + 1] = v & 0xff;
}

export function putU32(b: Uint8Array, at: number, v: number): void {
  putU16(b, at, Math.floor(v / 0x10000) & 0xffff);
  putU16(b, at + 2, v & 0xffff);
}

/** `pattern` repeated and cut to exactly `length` bytes. */
export function fill(pattern: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  if (pattern.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = pattern[i % pattern.length];
  return out;
}
