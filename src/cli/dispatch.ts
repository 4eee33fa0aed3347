// Dispatch for the wirebook command line: help, version, a command's options
// and its run, over whichever commands are loaded. main.ts has the full table;
// a process started for one command loads only that one (commands-for.ts).

import { readFileSync } from 'node:fs';
import { nearest, parseArgs, UsageError } from './args.ts';
import type { Command, Io } from './command.ts';
import { EXIT_OK, EXIT_USAGE } from './command.ts';
import { fdOutput } from './output.ts';

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return String(pkg.version);
  } catch {
    return 'unknown';
  }
}

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: wirebook COMMAND [OPTIONS] FILE',
    '',
    'Read pcap and pcapng captures as Wireshark does (same field names, same values).',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    "  -h, --help     show this help, or a command's help: wirebook COMMAND --help",
    '  -V, --version  print the version',
    '',
    'Exit status: 0 success, 1 damaged capture (the frames before the damage are',
    'still printed), 2 usage error or unreadable file.',
    '',
  ].join('\n');
}

/** Runs the CLI over `commands`; returns the exit code. */
export function dispatch(argv: readonly string[], io: Io, commands: readonly Command[]): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const cmd = topic ? commands.find((c) => c.name === topic) : undefined;
    if (topic && !cmd) return usageError(`unknown command '${topic}'`, io, hintFor(topic, commands));
    io.out.write(cmd ? cmd.help : mainHelp(commands));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === '-V' || first === '--version') {
    io.out.write(`wirebook ${version()}\n`);
    return EXIT_OK;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    if (first.startsWith('-')) return usageError(`unknown option '${first}'`, io, "run 'wirebook --help' for the options");
    return usageError(`unknown command '${first}'`, io, hintFor(first, commands));
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out.write(cmd.help);
    return EXIT_OK;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(rest, cmd.options, cmd.name);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message, io, `run 'wirebook ${cmd.name} --help' for its options`);
    throw e;
  }
  return cmd.run(parsed, io);
}

function hintFor(word: string, commands: readonly Command[]): string {
  const guess = nearest(
    word,
    commands.map((c) => c.name),
  );
  return guess ? `did you mean 'wirebook ${guess}'? (run 'wirebook --help' for the commands)` : "run 'wirebook --help' for the commands";
}

function usageError(message: string, io: Io, hint: string): number {
  io.err(`wirebook: ${message}`);
  io.err(`hint: ${hint}`);
  return EXIT_USAGE;
}

/** Runs the CLI as a process over `commands`: real stdout/stderr, and the exit code set. */
export function runProcess(argv: readonly string[], commands: readonly Command[]): void {
  const out = fdOutput(1);
  const io: Io = { out, err: (line) => process.stderr.write(line + '\n') };
  let code: number;
  try {
    code = dispatch(argv, io, commands);
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
