// `wirebook capture record SCENARIO [-o FILE]`: runs captures/record/record.sh,
// which records real traffic between network namespaces it creates (so it
// needs root); `--list` names the scenarios without recording anything.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parsed } from '../args.ts';
import type { Io } from '../command.ts';
import { EXIT_OK, EXIT_USAGE } from '../command.ts';

export const RECORD_HELP = `usage: wirebook capture record SCENARIO [-o FILE.pcapng]
       wirebook capture record --list

Record a scenario: real TCP/UDP/ARP traffic between Linux network namespaces
that captures/record/record.sh creates and removes again (no packet leaves
them). Writes captures/recorded/SCENARIO.pcapng unless -o names a file.
Needs root, for the namespaces and the packet capture:
  sudo npx wirebook capture record tcp-http
Scenarios are captures/record/scenarios/NAME.sh; captures/record/README.md
says how to add one ("Adding a scenario").

Options:
  -o, --output FILE   the pcapng file to write
  --list              list the scenarios and what each shows
  --root DIR          the Wirebook repository (default: this program's own)
  -h, --help          this help

Exit status: 0 recorded, 1 the recording failed, 2 usage error, unknown
scenario, or not root.
`;

/** What recording touches outside the process: injectable so tests never record. */
export interface RecordDeps {
  /** The effective user id (0 is root). */
  uid(): number;
  /** Runs a program with the terminal; returns its exit status. */
  run(program: string, args: string[]): number;
}

const systemRecordDeps: RecordDeps = {
  uid: () => process.geteuid?.() ?? -1,
  run: (program, args) => spawnSync(program, args, { stdio: 'inherit' }).status ?? 1,
};

const OWN_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Scenario {
  name: string;
  description: string;
}

/** The scenarios in captures/record/scenarios/, with their DESCRIPTION lines. */
export function listScenarios(root: string): Scenario[] {
  const dir = join(root, 'captures', 'record', 'scenarios');
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.sh'))
      .sort();
  } catch {
    return [];
  }
  return names.map((f) => ({
    name: f.slice(0, -3),
    description: /^DESCRIPTION="(.*)"\s*$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? '',
  }));
}

export function runRecord(args: Parsed, io: Io, deps: RecordDeps = systemRecordDeps): number {
  const root = resolve(typeof args.options.root === 'string' ? args.options.root : OWN_ROOT);
  const scenarios = listScenarios(root);
  const fail = (message: string, hint?: string) => {
    io.err(`wirebook capture record: ${message}`);
    if (hint) io.err(`hint: ${hint}`);
    return EXIT_USAGE;
  };
  if (scenarios.length === 0) return fail(`no scenarios in ${join(root, 'captures/record/scenarios')}`, 'run it in the repository, or give --root');
  if (args.options.list === true) {
    const width = Math.max(...scenarios.map((s) => s.name.length));
    for (const s of scenarios) io.out.write(`${s.name.padEnd(width)}  ${s.description}\n`);
    return EXIT_OK;
  }
  const [, name, ...extra] = args.positionals;
  if (!name || extra.length)
    return fail(name ? `one scenario, please (got ${1 + extra.length})` : 'no scenario given', "run 'wirebook capture record --list' for the scenarios");
  if (!scenarios.some((s) => s.name === name)) return fail(`no scenario named '${name}'`, "run 'wirebook capture record --list' for the scenarios");
  const output = typeof args.options.output === 'string' ? resolve(args.options.output) : undefined;
  if (deps.uid() !== 0) {
    return fail(
      'recording needs root: it creates network namespaces and virtual links, and captures packets on them',
      `run it with sudo: sudo npx wirebook capture record ${name}${output ? ` -o ${args.options.output}` : ''}`,
    );
  }
  const script = join(root, 'captures', 'record', 'record.sh');
  const status = deps.run('bash', output ? [script, name, output] : [script, name]);
  return status === 0 ? EXIT_OK : 1;
}
