// `wirebook capture build|record|anonymise`: the capture command with its
// subcommands; each lives in its own file, this one only dispatches.
import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { ANONYMISE_HELP, runAnonymise } from './capture-anonymise.ts';
import { captureBuildCommand } from './capture-build.ts';
import { RECORD_HELP, runRecord } from './capture-record.ts';

/** Options each subcommand takes (the parser accepts their union). */
const OPTIONS_OF: Record<string, string[]> = {
  build: ['output', 'verbose'],
  record: ['output', 'list', 'root'],
  anonymise: ['output', 'map'],
};

export const captureCommand: Command = {
  name: 'capture',
  summary: 'capture build SPEC.yaml -o FILE | record SCENARIO | anonymise IN -o OUT: write, record or anonymise a capture',
  help: `${captureBuildCommand.help}\n${RECORD_HELP}\n${ANONYMISE_HELP}`,
  options: [
    { name: 'output', short: 'o', value: true },
    { name: 'verbose', short: 'v' },
    { name: 'list' },
    { name: 'root', value: true },
    { name: 'map', value: true },
  ],
  run(args, io: Io): number {
    const sub = args.positionals[0];
    const allowed = sub ? OPTIONS_OF[sub === 'anonymize' ? 'anonymise' : sub] : undefined;
    if (!sub || !allowed) {
      io.err(sub ? `wirebook capture: unknown subcommand '${sub}'` : 'wirebook capture: no subcommand given');
      io.err("hint: the subcommand is 'build', 'record' or 'anonymise': wirebook capture build SPEC.yaml -o FILE.pcapng");
      return EXIT_USAGE;
    }
    const stray = Object.keys(args.options).find((o) => !allowed.includes(o));
    if (stray) {
      io.err(`wirebook capture ${sub}: --${stray} is not one of its options`);
      io.err("hint: run 'wirebook capture --help' for each subcommand's options");
      return EXIT_USAGE;
    }
    if (sub === 'record') return runRecord(args, io);
    if (sub === 'anonymise' || sub === 'anonymize') return runAnonymise(args, io);
    return captureBuildCommand.run(args, io);
  },
};
