// Every capture file in the repository (the course's, the test fixtures, the
// decoder's test data), for tests that must hold on all of them.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function capturesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...capturesUnder(p));
    else if (/\.pcap(ng)?$/.test(name)) out.push(p);
  }
  return out;
}

export interface RepositoryCapture {
  /** Path from the repository root. */
  path: string;
  bytes: Uint8Array;
}

export function repositoryCaptures(): RepositoryCapture[] {
  return [join(ROOT, 'captures'), join(ROOT, 'test', 'fixtures'), join(ROOT, 'src', 'decoder')]
    .flatMap(capturesUnder)
    .sort()
    .map((path) => ({ path: path.slice(ROOT.length + 1), bytes: new Uint8Array(readFileSync(path)) }));
}
