// The recorded capture the benchmark also runs on: the `bulk-download`
// scenario (captures/record/scenarios/bulk-download.sh), a 1 GB HTTP download
// between two network namespaces, about 100 MB of pcap. It is too big to
// commit, so it lives in .cache/bench/ and is recorded on first use when the
// benchmark runs as root; otherwise the benchmark says how to record it.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SCENARIO = 'bulk-download';

/** Where the recording is kept (the scenario's OUTPUT line). */
export function recordingPath(root: string): string {
  return join(root, '.cache', 'bench', `${SCENARIO}.pcap`);
}

/**
 * The recording's path, recording it first when absent and we are root; or
 * undefined, with `say` told why and how to record it.
 */
export function recordedCapture(root: string, say: (line: string) => void): string | undefined {
  const path = recordingPath(root);
  if (existsSync(path)) return path;
  const how = `sudo captures/record/record.sh ${SCENARIO}   (or: sudo npx wirebook capture record ${SCENARIO})`;
  if (process.getuid?.() !== 0) {
    say(`recorded capture: ${path} is missing and recording needs root; record it with\n  ${how}`);
    return undefined;
  }
  say(`recorded capture: ${path} is missing; recording it (about 20 s)`);
  const r = spawnSync('bash', [join(root, 'captures/record/record.sh'), SCENARIO], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(path)) {
    say(`recorded capture: recording failed (exit ${r.status}); try by hand:\n  ${how}`);
    return undefined;
  }
  return path;
}
