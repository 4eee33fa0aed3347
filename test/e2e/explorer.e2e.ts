// "Open your own capture" on the built site, in Chromium, as a student uses it:
// open a file, filter it, pick a frame, a field, a header box and a
// conversation, and read every answer against tshark (two-pass, the oracle).
// Hostile, damaged and non-capture files are shown as data, never as markup;
// axe finds nothing in either theme; the console stays clean.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

const HTTP = 'captures/recorded/tcp-http.pcapng';
const LOSS = 'captures/recorded/tcp-loss.pcapng';
const IPV6 = 'captures/recorded/tcp-ipv6.pcapng';
const HOSTILE = 'test/fixtures/captures/hostile-names.pcapng';
const DAMAGED = 'test/fixtures/captures/damaged.pcapng';
const NOT_A_CAPTURE = 'test/fixtures/captures/not-a-capture.txt';
/** Generous: a cold Chromium on a busy two-core machine starts its Worker slowly. */
const WAIT = { timeout: 30_000 };

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

/** tshark's output (two-pass); it exits with 2 on a damaged file, after printing the frames it read. */
function tshark(file: string, args: string[]): string[] {
  const r = spawnSync('tshark', ['-r', file, '-2', ...args], { encoding: 'utf8' });
  if (r.error || (r.status !== 0 && !/cut short|damaged|corrupt/i.test(r.stderr))) throw new Error(`tshark failed on ${file}: ${r.error?.message ?? r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

/** The frame numbers tshark's display filter keeps. */
function tsharkFrames(file: string, filter: string): number[] {
  return tshark(file, ['-Y', filter, '-T', 'fields', '-e', 'frame.number']).map(Number);
}

/** tshark's Protocol and Info columns, one "n protocol info" line a frame (two-pass). */
function tsharkRows(file: string): string[] {
  return tshark(file, ['-T', 'fields', '-e', 'frame.number', '-e', '_ws.col.Protocol', '-e', '_ws.col.Info']).map((line) =>
    line.split('\t').join(' ').trimEnd(),
  );
}

/** Where tshark puts a field of a frame: its first byte and its length (PDML pos and size). */
function tsharkSpan(file: string, frame: number, field: string): { pos: number; size: number } {
  const pdml = tshark(file, ['-Y', `frame.number == ${frame}`, '-T', 'pdml']).join('\n');
  const m = new RegExp(`<field name="${field.replaceAll('.', '\\.')}"[^>]*? size="(\\d+)" pos="(\\d+)"`).exec(pdml);
  if (!m) throw new Error(`tshark has no ${field} in frame ${frame} of ${file}`);
  return { pos: Number(m[2]), size: Number(m[1]) };
}

/** The offsets a field spans. */
const spanOffsets = ({ pos, size }: { pos: number; size: number }) => Array.from({ length: size }, (_, i) => pos + i);

/** The listed rows as "n protocol info" lines, to hold against tsharkRows. */
async function shownRows(page: Page): Promise<string[]> {
  await listed(page);
  return page.locator('wb-explorer [data-rows] [role="row"][data-frame]').evaluateAll((rows) =>
    rows.map((r) =>
      [0, 4, 6]
        .map((c) => r.querySelector(`.ex-c${c}`)!.textContent)
        .join(' ')
        .trimEnd(),
    ),
  );
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors. */
  errors: string[];
  /** Every dialog (alert, confirm, prompt) the page opened. */
  dialogs: string[];
}

/** The explorer page, its element defined and its controls shown, under the site's real Content Security Policy. */
async function openPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(new URL('open/', site.url).href);
  await page.waitForFunction(() => customElements.get('wb-explorer') !== undefined, undefined, WAIT);
  await page.locator('wb-explorer [data-ui]:not([hidden])').waitFor(WAIT);
  await expect(page.locator('wb-explorer').getAttribute('data-state')).resolves.toBe('empty');
  return { context, page, errors, dialogs };
}

/** Wait until the explorer has finished with `name` (ready or error) and say which. */
async function settled(page: Page, name: string): Promise<string> {
  await page.waitForFunction(
    (name) => {
      const ex = document.querySelector('wb-explorer')!;
      const state = ex.getAttribute('data-state');
      if (state === 'error') return true;
      return state === 'ready' && (ex.querySelector('[data-status]')!.textContent ?? '').startsWith(`${name}:`);
    },
    name,
    WAIT,
  );
  return (await page.locator('wb-explorer').getAttribute('data-state'))!;
}

/** Open a file from the repository with the file picker. */
async function openFile(page: Page, file: string): Promise<string> {
  await page.locator('wb-explorer input[data-file]').setInputFiles(file);
  return settled(page, file.slice(file.lastIndexOf('/') + 1));
}

/** The frames the list shows, in order, once every row's cells have arrived from the Worker. */
async function listed(page: Page): Promise<number[]> {
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

/** Wait until the list shows exactly `frames` (fails with what it shows instead). */
async function expectListed(page: Page, frames: number[]): Promise<void> {
  const want = JSON.stringify(frames);
  await page
    .waitForFunction(
      (want) => {
        const rows = [...document.querySelectorAll<HTMLElement>('wb-explorer [data-rows] [role="row"][data-frame]')];
        return !rows.some((r) => r.querySelector('.ex-c6')?.textContent === '…') && JSON.stringify(rows.map((r) => Number(r.dataset.frame))) === want;
      },
      want,
      WAIT,
    )
    .catch(() => undefined);
  expect(await listed(page)).toEqual(frames);
}

/**
 * Run `act` (which applies a filter) and wait until the filter's message has
 * changed and is no longer a progress report: the answer has arrived. Returns it.
 */
async function afterFilter(page: Page, act: () => Promise<void>): Promise<string> {
  const msg = page.locator('wb-explorer [data-filter-msg]');
  const before = (await msg.textContent()) ?? '';
  await act();
  await page.waitForFunction(
    (before) => {
      const now = document.querySelector('wb-explorer [data-filter-msg]')?.textContent ?? '';
      return now !== before && now !== '' && !now.startsWith('Filtering');
    },
    before,
    WAIT,
  );
  return (await msg.textContent()) ?? '';
}

/** Apply a display filter the way a student does: type it and press Enter. Returns the message. */
async function typeFilter(page: Page, text: string): Promise<string> {
  return afterFilter(page, async () => {
    const input = page.locator('#ex-filter');
    await input.fill(text);
    await input.press('Enter');
  });
}

/** Wait until the tree shows frame n (its first item reads "Frame n: …"). */
async function treeShows(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (n) => (document.querySelector('wb-explorer [data-tree] [role="treeitem"] > .pv-line')?.textContent ?? '').startsWith(`Frame ${n}:`),
    n,
    WAIT,
  );
  expect(await page.locator('[data-tree] [role="treeitem"]').first().locator('> .pv-line').textContent()).toMatch(new RegExp(`^Frame ${n}: `));
}

/** Click row n and wait until it is selected and the tree shows it. */
async function selectRow(page: Page, n: number): Promise<void> {
  const row = page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${n}"]`);
  await row.click();
  await page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${n}"][aria-selected="true"]`).waitFor(WAIT);
  await treeShows(page, n);
}

/** The hex text of the bytes marked as the selected field's. */
async function markedBytes(page: Page): Promise<{ offsets: number[]; hex: string }> {
  return page.evaluate(() => {
    const on = [...document.querySelectorAll<HTMLElement>('wb-explorer [data-bytes] .pv-b[data-selected]')];
    return { offsets: on.map((b) => Number(b.dataset.offset)), hex: on.map((b) => b.textContent).join(' ') };
  });
}

/** Elements a capture's text could inject if it were ever written as markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const e of document.querySelectorAll('wb-explorer script, wb-explorer img, wb-explorer b, wb-explorer iframe, wb-explorer object')) {
      // The ladder carries its model as inert JSON: allowed only whole (nothing cut it short) and with no raw '<'.
      if (e.matches('[data-ladder] wb-sequence-diagram > script[type="application/json"][data-model]') && !e.textContent!.includes('<')) {
        try {
          JSON.parse(e.textContent!);
          continue;
        } catch {
          /* a cut model is reported below */
        }
      }
      found.push(e.outerHTML.slice(0, 120));
    }
    for (const e of document.querySelectorAll('*')) {
      for (const a of e.getAttributeNames()) if (a.startsWith('on')) found.push(`${e.tagName.toLowerCase()}[${a}]`);
    }
    return found;
  });
}

/** Open every closed subtree in the details tree, by clicking its twisty as a reader does. */
async function openWholeTree(page: Page): Promise<number> {
  let clicks = 0;
  for (;;) {
    const twisty = page.locator('wb-explorer [data-tree] [role="treeitem"][aria-expanded="false"] > .pv-line > .pv-twisty').filter({ visible: true }).first();
    if ((await twisty.count()) === 0) break;
    await twisty.click();
    clicks++;
    if (clicks > 500) throw new Error('the tree never finished opening');
  }
  // Nothing left closed, hidden or not.
  expect(await page.locator('wb-explorer [data-tree] [aria-expanded="false"]').count()).toBe(0);
  return clicks;
}

describe('open your own capture', () => {
  it('takes a student through tcp-http.pcapng: filter, frame, field, bytes, header diagram, keyboard, conversations, ladder', async () => {
    const { context, page, errors, dialogs } = await openPage();
    const explorer = page.locator('wb-explorer');
    expect(await openFile(page, HTTP)).toBe('ready');
    await expect(explorer.getAttribute('data-frames')).resolves.toBe('16');

    // The whole capture is listed: 16 rows and a header row.
    const grid = page.locator('wb-explorer [data-list-scroll]');
    await expectListed(
      page,
      Array.from({ length: 16 }, (_, i) => i + 1),
    );
    await expect(grid.getAttribute('role')).resolves.toBe('grid');
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe('17');
    const msg = page.locator('wb-explorer [data-filter-msg]');
    await expect(msg.textContent()).resolves.toBe('Showing all 16 frames.');
    // Every row's Protocol and Info columns are tshark's.
    expect(await shownRows(page)).toEqual(tsharkRows(HTTP));
    await expect(page.locator('[data-rows] [data-frame="4"] .ex-c4').textContent()).resolves.toBe('HTTP');

    // A display filter keeps exactly tshark's frames.
    const http = tsharkFrames(HTTP, 'http');
    expect(http).toEqual([4, 12]);
    await typeFilter(page, 'http');
    await expectListed(page, http);
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(http.length + 1));
    await expect(msg.textContent()).resolves.toBe(`Showing ${http.length} of 16 frames.`);
    await expect(page.locator('#ex-filter').getAttribute('aria-invalid')).resolves.toBe('false');

    // A misspelt field: the message names the right one, the input says it is invalid, the rows stay.
    await typeFilter(page, 'tcp.prot == 80');
    await page.locator('#ex-filter[aria-invalid="true"]').waitFor(WAIT);
    await expect(msg.textContent()).resolves.toMatch(/tcp\.port/);
    await expect(msg.textContent()).resolves.toMatch(/^Invalid filter at character 1: /);
    // One sentence, one full stop: a message ending in "?" gets none added.
    expect.soft(await msg.textContent(), 'filter error punctuation').not.toMatch(/[?!.]\.$/);
    await expectListed(page, http);
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(http.length + 1));
    await expect(page.locator('#ex-filter').inputValue()).resolves.toBe('tcp.prot == 80');

    // Choosing a row selects it and shows that frame's fields.
    await selectRow(page, 4);
    await expect(page.locator('[data-rows] [role="row"][aria-selected="true"]').count()).resolves.toBe(1);
    await expect(grid.getAttribute('aria-activedescendant')).resolves.toBe('ex-row-4');
    await expect(page.locator('[data-tree] [role="tree"]').count()).resolves.toBe(1);

    // A field in a closed subtree: open its parent by the twisty, choose it, its bytes light up.
    const method = page.locator('[data-tree] [role="treeitem"][data-field="http.request.method"]');
    const requestLine = page.locator('[data-tree] [role="treeitem"]:has(> [role="group"] > [data-field="http.request.method"])');
    await expect(requestLine.getAttribute('aria-expanded')).resolves.toBe('false');
    await requestLine.locator('> .pv-line > .pv-twisty').click();
    await expect(requestLine.getAttribute('aria-expanded')).resolves.toBe('true');
    await method.locator('> .pv-line').click();
    await expect(method.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('[data-tree] [role="treeitem"][aria-selected="true"]').count()).resolves.toBe(1);
    // Ethernet 14 + IPv4 20 + TCP 20 bytes: "GET" starts at offset 54.
    expect(await markedBytes(page)).toEqual({ offsets: [54, 55, 56], hex: '47 45 54' });

    // A header field: TCP's source port 36450 is 0x8e62 at offsets 34 and 35.
    const srcport = page.locator('[data-tree] [role="treeitem"][data-field="tcp.srcport"]');
    const tcp = page.locator('[data-tree] [role="treeitem"][data-field="tcp"][aria-level="1"]');
    if ((await tcp.getAttribute('aria-expanded')) === 'false') await tcp.locator('> .pv-line > .pv-twisty').click();
    await srcport.locator('> .pv-line').click();
    await expect(srcport.getAttribute('aria-selected')).resolves.toBe('true');
    const src = await markedBytes(page);
    expect(src.offsets).toEqual([34, 35]);
    expect(src.hex.toLowerCase()).toBe('8e 62');

    // The header diagram draws TCP; its Destination Port box chooses tcp.dstport (80 = 00 50).
    const diagram = page.locator('wb-explorer [data-diagram]');
    await expect(diagram.locator('.hd-proto').textContent()).resolves.toMatch(/Transmission Control Protocol|TCP/);
    const dstBox = diagram.locator('.hd-wide [role="option"][data-field="tcp.dstport"]');
    await expect(dstBox.textContent()).resolves.toMatch(/Destination Port/);
    await dstBox.click();
    const dstport = page.locator('[data-tree] [role="treeitem"][data-field="tcp.dstport"]');
    await expect(dstport.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(dstBox.getAttribute('aria-selected')).resolves.toBe('true');
    const dst = await markedBytes(page);
    expect(dst.offsets).toEqual([36, 37]);
    expect(dst.hex).toBe('00 50');

    // The bytes pane by keyboard: the arrows move the byte cursor and the tree selects the field that owns the byte.
    const bytes = page.locator('wb-explorer [data-bytes]');
    const selectedField = () => page.locator('wb-explorer [data-tree] [role="treeitem"][aria-selected="true"]').getAttribute('data-field');
    await expect(bytes.getAttribute('role')).resolves.toBe('grid');
    // At desktop width the pane holds 16 bytes a line, as tshark -x prints them.
    await expect(bytes.locator('.pv-hex-row').first().locator('.pv-b').count()).resolves.toBe(16);
    await bytes.focus();
    await expect(bytes.getAttribute('aria-activedescendant')).resolves.toMatch(/-b36$/);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const srcSpan = tsharkSpan(HTTP, http[0], 'tcp.srcport');
    expect(srcSpan.pos).toBe(34);
    await expect(selectedField()).resolves.toBe('tcp.srcport');
    expect((await markedBytes(page)).offsets).toEqual(spanOffsets(srcSpan));
    await expect(bytes.getAttribute('aria-activedescendant')).resolves.toMatch(/-b34$/);
    await page.keyboard.press('ArrowDown');
    const checksumSpan = tsharkSpan(HTTP, http[0], 'tcp.checksum');
    expect(checksumSpan.pos).toBe(34 + 16);
    await expect(selectedField()).resolves.toBe('tcp.checksum');
    expect((await markedBytes(page)).offsets).toEqual(spanOffsets(checksumSpan));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(selectedField()).resolves.toBe('tcp.dstport');
    // The header diagram follows the keys too.
    await expect(dstBox.getAttribute('aria-selected')).resolves.toBe('true');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-bytes'))).toBe(true);

    // Keyboard: from the list, ArrowDown moves to the next listed frame and the panes follow.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.locator(`[data-rows] [role="row"][data-frame="${http[1]}"][aria-selected="true"]`).waitFor(WAIT);
    await expect(page.locator(`[data-rows] [role="row"][data-frame="${http[0]}"]`).getAttribute('aria-selected')).resolves.toBe('false');
    await treeShows(page, http[1]);
    await expect(grid.getAttribute('aria-activedescendant')).resolves.toBe(`ex-row-${http[1]}`);
    // The chosen field is kept from frame to frame, as Wireshark does.
    await expect(page.locator('[data-tree] [role="treeitem"][data-field="tcp.dstport"]').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowUp');
    await treeShows(page, http[0]);

    // Conversations: stream 0, its ladder with one arrow a segment, and its filter.
    const stream0 = tsharkFrames(HTTP, 'tcp.stream == 0');
    expect(stream0.length).toBe(16);
    const conv = page.locator('wb-explorer [data-conversations] table');
    await conv.waitFor(WAIT);
    const row0 = conv.locator('tbody tr').filter({ has: page.locator('button[data-act="ladder"][data-stream="0"]') });
    await expect(row0.locator('td').first().textContent()).resolves.toBe('0');
    const counts = await row0.locator('td').evaluateAll((tds) => [Number(tds[3]!.textContent), Number(tds[4]!.textContent)]);
    expect(counts[0]! + counts[1]!).toBe(stream0.length);
    // Selecting a TCP frame already drew its stream's ladder; the Ladder button takes the reader to it.
    const ladder = page.locator('wb-explorer [data-ladder] wb-sequence-diagram[data-stream="0"]');
    await row0.locator('button[data-act="ladder"][data-stream="0"]').click();
    await ladder.waitFor(WAIT);
    await page
      .waitForFunction(
        (n) => document.querySelectorAll('wb-explorer [data-ladder] wb-sequence-diagram .sd-arrow[data-frame]').length === n,
        stream0.length,
        WAIT,
      )
      .catch(() => undefined);
    const arrows = await ladder.locator('.sd-arrow[data-frame]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-frame'))));
    expect(arrows).toEqual(stream0);
    // The ladder and the list share the selection, both ways.
    await ladder.locator(`tr[aria-current="true"][data-frame="${http[0]}"]`).waitFor(WAIT);
    await expect(ladder.locator('tr[aria-current="true"]').count()).resolves.toBe(1);
    // Step the ladder with its keys (the pointer's targets move while its overview strip loads).
    const from = stream0.indexOf(http[0]);
    const to = stream0.indexOf(http[1]);
    await ladder.locator('[data-scroll]').focus();
    for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown');
    await ladder.locator(`tr[aria-current="true"][data-frame="${http[1]}"]`).waitFor(WAIT);
    await page.locator(`[data-rows] [role="row"][data-frame="${http[1]}"][aria-selected="true"]`).waitFor(WAIT);
    await treeShows(page, http[1]);
    await selectRow(page, http[0]);
    await page.locator(`wb-explorer [data-ladder] tr[aria-current="true"][data-frame="${http[0]}"]`).waitFor(WAIT);
    // The button moves focus to the ladder even when it is already drawn (else it would seem to do nothing).
    await row0.locator('button[data-act="ladder"][data-stream="0"]').click();
    await page
      .waitForFunction(() => document.activeElement?.closest('wb-explorer [data-ladder]') !== null, undefined, { timeout: 5_000 })
      .catch(() => undefined);
    // Soft: the rest of the flow still runs when this fails.
    expect
      .soft(
        await page.evaluate(() => (document.activeElement?.closest('[data-ladder]') ? 'in the ladder' : document.activeElement?.outerHTML.slice(0, 80))),
        'focus after the Ladder button',
      )
      .toBe('in the ladder');

    await afterFilter(page, () => row0.locator('button[data-act="filter"][data-stream="0"]').click());
    await expect(page.locator('#ex-filter').inputValue()).resolves.toBe('tcp.stream == 0');
    await expectListed(page, stream0);
    await expect(msg.textContent()).resolves.toBe(`Showing ${stream0.length} of 16 frames.`);
    await expect(page.locator('#ex-filter').getAttribute('aria-invalid')).resolves.toBe('false');
    // The selection survives a filter that keeps its frame.
    await expect(page.locator(`[data-rows] [role="row"][data-frame="${http[0]}"]`).getAttribute('aria-selected')).resolves.toBe('true');

    await screenshot(page, 'explorer-tcp-http');
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a hostile capture's markup as text and never runs it", async () => {
    const { context, page, errors, dialogs } = await openPage();
    expect(await openFile(page, HOSTILE)).toBe('ready');
    await expectListed(
      page,
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    expect(await injected(page)).toEqual([]);

    // The DNS rows carry the names exactly, as text.
    const info = (n: number) => page.locator(`wb-explorer [data-rows] [data-frame="${n}"] .ex-c6`).textContent();
    for (const n of [1, 2]) await expect(info(n)).resolves.toContain('<script>alert(1)</script>.example.com');
    for (const n of [3, 4]) await expect(info(n)).resolves.toContain('<img src=x onerror=alert(2)>.example.com');
    expect(await shownRows(page)).toEqual(tsharkRows(HOSTILE));

    // The DNS query's tree and the HTTP request's tree hold the markup as text.
    const tree = () => page.locator('wb-explorer [data-tree]').textContent();
    await selectRow(page, 1);
    await expect(tree()).resolves.toContain('<script>alert(1)</script>.example.com');
    await openWholeTree(page);
    expect(await injected(page)).toEqual([]);
    await selectRow(page, 8);
    await expect(tree()).resolves.toContain('User-Agent: <script>alert(3)</script>');
    await expect(tree()).resolves.toContain('X-Note: <img src=x onerror=alert(4)>');
    expect(await injected(page)).toEqual([]);

    // The HTTP response, every subtree opened.
    await selectRow(page, 10);
    expect(await openWholeTree(page)).toBeGreaterThan(0);
    await expect(tree()).resolves.toContain('Server: <b onmouseover=alert(5)>bold</b>');
    await expect(tree()).resolves.toContain('<script>alert(6)</script>');
    // Every item of the opened tree is on show.
    const hidden = await page
      .locator('wb-explorer [data-tree] [role="treeitem"]')
      .evaluateAll((items) => items.filter((i) => (i as HTMLElement).offsetParent === null).length);
    expect(hidden).toBe(0);
    expect(await injected(page)).toEqual([]);

    // The ladder of the HTTP conversation writes its labels safely too.
    await page.locator('wb-explorer [data-ladder] wb-sequence-diagram .sd-arrow[data-frame]').first().waitFor(WAIT);
    expect(await injected(page)).toEqual([]);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the frames before the damage in a damaged file, and says where it is', async () => {
    const { context, page, errors } = await openPage();
    expect(await openFile(page, DAMAGED)).toBe('ready');
    const box = page.locator('wb-explorer [data-error]');
    await expect(box.isVisible()).resolves.toBe(true);
    await expect(box.getAttribute('role')).resolves.toBe('alert');
    const text = (await box.textContent())!;
    expect(text).toMatch(/damaged/i);
    expect(text).toMatch(/\b2456\b/);
    expect(text).toMatch(/The 6 frames before the damage are shown below\./);
    await expectListed(page, [1, 2, 3, 4, 5, 6]);
    await expect(page.locator('wb-explorer').getAttribute('data-frames')).resolves.toBe('6');
    // What was read is decoded as tshark decodes the same damaged file: frame 6 opens an HTTP
    // response the file cuts off, so it stays "[TCP segment of a reassembled PDU]", and no filter finds HTTP in it.
    const rowsSeen = await shownRows(page);
    const filterSeen = await (async () => {
      await typeFilter(page, 'http');
      return listed(page);
    })();
    expect.soft({ rows: rowsSeen, http: filterSeen }).toEqual({ rows: tsharkRows(DAMAGED), http: tsharkFrames(DAMAGED, 'http') });
    await screenshot(page, 'explorer-damaged');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says plainly that a text file is not a capture', async () => {
    const { context, page, errors } = await openPage();
    expect(await openFile(page, NOT_A_CAPTURE)).toBe('error');
    const box = page.locator('wb-explorer [data-error]');
    await expect(box.isVisible()).resolves.toBe(true);
    await expect(box.textContent()).resolves.toMatch(/not a pcap or pcapng file/i);
    await expect(page.locator('wb-explorer').getAttribute('data-state')).resolves.toBe('error');
    await expect(page.locator('wb-explorer [data-rows] [role="row"]').count()).resolves.toBe(0);
    await expect(page.locator('wb-explorer [data-work]').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a sample capture and finds its retransmissions as tshark does', async () => {
    const { context, page, errors } = await openPage();
    const total = tsharkFrames(LOSS, 'frame').length;
    const sample = page.locator('wb-explorer button[data-sample]', { hasText: 'TCP with packet loss' });
    await expect(sample.getAttribute('data-sample')).resolves.toMatch(/captures\/tcp-loss\.pcapng$/);
    await sample.click();
    expect(await settled(page, 'TCP with packet loss')).toBe('ready');
    await expect(page.locator('wb-explorer').getAttribute('data-frames')).resolves.toBe(String(total));
    await expect(page.locator('wb-explorer [data-list-scroll]').getAttribute('aria-rowcount')).resolves.toBe(String(total + 1));
    expect((await listed(page)).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);

    const want = tsharkFrames(LOSS, 'tcp.analysis.retransmission');
    expect(want.length).toBeGreaterThan(0);
    await typeFilter(page, 'tcp.analysis.retransmission');
    await expectListed(page, want);
    await expect(page.locator('wb-explorer [data-filter-msg]').textContent()).resolves.toBe(`Showing ${want.length} of ${total} frames.`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws an IPv6 conversation as tshark reads it: directions, compressed endpoints, relative numbers, displayed deltas', async () => {
    const { context, page, errors } = await openPage();
    expect(await openFile(page, IPV6)).toBe('ready');
    // tshark's view of stream 0: A is the sender of the SYN; numbers relative; Ack only with the ACK flag.
    const rows = tshark(IPV6, [
      '-T',
      'fields',
      '-e',
      'frame.number',
      '-e',
      'ipv6.src',
      '-e',
      'tcp.srcport',
      '-e',
      'tcp.flags',
      '-e',
      'tcp.seq',
      '-e',
      'tcp.ack',
      '-e',
      'tcp.len',
      '-Y',
      'tcp.stream == 0',
    ]).map((l) => l.split('\t'));
    const syn = rows.find((r) => (Number(r[3]) & 0x12) === 0x02)!;
    const [aAddress, aPort] = [syn[1], syn[2]];
    expect(aAddress).toBe('fd77::1');
    const want = rows.map(([n, src, port, flags, seq, ack, len]) => [
      n,
      src === aAddress && port === aPort ? 'A → B' : 'B → A',
      seq,
      Number(flags) & 0x10 ? ack : '',
      len,
    ]);
    expect(want.find((r) => r[0] === '3')).toEqual(['3', 'A → B', '1', '1', '0']);

    const conv = page.locator('wb-explorer [data-conversations] table');
    await conv.waitFor(WAIT);
    const row0 = conv.locator('tbody tr').filter({ has: page.locator('button[data-act="ladder"][data-stream="0"]') });
    const ends = await row0.locator('td').evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(ends).toContain(`[${aAddress}]:${aPort}`);
    await row0.locator('button[data-act="ladder"][data-stream="0"]').click();
    const ladder = page.locator('wb-explorer [data-ladder] wb-sequence-diagram[data-stream="0"]');
    await ladder.waitFor(WAIT);
    await page
      .waitForFunction((n) => document.querySelectorAll('wb-explorer [data-ladder] .sd-table tbody tr').length === n, want.length, WAIT)
      .catch(() => undefined);
    const table = ladder.locator('.sd-table');
    const got = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => c.textContent ?? '');
        return [td[0], td[2], td[4], td[5], td[6]];
      }),
    );
    expect(got).toEqual(want);
    const caption = (await table.locator('caption').textContent()) ?? '';
    expect(caption).toContain(`[${aAddress}]:${aPort}`);
    expect(caption).not.toMatch(/fd77:0:/);

    // With a filter on, the details count the displayed time delta from the previous frame shown (tshark -Y).
    const filter = 'tcp.len > 0';
    const shown = tshark(IPV6, ['-Y', filter, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_delta_displayed']).map((l) => l.split('\t'));
    await typeFilter(page, filter);
    await expectListed(
      page,
      shown.map((r) => Number(r[0])),
    );
    const [second, delta] = shown[1]!;
    await selectRow(page, Number(second));
    const line = page.locator('wb-explorer [data-tree] [role="treeitem"][data-field="frame.time_delta_displayed"] > .pv-line');
    await expect(line.textContent()).resolves.toContain(`${delta} seconds`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no axe violations, empty or with a frame and a ladder on show, in either theme', { timeout: 240_000 }, async () => {
    // Every state is checked before failing, so one run lists every violation.
    const found: string[] = [];
    const check = async (page: Page, where: string) => found.push(...(await axeViolations(page)).map((v) => `${where}: ${v}`));
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page, errors } = await openPage(colorScheme);
      await check(page, `empty page (${colorScheme})`);

      expect(await openFile(page, HTTP)).toBe('ready');
      await listed(page);
      await selectRow(page, 4);
      await page.locator('[data-tree] [role="treeitem"][data-field="tcp"][aria-level="1"] > .pv-line').click();
      await page.locator('wb-explorer [data-conversations] button[data-act="ladder"][data-stream="0"]').click();
      await page.locator('wb-explorer [data-ladder] wb-sequence-diagram .sd-arrow[data-frame]').first().waitFor(WAIT);
      await check(page, `tcp-http, frame 4, ladder (${colorScheme})`);

      // An invalid filter's message and the damage alert are part of the page too.
      await typeFilter(page, 'tcp.prot == 80');
      await page.locator('#ex-filter[aria-invalid="true"]').waitFor(WAIT);
      await check(page, `invalid filter (${colorScheme})`);
      expect(await openFile(page, DAMAGED)).toBe('ready');
      await listed(page);
      await check(page, `damaged file (${colorScheme})`);

      await screenshot(page, `explorer-${colorScheme}`);
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
