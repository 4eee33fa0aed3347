#!/usr/bin/env node
// wirebook: read packet captures from the command line, the way the site's
// decoder reads them. `wirebook --help` lists the commands; main.ts has them,
// and a process loads only the one it runs (commands-for.ts).
// `npx wirebook` starts at bin.mjs, which turns the compile cache on first.

import module from 'node:module';
import v8 from 'node:v8';

// Node strips the TypeScript types of every module at each start; the
// compile cache (in the system's temporary directory) keeps the result, which
// halves start-up time and saves the type stripper's memory. (Already on when
// started through bin.mjs.)
module.enableCompileCache?.();

// Reading a capture makes a great deal of short-lived garbage per frame and
// keeps little. Letting V8 grow its young generation only makes it promote
// more garbage into a larger old space: a fixed young generation keeps peak
// memory about 100 MB lower on large files, at no cost in speed.
v8.setFlagsFromString('--semi-space-growth-factor=1');

const argv = process.argv.slice(2);
const { commandsFor } = await import('./commands-for.ts');
const { runProcess } = await import('./dispatch.ts');
runProcess(argv, await commandsFor(argv[0]));
