// Writes content/ports/services.json from the system's services file, so the
// port lesson and its lookup read service names as data, not typed by hand.
//
//   node scripts/ports/build-services.ts [--from=/etc/services] [--out=content/ports/services.json]
//
// Debian's /etc/services comes from the netbase package (a curated subset of
// the IANA registry). The output has no timestamp: the same input gives the
// same file, so a regenerated file differs only when the source did.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headerOf, parseServices } from './parse-services.ts';

const root = join(import.meta.dirname, '../..');

function option(name: string, fallback: string): string {
  const hit = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

/** The installed netbase version from dpkg's status file, when there is one. */
function netbaseVersion(): string | undefined {
  const status = '/var/lib/dpkg/status';
  if (!existsSync(status)) return undefined;
  const block = readFileSync(status, 'utf8')
    .split(/\n\n/)
    .find((b) => /^Package: netbase$/m.test(b));
  return block ? /^Version: (.+)$/m.exec(block)?.[1] : undefined;
}

function main(): void {
  const from = option('from', '/etc/services');
  const out = option('out', join(root, 'content/ports/services.json'));
  if (!existsSync(from)) {
    console.error(
      `build-services: ${from} does not exist.\n` +
        `It comes from Debian's netbase package: install it (apt-get install netbase), ` +
        `or pass another services(5) file with --from=PATH.`,
    );
    process.exit(1);
  }
  const text = readFileSync(from, 'utf8');
  const { entries, skipped } = parseServices(text);
  if (entries.length === 0) {
    console.error(`build-services: ${from} has no "name port/protocol" lines; nothing written.`);
    process.exit(1);
  }
  for (const line of skipped) console.warn(`build-services: skipped ${line}`);
  const version = netbaseVersion();
  const data = {
    about:
      `Service names and port numbers from ${from}, the services file of Debian` +
      (version ? ` (package netbase ${version})` : ' (package netbase)') +
      ', a curated subset of the IANA Service Name and Transport Protocol Port Number Registry. ' +
      'Generated; do not edit by hand. Regenerate with: node scripts/ports/build-services.ts',
    source: from,
    netbase: version ?? null,
    sourceHeader: headerOf(text),
    registry: 'https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xhtml',
    count: entries.length,
    services: entries,
  };
  // One entry per line: readable diffs when netbase changes.
  const body = data.services.map((e) => '    ' + JSON.stringify(e)).join(',\n');
  const head = JSON.stringify({ ...data, services: [] }, null, 2).replace(/"services": \[\]\n\}$/, '');
  writeFileSync(out, `${head}"services": [\n${body}\n  ]\n}\n`);
  console.log(`build-services: ${entries.length} entries from ${from} -> ${out}`);
}

main();
