// `wirebook follow tcp|udp ascii|hex|raw N FILE` (or `-z follow,tcp,ascii,N`):
// one TCP or UDP stream's payload, as `tshark -q -z follow,...` prints it.

import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { printViews, viewsOf } from '../views.ts';

const HELP = `usage: wirebook follow tcp|udp ascii|hex|raw STREAM FILE
       wirebook follow -z follow,tcp|udp,ascii|hex|raw,STREAM FILE

Print one TCP or UDP stream's payload, both directions, byte for byte as
  tshark -r FILE -2 -q -z follow,PROTO,MODE,STREAM
prints it. STREAM is the stream index (tcp.stream or udp.stream). Node 0 is
the sender of the stream's first frame; its blocks start at the margin,
node 1's are indented by a tab.

TCP bytes are shown as the receiving application got them: in sequence order,
retransmitted bytes once, and bytes the capture lost (but the receiver
acknowledged) as "[N bytes missing in capture file]." UDP shows every
datagram.

Modes:
  ascii   each segment's length, then its bytes: printable ASCII, CR and LF
          as themselves, every other byte as '.'
  hex     a hex dump, offsets counted per node
  raw     each segment's bytes as plain hex, one line each

Options:
  -z ARG      the view as tshark's -z names it (instead of the three words)
  -h, --help  this help

Example:
  wirebook follow tcp ascii 0 capture.pcapng
`;

export const followCommand: Command = {
  name: 'follow',
  summary: "one TCP or UDP stream's payload (like tshark -z follow,tcp,ascii,N)",
  help: HELP,
  options: [{ name: 'z', short: 'z', value: true }],
  run(args, io: Io): number {
    const z = args.options.z as string | undefined;
    const p = args.positionals;
    const want = z ? 1 : 4;
    if (p.length !== want || (z && !z.startsWith('follow,'))) {
      io.err(`wirebook follow: expected ${z ? 'follow,PROTO,MODE,STREAM and a file' : 'PROTO MODE STREAM FILE'}`);
      io.err("hint: e.g. 'wirebook follow tcp ascii 0 FILE'; run 'wirebook follow --help' for usage");
      return EXIT_USAGE;
    }
    const views = viewsOf('follow', [z ?? `follow,${p.slice(0, 3).join(',')}`], io);
    if (typeof views === 'number') return views;
    return printViews(p[p.length - 1], views, io);
  },
};
