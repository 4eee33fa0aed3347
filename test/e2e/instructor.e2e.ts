// The instructor's flow, end to end, on a copy of the project: `wirebook lesson
// new` turns a classic pcap into a contributed capture, its sidecar and a
// starter lesson; `wirebook lesson check` passes it and catches a broken frame
// reference with FILE:LINE; the dev server renders the new lesson with live
// widgets and no axe violations; and saving the MDX shows up in the open page.
// The project's own lessons/ and captures/ are never touched.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, viewports } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
/** What the site needs to build and serve (node_modules is linked, not copied). */
const SITE_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'lessons', 'captures', 'public'];
const SOURCE_CAPTURE = join(project, 'captures/recorded/tcp-http.pcapng');
const NAME = 'my-lab';
const TITLE = 'My lab';

let work: string; // the temp dir: the copy and the instructor's pcap
let copy: string;
let lessonFile: string; // lessons/NN-my-lab.mdx, relative to the copy
let frames: number; // in the capture, as lesson new counted them
let server: ChildProcess | undefined;
let serverLog = '';
let onExit: (() => void) | undefined;
let url: string;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
const pageErrors: string[] = [];

/** Files named for the new lesson in the project's own lessons/ and captures/: there must be none. */
const strays = () =>
  ['lessons', 'captures'].flatMap((d) =>
    readdirSync(join(project, d), { recursive: true })
      .map(String)
      .filter((f) => f.includes(NAME))
      .map((f) => `${d}/${f}`),
  );
const straysBefore = strays();

/** Runs the wirebook CLI in the copy, as an instructor would (a real process, real exit code). */
function wirebook(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['src/cli/wirebook.ts', ...args], { cwd: copy, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** node_modules as a real folder of links to the project's packages, so Vite's and Astro's caches (node_modules/.vite, .astro) land in the copy. */
function linkNodeModules(): void {
  const from = join(project, 'node_modules');
  const to = join(copy, 'node_modules');
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (['.vite', '.vite-temp', '.astro', '.vitest-cache'].includes(entry)) continue;
    symlinkSync(join(from, entry), join(to, entry));
  }
}

/**
 * The environment without what Vitest adds to it: with VITEST set, Astro's dev
 * server starts but answers 404 to every page; NODE_ENV=test, MODE, BASE_URL
 * and the like are Vitest's too.
 */
function outsideVitest(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const vitestOwn = new Set(['TEST', 'NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('VITEST') && !vitestOwn.has(key)));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address() as AddressInfo;
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** Polls until the URL answers 200, the server dies or the time is up. */
async function waitForPage(target: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server?.exitCode !== null) throw new Error(`the dev server exited (${server?.exitCode}):\n${serverLog}`);
    try {
      const r = await fetch(target, { signal: AbortSignal.timeout(30_000) });
      if (r.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`${target} did not answer 200 within ${ms / 1000} s:\n${serverLog}`);
}

/** Waits until no widget on the page is busy decoding. */
async function notBusy(p: Page): Promise<void> {
  await p.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 30_000 });
}

/** Waits until the page has not navigated for quietMs (navigations: their times). */
async function settled(p: Page, navigations: number[], quietMs: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const last = navigations.at(-1) ?? 0;
    if (Date.now() - last >= quietMs) return;
    if (Date.now() > end) throw new Error(`the page kept reloading for ${timeoutMs / 1000} s`);
    await p.waitForTimeout(250);
  }
}

/** Signals every process of the group (npx runs astro as its child); false when none is left. */
function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child?.pid) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((ok) => child.once('exit', () => ok()));
  if (killGroup(child.pid, 'SIGTERM')) await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
  // Whatever of the group is still there (astro after npx, say).
  await new Promise((ok) => setTimeout(ok, 500));
  killGroup(child.pid, 'SIGKILL');
  if (onExit) process.off('exit', onExit);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wirebook-instructor-'));
  copy = join(work, 'site');
  mkdirSync(copy);
  for (const f of SITE_FILES) if (existsSync(join(project, f))) cpSync(join(project, f), join(copy, f), { recursive: true });
  linkNodeModules();
});

afterAll(async () => {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stopServer();
  if (work) rmSync(work, { recursive: true, force: true });
}, 60_000);

describe('an instructor adds a lesson from a capture', () => {
  it('lesson new converts a classic pcap and writes the capture, its sidecar and a starter lesson', () => {
    // The instructor's file: a real recorded capture, saved as classic pcap.
    const pcap = join(work, 'lab.pcap');
    const editcap = spawnSync('editcap', ['-F', 'pcap', SOURCE_CAPTURE, pcap], { encoding: 'utf8' });
    expect(editcap.status, `editcap (from Wireshark's tools) is needed: ${editcap.error ?? editcap.stderr}`).toBe(0);
    expect(readFileSync(pcap).readUInt32LE(0), 'a classic pcap (microsecond magic)').toBe(0xa1b2c3d4);

    const last = Math.max(...readdirSync(join(copy, 'lessons')).map((f) => Number(/^(\d+)-/.exec(f)?.[1] ?? 0)));
    const r = wirebook('lesson', 'new', NAME, '--capture', pcap, '--title', TITLE);
    expect(r.code, r.err).toBe(0);
    const counted = new RegExp(`^captures/contributed/${NAME}\\.pcapng: (\\d+) frames \\(converted from pcap\\)$`, 'm').exec(r.out);
    expect(counted, r.out).not.toBeNull();
    frames = Number(counted![1]);
    const tshark = spawnSync('tshark', ['-r', SOURCE_CAPTURE], { encoding: 'utf8' });
    if (tshark.status === 0) expect(frames, 'as many frames as tshark reads').toBe(tshark.stdout.trim().split('\n').length);

    const lessons = readdirSync(join(copy, 'lessons')).filter((f) => f.endsWith(`-${NAME}.mdx`) || f === `${NAME}.mdx`);
    expect(lessons).toHaveLength(1);
    // Numbered after the course's last lesson.
    expect(lessons[0]).toBe(`${String(last + 1).padStart(2, '0')}-${NAME}.mdx`);
    lessonFile = `lessons/${lessons[0]}`;
    expect(r.out).toMatch(new RegExp(`^${lessonFile}: order \\d+, sequence diagram of TCP stream 0$`, 'm'));

    const capture = readFileSync(join(copy, `captures/contributed/${NAME}.pcapng`));
    expect(capture.readUInt32LE(0), 'converted to pcapng (section header block)').toBe(0x0a0d0d0a);
    const sidecar = readFileSync(join(copy, `captures/contributed/${NAME}.yaml`), 'utf8');
    expect(sidecar).toContain(`title: "${TITLE}"`);
    expect(sidecar).toContain(`file: ${NAME}.pcapng`);
    expect(sidecar).toMatch(/kind: contributed/);
    expect(sidecar).toContain('converted from pcap to pcapng');

    const mdx = readFileSync(join(copy, lessonFile), 'utf8');
    expect(mdx).toContain(`title: "${TITLE}"`);
    expect(mdx).toContain(`captures: [${NAME}]`);
    expect(mdx).toContain(`<PacketViewer capture="${NAME}"`);
    expect(mdx).toContain(`<SequenceDiagram capture="${NAME}"`);
    expect(mdx).toMatch(/<Quiz>[\s\S]*<(Answer|Predict|Choice) id=/);
  });

  it('lesson check passes the new lesson, and reports a broken frame reference as FILE:LINE', () => {
    const ok = wirebook('lesson', 'check');
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toBe('');
    const count = readdirSync(join(copy, 'lessons')).filter((f) => f.endsWith('.mdx')).length;
    expect(ok.err.trim()).toBe(`${count} lessons checked: no problems`);

    // Break the first frame link on purpose: frame 9999, past the end of the capture.
    const path = join(copy, lessonFile);
    const good = readFileSync(path, 'utf8');
    const link = `<FrameLink capture="${NAME}" frame={1}`;
    expect(good).toContain(link);
    const line = good.slice(0, good.indexOf(link)).split('\n').length;
    writeFileSync(path, good.replace(link, `<FrameLink capture="${NAME}" frame={9999}`));
    try {
      for (const args of [
        ['lesson', 'check'],
        ['lesson', 'check', lessonFile],
      ]) {
        const bad = wirebook(...args);
        expect(bad.code, args.join(' ')).toBe(1);
        const problems = bad.out.trim().split('\n');
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p).toMatch(new RegExp(`^${lessonFile}:${line}: `));
        expect(bad.out).toContain(`${lessonFile}:${line}: <FrameLink> frame 9999 is past the end of "${NAME}", which has ${frames} frames.`);
        expect(bad.err).toMatch(/problems? in \d+ lessons?/);
      }
    } finally {
      writeFileSync(path, good);
    }
    expect(wirebook('lesson', 'check').code, 'restored').toBe(0);
  });

  it('the dev server renders the new lesson: title, packet viewer, sequence diagram, quiz, no axe violations', async () => {
    const port = await freePort();
    // The project's Node (>= 22.18, the one running these tests) first on PATH, as scripts/with-node.sh does.
    const env = {
      ...outsideVitest(process.env),
      WIREBOOK_BASE: '/',
      PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    server = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: copy,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Should the test run itself be stopped, take the server (its own process group) along.
    const group = server.pid!;
    onExit = () => killGroup(group, 'SIGKILL');
    process.once('exit', onExit);
    const log = (chunk: Buffer) => void (serverLog += chunk.toString());
    server.stdout!.on('data', log);
    server.stderr!.on('data', log);
    url = `http://127.0.0.1:${port}/lessons/${NAME}/`;
    await waitForPage(url, 150_000);

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.goto(url);

    await expect(page.locator('h1').textContent()).resolves.toBe(TITLE);
    await expect(page.title()).resolves.toContain(TITLE);
    // The widgets come alive (the first dev-server visit compiles their scripts: be patient).
    const mdx = readFileSync(join(copy, lessonFile), 'utf8');
    const rows = page.locator(`wb-packet-viewer[data-capture="${NAME}"] tr[data-frame]`);
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count(), 'the viewer lists every frame').toBe(Math.min(frames, 100));
    // The diagram draws every frame of the conversation the lesson describes ("N frames, from frame ...").
    const conversation = Number(/^(\d+) frames?, from frame/m.exec(mdx)?.[1]);
    const arrows = page.locator(`wb-sequence-diagram[data-capture="${NAME}"] .sd-arrow[data-frame]`);
    await arrows.first().waitFor({ timeout: 60_000 });
    expect(await arrows.count()).toBe(conversation);
    // The quiz: the starter's questions, each alive as its kind.
    const kinds = [...mdx.matchAll(/^<(Choice|Answer|Predict|FindField|Order) id="/gm)].map((m) => m[1]!.toLowerCase());
    expect(kinds.length).toBeGreaterThan(0);
    await page.waitForFunction(() => customElements.get('wb-question') !== undefined, undefined, { timeout: 60_000 });
    await expect(page.locator('wb-question').evaluateAll((qs) => qs.map((q) => q.getAttribute('data-kind')))).resolves.toEqual(kinds);
    await expect(page.getByRole('button', { name: 'Check', exact: true }).count()).resolves.toBe(kinds.length);

    // axe on the settled page: a viewer still decoding dims its panes (aria-busy), which is not what a reader sees for long.
    await notBusy(page);
    expect(await axeViolations(page)).toEqual([]);

    // A frame link selects its frame in the viewer.
    await page.locator(`a[data-frame-link][data-capture="${NAME}"]`).nth(1).click();
    await page.locator(`wb-packet-viewer[data-capture="${NAME}"] tr[data-frame="2"][aria-selected="true"]`).waitFor({ timeout: 20_000 });
    await notBusy(page);
    await screenshot(page, `instructor-${NAME}`);
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('shows an edit of the MDX in the open page, without the test navigating', async () => {
    expect(page, 'the page of the previous test').toBeDefined();
    // A mark on the window tells a full reload (mark gone) from an update in place (mark kept).
    await page.evaluate(() => ((window as unknown as { wbMark: number }).wbMark = 1));
    const address = page.url();
    const reloads: number[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads.push(Date.now()));

    const sentence = `Saved at ${Date.now()}: the page follows the file.`;
    const path = join(copy, lessonFile);
    const mdx = readFileSync(path, 'utf8');
    const started = Date.now();
    // Before the quiz, which the starter lesson always has.
    expect(mdx).toContain('<Quiz>');
    writeFileSync(path, mdx.replace('<Quiz>', `${sentence}\n\n<Quiz>`));

    await page.getByText(sentence).waitFor({ timeout: 20_000 });
    const seconds = (Date.now() - started) / 1000;
    // Astro reloads the page once for the MDX module and once more when its content
    // store has read the file again: wait for the page to stay put before looking.
    await settled(page, reloads, 3_000, 30_000);
    await page.waitForLoadState('load');
    const mark = await page.evaluate(() => (window as unknown as { wbMark?: number }).wbMark);
    console.info(`edit shown ${seconds.toFixed(1)} s after the save; ${reloads.length} full reload(s) by the dev server`);

    expect(page.url(), 'the page was not navigated elsewhere').toBe(address);
    expect(mark, 'a full reload by the dev server').toBeUndefined();
    expect(reloads.length).toBeGreaterThanOrEqual(1);
    await expect(page.getByText(sentence).count()).resolves.toBe(1);
    // The reloaded page's widgets come back to life.
    const rows = page.locator(`wb-packet-viewer[data-capture="${NAME}"] tr[data-frame]`);
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(Math.min(frames, 100));
    await page.locator(`wb-sequence-diagram[data-capture="${NAME}"] .sd-arrow[data-frame]`).first().waitFor({ timeout: 60_000 });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("leaves the project's own lessons and captures alone", () => {
    expect(straysBefore, `the project already has files named ${NAME}`).toEqual([]);
    expect(strays()).toEqual([]);
  });
});
