// Follow stream and Statistics on "Open your own capture", in Chromium, held
// to tshark: the Follow panel's chunks are tshark's `-z follow` blocks for a
// TCP and a UDP stream, the statistics tables carry tshark's numbers and each
// row's Filter keeps the frames tshark's filter keeps. axe finds nothing in
// either theme or at phone width.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePcapng } from '../../src/decoder/capture/write-pcapng.ts';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';
import { followBlocks } from '../support/follow-blocks.ts';

const HTTP = 'captures/recorded/tcp-http.pcapng';
const DNS = 'captures/recorded/udp-dns.pcapng';
const WAIT = { timeout: 30_000 };

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

function tshark(file: string, args: string[]): string {
  const r = spawnSync('tshark', ['-r', file, '-2', ...args], { encoding: 'latin1' });
  if (r.error || r.status !== 0) throw new Error(`tshark failed on ${file}: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const tsharkFrames = (file: string, filter: string) =>
  tshark(file, ['-Y', filter, '-T', 'fields', '-e', 'frame.number']).split('\n').filter(Boolean).map(Number);

async function openPage(colorScheme: 'light' | 'dark', viewport: { width: number; height: number } = viewports.desktop) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page.goto(new URL('open/', site.url).href);
  await page.locator('wb-explorer [data-ui]:not([hidden])').waitFor(WAIT);
  return { context, page, errors };
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.locator('wb-explorer input[data-file]').setInputFiles(file);
  const name = file.slice(file.lastIndexOf('/') + 1);
  await page.waitForFunction(
    (name) => {
      const ex = document.querySelector('wb-explorer')!;
      return ex.getAttribute('data-state') === 'ready' && (ex.querySelector('[data-status]')!.textContent ?? '').startsWith(`${name}:`);
    },
    name,
    WAIT,
  );
}

/** The Follow panel's chunks as the reader sees them. */
async function chunks(page: Page): Promise<{ dir: string; text: string }[]> {
  await page.locator('wb-explorer [data-follow] [data-follow-chunk]').first().waitFor(WAIT);
  return page.$$eval('wb-explorer [data-follow] [data-follow-chunk]', (els) =>
    els.map((e) => ({ dir: (e as HTMLElement).dataset.dir!, text: e.textContent ?? '' })),
  );
}

/** The list's frames once a filter is applied and every row has arrived. */
async function filtered(page: Page, text: string): Promise<number[]> {
  await page.locator(`wb-explorer[data-applied-filter="${text.replaceAll('"', '\\"')}"]`).waitFor(WAIT);
  const handle = await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll<HTMLElement>('wb-explorer [data-rows] [role="row"][data-frame]')];
      if (rows.some((r) => r.querySelector('.ex-c6')?.textContent === '…')) return null;
      return rows.map((r) => Number(r.dataset.frame));
    },
    undefined,
    WAIT,
  );
  return (await handle.jsonValue()) as number[];
}

async function tab(page: Page, name: string): Promise<void> {
  await page.locator(`wb-explorer [role="tab"][data-tab="${name}"]`).click();
  if (name !== 'tcp') await page.locator(`wb-explorer [data-stats-panel="${name}"][data-ready]`).waitFor(WAIT);
}

/** The body of tshark's hex follow output: its blocks, node 1's lines indented by a tab. */
function hexBody(out: string): string {
  const start = out.indexOf('\n', out.indexOf('\nNode 1: ') + 1) + 1;
  return out.slice(start, out.lastIndexOf(`\n${'='.repeat(67)}\n`) + 1);
}

/**
 * A UDP stream of `n` datagrams between 10.0.0.1:5000 and 10.0.0.2:6000, the
 * sender changing every third one: longer than the panel draws at first.
 */
function longUdpCapture(n: number): string {
  const frames = Array.from({ length: n }, (_, i) => {
    const back = Math.floor(i / 3) % 2 === 1;
    const payload = new TextEncoder().encode(`line ${i} <b>&amp;</b>\n`);
    const ip = new Uint8Array(20 + 8 + payload.length);
    const v = new DataView(ip.buffer);
    v.setUint8(0, 0x45);
    v.setUint16(2, ip.length);
    v.setUint16(4, i);
    v.setUint8(8, 64);
    v.setUint8(9, 17);
    ip.set(back ? [10, 0, 0, 2, 10, 0, 0, 1] : [10, 0, 0, 1, 10, 0, 0, 2], 12);
    let sum = 0;
    for (let k = 0; k < 20; k += 2) sum += v.getUint16(k);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    v.setUint16(10, ~sum & 0xffff);
    v.setUint16(20, back ? 6000 : 5000);
    v.setUint16(22, back ? 5000 : 6000);
    v.setUint16(24, 8 + payload.length);
    ip.set(payload, 28);
    const eth = new Uint8Array(14 + ip.length);
    eth.set([2, 0, 0, 0, 0, back ? 1 : 2, 2, 0, 0, 0, 0, back ? 2 : 1, 0x08, 0x00]);
    eth.set(ip, 14);
    return { linkType: 1, timestamp: 1_700_000_000_000_000_000n + BigInt(i) * 1_000_000n, data: eth };
  });
  const path = join(mkdtempSync(join(tmpdir(), 'wirebook-follow-')), 'long-udp.pcapng');
  writeFileSync(path, writePcapng(frames));
  return path;
}

describe('Follow stream and Statistics on /open/', () => {
  it('draws a long stream a batch at a time as the reader scrolls, ending as tshark follows it', async () => {
    const file = longUdpCapture(1000);
    const blocks = followBlocks(tshark(file, ['-q', '-z', 'follow,udp,ascii,0']));
    expect(blocks).toHaveLength(1000);
    const { context, page, errors } = await openPage('light');
    await openFile(page, file);
    await tab(page, 'udp');
    await page.locator('wb-explorer [data-stats-panel="udp"] button[data-act="follow"][data-stream="0"]').click();
    const count = () => page.locator('wb-explorer [data-follow] [data-follow-chunk]').count();
    await page.locator('wb-explorer [data-follow] [data-follow-chunk]').first().waitFor(WAIT);
    const first = await count();
    expect(first).toBeLessThan(blocks.length);
    await expect(page.locator('wb-explorer [data-follow] [data-follow-more]').isVisible()).resolves.toBe(true);
    // Scroll to the end of what is drawn until everything is.
    for (let i = 0; i < 20 && (await count()) < blocks.length; i++) {
      await page.locator('wb-explorer [data-follow-body]').evaluate((b) => b.scrollTo(0, b.scrollHeight));
      await page.waitForTimeout(150);
    }
    expect(await chunks(page)).toEqual(blocks);
    // Batches join: one block per run of a sender, across the batch boundaries too.
    const runs = await page.$$eval('wb-explorer [data-follow] .fs-run', (els) => els.length);
    expect(runs).toBe(Math.ceil(blocks.length / 3));
    await expect(page.locator('wb-explorer [data-follow] [data-follow-more]').isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a very long stream to a few batches in the page, scrolling down to its end and back up', async () => {
    const file = longUdpCapture(3000);
    const blocks = followBlocks(tshark(file, ['-q', '-z', 'follow,udp,ascii,0']));
    expect(blocks).toHaveLength(3000);
    const { context, page, errors } = await openPage('light');
    await openFile(page, file);
    await tab(page, 'udp');
    await page.locator('wb-explorer [data-stats-panel="udp"] button[data-act="follow"][data-stream="0"]').click();
    const body = page.locator('wb-explorer [data-follow-body]');
    const more = page.locator('wb-explorer [data-follow] [data-follow-more]');
    await page.locator('wb-explorer [data-follow] [data-follow-chunk]').first().waitFor(WAIT);
    let most = 0;
    // Down to the end: never more than four batches of 400 chunks in the page.
    for (let i = 0; i < 40 && (await more.isVisible()); i++) {
      await body.evaluate((b) => b.scrollTo(0, b.scrollHeight));
      await page.waitForTimeout(150);
      most = Math.max(most, (await chunks(page)).length);
    }
    await expect(more.isVisible()).resolves.toBe(false);
    expect(most).toBeLessThanOrEqual(1600);
    const atEnd = await chunks(page);
    expect(atEnd.length).toBeLessThan(blocks.length);
    expect(atEnd).toEqual(blocks.slice(-atEnd.length));
    // A jump back to the start (Home): the first chunks are drawn again, in order.
    for (let i = 0; i < 40 && (await chunks(page))[0].text !== blocks[0].text; i++) {
      await body.evaluate((b) => b.scrollTo(0, 0));
      await page.waitForTimeout(150);
    }
    const atStart = await chunks(page);
    expect(atStart).toEqual(blocks.slice(0, atStart.length));
    expect(atStart.length).toBeLessThanOrEqual(1600);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a TCP stream as tshark does, in ASCII and as a hex dump, and downloads each direction', async () => {
    const { context, page, errors } = await openPage('light');
    await openFile(page, HTTP);
    await page.locator('wb-explorer [data-conversations] button[data-proto="tcp"][data-stream="0"][data-act="follow"]').click();
    const blocks = followBlocks(tshark(HTTP, ['-q', '-z', 'follow,tcp,ascii,0']));
    expect(blocks.length).toBeGreaterThan(2);
    expect(await chunks(page)).toEqual(blocks);
    // A sender's consecutive chunks run on in one block.
    const runs = await page.$$eval('wb-explorer [data-follow] .fs-run', (els) => els.map((e) => (e as HTMLElement).dataset.dir));
    expect(runs).toEqual(blocks.map((b) => b.dir).filter((d, i, a) => i === 0 || d !== a[i - 1]));
    // The legend names tshark's Node 0 as A.
    const node0 = /Node 0: (\S+)/.exec(tshark(HTTP, ['-q', '-z', 'follow,tcp,ascii,0']))![1];
    await expect(page.locator('wb-explorer [data-follow] .fs-legend li[data-dir="A"]').textContent()).resolves.toContain(`A: ${node0}`);

    await page.locator('wb-explorer [data-follow] input[data-follow-view="hex"]').check();
    const hex = await page.$$eval('wb-explorer [data-follow] [data-follow-chunk]', (els) =>
      els.map((e) =>
        (e.textContent ?? '')
          .split('\n')
          .map((l) => ((e as HTMLElement).dataset.dir === 'B' ? `\t${l}` : l))
          .join('\n'),
      ),
    );
    expect(`${hex.join('\n')}\n`).toBe(hexBody(tshark(HTTP, ['-q', '-z', 'follow,tcp,hex,0'])));

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('wb-explorer [data-follow] button[data-follow-download="B"]').click()]);
    const saved = readFileSync((await download.path())!);
    expect(saved.length).toBe(blocks.filter((b) => b.dir === 'B').reduce((n, b) => n + b.text.length, 0));
    expect(saved.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows a UDP stream from the UDP conversations tab as tshark does', async () => {
    const { context, page, errors } = await openPage('light');
    await openFile(page, DNS);
    await tab(page, 'udp');
    // tshark -z conv,udp lists one row per stream.
    const rows = tshark(DNS, ['-q', '-z', 'conv,udp'])
      .split('\n')
      .filter((l) => l.includes('<->'));
    await expect(page.locator('wb-explorer [data-stats-panel="udp"] tbody tr').count()).resolves.toBe(rows.length);
    await page.locator('wb-explorer [data-stats-panel="udp"] button[data-proto="udp"][data-stream="1"][data-act="follow"]').click();
    expect(await chunks(page)).toEqual(followBlocks(tshark(DNS, ['-q', '-z', 'follow,udp,ascii,1'])));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters the packet list from each statistics table's rows, to tshark's frames", async () => {
    const { context, page, errors } = await openPage('light');
    await openFile(page, HTTP);
    const apply = async (panel: string, nth: number) => {
      const b = page.locator(`wb-explorer [data-stats-panel="${panel}"] button[data-act="filter"]`).nth(nth);
      const text = (await b.getAttribute('data-filter-text'))!;
      await b.click();
      return { text, got: await filtered(page, text) };
    };
    await tab(page, 'ip');
    // The IPv4 row's numbers: tshark -z conv,ip's total frames.
    const conv = tshark(HTTP, ['-q', '-z', 'conv,ip'])
      .split('\n')
      .find((l) => l.includes('<->'))!;
    const total = conv.trim().split(/\s+/)[9];
    await expect(page.locator('wb-explorer [data-stats-panel="ip"] tbody tr td').nth(6).textContent()).resolves.toBe(total);
    for (const [panel, nth] of [
      ['ip', 0],
      ['phs', 3],
      ['expert', 1],
    ] as const) {
      await tab(page, panel);
      const { text, got } = await apply(panel, nth);
      expect(got, text).toEqual(tsharkFrames(HTTP, text));
      expect(got.length).toBeGreaterThan(0);
    }
    // An expert row keeps the frames whose item it counts, as tshark's expert filter does.
    await tab(page, 'expert');
    const fin = page.locator('wb-explorer [data-stats-panel="expert"] tr', { hasText: 'Connection finish (FIN)' }).locator('button[data-act="filter"]');
    const text = (await fin.getAttribute('data-filter-text'))!;
    await fin.click();
    expect(await filtered(page, text)).toEqual(tsharkFrames(HTTP, '_ws.expert.message == "Connection finish (FIN)"'));
    // IPv6 addresses in the filter the IPv6 tab writes.
    const IPV6 = 'captures/recorded/tcp-ipv6.pcapng';
    await openFile(page, IPV6);
    await tab(page, 'ipv6');
    const v6 = page.locator('wb-explorer [data-stats-panel="ipv6"] button[data-act="filter"]').first();
    const v6text = (await v6.getAttribute('data-filter-text'))!;
    expect(v6text).toMatch(/^ipv6\.addr == \S*:\S* and ipv6\.addr == \S*:/);
    await v6.click();
    expect(await filtered(page, v6text)).toEqual(tsharkFrames(IPV6, v6text));
    // The tabs answer the arrow keys.
    await page.locator('wb-explorer [role="tab"][data-tab="expert"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('wb-explorer [role="tab"][aria-selected="true"]').getAttribute('data-tab')).resolves.toBe('ip');
    await expect(page.evaluate(() => (document.activeElement as HTMLElement).dataset.tab)).resolves.toBe('ip');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('loads the lesson panel when reached: its views and downloads match tshark', async () => {
    const { context, page, errors } = await openPage('light');
    await page.goto(new URL('guide/components/', site.url).href);
    const panel = page.locator('wb-follow[data-proto="udp"][data-stream="0"]');
    // Server-rendered: the chunks are there before any script runs.
    const ascii = await panel
      .locator('[data-follow-chunk]')
      .evaluateAll((els) => els.map((e) => ({ dir: (e as HTMLElement).dataset.dir!, text: e.textContent ?? '' })));
    expect(ascii).toEqual(followBlocks(tshark(DNS, ['-q', '-z', 'follow,udp,ascii,0'])));
    await panel.scrollIntoViewIfNeeded();
    await panel.locator('[data-follow-controls]:not([hidden])').waitFor(WAIT);
    await panel.locator('input[data-follow-view="hex"]').check();
    const hex = await panel.locator('[data-follow-chunk]').evaluateAll((els) =>
      els.map((e) =>
        (e.textContent ?? '')
          .split('\n')
          .map((l) => ((e as HTMLElement).dataset.dir === 'B' ? `\t${l}` : l))
          .join('\n'),
      ),
    );
    expect(`${hex.join('\n')}\n`).toBe(hexBody(tshark(DNS, ['-q', '-z', 'follow,udp,hex,0'])));
    await panel.locator('input[data-follow-view="raw"]').check();
    const raw = await panel.locator('[data-follow-chunk]').allTextContents();
    expect(raw).toEqual(
      hexBody(tshark(DNS, ['-q', '-z', 'follow,udp,raw,0']))
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/^\t/, '')),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('button[data-follow-download="A"]').click()]);
    const saved = readFileSync((await download.path())!);
    expect(saved.toString('hex')).toBe(raw[0]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows hostile payload and names as text in Follow and Statistics', async () => {
    const HOSTILE = 'test/fixtures/captures/hostile-names.pcapng';
    const { context, page, errors } = await openPage('light');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openFile(page, HOSTILE);
    await page.locator('wb-explorer [data-conversations] button[data-act="follow"][data-stream="0"]').click();
    expect(await chunks(page)).toEqual(followBlocks(tshark(HOSTILE, ['-q', '-z', 'follow,tcp,ascii,0'])));
    for (const name of ['phs', 'expert', 'udp']) await tab(page, name);
    await page.locator('wb-explorer [data-stats-panel="udp"] button[data-act="follow"]').first().click();
    await chunks(page);
    // Nothing from the capture became an element.
    await expect(
      page.locator('wb-explorer [data-follow] img, wb-explorer [data-follow] script, wb-explorer [data-stats] img, wb-explorer [data-stats] script').count(),
    ).resolves.toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no axe violations with Follow and Statistics open, light and dark, desktop and phone', { timeout: 240_000 }, async () => {
    const found: string[] = [];
    for (const [colorScheme, size] of [
      ['light', 'desktop'],
      ['dark', 'desktop'],
      ['light', 'phone'],
      ['dark', 'phone'],
    ] as const) {
      const { context, page, errors } = await openPage(colorScheme, viewports[size]);
      await openFile(page, HTTP);
      await page.locator('wb-explorer [data-conversations] button[data-act="follow"][data-stream="0"]').click();
      await chunks(page);
      for (const name of ['tcp', 'phs', 'expert', 'ip']) {
        await tab(page, name);
        found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${size} ${name}: ${v}`));
      }
      await tab(page, 'expert');
      await screenshot(page, `follow-stats-${size}-${colorScheme}`);
      // The lesson panel, its script loaded, on the components page.
      await page.goto(new URL('guide/components/', site.url).href);
      const panel = page.locator('wb-follow[data-proto="udp"]');
      await panel.scrollIntoViewIfNeeded();
      await panel.locator('[data-follow-controls]:not([hidden])').waitFor(WAIT);
      found.push(...(await axeViolations(page)).map((v) => `${colorScheme} ${size} components page: ${v}`));
      await panel.screenshot({ path: `test-results/screens/follow-lesson-${size}-${colorScheme}.png` });
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
