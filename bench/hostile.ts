// Benchmark: the hostile captures (test/support/hostile/) at full size, each
// read by `wirebook fields -2` and by `tshark -2` with the same field list.
//
//   node bench/hostile.ts [--scale S] [--only NAME,NAME] [--keep]
//
// Prints per case the frames, both tools' wall time and peak RSS (from
// /usr/bin/time -v), the time ratio, whether the frame numbers agree and
// whether the whole output is identical, and judges each case against the
// goal: within tshark's time (or 1 s, whichever is larger) and under 200 MB.
// The files are built in a temporary directory, deleted unless --keep.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_CASES, HOSTILE_FIELDS, writeCase } from '../test/support/hostile/cases.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'src/cli/bin.mjs');
const TIME = '/usr/bin/time';
const GOAL_MB = 200;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Run {
  seconds: number;
  rssMb: number | undefined;
  ok: boolean;
  stderr: string;
}

function run(cmd: string, args: string[], out: string): Run {
  const fd = openSync(out, 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(existsSync(TIME) ? TIME : cmd, existsSync(TIME) ? ['-v', cmd, ...args] : args, {
    stdio: ['ignore', fd, 'pipe'],
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: 'UTC' },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  closeSync(fd);
  const stderr = r.stderr?.toString() ?? '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { seconds, rssMb: m ? Number(m[1]) / 1024 : undefined, ok: r.status === 0, stderr: stderr.split('\n\tCommand being timed')[0] };
}

/** The frame.number column (the first) of a fields output, without its header line. */
const numbers = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split('\t')[0]);

function main(): number {
  if (spawnSync('tshark', ['--version']).status !== 0) {
    console.error('bench: tshark not found (Debian package tshark); it is the baseline');
    return 1;
  }
  const scale = Number(arg('--scale') ?? 1);
  const only = arg('--only')?.split(',');
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-hostile-'));
  const config = mkdtempSync(join(tmpdir(), 'wirebook-tshark-'));
  const e = HOSTILE_FIELDS.flatMap((f) => ['-e', f]);
  console.log(`hostile captures in ${dir}, fields: ${HOSTILE_FIELDS.join(' ')} (-2)`);
  spawnSync(process.execPath, [CLI, '--version'], { stdio: 'ignore' });
  const rows: string[][] = [['case', 'frames', 'tshark s', 'tshark MB', 'wirebook s', 'wirebook MB', 'time ratio', 'numbers', 'output', 'goal']];
  let failed = 0;
  try {
    for (const c of HOSTILE_CASES) {
      if (only && !only.includes(c.name)) continue;
      const { bytes, records } = writeCase(c, scale);
      const path = join(dir, `${c.name}.${c.format}`);
      writeFileSync(path, bytes);
      const tsOut = join(dir, `${c.name}.tshark.tsv`);
      const wbOut = join(dir, `${c.name}.wirebook.tsv`);
      const ts = run('tshark', ['-r', path, '-2', '-T', 'fields', '-E', 'header=y', '-E', 'occurrence=a', '-E', 'aggregator=,', ...e], tsOut);
      const wb = run(process.execPath, [CLI, 'fields', '-2', ...e, path], wbOut);
      if (!wb.ok) console.log(`  ${c.name}: wirebook failed: ${wb.stderr.trim().slice(0, 300)}`);
      if (!ts.ok) console.log(`  ${c.name}: tshark failed: ${ts.stderr.trim().slice(0, 300)}`);
      const tn = ts.ok ? numbers(tsOut) : [];
      const wn = wb.ok ? numbers(wbOut) : [];
      const sameNumbers = ts.ok && wb.ok && tn.length === records && tn.join() === wn.join();
      const identical = sameNumbers && readFileSync(tsOut).equals(readFileSync(wbOut));
      const inTime = wb.seconds <= Math.max(ts.seconds, 1);
      const inMemory = wb.rssMb !== undefined && wb.rssMb < GOAL_MB;
      const met = wb.ok && sameNumbers && inTime && inMemory;
      if (!met) failed++;
      const mb = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(0));
      rows.push([
        c.name,
        records.toLocaleString('en'),
        ts.seconds.toFixed(2),
        mb(ts.rssMb),
        wb.ok ? wb.seconds.toFixed(2) : 'failed',
        mb(wb.rssMb),
        `${(wb.seconds / ts.seconds).toFixed(2)}`,
        sameNumbers ? 'agree' : `DIFFER (${tn.length} vs ${wn.length})`,
        identical ? 'identical' : 'differs',
        met ? 'met' : [!wb.ok && 'failed', !sameNumbers && 'numbers', !inTime && 'time', !inMemory && 'memory'].filter(Boolean).join('+'),
      ]);
      console.log(rows[rows.length - 1].join('  '));
      rmSync(path, { force: !process.argv.includes('--keep') && true });
      if (!process.argv.includes('--keep')) for (const p of [tsOut, wbOut]) rmSync(p, { force: true });
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
    rmSync(config, { recursive: true, force: true });
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log();
  for (const r of rows) console.log(r.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  '));
  console.log(
    `\n${failed === 0 ? 'every case met the goal' : `${failed} case(s) missed the goal`} (time within max(tshark, 1 s), under ${GOAL_MB} MB, tshark's frame numbers)`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = main();
