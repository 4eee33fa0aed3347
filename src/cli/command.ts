// What every command module provides, and the I/O it writes to.

import type { OptionSpec, Parsed } from './args.ts';
import type { Output } from './output.ts';

export interface Io {
  /** Standard output, buffered. */
  out: Output;
  /** One line to standard error (no trailing newline needed). */
  err(line: string): void;
}

export interface Command {
  name: string;
  /** One line for `wirebook --help`. */
  summary: string;
  /** Full help for `wirebook CMD --help`. */
  help: string;
  options: OptionSpec[];
  /** Returns the exit code: 0 done, 1 damaged input, 2 usage error or missing file. */
  run(args: Parsed, io: Io): number;
}

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_DAMAGED = 1;
export const EXIT_USAGE = 2;
