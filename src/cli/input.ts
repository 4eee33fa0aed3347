// Reading a capture file piecewise, so memory stays flat however large the file.

import { closeSync, openSync, readSync, statSync } from 'node:fs';

const CHUNK_SIZE = 1 << 20;

/** A source of capture bytes that can be read more than once (two-pass reading). */
export type ChunkSource = () => Iterable<Uint8Array>;

/**
 * The file's bytes, chunk by chunk. By default each chunk is a fresh buffer,
 * so views of earlier frames stay valid; with `reuse`, one buffer is read
 * into again and again (less memory), for callers that keep no views of a
 * chunk's frames once they have handled them.
 */
export function fileChunks(path: string, chunkSize = CHUNK_SIZE, opts: { reuse?: boolean } = {}): ChunkSource {
  return function* () {
    const fd = openSync(path, 'r');
    const shared = opts.reuse ? new Uint8Array(chunkSize) : undefined;
    try {
      for (;;) {
        const buf = shared ?? new Uint8Array(chunkSize);
        let filled = 0;
        while (filled < chunkSize) {
          const n = readSync(fd, buf, filled, chunkSize - filled, null);
          if (n === 0) break;
          filled += n;
        }
        if (filled === 0) return;
        yield filled === chunkSize ? buf : buf.subarray(0, filled);
        if (filled < chunkSize) return;
      }
    } finally {
      closeSync(fd);
    }
  };
}

/** Bytes already in memory, as a source (cut into chunks to exercise the streaming path). */
export function bytesChunks(bytes: Uint8Array, chunkSize = CHUNK_SIZE): ChunkSource {
  return function* () {
    for (let off = 0; off < bytes.length; off += chunkSize) yield bytes.subarray(off, off + chunkSize);
  };
}

export type FileProblem = { kind: 'missing' | 'directory' | 'unreadable'; message: string };

/** Why a path cannot be read as a capture, or undefined when it can. */
export function checkFile(path: string): FileProblem | undefined {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { kind: 'directory', message: 'is a directory, not a capture file' };
    const fd = openSync(path, 'r');
    closeSync(fd);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'unreadable', message: 'permission denied' };
    return { kind: 'unreadable', message: (e as Error).message };
  }
}
