// Benchmark: the "Open your own capture" page (/open/) on a ~100 MB capture in
// headless Chromium.
//
//   node bench/open-in-browser.ts [--frames N] [--repeat N] [--keep] [--dist DIR] [--timeout S] [--no-graph]
//
// Synthesizes the same bulk TCP transfer as bench/fields.ts (~700,000 frames)
// in the system's temporary directory, serves a built site (dist/, or --dist
// DIR or $WIREBOOK_BENCH_DIST; built first when its open/index.html is
// missing; under $WIREBOOK_BASE if it was built for one), opens /open/ in
// Debian's Chromium and chooses the capture. Times, on two clocks: the page's
// own marks (performance.measure from `wirebook:open`), and this script's
// clock from its setInputFiles call to the moment the page showed rows with
// content / set data-state=ready: to the first rows, and to the whole capture
// indexed. Then it scrolls the list to its very end and checks the last row
// shown is the last frame. Memory is the tab's renderer process (the page and
// its Worker, a thread of that process): peak resident size while the capture
// is open (the kernel's VmHWM, restarted when the file is chosen), proportional
// and private size, and the JS heaps of page and Worker over the DevTools
// protocol. tshark reading the same file is timed for scale.
//
// Then it presses Graph on the largest TCP conversation and times, in the page, its first picture
// (not with --no-graph, to see the memory without it).
//
// Goals: first rows < 1 s, indexed < 5 s (each judged on the later of the two
// clocks), graph's first picture < 1 s, tab peak RSS < 500 MB. With --repeat N each time is the best of N
// runs (a fresh browser context each) and memory the highest. Exit status 0
// whatever the figures; 1 when the page broke (no rows, an error state, a
// wrong frame count, a wrong last row). The capture is deleted afterwards
// unless --keep is given; it is never committed.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { writeBulkCapture } from './bulk-capture.ts';
import { launchBrowser, viewports } from '../test/e2e/support/browser.ts';
import { serveStatic } from '../test/e2e/support/static-server.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;
const GOALS = { firstRowsMs: 1000, indexedMs: 5000, memoryMb: 500, graphMs: 1000 };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// ---- Chromium's processes, from /proc -------------------------------------

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

interface Proc {
  pid: number;
  /** browser, renderer, zygote, gpu-process, utility... */
  type: string;
  cmdline: string;
}

/** Every process descended from this one: the browser Playwright started and all it forked. */
function chromiumProcesses(): Proc[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may hold spaces: fields follow the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const out: Proc[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      const cmdline = (read(`/proc/${child}/cmdline`) ?? '').split('\0').join(' ');
      if (/chrom/.test(cmdline)) out.push({ pid: child, type: /--type=(\S+)/.exec(cmdline)?.[1] ?? 'browser', cmdline });
      walk(child);
    }
  };
  walk(process.pid);
  return out;
}

/** Resident size now and at its peak (VmHWM), in bytes. */
function residentSize(pid: number): { rss: number; peak: number } | undefined {
  const s = read(`/proc/${pid}/status`);
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s ?? '')?.[1] ?? NaN) * 1024;
  return s ? { rss: kb('VmRSS'), peak: kb('VmHWM') } : undefined;
}

/** Proportional set size (shared pages split between their users) and private pages, in bytes. */
function proportionalSize(pid: number): { pss: number; private: number } | undefined {
  const s = read(`/proc/${pid}/smaps_rollup`);
  if (!s) return undefined;
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? 0) * 1024;
  return { pss: kb('Pss'), private: kb('Private_Clean') + kb('Private_Dirty') };
}

/** Restarts the kernel's peak-RSS record (VmHWM), so the peak is the one while the capture is open. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) of a process, or of one of its threads. */
function cpuSeconds(pid: number, tid?: number): number {
  const stat = read(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`);
  if (!stat) return 0;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime, stime (fields 14 and 15)
}

/** Threads of a process running a dedicated Worker (Chromium names them "DedicatedWorker thread"). */
function workerThreads(pid: number): number[] {
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.filter((tid) => (read(`/proc/${pid}/task/${tid}/comm`) ?? '').startsWith('DedicatedWorker')).map(Number);
}

/**
 * The tab's renderer: the renderer process hosting the page's Worker thread.
 * Without one, the largest renderer that is not Chromium's own UI.
 */
function tabRenderer(procs: Proc[]): number | undefined {
  const renderers = procs.filter((p) => p.type === 'renderer');
  const withWorker = renderers.find((p) => workerThreads(p.pid).length > 0);
  if (withWorker) return withWorker.pid;
  const pages = renderers.filter((p) => !p.cmdline.includes('--top-chrome-webui'));
  return pages.sort((a, b) => (residentSize(b.pid)?.rss ?? 0) - (residentSize(a.pid)?.rss ?? 0))[0]?.pid;
}

/** Samples every Chromium process's resident size (and renderers' PSS, less often) while a run lasts. */
function startSampler(pids: number[], renderers: number[]) {
  const peakRss = new Map<number, number>();
  const peakPss = new Map<number, number>();
  let ticks = 0;
  const sample = () => {
    for (const pid of pids) {
      const r = residentSize(pid);
      if (r) peakRss.set(pid, Math.max(peakRss.get(pid) ?? 0, r.rss));
    }
    if (ticks++ % 5 === 0) {
      for (const pid of renderers) {
        const p = proportionalSize(pid);
        if (p) peakPss.set(pid, Math.max(peakPss.get(pid) ?? 0, p.pss));
      }
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    peakRss,
    peakPss,
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}

// ---- JS heaps over the DevTools protocol -----------------------------------

interface Heap {
  /** V8 heap in use and reserved. */
  used: number;
  total: number;
  /** ArrayBuffer backing stores (the file's bytes live there), when Chromium reports them. */
  buffers?: number;
}

const heapOf = (h: { usedSize: number; totalSize: number; backingStorageSize?: number }): Heap => ({
  used: h.usedSize,
  total: h.totalSize,
  buffers: h.backingStorageSize,
});

/**
 * A DevTools session on the page that also reaches its dedicated Workers:
 * auto-attached without flattening, each Worker is spoken to through
 * Target.sendMessageToTarget on this same session.
 */
async function heapProbe(page: Page) {
  const session: CDPSession = await page.context().newCDPSession(page);
  const workers = new Map<string, string>(); // sessionId -> name
  const waiting = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  session.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') workers.set(e.sessionId, e.targetInfo.title || e.targetInfo.url);
  });
  session.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId) workers.delete(e.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const inWorker = (sessionId: string, method: string): Promise<unknown> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => (waiting.delete(id), resolve(undefined)), 10_000);
      waiting.set(id, (result) => (clearTimeout(timer), waiting.delete(id), resolve(result)));
      session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(undefined));
    });
  };

  return {
    async page(): Promise<Heap> {
      return heapOf(await session.send('Runtime.getHeapUsage'));
    },
    async workers(): Promise<Array<{ name: string; heap?: Heap }>> {
      const out = [];
      for (const [sessionId, name] of workers) {
        const r = (await inWorker(sessionId, 'Runtime.getHeapUsage')) as Parameters<typeof heapOf>[0] | undefined;
        out.push({ name, heap: r && heapOf(r) });
      }
      return out;
    },
    detach: () => session.detach().catch(() => {}),
  };
}

// ---- One run: open the capture, wait, scroll, measure ----------------------

interface Memory {
  pid: number;
  /** Renderer resident size just before the file was chosen, and when data-state=ready was seen. */
  before: number;
  atReady: number;
  /** Peak resident size while the capture was open (VmHWM after a reset, or sampled). */
  peak: number;
  peakFromKernel: boolean;
  /** After indexing, and after scrolling to the end. */
  rss: number;
  pss: number;
  private: number;
  peakPss: number;
  /** JS heaps when data-state=ready was seen (the Worker's once it was free to answer), and after scrolling. */
  pageHeap: { ready?: Heap; end?: Heap };
  workerHeaps: { ready: Array<{ name: string; heap?: Heap }>; end: Array<{ name: string; heap?: Heap }> };
  /** Every Chromium process (browser, GPU, network...) together, by PSS. */
  allChromiumPss: number;
}

interface RunResult {
  broken?: string;
  warnings: string[];
  frames?: number;
  /** From the page's marks (performance.measure from wirebook:open), ms. */
  markFirstRows?: number;
  markIndexed?: number;
  /** From this script's clock, from choosing the file, to the moment it happened in the page, ms. */
  clockFirstRows?: number;
  clockIndexed?: number;
  /** The same, to when Playwright's polling saw it (later on a busy machine). */
  polledFirstRows?: number;
  polledIndexed?: number;
  setInputFilesMs?: number;
  scrollMs?: number;
  /** From pressing Graph on the largest TCP conversation to its first picture (an SVG in the graph pane), ms in the page. */
  graphMs?: number;
  graphStream?: number;
  graphPoints?: number;
  lastShown?: number;
  midShown?: string;
  /** CPU seconds of the renderer, and of its Worker thread(s), from choosing the file to indexed. */
  cpuRenderer?: number;
  cpuWorker?: number;
  cpuMain?: number;
  /** The Worker's own account of its steps, when the page gives it (data-timings), ms. */
  workerTimings?: Record<string, number>;
  memory?: Memory;
}

const ROW = '[role="row"][data-frame]';

/**
 * Waits until a visible row matching `selector` shows its content: more than
 * its frame number (a list may draw placeholder rows before their contents
 * arrive, and those do not count as shown).
 */
function rowShown(page: Page, selector: string, timeout: number): Promise<boolean> {
  return page
    .waitForFunction(
      (sel) =>
        [...document.querySelectorAll<HTMLElement>(sel)].some((row) => {
          if (!row.getBoundingClientRect().height) return false;
          return (row.textContent ?? '').replace(row.dataset.frame ?? '', '').replace(/[\s\u2026]/g, '').length > 0;
        }),
      selector,
      { polling: 'raf', timeout },
    )
    .then(
      () => true,
      () => false,
    );
}

/**
 * How far the page's wall clock (timeOrigin + now) is ahead of this
 * process's, from the quickest of a few round trips; uncertainty is half
 * that round trip.
 */
async function clockOffset(page: Page): Promise<{ ms: number; uncertainty: number }> {
  let best = { ms: 0, uncertainty: Infinity };
  for (let i = 0; i < 7; i++) {
    const a = performance.timeOrigin + performance.now();
    const inPage = await page.evaluate(() => performance.timeOrigin + performance.now());
    const b = performance.timeOrigin + performance.now();
    if ((b - a) / 2 < best.uncertainty) best = { ms: inPage - (a + b) / 2, uncertainty: (b - a) / 2 };
  }
  return best;
}

/** Notes in the page (window.__benchSeen) when rows with content first show and when data-state becomes ready or error. */
async function watchInPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { rows?: number; settled?: number } = {};
    (window as unknown as { __benchSeen: typeof seen }).__benchSeen = seen;
    const now = () => performance.timeOrigin + performance.now();
    const explorer = document.querySelector('wb-explorer')!;
    const shown = () =>
      [...explorer.querySelectorAll<HTMLElement>('[role="row"][data-frame]')].some(
        (row) => row.getBoundingClientRect().height > 0 && (row.textContent ?? '').replace(row.dataset.frame ?? '', '').replace(/[\s\u2026]/g, '').length > 0,
      );
    const observer = new MutationObserver(() => {
      if (seen.settled === undefined && /^(ready|error)$/.test(explorer.getAttribute('data-state') ?? '')) seen.settled = now();
      if (seen.rows === undefined && shown()) seen.rows = now();
      if (seen.rows !== undefined && seen.settled !== undefined) observer.disconnect();
    });
    observer.observe(explorer, { attributes: true, attributeFilter: ['data-state'], childList: true, subtree: true, characterData: true });
  });
}

async function runOnce(browser: Browser, url: string, capture: string, expected: number, timeout: number): Promise<RunResult> {
  const result: RunResult = { warnings: [] };
  const context = await browser.newContext({ viewport: viewports.desktop });
  const page = await context.newPage();
  page.on('pageerror', (e) => result.warnings.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && result.warnings.push(`console error: ${m.text()}`));
  page.on('crash', () => (result.broken ??= 'the tab crashed'));
  try {
    const response = await page.goto(url);
    if (!response?.ok()) return { ...result, broken: `${url} answered ${response?.status() ?? 'nothing'}` };
    try {
      await page.waitForSelector('wb-explorer[data-state="empty"] input[type="file"][data-file]', { state: 'attached', timeout: 30_000 });
    } catch {
      return { ...result, broken: 'no wb-explorer[data-state="empty"] with an input[type=file][data-file] on /open/' };
    }
    if (await page.locator(ROW).count()) result.warnings.push('rows were shown before any file was chosen');
    const probe = await heapProbe(page);

    // Before choosing the file: the processes, the renderer's size and CPU so far.
    const procs = chromiumProcesses();
    const renderers = procs.filter((p) => p.type === 'renderer').map((p) => p.pid);
    const before = new Map(
      renderers.map((pid) => [pid, { rss: residentSize(pid)?.rss ?? 0, cpu: cpuSeconds(pid), mainCpu: cpuSeconds(pid, pid), reset: resetPeak(pid) }]),
    );
    const workerCpuBefore = new Map<number, number>();
    for (const pid of renderers) for (const tid of workerThreads(pid)) workerCpuBefore.set(tid, cpuSeconds(pid, tid));
    const sampler = startSampler(
      procs.map((p) => p.pid),
      renderers,
    );

    // Choose the file. The moments rows appear and data-state settles are
    // caught in the page as they happen, on the page's copy of the wall clock
    // (offset measured against this one); Playwright's polling, which lags
    // on a busy machine, only tells this script to go on.
    const offset = await clockOffset(page);
    await watchInPage(page);
    const t0 = performance.now();
    const t0Epoch = performance.timeOrigin + t0;
    const firstRows = rowShown(page, ROW, timeout).then((ok) => (ok ? performance.now() - t0 : undefined));
    const settled = page
      .waitForFunction(() => /^(ready|error)$/.test(document.querySelector('wb-explorer')?.getAttribute('data-state') ?? ''), null, { polling: 'raf', timeout })
      .then(
        () => performance.now() - t0,
        () => undefined,
      );
    await page.locator('wb-explorer input[type="file"][data-file]').setInputFiles(capture);
    result.setInputFilesMs = performance.now() - t0;
    [result.polledFirstRows, result.polledIndexed] = await Promise.all([firstRows, settled]);
    const seen = await page.evaluate(() => (window as unknown as { __benchSeen: { rows?: number; settled?: number } }).__benchSeen);
    const fromT0 = (epoch: number | undefined) => (epoch === undefined ? undefined : epoch - offset.ms - t0Epoch);
    result.clockFirstRows = result.polledFirstRows === undefined ? undefined : (fromT0(seen.rows) ?? result.polledFirstRows);
    result.clockIndexed = result.polledIndexed === undefined ? undefined : (fromT0(seen.settled) ?? result.polledIndexed);
    if (seen.rows === undefined || seen.settled === undefined)
      result.warnings.push('the in-page watch missed a moment: the own clock is as Playwright polled it');
    if (offset.uncertainty > 5) result.warnings.push(`the page's clock was matched to this one only within ${offset.uncertainty.toFixed(0)} ms`);

    // CPU and memory used to get here, read at once before anything else runs.
    const tab = tabRenderer(procs);
    const atReady = tab === undefined ? 0 : (residentSize(tab)?.rss ?? 0);
    if (tab !== undefined) {
      result.cpuRenderer = cpuSeconds(tab) - (before.get(tab)?.cpu ?? 0);
      result.cpuMain = cpuSeconds(tab, tab) - (before.get(tab)?.mainCpu ?? 0); // the main thread's id is the process's
      const threads = workerThreads(tab);
      if (threads.length) result.cpuWorker = threads.reduce((s, tid) => s + cpuSeconds(tab, tid) - (workerCpuBefore.get(tid) ?? 0), 0);
    }

    const state = await page.locator('wb-explorer').getAttribute('data-state');
    if (result.clockIndexed === undefined) result.broken = `not indexed within ${timeout / 1000} s (data-state=${state})`;
    else if (state === 'error') result.broken = 'the page reported an error (data-state=error)';
    if (result.clockFirstRows === undefined) result.broken ??= 'no rows were shown';
    result.frames = Number(await page.locator('wb-explorer').getAttribute('data-frames'));
    try {
      const timings = await page.locator('wb-explorer').getAttribute('data-timings');
      if (timings) result.workerTimings = JSON.parse(timings) as Record<string, number>;
    } catch {
      // Optional, beyond the page's contract: leave it out.
    }
    if (!result.broken && result.frames !== expected) result.broken = `data-frames=${result.frames}, the capture has ${expected}`;

    // The page's own clock: marks set by the page, measured from wirebook:open.
    await page
      .waitForFunction(() => performance.getEntriesByName('wirebook:indexed', 'mark').length > 0, null, { timeout: 30_000 })
      .catch(() => result.warnings.push('no wirebook:indexed mark'));
    const marks = await page.evaluate(() => {
      const measure = (end: string) => {
        try {
          return performance.measure(`bench:${end}`, 'wirebook:open', end).duration;
        } catch {
          return undefined;
        }
      };
      return { firstRows: measure('wirebook:first-rows'), indexed: measure('wirebook:indexed') };
    });
    result.markFirstRows = marks.firstRows;
    result.markIndexed = marks.indexed;
    if (marks.firstRows === undefined) result.warnings.push('no wirebook:open/wirebook:first-rows marks to measure');

    // Memory while the capture is open, before scrolling.
    const heldPage = await probe.page().catch(() => undefined);
    const heldWorkers = await probe.workers();

    if (!result.broken) {
      // Scroll to the very end: the last row shown must be the last frame.
      const scroller = page.locator('[data-list-scroll]');
      if (!(await scroller.count())) result.broken = 'no [data-list-scroll] element';
      else {
        // Timed in the page, from setting scrollTop to the last frame's row showing its content.
        const scrolled = await scroller.evaluate(
          (el, last) =>
            new Promise<{ ms: number; range: number } | null>((resolve) => {
              const t = performance.now();
              const range = el.scrollHeight;
              const shown = () => {
                const row = el.querySelector<HTMLElement>(`[role="row"][data-frame="${last}"]`);
                return (
                  !!row && row.getBoundingClientRect().height > 0 && (row.textContent ?? '').replace(String(last), '').replace(/[\s\u2026]/g, '').length > 0
                );
              };
              const done = (r: { ms: number; range: number } | null) => {
                observer.disconnect();
                clearTimeout(timer);
                resolve(r);
              };
              const observer = new MutationObserver(() => shown() && done({ ms: performance.now() - t, range }));
              observer.observe(el, { childList: true, subtree: true, characterData: true });
              const timer = setTimeout(() => done(null), 30_000);
              el.scrollTop = el.scrollHeight;
            }),
          expected,
        );
        const reached = scrolled !== null;
        const range = scrolled?.range ?? 0;
        result.scrollMs = scrolled?.ms;
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const shown = await scroller.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const visible = [...el.querySelectorAll<HTMLElement>('[role="row"][data-frame]')].filter((row) => {
            const b = row.getBoundingClientRect();
            return b.height > 0 && b.bottom > box.top + 1 && b.top < box.bottom - 1;
          });
          const frames = visible.map((row) => Number(row.dataset.frame));
          return { last: frames.length ? Math.max(...frames) : 0, atEnd: el.scrollTop + el.clientHeight >= el.scrollHeight - 2, height: el.scrollHeight };
        });
        result.lastShown = shown.last;
        if (!reached || shown.last !== expected) {
          result.broken = `scrolled to the end, the last row shown is frame ${shown.last || 'none'}, not ${expected}`;
          result.scrollMs = undefined;
        }
        if (!shown.atEnd) {
          const grown = shown.height - range;
          result.warnings.push(
            grown > 0
              ? `the list's scroll range grew by ${grown} px when its last rows were drawn: at the end it can always be scrolled a little further`
              : 'the list did not scroll to its very end',
          );
        }

        // Half-way, for the report: the rows there should be about the middle frames.
        await scroller.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
        await page
          .waitForFunction(
            (n) => [...document.querySelectorAll<HTMLElement>('[role="row"][data-frame]')].some((r) => Math.abs(Number(r.dataset.frame) - n) < n * 0.02),
            expected / 2,
            { timeout: 10_000 },
          )
          .catch(() => {});
        const mid = await scroller.evaluate((el) => {
          const box = el.getBoundingClientRect();
          const frames = [...el.querySelectorAll<HTMLElement>('[role="row"][data-frame]')]
            .filter((row) => {
              const b = row.getBoundingClientRect();
              return b.height > 0 && b.bottom > box.top + 1 && b.top < box.bottom - 1;
            })
            .map((row) => Number(row.dataset.frame));
          return frames.length ? `${Math.min(...frames)}-${Math.max(...frames)}` : 'none';
        });
        result.midShown = mid;
      }
    }

    if (!result.broken && !process.argv.includes('--no-graph')) await timeGraph(page, result, timeout);

    sampler.stop();
    if (tab !== undefined) {
      const now = residentSize(tab);
      const p = proportionalSize(tab);
      const reset = before.get(tab)?.reset ?? false;
      const all = chromiumProcesses().reduce((s, q) => s + (proportionalSize(q.pid)?.pss ?? 0), 0);
      result.memory = {
        pid: tab,
        before: before.get(tab)?.rss ?? 0,
        atReady,
        peak: Math.max(reset ? (now?.peak ?? 0) : 0, sampler.peakRss.get(tab) ?? 0),
        peakFromKernel: reset,
        rss: now?.rss ?? 0,
        pss: p?.pss ?? 0,
        private: p?.private ?? 0,
        peakPss: Math.max(sampler.peakPss.get(tab) ?? 0, p?.pss ?? 0),
        pageHeap: { ready: heldPage, end: await probe.page().catch(() => undefined) },
        workerHeaps: { ready: heldWorkers, end: await probe.workers() },
        allChromiumPss: all,
      };
    } else result.warnings.push("could not find the tab's renderer process");
    await probe.detach();
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Presses Graph on the TCP conversation with the most packets (the conversations table) and
 * times, in the page, until the graph pane shows its drawing: the first picture.
 */
async function timeGraph(page: Page, result: RunResult, timeout: number): Promise<void> {
  const table = page.locator('wb-explorer [data-conversations] table');
  if (!(await table.count())) return void result.warnings.push('no conversations table: no graph timed');
  const stream = await table.evaluate((t) => {
    let best = -1;
    let most = -1;
    for (const row of t.querySelectorAll<HTMLTableRowElement>('tbody tr')) {
      const n = Number(row.cells[3]?.textContent?.replace(/,/g, '')) + Number(row.cells[4]?.textContent?.replace(/,/g, ''));
      if (n > most) [most, best] = [n, Number(row.cells[0]?.textContent)];
    }
    return best;
  });
  if (stream < 0) return void result.warnings.push('no TCP conversation: no graph timed');
  result.graphStream = stream;
  const got = await page
    .evaluate(
      ({ stream, timeout }) =>
        new Promise<{ ms: number; points: number } | null>((resolve) => {
          const pane = document.querySelector('wb-explorer [data-graph-pane]');
          const button = document.querySelector<HTMLButtonElement>(`wb-explorer button[data-proto="tcp"][data-stream="${stream}"][data-act="graph"]`);
          if (!pane || !button) return resolve(null);
          const t0 = performance.now();
          const done = () => {
            const svg = pane.querySelector('svg.sg-svg');
            if (!svg) return false;
            resolve({ ms: performance.now() - t0, points: pane.querySelectorAll('table[data-graph-table] tbody tr').length });
            return true;
          };
          const watch = new MutationObserver(() => done() && watch.disconnect());
          watch.observe(pane, { childList: true, subtree: true });
          setTimeout(() => {
            watch.disconnect();
            resolve(null);
          }, timeout);
          button.click();
        }),
      { stream, timeout },
    )
    .catch(() => null);
  if (!got) return void result.warnings.push(`the graph of stream ${stream} did not show within ${timeout / 1000} s`);
  result.graphMs = got.ms;
  result.graphPoints = got.points;
}

// ---- tshark, for scale -------------------------------------------------------

function timeTshark(capture: string, repeat: number): { seconds: number; cpu?: number } | undefined {
  if (spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  let best: { seconds: number; cpu?: number } | undefined;
  for (let i = 0; i < repeat; i++) {
    const argv = ['-r', capture, '-T', 'fields', '-e', 'frame.number'];
    const t0 = performance.now();
    const r = spawnSync(time ?? 'tshark', time ? ['-v', 'tshark', ...argv] : argv, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) return undefined;
    const err = r.stderr.toString();
    const user = /User time \(seconds\): ([\d.]+)/.exec(err);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
    const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
    if (!best || seconds < best.seconds) best = { seconds, cpu };
  }
  return best;
}

// ---- Report ------------------------------------------------------------------

const sec = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const mb = (bytes: number | undefined) => (bytes === undefined || Number.isNaN(bytes) ? 'n/a' : `${(bytes / MB).toFixed(0)} MB`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function table(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}

/** The smallest of each figure over the runs (times); memory: the highest. */
function bestOf(runs: RunResult[]): RunResult {
  const min = (pick: (r: RunResult) => number | undefined) => {
    const xs = runs.map(pick).filter((x): x is number => x !== undefined);
    return xs.length ? Math.min(...xs) : undefined;
  };
  const memories = runs.map((r) => r.memory).filter((m): m is Memory => m !== undefined);
  // Figures reported once per run (setInputFiles, the Worker's steps) come from the quickest to index.
  const quickest = [...runs].sort((a, b) => (a.clockIndexed ?? Infinity) - (b.clockIndexed ?? Infinity))[0];
  return {
    ...quickest,
    markFirstRows: min((r) => r.markFirstRows),
    markIndexed: min((r) => r.markIndexed),
    clockFirstRows: min((r) => r.clockFirstRows),
    clockIndexed: min((r) => r.clockIndexed),
    polledFirstRows: min((r) => r.polledFirstRows),
    polledIndexed: min((r) => r.polledIndexed),
    scrollMs: min((r) => r.scrollMs),
    graphMs: min((r) => r.graphMs),
    cpuRenderer: min((r) => r.cpuRenderer),
    cpuWorker: min((r) => r.cpuWorker),
    cpuMain: min((r) => r.cpuMain),
    memory: memories.sort((a, b) => b.peak - a.peak)[0],
  };
}

function verdict(figures: Array<number | undefined>, goal: number): string {
  const xs = figures.filter((x): x is number => x !== undefined);
  if (!xs.length) return 'n/a';
  return Math.max(...xs) < goal ? 'PASS' : 'FAIL';
}

async function main(): Promise<number> {
  const frames = Number(arg('--frames') ?? 700_000);
  const segments = Math.round((frames - 6) / 1.5);
  const repeat = Math.max(1, Number(arg('--repeat') ?? 1));
  const timeout = Number(arg('--timeout') ?? 120) * 1000;
  const distArg = arg('--dist') ?? process.env.WIREBOOK_BENCH_DIST;
  const dist = resolve(ROOT, distArg ?? 'dist');
  const base = process.env.WIREBOOK_BASE ?? '/';

  if (!existsSync(join(dist, 'open/index.html'))) {
    const named = dist.startsWith(`${ROOT}/`) ? relative(ROOT, dist) : dist;
    console.log(`bench: ${named}/open/index.html is missing: building the site first (npx astro build, into ${dist})`);
    const b = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WIREBOOK_OUT_DIR: dist }, maxBuffer: 1 << 28 });
    if (b.status !== 0 || !existsSync(join(dist, 'open/index.html'))) {
      console.error(`${(b.stdout + b.stderr).split('\n').slice(-30).join('\n')}\nbench: the build has no open/index.html: the /open/ page is needed`);
      return 1;
    }
  }

  const capture = join(tmpdir(), `wirebook-bench-open-${process.pid}.pcapng`);
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  try {
    const g0 = performance.now();
    const written = writeBulkCapture(capture, segments);
    const size = statSync(capture).size;
    console.log(
      `capture: ${capture}\n  ${written.toLocaleString('en')} frames, ${(size / 1e6).toFixed(1)} MB, synthesized in ${((performance.now() - g0) / 1000).toFixed(1)} s`,
    );

    const tshark = timeTshark(capture, repeat);
    [browser, site] = await Promise.all([launchBrowser(), serveStatic(dist, base)]);
    const url = new URL('open/', site.url).href;
    console.log(`site: ${dist} at ${url}; Chromium ${browser.version()}; ${cpus().length} cores, load average ${load()}`);

    const runs: RunResult[] = [];
    for (let i = 0; i < repeat; i++) {
      const r = await runOnce(browser, url, capture, written, timeout);
      runs.push(r);
      if (repeat > 1) {
        console.log(
          `  run ${i + 1}: first rows ${sec(r.markFirstRows)} / ${sec(r.clockFirstRows)}, indexed ${sec(r.markIndexed)} / ${sec(r.clockIndexed)}, ` +
            `scroll ${sec(r.scrollMs)}, peak ${mb(r.memory?.peak)}; load ${load()}`,
        );
      }
      if (r.broken) break;
    }
    const broken = runs.find((r) => r.broken);
    const best = broken ?? bestOf(runs);
    const warnings = [...new Set(runs.flatMap((r) => r.warnings))];
    const m = best.memory;
    const ratio = (ms: number | undefined) => (ms !== undefined && tshark ? `${(ms / 1000 / tshark.seconds).toFixed(2)}x tshark` : '');

    console.log('');
    table([
      ['figure', 'page marks', 'own clock', 'goal', 'result'],
      ['first rows', sec(best.markFirstRows), sec(best.clockFirstRows), '< 1 s', verdict([best.markFirstRows, best.clockFirstRows], GOALS.firstRowsMs)],
      ['indexed (data-state=ready)', sec(best.markIndexed), sec(best.clockIndexed), '< 5 s', verdict([best.markIndexed, best.clockIndexed], GOALS.indexedMs)],
      ['scroll to last frame', '', sec(best.scrollMs), '', best.scrollMs === undefined ? 'n/a' : `frame ${best.lastShown} shown`],
      [`graph, first picture (stream ${best.graphStream ?? '?'})`, sec(best.graphMs), '', '< 1 s', verdict([best.graphMs], GOALS.graphMs)],
      ['tab memory, peak RSS', '', mb(m?.peak), '< 500 MB', verdict([m && m.peak / MB], GOALS.memoryMb)],
    ]);
    console.log('');
    console.log(
      `times: from choosing the file; "page marks" = performance.measure from wirebook:open; "own clock" = from this script's call to setInputFiles ` +
        `(the call took ${sec(best.setInputFilesMs)}) to the moment the page showed rows with content / set data-state=ready`,
    );
    console.log(`  (the same moments as seen through Playwright's polling: first rows ${sec(best.polledFirstRows)}, ready ${sec(best.polledIndexed)})`);
    if (best.workerTimings) {
      const steps = Object.entries(best.workerTimings).map(([step, ms]) => `${step} ${sec(ms)}`);
      console.log(`the Worker's steps (the page's data-timings): ${steps.join(', ')}`);
    }
    if (best.cpuRenderer !== undefined) {
      console.log(
        `cpu to indexed: renderer ${best.cpuRenderer.toFixed(2)} s, of which Worker thread ${best.cpuWorker?.toFixed(2) ?? 'n/a'} s, ` +
          `main thread ${best.cpuMain?.toFixed(2) ?? 'n/a'} s (the rest: Chromium's helper threads)`,
      );
    }
    if (tshark) {
      console.log(
        `tshark -r FILE -T fields -e frame.number: ${tshark.seconds.toFixed(2)} s wall, ${tshark.cpu?.toFixed(2) ?? 'n/a'} s cpu; ` +
          `indexed: page marks ${ratio(best.markIndexed) || 'n/a'}, own clock ${ratio(best.clockIndexed) || 'n/a'}` +
          (tshark.cpu && best.cpuRenderer !== undefined ? `; renderer cpu ${(best.cpuRenderer / tshark.cpu).toFixed(2)}x tshark cpu` : ''),
      );
    } else console.log('tshark: not installed (Debian package tshark), no ratio');
    if (m) {
      console.log(`memory of the tab's renderer process (pid ${m.pid}; the page and its Worker thread):`);
      console.log(`  before choosing the file: RSS ${mb(m.before)}; when data-state=ready was seen: RSS ${mb(m.atReady)}`);
      console.log(
        `  peak while open: RSS ${mb(m.peak)} (${m.peakFromKernel ? 'kernel VmHWM, reset when the file was chosen' : 'sampled every 100 ms'}), PSS ${mb(m.peakPss)} (sampled every 0.5 s)`,
      );
      console.log(`  after scrolling to the end: RSS ${mb(m.rss)}, PSS ${mb(m.pss)}, private ${mb(m.private)}`);
      const heap = (h: Heap | undefined) =>
        h ? `JS heap ${mb(h.used)} used of ${mb(h.total)}${h.buffers !== undefined ? `, array buffers ${mb(h.buffers)}` : ''}` : 'n/a';
      console.log(`  page (main thread): at ready ${heap(m.pageHeap.ready)}; after scrolling ${heap(m.pageHeap.end)}`);
      if (!m.workerHeaps.end.length) console.log('  Worker: none attached');
      for (const w of m.workerHeaps.end) {
        const ready = m.workerHeaps.ready.find((r) => r.name === w.name);
        console.log(`  Worker "${w.name}": at ready ${heap(ready?.heap)}; after scrolling ${heap(w.heap)}`);
      }
      console.log(`  every Chromium process together (browser, GPU, network, renderers): PSS ${mb(m.allChromiumPss)}`);
    }
    if (best.midShown) console.log(`half-way down the list: frames ${best.midShown} shown`);
    if (repeat > 1) console.log(`best of ${repeat} runs (each time its own best; memory the highest)`);
    console.log(`load average now ${load()} (${cpus().length} cores)`);
    for (const w of warnings) console.log(`warning: ${w}`);
    if (broken) {
      console.log(`\nBROKEN: ${broken.broken}`);
      return 1;
    }
    return 0;
  } finally {
    await browser?.close();
    await site?.close();
    if (!process.argv.includes('--keep')) rmSync(capture, { force: true });
    else console.log(`kept ${capture}`);
  }
}

process.exitCode = await main();
