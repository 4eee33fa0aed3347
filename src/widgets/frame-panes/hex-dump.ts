// A frame's bytes as text: the hex pane's cells, and "copy as hex dump" in the
// form text2pcap reads back (offset, two spaces, bytes; no ASCII column, whose
// characters could be mistaken for more hex).

export const BYTES_PER_LINE = 16;

/** One byte as two lower-case hex digits. */
export function hexByte(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16);
}

/** The ASCII pane's character for a byte: printable ASCII as itself, anything else as a dot. */
export function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/** A line's offset as four (or more) hex digits, as Wireshark and text2pcap write it. */
export function offsetText(offset: number, total = 0): string {
  const digits = Math.max(4, Math.max(total - 1, 0).toString(16).length);
  return offset.toString(16).padStart(digits, '0');
}

/** `0000  45 00 00 34 ...` lines, 16 bytes each, ending with a newline. */
export function hexDump(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += BYTES_PER_LINE) {
    const line: string[] = [];
    for (let i = at; i < Math.min(at + BYTES_PER_LINE, bytes.length); i++) line.push(hexByte(bytes[i]));
    out += `${offsetText(at, bytes.length)}  ${line.join(' ')}\n`;
  }
  return out;
}
