// Running tshark the way regen.sh does, for the live golden test.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** tshark's version ("4.0.17"), or undefined when it is not on PATH. */
export function tsharkVersion(): string | undefined {
  const r = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return /TShark \(Wireshark\) ([\d.]+)/.exec(r.stdout)?.[1];
}

/** The same options as regen.sh: two passes, header line, all occurrences joined by ",", checksums verified. */
const TSHARK_ARGS = [
  '-2',
  '-T',
  'fields',
  '-E',
  'header=y',
  '-E',
  'occurrence=a',
  '-E',
  'aggregator=,',
  '-o',
  'ip.check_checksum:TRUE',
  '-o',
  'tcp.check_checksum:TRUE',
  '-o',
  'udp.check_checksum:TRUE',
];

/** tshark's `-T fields` output for a capture (UTC times, no personal preferences), of the frames `displayFilter` shows when given. */
export function tsharkFields(path: string, fields: readonly string[], displayFilter?: string): string {
  const config = mkdtempSync(join(tmpdir(), 'wirebook-tshark-'));
  try {
    const r = spawnSync('tshark', ['-r', path, ...TSHARK_ARGS, ...(displayFilter ? ['-Y', displayFilter] : []), ...fields.flatMap((f) => ['-e', f])], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, TZ: 'UTC', WIRESHARK_CONFIG_DIR: config },
    });
    if (r.status !== 0) throw new Error(`tshark failed on ${path}: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
}

/** tshark's `-q -z ARG` output for a capture, run as the fixtures are (two passes, checksums verified, UTC, no preferences). */
export function tsharkStat(path: string, z: string): string {
  const config = mkdtempSync(join(tmpdir(), 'wirebook-tshark-'));
  try {
    const r = spawnSync(
      'tshark',
      ['-r', path, '-2', '-q', '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE', '-z', z],
      {
        encoding: 'latin1',
        maxBuffer: 1 << 28,
        env: { ...process.env, TZ: 'UTC', WIRESHARK_CONFIG_DIR: config },
      },
    );
    if (r.status !== 0) throw new Error(`tshark -z ${z} failed on ${path}: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
}
