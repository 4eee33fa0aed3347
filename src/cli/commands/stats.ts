// `wirebook stats VIEW FILE`: conversation tables, the protocol hierarchy and
// the expert summary, as `tshark -q -z VIEW` prints them.

import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { printViews, viewsOf } from '../views.ts';

const HELP = `usage: wirebook stats VIEW FILE
       wirebook stats -z VIEW [-z VIEW]... FILE

Print statistics of the whole capture, byte for byte as
  tshark -r FILE -2 -q -z VIEW
prints them (relative times; several -z views are printed in the order given).

Views:
  conv,eth | conv,ip | conv,ipv6 | conv,tcp | conv,udp
          conversations: frames and bytes each way ("->" from the first
          address to the second, which sent the conversation's first frame),
          start relative to the first frame and duration in seconds
  io,phs  protocol hierarchy: frames and bytes under each protocol
  expert  expert information: every item counted by severity, group,
          protocol and summary (connection establish and finish, HTTP request
          and response lines, retransmissions, bad checksums, comments...)
  follow,tcp|udp,ascii|hex|raw,N
          one stream's payload (the same as wirebook follow)

Options:
  -z VIEW     a view to print (repeatable)
  -h, --help  this help

Examples:
  wirebook stats conv,tcp capture.pcapng
  wirebook stats -z io,phs -z expert capture.pcapng
`;

export const statsCommand: Command = {
  name: 'stats',
  summary: 'conversations, protocol hierarchy, expert summary (like tshark -z conv,tcp)',
  help: HELP,
  options: [{ name: 'z', short: 'z', value: true, repeat: true }],
  run(args, io: Io): number {
    const zs = (args.options.z as string[] | undefined) ?? [];
    const p = args.positionals;
    const names = zs.length ? zs : p.slice(0, -1);
    if (p.length !== (zs.length ? 1 : 2) || names.length === 0) {
      io.err(`wirebook stats: expected ${zs.length ? 'one capture file after the -z views' : 'VIEW FILE'}`);
      io.err("hint: e.g. 'wirebook stats conv,tcp FILE'; run 'wirebook stats --help' for the views");
      return EXIT_USAGE;
    }
    const views = viewsOf('stats', names, io);
    if (typeof views === 'number') return views;
    return printViews(p[p.length - 1], views, io);
  },
};
