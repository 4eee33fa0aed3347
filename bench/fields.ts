// Benchmark: `wirebook fields` against `tshark -T fields` on a ~100 MB capture.
//
//   node bench/fields.ts [--frames N] [--repeat N] [--tshark-repeat N] [--keep]
//                        [--capture FILE] [--baseline REV] [--cases abcde]
//
// Synthesizes a headers-only bulk TCP transfer (~700,000 frames) in the
// system's temporary directory and runs both tools on it in four cases:
// (a) a dozen header fields, (b) the same plus conversation-analysis fields
// (which wirebook answers in one pass, as tshark does, since every frame's
// handshake is in the capture), (c) that list read twice by both (-2), and
// (d) the download list: the header and analysis fields a student asks of a
// download (relative sequence numbers, scaled window, bytes in flight,
// retransmissions). (e) runs the download list on a real recording, the
// `bulk-download` scenario (recorded-capture.ts: recorded on first use when
// run as root, else skipped with the command that records it), so a tuning
// that pays only on the synthetic shape shows. --cases picks some, e.g. de.
// Checks that both tools print the same
// bytes and reports wall and CPU time, both ratios and wirebook's peak memory
// (max RSS). With --repeat, the run with the least CPU time counts
// (--tshark-repeat sets tshark's own count: its figure is the yardstick, not
// what a change is judged by). The capture is deleted afterwards unless --keep
// is given; it is never committed. --capture reads a capture kept before
// instead of synthesizing one (and leaves it).
// With --baseline REV (a commit, e.g. HEAD~1), the same cases also run the
// wirebook of that commit, checked out in a temporary worktree, in the same run
// and on the same capture: a change is judged against its parent, not against
// a figure from another day on a machine whose speed drifts. The two
// wirebooks then take turns (new, baseline, new, ...), so a busy spell on a
// shared machine falls on both, and every run's CPU time is printed, with the
// median of the pairs' changes beside the change between the best runs.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBulkCapture } from './bulk-capture.ts';
import { recordedCapture } from './recorded-capture.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// As `npx wirebook` runs it.
const CLI = join(ROOT, 'src/cli/bin.mjs');

/** (a) Common header fields: one pass, no analysis. */
const HEADER_FIELDS = [
  'frame.number',
  'frame.time_epoch',
  'ip.src',
  'ip.dst',
  'ip.len',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq_raw',
  'tcp.ack_raw',
  'tcp.flags',
  'tcp.window_size_value',
  'tcp.len',
];

/** (b) The same plus fields of the conversation analysis (settled as each frame is analysed: one pass). */
const ANALYSIS_FIELDS = [...HEADER_FIELDS, 'tcp.stream', 'tcp.seq', 'tcp.ack', 'tcp.analysis.bytes_in_flight', 'tcp.analysis.ack_rtt'];

/** (d), (e) What a student asks of a download (issue 15): relative numbers, scaled window, analysis flags. */
const DOWNLOAD_FIELDS = [
  'frame.number',
  'ip.src',
  'ip.dst',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq',
  'tcp.ack',
  'tcp.len',
  'tcp.flags',
  'tcp.window_size',
  'tcp.analysis.bytes_in_flight',
  'tcp.analysis.retransmission',
];

interface Case {
  id: string;
  name: string;
  fields: string[];
  twoPass: boolean;
  recorded: boolean;
}

const CASES: Case[] = [
  { id: 'a', name: '(a) headers', fields: HEADER_FIELDS, twoPass: false, recorded: false },
  { id: 'b', name: '(b) analysis', fields: ANALYSIS_FIELDS, twoPass: false, recorded: false },
  // Both tools told to read twice (-2), as fields such as tcp.completeness or tcp.reassembled_in need.
  { id: 'c', name: '(c) analysis, -2', fields: ANALYSIS_FIELDS, twoPass: true, recorded: false },
  { id: 'd', name: '(d) download, synthetic', fields: DOWNLOAD_FIELDS, twoPass: false, recorded: false },
  { id: 'e', name: '(e) download, recorded', fields: DOWNLOAD_FIELDS, twoPass: false, recorded: true },
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

/** The run with the least CPU time (or wall time without /usr/bin/time), and the highest peak RSS seen. */
function pickBest(runs: readonly Run[]): Run {
  let pick = runs[0];
  let rss: number | undefined;
  for (const r of runs) {
    if (r.maxRssMb !== undefined) rss = Math.max(rss ?? 0, r.maxRssMb);
    if ((r.cpu ?? r.seconds) < (pick.cpu ?? pick.seconds)) pick = r;
  }
  return { ...pick, maxRssMb: rss };
}

/** The best of `n` runs (pickBest), or the first that failed. */
function best(n: number, once: () => Run): Run {
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const r = once();
    if (!r.ok) return r;
    runs.push(r);
  }
  return pickBest(runs);
}

/** `n` runs of each, taking turns; the best of each (as best()) and every run's CPU (or wall) seconds. */
function bestTakingTurns(n: number, a: () => Run, b: () => Run): { a: Run; b: Run; times: Array<[number, number]> } {
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const ra = a();
    if (!ra.ok) return { a: ra, b: ra, times: [] };
    const rb = b();
    if (!rb.ok) return { a: ra, b: rb, times: [] };
    as.push(ra);
    bs.push(rb);
  }
  const secs = (r: Run) => r.cpu ?? r.seconds;
  return { a: pickBest(as), b: pickBest(bs), times: as.map((r, i) => [secs(r), secs(bs[i])]) };
}

/**
 * The median of the runs' paired changes (each new run against the baseline run beside it): a
 * busy spell slows both runs of a pair, so this moves less with the machine than the best runs do.
 */
function medianPairedChange(times: ReadonlyArray<readonly [number, number]>): number | undefined {
  const changes = times
    .filter(([, b]) => b > 0)
    .map(([a, b]) => (a - b) / b)
    .sort((x, y) => x - y);
  if (!changes.length) return undefined;
  const mid = changes.length >> 1;
  return changes.length % 2 ? changes[mid] : (changes[mid - 1] + changes[mid]) / 2;
}

function digest(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  for (let n: number; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  closeSync(fd);
  return h.digest('hex');
}

/** The first line where two outputs differ, for the report. */
function firstDifference(a: string, b: string): string {
  const la = spawnSync('cmp', [a, b], { encoding: 'utf8' }).stdout.trim();
  return la || 'outputs differ';
}

/** The wirebook of commit `rev`, checked out beside this one; `remove` deletes the checkout. */
function baselineCli(rev: string): { cli: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-baseline-'));
  const add = spawnSync('git', ['-C', ROOT, 'worktree', 'add', '--detach', dir, rev], { encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`bench: cannot check out ${rev}: ${add.stderr.trim()}`);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const launcher = join(dir, 'src/cli/bin.mjs');
  return {
    cli: existsSync(launcher) ? launcher : join(dir, 'src/cli/wirebook.ts'),
    remove: () => {
      spawnSync('git', ['-C', ROOT, 'worktree', 'remove', '--force', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function main(): number {
  const frames = Number(arg('--frames') ?? 700_000);
  const segments = Math.round((frames - 6) / 1.5);
  const dir = tmpdir();
  const given = arg('--capture');
  const capture = given ?? join(dir, `wirebook-bench-${process.pid}.pcapng`);
  const tsharkOut = join(dir, `wirebook-bench-${process.pid}.tshark.tsv`);
  const wirebookOut = join(dir, `wirebook-bench-${process.pid}.wirebook.tsv`);
  const baselineOut = join(dir, `wirebook-bench-${process.pid}.baseline.tsv`);
  const picked = arg('--cases');
  const cases = CASES.filter((c) => !picked || picked.includes(c.id));

  const tshark = spawnSync('tshark', ['--version'], { encoding: 'utf8' });
  if (tshark.status !== 0) {
    console.error('bench: tshark not found (Debian package tshark); it is the baseline');
    return 1;
  }
  const recorded = cases.some((c) => c.recorded) ? recordedCapture(ROOT, (line) => console.log(line)) : undefined;
  const rev = arg('--baseline');
  const base = rev ? baselineCli(rev) : undefined;

  try {
    if (cases.some((c) => !c.recorded)) {
      const g0 = process.hrtime.bigint();
      const written = given ? undefined : writeBulkCapture(capture, segments);
      const size = statSync(capture).size;
      console.log(
        `capture: ${capture}\n  ` +
          (written === undefined
            ? `${(size / 1e6).toFixed(1)} MB, kept from an earlier run`
            : `${written.toLocaleString('en')} frames, ${(size / 1e6).toFixed(1)} MB, synthesized in ${(Number(process.hrtime.bigint() - g0) / 1e9).toFixed(1)} s`),
      );
    }
    if (recorded) console.log(`recorded capture: ${recorded}\n  ${(statSync(recorded).size / 1e6).toFixed(1)} MB`);
    const repeat = Math.max(1, Number(arg('--repeat') ?? 1));
    const tsharkRepeat = Math.max(1, Number(arg('--tshark-repeat') ?? repeat));
    // Once untimed, so Node's compile cache holds the type-stripped modules, as after any first run.
    spawnSync(process.execPath, [CLI, '--version'], { stdio: 'ignore' });
    if (base) spawnSync(process.execPath, [base.cli, '--version'], { stdio: 'ignore' });

    const rows: Array<{ name: string; ts: Run; wb: Run; bl?: Run; paired?: number; same: boolean }> = [];
    for (const c of cases) {
      const file = c.recorded ? recorded : capture;
      if (!file) continue;
      console.log(`${c.name}: ${c.fields.join(' ')}`);
      const e = [...(c.twoPass ? ['-2'] : []), ...c.fields.flatMap((f) => ['-e', f])];
      // tshark in one pass for (a) and (b) (its analysis needs none for these fields): the stricter baseline.
      const ts = best(tsharkRepeat, () =>
        run('tshark', ['-r', file, '-T', 'fields', '-E', 'header=y', '-E', 'occurrence=a', '-E', 'aggregator=,', ...e], tsharkOut),
      );
      if (!ts.ok) {
        console.error(`bench: tshark failed:\n${ts.stderr.split('\n\tCommand being timed')[0]}`);
        return 1;
      }
      const runNew = () => run(process.execPath, [CLI, 'fields', ...e, file], wirebookOut);
      const runBase = base ? () => run(process.execPath, [base.cli, 'fields', ...e, file], baselineOut) : undefined;
      const turns = runBase ? bestTakingTurns(repeat, runNew, runBase) : undefined;
      const wb = turns ? turns.a : best(repeat, runNew);
      if (!wb.ok) {
        console.error(`bench: wirebook failed:\n${wb.stderr.split('\n\tCommand being timed')[0]}`);
        return 1;
      }
      const bl = turns?.b;
      if (turns) console.log(`  runs (new/${rev}, ${TIME ? 'cpu' : 'wall'} s): ${turns.times.map(([x, y]) => `${x.toFixed(2)}/${y.toFixed(2)}`).join('  ')}`);
      const same = digest(tsharkOut) === digest(wirebookOut);
      if (!same) console.log(`  outputs DIFFER: ${firstDifference(tsharkOut, wirebookOut)}`);
      rows.push({ name: c.name, ts, wb, bl, paired: turns ? medianPairedChange(turns.times) : undefined, same });
    }

    const num = (x: number | undefined, d = 2) => (x === undefined ? 'n/a' : x.toFixed(d));
    const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(1)}x` : 'n/a');
    const table = [
      ['case', 'tshark wall s', 'tshark cpu s', 'wirebook wall s', 'wirebook cpu s', 'wall ratio', 'cpu ratio', 'wirebook max RSS', 'output'],
      ...rows.map(({ name, ts, wb, same }) => [
        name,
        num(ts.seconds),
        num(ts.cpu),
        num(wb.seconds),
        num(wb.cpu),
        ratio(ts.seconds, wb.seconds),
        ratio(ts.cpu, wb.cpu),
        wb.maxRssMb === undefined ? 'n/a' : `${wb.maxRssMb.toFixed(0)} MB`,
        same ? 'identical' : 'DIFFERENT',
      ]),
    ];
    if (base) {
      table[0].push(`${rev} wall s`, `${rev} cpu s`, 'cpu change', 'median paired change');
      rows.forEach(({ wb, bl, paired }, i) => {
        const change = bl?.cpu && wb.cpu ? `${(((wb.cpu - bl.cpu) / bl.cpu) * 100).toFixed(1)}%` : 'n/a';
        table[i + 1].push(num(bl?.seconds), num(bl?.cpu), change, paired === undefined ? 'n/a' : `${(paired * 100).toFixed(1)}%`);
      });
    }
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    console.log('');
    for (const r of table) console.log(r.map((cell, i) => cell.padEnd(widths[i])).join('  '));
    console.log(
      `\ntargets: ratio >= 10x (cpu ratio is the steadier on a busy machine), wirebook max RSS < 150 MB` +
        (repeat > 1 ? `; best of ${repeat} runs each (tshark ${tsharkRepeat})` : ''),
    );
    return rows.every((r) => r.same) ? 0 : 1;
  } finally {
    for (const f of [tsharkOut, wirebookOut, baselineOut]) rmSync(f, { force: true });
    base?.remove();
    if (!given && !process.argv.includes('--keep')) rmSync(capture, { force: true });
    else console.log(`kept ${capture}`);
  }
}

process.exitCode = main();
