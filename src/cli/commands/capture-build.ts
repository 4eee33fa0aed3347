// `wirebook capture build SPEC.yaml -o FILE.pcapng`: writes a capture from a
// spec of frames given as field values (src/decoder/build/ does the work; this
// file reads the spec and writes the result).

import { readFileSync, writeFileSync } from 'node:fs';
import { buildCapture, formatProblem } from '../../decoder/build/build.ts';
import type { Command, Io } from '../command.ts';
import { EXIT_OK, EXIT_USAGE } from '../command.ts';

/** A spec that cannot be built (bad YAML, a wrong value, a failed expect:). */
const EXIT_BAD_SPEC = 1;

const HELP = `usage: wirebook capture build SPEC.yaml -o FILE.pcapng [--verbose]

Build a pcapng capture from a spec: a YAML list of frames given as field
values (Ethernet, IPv4/IPv6, UDP/TCP with options, ARP, DNS, payload) or as
raw bytes. Lengths and checksums are computed unless the spec forces a stored
value; every expect: {field: value} is checked against the built frame and
the build fails, naming the spec's file:line:column, if it does not hold.
Each frame's provenance (the spec's note:, the checks, the checksum status)
is written into its packet comment.

The format is described in captures/rebuilt/README.md.

Options:
  -o, --output FILE   the pcapng file to write (required)
  -v, --verbose       print each frame's comment
  -h, --help          this help

Exit status: 0 written, 1 the spec has a problem (nothing written), 2 usage
error or unreadable spec.

Example:
  wirebook capture build captures/rebuilt/report-arp.spec.yaml -o captures/rebuilt/report-arp.pcapng
`;

export const captureBuildCommand: Command = {
  name: 'capture',
  summary: 'capture build SPEC.yaml -o FILE: write a pcapng from a spec of frames',
  help: HELP,
  options: [
    { name: 'output', short: 'o', value: true },
    { name: 'verbose', short: 'v' },
  ],
  run(args, io: Io): number {
    const [sub, spec, ...extra] = args.positionals;
    if (sub !== 'build') {
      io.err(sub ? `wirebook capture: unknown subcommand '${sub}'` : 'wirebook capture: no subcommand given');
      io.err("hint: the subcommand is 'build': wirebook capture build SPEC.yaml -o FILE.pcapng");
      return EXIT_USAGE;
    }
    if (!spec || extra.length) {
      io.err(spec ? `wirebook capture build: one spec file, please (got ${1 + extra.length})` : 'wirebook capture build: no spec file given');
      io.err("hint: run 'wirebook capture --help' for usage");
      return EXIT_USAGE;
    }
    const output = args.options.output;
    if (typeof output !== 'string') {
      io.err('wirebook capture build: no output file: name it with -o FILE.pcapng');
      return EXIT_USAGE;
    }
    let text: string;
    try {
      text = readFileSync(spec, 'utf8');
    } catch (e) {
      io.err(`wirebook: ${spec}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
      return EXIT_USAGE;
    }
    const result = buildCapture(text, spec);
    if (result.problem || !result.bytes) {
      io.err(formatProblem(result.problem!));
      return EXIT_BAD_SPEC;
    }
    try {
      writeFileSync(output, result.bytes);
    } catch (e) {
      io.err(`wirebook: ${output}: ${(e as Error).message}`);
      return EXIT_USAGE;
    }
    if (args.options.verbose === true) for (const f of result.frames) io.out.write(`${f.spec.number}: ${f.comment}\n`);
    io.out.write(`${output}: ${result.frames.length} frames, ${result.bytes.length} bytes\n`);
    return EXIT_OK;
  },
};
