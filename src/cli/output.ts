// Output in large chunks: one write per ~1 MB instead of one per line, which
// is most of the difference between fast and slow text output in Node.

import { writeSync } from 'node:fs';

export interface Output {
  /** Append text; flushed when the buffer is full and by flush(). */
  write(text: string): void;
  /** Append UTF-8 bytes (copied before this returns). */
  writeBytes(bytes: Uint8Array): void;
  flush(): void;
  /** True once the reader went away (EPIPE, e.g. `| head`): stop producing. */
  readonly closed: boolean;
}

const FLUSH_AT = 1 << 20;

/**
 * Buffered output to a file descriptor (1 for stdout). Text is encoded into
 * one reused buffer as it arrives, so no long strings pile up.
 */
export function fdOutput(fd: number): Output {
  const buf = Buffer.allocUnsafe(FLUSH_AT);
  let used = 0;
  let closed = false;
  const writeAll = (bytes: Uint8Array) => {
    let off = 0;
    while (off < bytes.length && !closed) {
      try {
        off += writeSync(fd, bytes, off, bytes.length - off);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue; // non-blocking pipe: try again
        if (code === 'EPIPE') {
          closed = true; // the reader is gone (`| head`): nothing more to say
          return;
        }
        throw e;
      }
    }
  };
  const flush = () => {
    if (used > 0 && !closed) writeAll(buf.subarray(0, used));
    used = 0;
  };
  /** Makes room for `n` more bytes in the buffer; false when they could never fit (write them directly). */
  const room = (n: number): boolean => {
    if (used + n > buf.length) flush();
    return n <= buf.length;
  };
  return {
    write(text: string) {
      if (closed) return;
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (room(text.length * 3)) used += buf.write(text, used, 'utf8');
      else writeAll(Buffer.from(text, 'utf8'));
    },
    writeBytes(bytes: Uint8Array) {
      if (closed) return;
      if (!room(bytes.length)) return writeAll(bytes);
      buf.set(bytes, used);
      used += bytes.length;
    },
    flush,
    get closed() {
      return closed;
    },
  };
}

/** Collects everything in memory (tests). */
export function memoryOutput(): Output & { text(): string } {
  const parts: string[] = [];
  return {
    write: (t: string) => void parts.push(t),
    writeBytes: (b: Uint8Array) => void parts.push(new TextDecoder().decode(b)),
    flush() {},
    closed: false,
    text: () => parts.join(''),
  };
}
