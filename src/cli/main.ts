// The wirebook command line: the command table, help and dispatch. The
// executable entry point is wirebook.ts.

import { readFileSync } from 'node:fs';
import { nearest, parseArgs, UsageError } from './args.ts';
import type { Command, Io } from './command.ts';
import { EXIT_OK, EXIT_USAGE } from './command.ts';
import { captureCommand } from './commands/capture-dispatch.ts';
import { dissectCommand } from './commands/dissect.ts';
import { fieldsCommand } from './commands/fields.ts';
import { lessonCommand } from './commands/lesson-dispatch.ts';
import { fdOutput } from './output.ts';

export const COMMANDS: readonly Command[] = [fieldsCommand, dissectCommand, captureCommand, lessonCommand];

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: wirebook COMMAND [OPTIONS] FILE',
    '',
    'Read pcap and pcapng captures as Wireshark does (same field names, same values).',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help, or a command\'s help: wirebook COMMAND --help',
    '  -V, --version  print the version',
    '',
    'Exit status: 0 success, 1 damaged capture (the frames before the damage are',
    'still printed), 2 usage error or unreadable file.',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Tests call this with their own Io. */
export function main(argv: readonly string[], io: Io): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const cmd = topic ? COMMANDS.find((c) => c.name === topic) : undefined;
    if (topic && !cmd) return usageError(`unknown command '${topic}'`, io, hintFor(topic));
    io.out.write(cmd ? cmd.help : mainHelp());
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-V' || first === '--version') {
    io.out.write(`wirebook ${version()}\n`);
    return EXIT_OK;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    if (first.startsWith('-')) return usageError(`unknown option '${first}'`, io, "run 'wirebook --help' for the options");
    return usageError(`unknown command '${first}'`, io, hintFor(first));
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out.write(cmd.help);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs(rest, cmd.options, cmd.name);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message, io, `run 'wirebook ${cmd.name} --help' for its options`);
    throw e;
  }
  return cmd.run(parsed, io);
}

function hintFor(word: string): string {
  const guess = nearest(word, COMMANDS.map((c) => c.name));
  return guess ? `did you mean 'wirebook ${guess}'? (run 'wirebook --help' for the commands)` : "run 'wirebook --help' for the commands";
}

function usageError(message: string, io: Io, hint: string): number {
  io.err(`wirebook: ${message}`);
  io.err(`hint: ${hint}`);
  return EXIT_USAGE;
}

/** Runs the CLI as a process: real stdout/stderr, and the exit code set. */
export function runProcess(argv: readonly string[]): void {
  const out = fdOutput(1);
  const io: Io = { out, err: (line) => process.stderr.write(line + '\n') };
  let code: number;
  try {
    code = main(argv, io);
  } catch (e) {
    // Bad input never throws (the decoder marks it instead): this is a bug in wirebook.
    out.flush();
    process.stderr.write(`wirebook: internal error: ${(e as Error).message}\n`);
    if (process.env.WIREBOOK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    else process.stderr.write('(set WIREBOOK_DEBUG=1 to see where)\n');
    code = 70;
  }
  out.flush();
  process.exitCode = code;
}
