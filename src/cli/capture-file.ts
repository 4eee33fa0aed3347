// Opening the capture named on the command line, with the messages and exit
// codes every command shares.

import type { CaptureError } from '../decoder/types.ts';
import type { Io } from './command.ts';
import { EXIT_DAMAGED, EXIT_USAGE } from './command.ts';
import { checkFile, fileChunks } from './input.ts';
import type { ChunkSource } from './input.ts';

/**
 * The file's chunks, or an exit code after printing why it cannot be read.
 * `reuse`: read every chunk into the same buffer (for commands that keep
 * nothing of a frame once it is printed).
 */
export function openCapture(path: string, io: Io, reuse = false): ChunkSource | number {
  const problem = checkFile(path);
  if (problem) {
    io.err(`wirebook: ${path}: ${problem.message}`);
    return EXIT_USAGE;
  }
  return fileChunks(path, undefined, { reuse });
}

/** Prints a damaged file's problem (after the frames that could be read); returns the exit code. */
export function reportDamage(path: string, error: CaptureError | undefined, io: Io): number {
  if (!error) return 0;
  io.err(`wirebook: ${path}: ${error.message} at byte ${error.offset}`);
  return EXIT_DAMAGED;
}
