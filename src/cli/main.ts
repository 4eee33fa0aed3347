// The wirebook command line: the table of every command. The executable
// entry point is wirebook.ts; the dispatch (help, options, errors) is dispatch.ts.

import type { Command, Io } from './command.ts';
import { captureCommand } from './commands/capture-dispatch.ts';
import { dissectCommand } from './commands/dissect.ts';
import { fieldsCommand } from './commands/fields.ts';
import { followCommand } from './commands/follow.ts';
import { statsCommand } from './commands/stats.ts';
import { lessonCommand } from './commands/lesson-dispatch.ts';
import { dispatch } from './dispatch.ts';

export const COMMANDS: readonly Command[] = [fieldsCommand, dissectCommand, followCommand, statsCommand, captureCommand, lessonCommand];

/** Runs the CLI with every command; returns the exit code. Tests call this with their own Io. */
export function main(argv: readonly string[], io: Io): number {
  return dispatch(argv, io, COMMANDS);
}
