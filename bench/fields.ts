// Benchmark: `wirebook fields` against `tshark -T fields` on a ~100 MB capture.
//
//   node bench/fields.ts [--frames N] [--keep]
//
// Synthesizes a headers-only bulk TCP transfer (~700,000 frames) in the
// system's temporary directory, runs both tools on it with the same dozen
// fields, checks that they print the same bytes, and reports wall time,
// the speed ratio and peak memory (max RSS). The capture is deleted
// afterwards unless --keep is given; it is never committed.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBulkCapture } from './bulk-capture.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'src/cli/wirebook.ts');

const FIELDS = [
  'frame.number',
  'frame.time_relative',
  'frame.len',
  'eth.src',
  'ip.src',
  'ip.dst',
  'ip.id',
  'ip.ttl',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq',
  'tcp.ack',
  'tcp.len',
  'tcp.flags',
  'tcp.window_size_value',
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Run {
  seconds: number;
  /** User + system CPU seconds (from /usr/bin/time), steadier than wall time on a busy machine. */
  cpu: number | undefined;
  maxRssMb: number | undefined;
  out: string;
  ok: boolean;
  stderr: string;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command with stdout to a file; measures wall time and (with /usr/bin/time) peak RSS. */
function run(cmd: string, args: string[], out: string): Run {
  const outFd = openSync(out, 'w');
  const argv = TIME ? ['-v', cmd, ...args] : args;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(TIME ?? cmd, argv, { stdio: ['ignore', outFd, 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(outFd);
  const stderr = r.stderr?.toString() ?? '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
  return { seconds, cpu, maxRssMb: m ? Number(m[1]) / 1024 : undefined, out, ok: r.status === 0, stderr };
}

function digest(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  closeSync(fd);
  return h.digest('hex');
}

/** The first line where two outputs differ, for the report. */
function firstDifference(a: string, b: string): string {
  const la = spawnSync('cmp', [a, b], { encoding: 'utf8' }).stdout.trim();
  return la || 'outputs differ';
}

function main(): number {
  const frames = Number(arg('--frames') ?? 700_000);
  const segments = Math.round((frames - 6) / 1.5);
  const dir = tmpdir();
  const capture = join(dir, `wirebook-bench-${process.pid}.pcapng`);
  const tsharkOut = join(dir, `wirebook-bench-${process.pid}.tshark.tsv`);
  const wirebookOut = join(dir, `wirebook-bench-${process.pid}.wirebook.tsv`);

  const tshark = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  if (tshark.status !== 0) {
    console.error('bench: tshark not found (Debian package tshark); it is the baseline');
    return 1;
  }

  try {
    const g0 = process.hrtime.bigint();
    const written = writeBulkCapture(capture, segments);
    const size = statSync(capture).size;
    console.log(
      `capture: ${capture}\n  ${written.toLocaleString('en')} frames, ${(size / 1e6).toFixed(1)} MB, ` +
        `synthesized in ${(Number(process.hrtime.bigint() - g0) / 1e9).toFixed(1)} s`,
    );
    console.log(`fields: ${FIELDS.join(' ')}\n`);

    const e = FIELDS.flatMap((f) => ['-e', f]);
    const ts = run('tshark', ['-r', capture, '-T', 'fields', '-E', 'header=y', '-E', 'occurrence=a', '-E', 'aggregator=,', ...e], tsharkOut);
    if (!ts.ok) {
      console.error(`bench: tshark failed:\n${ts.stderr.split('\n\tCommand being timed')[0]}`);
      return 1;
    }
    // Once untimed, so Node's compile cache holds the type-stripped modules, as after any first run.
    spawnSync(process.execPath, [CLI, '--version'], { stdio: 'ignore' });
    const wb = run(process.execPath, [CLI, 'fields', ...e, capture], wirebookOut);
    if (!wb.ok) {
      console.error(`bench: wirebook failed:\n${wb.stderr.split('\n\tCommand being timed')[0]}`);
      return 1;
    }

    const same = digest(tsharkOut) === digest(wirebookOut);
    const mb = (r: Run) => (r.maxRssMb === undefined ? 'n/a' : `${r.maxRssMb.toFixed(0)} MB`);
    const pad = (s: string, n: number) => s.padEnd(n);
    const cpu = (r: Run) => (r.cpu === undefined ? 'n/a' : r.cpu.toFixed(2));
    console.log(`${pad('tool', 10)}${pad('wall s', 9)}${pad('cpu s', 9)}${pad('frames/s', 12)}max RSS`);
    for (const [name, r] of [['tshark', ts], ['wirebook', wb]] as const) {
      console.log(`${pad(name, 10)}${pad(r.seconds.toFixed(2), 9)}${pad(cpu(r), 9)}${pad(Math.round(written / r.seconds).toLocaleString('en'), 12)}${mb(r)}`);
    }
    const ratio = ts.seconds / wb.seconds;
    console.log(`\nwirebook is ${ratio.toFixed(1)}x as fast as tshark in wall time (target >= 10x)`);
    if (ts.cpu && wb.cpu) console.log(`wirebook uses ${(ts.cpu / wb.cpu).toFixed(1)}x less CPU time than tshark`);
    if (wb.maxRssMb !== undefined) console.log(`wirebook peak memory ${wb.maxRssMb.toFixed(0)} MB (target < 150 MB)`);
    console.log(same ? 'outputs: identical' : `outputs: DIFFERENT (${firstDifference(tsharkOut, wirebookOut)})`);
    return same ? 0 : 1;
  } finally {
    for (const f of [tsharkOut, wirebookOut]) rmSync(f, { force: true });
    if (!process.argv.includes('--keep')) rmSync(capture, { force: true });
    else console.log(`kept ${capture}`);
  }
}

process.exitCode = main();
