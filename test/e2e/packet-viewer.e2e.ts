// The packet viewer on the built site, in Chromium: keyboard stepping,
// linked highlighting both ways, FrameLinks, hash deep links, no-JavaScript
// reading, accessibility in both themes at desktop and phone width.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

// The instructors' component reference hosts the live examples these tests drive.
const lesson = 'guide/components/';
const viewer = 'wb-packet-viewer[data-capture="tcp-http"]';

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(path, site.url).href);
  if (options.javaScriptEnabled !== false) await ready(page);
  return { context, page, errors };
}

/** The viewer has decoded its capture and taken over from the static render. */
async function ready(page: Page): Promise<void> {
  await page.locator(`${viewer} [data-toolbar]:not([hidden])`).waitFor();
}

/** The viewer alone, from the full page (so the sticky site header stays out of the picture). */
async function shoot(page: Page, name: string): Promise<void> {
  // The sticky site header would otherwise be painted over the viewer.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const e of document.querySelectorAll<HTMLElement>('body > header, .site-header')) e.style.visibility = 'hidden';
  });
  const box = await page.locator(viewer).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
  });
  mkdirSync('test-results/screens', { recursive: true });
  await page.screenshot({
    path: `test-results/screens/${name}.png`,
    fullPage: true,
    clip: { x: Math.max(0, box.x - 12), y: box.y - 12, width: box.width + 24, height: box.height + 24 },
  });
}

const selectedRow = (page: Page) => page.locator(`${viewer} tr[aria-selected="true"]`).getAttribute('data-frame');
const selectedField = (page: Page) => page.locator(`${viewer} [role="treeitem"][aria-selected="true"]`).getAttribute('data-field');
const selectedBytes = (page: Page) =>
  page.locator(`${viewer} [data-offset][aria-selected="true"]`).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.offset)));

describe('packet viewer', () => {
  it('steps through the frames with the keyboard and the step buttons', async () => {
    const { context, page, errors } = await open(lesson);
    expect(await selectedRow(page)).toBe('1');
    await page.locator(`${viewer} [data-list]`).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await selectedRow(page)).toBe('3');
    await expect(page.locator(`${viewer} [data-list]`).getAttribute('aria-activedescendant')).resolves.toMatch(/-f3$/);
    await page.keyboard.press('End');
    expect(await selectedRow(page)).toBe('16');
    await page.keyboard.press('Home');
    expect(await selectedRow(page)).toBe('1');
    await page.locator(`${viewer} [data-step="next"]`).click();
    expect(await selectedRow(page)).toBe('2');
    await page.locator(`${viewer} [data-step="last"]`).click();
    expect(await selectedRow(page)).toBe('16');
    await expect(page.locator(`${viewer} [data-step="next"]`).isDisabled()).resolves.toBe(true);
    // Play steps on by itself until paused.
    await page.locator(`${viewer} [data-step="first"]`).click();
    await page.locator(`${viewer} [data-step="play"]`).click();
    await expect(page.locator(`${viewer} [data-step="play"]`).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.waitForFunction((sel) => Number(document.querySelector(`${sel} tr[aria-selected="true"]`)?.getAttribute('data-frame')) >= 3, viewer);
    await page.locator(`${viewer} [data-step="play"]`).click();
    await expect(page.locator(`${viewer} [data-step="play"]`).getAttribute('aria-label')).resolves.toBe('Play');
    await page.locator(`${viewer} [data-step="last"]`).click();
    // The details pane follows: frame 16 is the last ACK.
    await expect(page.locator(`${viewer} [data-tree] [data-path="0"]`).textContent()).resolves.toMatch(/^Frame 16:/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves through the field tree with the arrow keys (tree pattern)', async () => {
    const { context, page } = await open(lesson);
    await page.locator(`${viewer} [data-list]`).focus();
    await page.keyboard.press('Enter');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement).dataset.path);
    expect(await focused()).toBe('0');
    const frameNode = page.locator(`${viewer} [role="treeitem"][data-path="0"]`);
    await expect(frameNode.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowRight');
    await expect(frameNode.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('0.0');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('0');
    await page.keyboard.press('Enter');
    await expect(frameNode.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await selectedField(page)).toBe('eth');
    await expect(page.locator(`${viewer} [role="treeitem"][data-path="1"]`).getAttribute('aria-level')).resolves.toBe('1');
    await context.close();
  });

  it('selects exactly the four bytes of tcp.seq, and the field that owns a clicked byte', async () => {
    const { context, page } = await open(lesson);
    await page.locator(`${viewer} [role="treeitem"][data-field="tcp.seq"] .pv-line`).click();
    expect(await selectedBytes(page)).toEqual([38, 39, 40, 41]);
    await expect(page.locator(`${viewer} [data-fieldbar]`).textContent()).resolves.toContain('4 bytes at offset 38');

    await page.locator(`${viewer} [data-offset="35"]`).click();
    expect(await selectedField(page)).toBe('tcp.srcport');
    expect(await selectedBytes(page)).toEqual([34, 35]);
    // A second click on the same byte widens to the enclosing field.
    await page.locator(`${viewer} [data-offset="35"]`).click();
    expect(await selectedField(page)).toBe('tcp');

    // A bit field highlights its byte and shows its mask.
    // (Frame 1's note on the SYN flag has opened the flags already.)
    await expect(page.locator(`${viewer} [role="treeitem"][data-field="tcp.flags"]`).getAttribute('aria-expanded')).resolves.toBe('true');
    await page.locator(`${viewer} [role="treeitem"][data-field="tcp.flags.syn"] .pv-line`).click();
    expect(await selectedBytes(page)).toEqual([47]);
    await expect(page.locator(`${viewer} [data-fieldbar] .pv-bit[data-on]`).count()).resolves.toBe(1);
    await shoot(page, 'packet-viewer-bitfield-desktop-light');
    // The twisty opens and closes a subtree with the mouse.
    const ipFlags = page.locator(`${viewer} [role="treeitem"][data-field="ip.flags"]`);
    await expect(ipFlags.getAttribute('aria-expanded')).resolves.toBe('false');
    await ipFlags.locator('.pv-twisty').click();
    await expect(ipFlags.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(page.locator(`${viewer} [role="treeitem"][data-field="ip.flags.df"]`).getAttribute('aria-level')).resolves.toBe('3');
    await context.close();
  });

  it('moves the byte cursor with the arrow keys, selecting the owning field', async () => {
    const { context, page } = await open(lesson);
    await page.locator(`${viewer} [data-offset="34"]`).click();
    expect(await selectedField(page)).toBe('tcp.srcport');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await selectedField(page)).toBe('tcp.dstport');
    await expect(page.locator(`${viewer} [data-hex]`).getAttribute('aria-activedescendant')).resolves.toMatch(/-b36$/);
    await page.keyboard.press('ArrowDown');
    expect(await selectedField(page)).toBe('tcp.urgent_pointer'); // byte 52, one line down
    await context.close();
  });

  it('selects the frame and field a FrameLink names, and scrolls to the viewer', async () => {
    const { context, page } = await open(lesson);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('a[data-frame-link][href="#frame=7&field=tcp.ack"]').click();
    expect(await selectedRow(page)).toBe('7');
    expect(await selectedField(page)).toBe('tcp.ack');
    expect(await selectedBytes(page)).toEqual([42, 43, 44, 45]);
    expect(new URL(page.url()).hash).toBe('#frame=7&field=tcp.ack');
    const top = await page.locator(viewer).evaluate((e) => e.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(200);
    await context.close();
  });

  it('opens at the frame and field of a hash deep link', async () => {
    const { context, page } = await open(`${lesson}#frame=4&field=http.request.method`);
    expect(await selectedRow(page)).toBe('4');
    expect(await selectedField(page)).toBe('http.request.method');
    expect(await selectedBytes(page)).toEqual([54, 55, 56]);
    await context.close();
  });

  it('shows a reassembled PDU in its own bytes tab, as Wireshark does', async () => {
    const { context, page } = await open(`${lesson}#frame=12&field=http.response.code`);
    expect(await selectedRow(page)).toBe('12');
    expect(await selectedField(page)).toBe('http.response.code');
    const tabs = page.locator(`${viewer} [data-sources] [role="tab"]`);
    await expect(tabs.count()).resolves.toBe(2);
    await expect(page.locator(`${viewer} [data-sources] [aria-selected="true"]`).innerText()).resolves.toMatch(/^Reassembled TCP \(\d[\d,]* bytes\)$/);
    // "200" at bytes 9-11 of the reassembled response.
    expect(await selectedBytes(page)).toEqual([9, 10, 11]);
    await expect(page.locator(`${viewer} [data-hex] [data-offset][data-selected]`).allInnerTexts()).resolves.toEqual(['32', '30', '30']);
    // The frame's own bytes, one tab away: the selection is not in them.
    await tabs.first().click();
    await expect(tabs.first().getAttribute('aria-selected')).resolves.toBe('true');
    expect(await selectedBytes(page)).toEqual([]);
    await screenshot(page, 'viewer-reassembled');
    await context.close();
  });

  it('shows notes and changes the time column', async () => {
    const { context, page } = await open(`${lesson}#frame=4`);
    await expect(page.locator(`${viewer} [data-notes] .pv-callout`).textContent()).resolves.toMatch(/GET request/);
    await page.locator(`${viewer} [data-time-mode]`).selectOption('delta');
    await expect(page.locator(`${viewer} tr[data-frame="2"] [data-time]`).textContent()).resolves.toBe('0.000033');
    // The decoder gives relative sequence numbers: the toggle shows the raw ones.
    const seq = page.locator(`${viewer} [data-relative-seq]`);
    await expect(seq.isVisible()).resolves.toBe(true);
    await expect(page.locator(`${viewer} tr[data-frame="3"] [data-info]`).textContent()).resolves.toContain('Seq=1 Ack=1');
    await seq.uncheck();
    await expect(page.locator(`${viewer} tr[data-frame="3"] [data-info]`).textContent()).resolves.toContain('Seq=4071048680 Ack=1295241618');
    await expect(page.locator(`${viewer} [data-field="tcp.seq"]`).first().textContent()).resolves.toContain('Sequence Number: 4071048680'); // frame 4, relative 1
    await seq.check();
    await page.locator(`${viewer} [data-time-mode]`).selectOption('absolute');
    await expect(page.locator(`${viewer} tr[data-frame="1"] [data-time]`).textContent()).resolves.toMatch(/^\d\d:\d\d:\d\d\.\d{6}$/);
    await context.close();
  });

  it('copies the frame as a text2pcap hex dump', async () => {
    const { context, page } = await open(lesson, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator(`${viewer} [data-copy-hex]`).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[0]).toMatch(/^0000 {2}02 77 00 00 00 02 02 77 00 00 00 01 08 00 45 00$/);
    expect(text.trim().split('\n')).toHaveLength(5); // 66 bytes
    await context.close();
  });

  it('is readable without JavaScript: list, details and bytes of the first frame', async () => {
    const { context, page } = await open(lesson, { javaScriptEnabled: false });
    expect(await page.locator(`${viewer} tr[data-frame]`).count()).toBe(16);
    await expect(page.locator(`${viewer} [data-tree] [data-field="tcp.seq"]`).textContent()).resolves.toMatch(/Sequence Number: \d+/);
    expect(await page.locator(`${viewer} [data-offset]`).count()).toBe(66);
    await expect(page.locator(`${viewer} [data-toolbar]`).isHidden()).resolves.toBe(true);
    await screenshot(page, 'packet-viewer-nojs-desktop');
    await context.close();
  });
});

describe('packet viewer: accessibility and look', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(viewports)) {
      it(`has no axe violations in ${colorScheme} theme at ${size} width`, async () => {
        const { context, page } = await open(`${lesson}#frame=1&field=tcp.seq`, { colorScheme, viewport });
        const violations = await axeViolations(page);
        expect(violations, `${colorScheme}, ${size}`).toEqual([]);
        // The viewer fits the screen; its packet list scrolls inside its own box.
        const fit = await page.locator(viewer).evaluate((e) => ({ right: e.getBoundingClientRect().right - innerWidth, inner: e.scrollWidth - e.clientWidth }));
        expect(fit.right).toBeLessThanOrEqual(0);
        expect(fit.inner).toBeLessThanOrEqual(0);
        await shoot(page, `packet-viewer-${size}-${colorScheme}`);
        await context.close();
      });
    }
  }
});
