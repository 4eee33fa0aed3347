// The frame in plain words and the details' tools on the built site, in
// Chromium: every frame of course captures gets a sentence (on /open/ and in
// a lesson's viewer), Ctrl+G goes to a frame of the virtualised list, Expand
// all shows a deep field, Find in details finds one; axe finds nothing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

const WAIT = { timeout: 30_000 };

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

/** One tshark field of every frame (two passes). */
function tsharkField(file: string, field: string): string[] {
  const r = spawnSync('tshark', ['-r', file, '-2', '-T', 'fields', '-e', field], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tshark failed on ${file}: ${r.stderr}`);
  return r.stdout.split('\n').slice(0, -1);
}

async function openExplorer(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  await page.goto(new URL('open/', site.url).href);
  await page.locator('wb-explorer [data-ui]:not([hidden])').waitFor(WAIT);
  return { page, errors, close: () => context.close() };
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

/** Wait until the details show frame n, and return its sentence once it is there. */
async function sentenceOf(page: Page, n: number): Promise<string> {
  await page.waitForFunction(
    (n) => {
      const first = document.querySelector('wb-explorer [data-tree] [role="treeitem"] > .pv-line')?.textContent ?? '';
      return first.startsWith(`Frame ${n}:`) && (document.querySelector('wb-explorer [data-sentence]')?.textContent ?? '') !== '';
    },
    n,
    WAIT,
  );
  return (await page.locator('wb-explorer [data-sentence]').textContent()) ?? '';
}

describe('a sentence for every frame, Go to frame, Expand all and Find in details', () => {
  it('says every frame of the ARP and DNS captures on /open/, as tshark reads them', async () => {
    const { page, errors, close } = await openExplorer();
    for (const file of ['captures/recorded/arp.pcapng', 'captures/recorded/udp-dns.pcapng']) {
      await openFile(page, file);
      const protocols = tsharkField(file, '_ws.col.Protocol');
      const rcodes = tsharkField(file, 'dns.flags.rcode');
      const opcodes = tsharkField(file, 'arp.opcode');
      await page.locator('wb-explorer [data-list-scroll]').focus();
      for (let n = 1; n <= protocols.length; n++) {
        if (n > 1) await page.keyboard.press('ArrowDown');
        const said = await sentenceOf(page, n);
        expect(said.length, `${file} frame ${n}`).toBeGreaterThan(20);
        // What tshark says the frame is, the sentence says too.
        if (opcodes[n - 1] === '1') expect(said).toMatch(/^An? (gratuitous )?ARP (request|probe)/);
        if (opcodes[n - 1] === '2') expect(said).toMatch(/^An? (gratuitous )?ARP reply/);
        if (protocols[n - 1] === 'ICMP') expect(said).toMatch(/^ICMP type/);
        if (rcodes[n - 1] === '3') expect(said).toContain('NXDOMAIN');
        if (protocols[n - 1] === 'DNS' && rcodes[n - 1] === '') expect(said).toMatch(/^A DNS query/);
      }
    }
    expect(await page.locator('wb-explorer [data-sentence]').getAttribute('aria-live')).toBe('polite');
    expect(errors).toEqual([]);
    await close();
  });

  it('goes to a frame with Ctrl+G, scrolling the list to it', async () => {
    const { page, errors, close } = await openExplorer();
    const file = 'captures/recorded/tcp-loss.pcapng';
    await openFile(page, file);
    const last = tsharkField(file, 'frame.number').length;
    await page.locator('wb-explorer [data-list-scroll]').focus();
    await page.keyboard.press('Control+g');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ex-goto');
    await page.keyboard.type(String(last - 1));
    await page.keyboard.press('Enter');
    const row = page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${last - 1}"][aria-selected="true"]`);
    await row.waitFor(WAIT);
    await sentenceOf(page, last - 1);
    // The row is in view inside the list, and the list has the focus to go on with the arrows.
    const inView = await row.evaluate((r) => {
      const box = r.closest('[data-list-scroll]')!.getBoundingClientRect();
      const b = r.getBoundingClientRect();
      return b.top >= box.top && b.bottom <= box.bottom + 1;
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-list-scroll'))).toBe(true);
    // A frame the list does not have is refused, saying why.
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(last + 5));
    await page.keyboard.press('Enter');
    await expect(page.locator('wb-explorer [data-goto-msg]').textContent()).resolves.toContain(`no frame ${last + 5}`);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the iRTT with Expand all, hides it with Collapse all, and finds it by search', async () => {
    const { page, errors, close } = await openExplorer();
    const file = 'captures/recorded/tcp-http.pcapng';
    await openFile(page, file);
    // tshark: the frames that carry tcp.analysis.initial_rtt.
    const irtt = tsharkField(file, 'tcp.analysis.initial_rtt').findIndex((v) => v !== '') + 1;
    expect(irtt).toBeGreaterThan(0);
    await page.locator('wb-explorer [data-list-scroll]').focus();
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(irtt));
    await page.keyboard.press('Enter');
    await sentenceOf(page, irtt);
    const field = page.locator('wb-explorer [data-tree] [data-field="tcp.analysis.initial_rtt"]');
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await field.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await field.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    // Find in details: the match is marked, selected and shown, its subtrees opened.
    const find = page.getByRole('searchbox', { name: 'Find in details' });
    await find.fill('irtt');
    await expect(field.getAttribute('aria-selected')).resolves.toBe('true');
    expect(await field.isVisible()).toBe(true);
    expect(await field.getAttribute('data-match')).toBe('');
    await expect(page.locator('wb-explorer [data-tree-search-status]').textContent()).resolves.toMatch(/Match 1 of \d+/);
    // Enter steps to the next match; the search follows the reader to the next frame.
    await find.press('Enter');
    await find.fill('no such field anywhere');
    await expect(page.locator('wb-explorer [data-tree-search-status]').textContent()).resolves.toBe('No field matches.');
    expect(errors).toEqual([]);
    await screenshot(page, 'frame-sentence-open');
    await close();
  });

  it('says every frame of a lesson’s viewer, the first from the server render', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(new URL('lessons/rst/', site.url).href);
    const viewer = 'wb-packet-viewer[data-capture="tcp-rst-linger"]';
    const say = page.locator(`${viewer} [data-sentence]`);
    // Frame 8 is the reset (tcp.flags 0x014 in tshark): an abort after the data.
    expect(tsharkField('captures/recorded/tcp-rst-linger.pcapng', 'tcp.flags')[7]).toBe('0x0014');
    const rendered = (await say.textContent()) ?? '';
    expect(rendered).toMatch(/^An RST .* aborts the connection/);
    await page.locator(`${viewer} [data-toolbar]:not([hidden])`).waitFor(WAIT);
    await page.locator(`${viewer} [data-step="first"]`).click();
    const seen: string[] = [];
    for (let n = 1; n <= 8; n++) {
      if (n > 1) await page.locator(`${viewer} [data-step="next"]`).click();
      await page.waitForFunction(
        ({ viewer, n }) => {
          const v = document.querySelector<HTMLElement>(viewer)!;
          return v.dataset.frame === String(n) && !v.hasAttribute('aria-busy') && (v.querySelector('[data-sentence]')?.textContent ?? '') !== '';
        },
        { viewer, n },
        WAIT,
      );
      await page.waitForFunction(
        (prev) => document.querySelector(`${prev.viewer} [data-sentence]`)?.textContent !== prev.text,
        { viewer, text: seen.at(-1) ?? rendered },
        WAIT,
      );
      seen.push((await say.textContent()) ?? '');
    }
    expect(seen[0]).toMatch(/^A SYN from port/);
    expect(seen[1]).toMatch(/^A SYN-ACK/);
    expect(seen[7]).toBe(rendered);
    expect(new Set(seen).size).toBe(8);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('leaves axe nothing to find on /open/ with a frame and a search, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await openExplorer(scheme);
      await openFile(page, 'captures/recorded/tcp-closed-port.pcapng');
      await page.locator('wb-explorer [data-list-scroll]').focus();
      await page.keyboard.press('ArrowDown');
      expect(await sentenceOf(page, 2)).toMatch(/^An RST answering the SYN in frame 1/);
      await page.getByRole('searchbox', { name: 'Find in details' }).fill('reset');
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(new URL('lessons/rst/', site.url).href);
      await page.locator('wb-packet-viewer [data-toolbar]:not([hidden])').first().waitFor(WAIT);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    }
    // A phone: the sentence and the tools wrap within the viewer.
    const context = await browser.newContext({ viewport: viewports.phone, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(new URL('lessons/rst/', site.url).href);
    const viewer = page.locator('wb-packet-viewer[data-capture="tcp-closed-port"]');
    await viewer.locator('[data-toolbar]:not([hidden])').waitFor(WAIT);
    await viewer.locator('[data-tree-tools]:not([hidden])').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    const wide = await viewer.locator('.fp-sentence, .fp-tools').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
    expect(wide).toBe(0);
    await viewer.scrollIntoViewIfNeeded();
    await viewer.screenshot({ path: 'test-results/screens/frame-sentence-phone.png' });
    await context.close();
  });
});
