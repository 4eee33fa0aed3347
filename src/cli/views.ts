// Shared by `wirebook follow` and `wirebook stats`: open the whole capture as
// the site does, print each `-z` view as tshark prints it, and report damage.

import { readFileSync } from 'node:fs';
import { openCapture as openWhole } from '../decoder/open-capture.ts';
import { parseZ, zViewText, type ZView } from '../decoder/stats/z-view.ts';
import type { Io } from './command.ts';
import { EXIT_USAGE } from './command.ts';
import { reportDamage } from './capture-file.ts';
import { checkFile } from './input.ts';

/** The views the arguments name, or an exit code after saying what is wrong. */
export function viewsOf(command: string, args: readonly string[], io: Io): ZView[] | number {
  const views: ZView[] = [];
  for (const arg of args) {
    const v = parseZ(arg);
    if ('error' in v) {
      io.err(`wirebook ${command}: ${v.error}`);
      io.err(`hint: run 'wirebook ${command} --help' for usage`);
      return EXIT_USAGE;
    }
    views.push(v);
  }
  return views;
}

export function printViews(path: string, views: readonly ZView[], io: Io): number {
  const problem = checkFile(path);
  if (problem) {
    io.err(`wirebook: ${path}: ${problem.message}`);
    return EXIT_USAGE;
  }
  // Each view walks the frames once, in order: a few dissections at a time is enough.
  const cap = openWhole(new Uint8Array(readFileSync(path)), { cacheLimit: 256 });
  for (const v of views) io.out.write(zViewText(cap, v));
  io.out.flush();
  return reportDamage(path, cap.error, io);
}
