// The TCP stream graphs on the component reference, in Chromium: every kind
// renders for the lossy capture tcp-loss with one table row per point,
// clicking a point selects its frame in the packet viewer and a frame
// selected there is marked on the graphs, zoom with the brush, no axe
// violations in either theme at desktop and phone width, and screenshots.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { GRAPH_KINDS } from '../../src/decoder/graphs/kinds.ts';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { graphOfCapture } from '../../src/widgets/stream-graph/graph-of-capture.ts';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

let browser: Browser;
let site: StaticSite;
const page_ = 'guide/components/';

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

type Options = Parameters<Browser['newContext']>[0];

async function open(options: Options = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: viewports.desktop, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(page_, site.url).href);
  if (options.javaScriptEnabled !== false)
    await page.waitForFunction(() => customElements.get('wb-stream-graph') && customElements.get('wb-packet-viewer'), null, { timeout: 50_000 });
  return { context, page, errors };
}

/** /open/ with `file` opened and stream 0's Graph button pressed; its graph pane. */
async function graphOnOpen(file: string) {
  const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('open/', site.url).href);
  await page.waitForFunction(() => customElements.get('wb-explorer') !== undefined, undefined, { timeout: 50_000 });
  await page.locator('wb-explorer [data-ui]:not([hidden])').waitFor({ timeout: 50_000 });
  await page.locator('wb-explorer input[data-file]').setInputFiles(file);
  const button = page.locator('wb-explorer button[data-proto="tcp"][data-stream="0"][data-act="graph"]');
  await button.waitFor({ timeout: 50_000 });
  await button.click();
  return { context, page, errors, pane: page.locator('wb-explorer [data-graph-pane]') };
}

const graph = (kind: string) => `wb-stream-graph[data-capture="tcp-loss"] [data-graph="${kind}"]`;
const viewer = 'wb-packet-viewer[data-capture="tcp-loss"]';

describe('stream graphs', () => {
  it('renders every kind without JavaScript, one table row per point, marks on the lossy stream', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    for (const kind of GRAPH_KINDS) {
      const g = page.locator(graph(kind));
      await expect(g.count()).resolves.toBe(1);
      const rows = await g.locator('table[data-graph-table] tbody tr').count();
      expect(rows, kind).toBeGreaterThan(0);
      if (kind === 'throughput') await expect(g.locator('svg.sg-svg .sg-bytes').count()).resolves.toBe(1);
      else await expect(g.locator('svg.sg-svg .sg-pt').count()).resolves.toBe(rows);
    }
    // tcp-loss loses segments: retransmissions and duplicate ACKs are marked, each shape in the legend.
    await expect(page.locator(`${graph('tcptrace')} svg .sg-mark[data-mark="retransmission"]`).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(`${graph('tcptrace')} .sg-legend .sg-mark`).count()).resolves.toBe(3);
    await screenshot(page, 'stream-graph-no-js');
    await context.close();
  });

  it('selects a clicked point in the packet viewer, and marks a frame selected there', async () => {
    const { context, page, errors } = await open();
    const mark = page.locator(`${graph('tcptrace')} svg .sg-mark[data-mark="retransmission"]`).first();
    const frame = await mark.getAttribute('data-frame');
    const point = page.locator(`${graph('tcptrace')} svg .sg-pt[data-frame="${frame}"] .sg-hit`);
    await point.click({ force: true });
    await page.waitForFunction(
      ([sel, f]) => document.querySelector(`${sel} tr[aria-selected="true"]`)?.getAttribute('data-frame') === f,
      [viewer, frame] as const,
      { timeout: 10_000 },
    );
    // And back: a frame chosen in the viewer is marked on every graph and in its table.
    await page.locator(`${viewer} tr[data-frame="24"]`).first().click();
    await page.waitForFunction((sel) => document.querySelector(`${sel} svg .sg-pt.is-selected`)?.getAttribute('data-frame') === '24', graph('stevens'), {
      timeout: 10_000,
    });
    await expect(page.locator(`${graph('stevens')} tr.is-selected`).getAttribute('data-frame')).resolves.toBe('24');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('zooms into a stretch dragged across, and shows all again', async () => {
    const { context, page, errors } = await open();
    const svg = page.locator(`${graph('stevens')} svg.sg-svg`);
    await svg.scrollIntoViewIfNeeded();
    await svg.hover();
    const before = await page.locator(`${graph('stevens')} svg .sg-pt`).count();
    const box = await svg.boundingBox();
    if (!box) throw new Error('no graph box');
    // The first press loads the zoom; then drag across the middle third.
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.95);
    await page.waitForSelector(`${graph('stevens')} .sg-brush`, { timeout: 10_000 });
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((sel) => !document.querySelector(`${sel} .sg-reset`)?.hasAttribute('hidden'), graph('stevens'), { timeout: 10_000 });
    const zoomed = await page.locator(`${graph('stevens')} svg .sg-pt`).count();
    expect(zoomed).toBeLessThan(before);
    await page.locator(`${graph('stevens')} .sg-reset`).click();
    await expect(page.locator(`${graph('stevens')} svg .sg-pt`).count()).resolves.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws a conversation of /open/ from its Graph button, every kind from the picker', async () => {
    const { context, page, errors, pane } = await graphOnOpen('captures/recorded/tcp-http-loss.pcapng');
    await pane.locator('[data-graph="tcptrace"] svg.sg-svg').waitFor({ timeout: 20_000 });
    for (const kind of GRAPH_KINDS) {
      await pane.locator('select[name="kind"]').selectOption(kind);
      await pane.locator(`[data-graph="${kind}"] table[data-graph-table]`).waitFor({ timeout: 20_000 });
      const rows = await pane.locator(`[data-graph="${kind}"] table[data-graph-table] tbody tr`).count();
      expect(rows, kind).toBeGreaterThan(0);
    }
    // A point selects its frame in the packet list.
    await pane.locator('select[name="kind"]').selectOption('stevens');
    const pt = pane.locator('[data-graph="stevens"] svg.sg-svg .sg-pt').nth(5);
    const frame = await pt.getAttribute('data-frame');
    // Points overlap where segments are dense: click this one's own target.
    await pt.locator('.sg-hit').dispatchEvent('click');
    await page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${frame}"][aria-selected="true"]`).waitFor({ timeout: 20_000 });
    // Hovering a point shows its frame's one-line summary, from the Worker.
    await pane.locator('[data-graph="stevens"] svg.sg-svg').hover({ position: { x: 5, y: 5 } });
    await pt.locator('.sg-hit').hover({ force: true });
    await page.waitForFunction(() => /^Frame \d+: \S/.test(document.querySelector('wb-explorer [data-graph-pane] .sg-tip')?.textContent ?? ''), null, {
      timeout: 10_000,
    });
    await screenshot(page, 'stream-graph-open');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists every point of a long conversation in /open/, drawing only the rows in view', async () => {
    // The whole graph, as the decoder makes it (the table must list all of it).
    const file = 'captures/recorded/tcp-cubic.pcapng';
    const points = graphOfCapture(openCapture(new Uint8Array(readFileSync(file))), 0, 'stevens', 'A')!.data.points;
    expect(points.length).toBeGreaterThan(1000);
    const { context, page, errors, pane } = await graphOnOpen(file);
    await pane.locator('select[name="kind"]').selectOption('stevens');
    await pane.locator('select[name="dir"]').selectOption('A');
    const table = pane.locator('[data-graph="stevens"] table[data-graph-table]');
    await table.locator('tbody tr[data-frame]').first().waitFor({ timeout: 20_000 });
    await expect(table.getAttribute('aria-rowcount')).resolves.toBe(String(points.length + 1));
    expect(await table.locator('tbody tr[data-i]').count()).toBeLessThan(100);
    // The end of the table: its last row is the graph's last point.
    const last = points[points.length - 1];
    await table.evaluate((t) => {
      const wrap = t.closest('.sg-table-wrap')!;
      wrap.scrollTop = wrap.scrollHeight;
    });
    await table.locator(`tbody tr[data-i="${points.length - 1}"][data-frame="${last.frame}"]`).waitFor({ timeout: 20_000 });
    // Every row drawn has the height the table counts with.
    const heights = await table.locator('tbody tr[data-frame]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(new Set(heights)).toEqual(new Set([24]));
    // Zoomed into a busy stretch (before the outage), the drawing gets that stretch's own points from the Worker: every one
    // of the graph's points there, where the whole picture had only each pixel column's extremes.
    const svg = pane.locator('[data-graph="stevens"] svg.sg-svg');
    await svg.scrollIntoViewIfNeeded();
    await svg.hover();
    const box = (await svg.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.95);
    await pane.locator('[data-graph="stevens"] .sg-brush').waitFor({ timeout: 10_000 });
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.32, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      () => {
        const svg = document.querySelector<SVGSVGElement>('wb-explorer [data-graph-pane] svg.sg-svg')!;
        const [t0, t1] = [Number(svg.dataset.t0), Number(svg.dataset.t1)];
        return svg.querySelectorAll('.sg-pt').length > 0 && t1 - t0 < 1;
      },
      undefined,
      { timeout: 10_000 },
    );
    const stretch = await svg.evaluate((el) => [Number(el.getAttribute('data-t0')), Number(el.getAttribute('data-t1'))]);
    const expected = points.filter((p) => p.t >= stretch[0] && p.t <= stretch[1]).map((p) => String(p.frame));
    expect(expected.length).toBeGreaterThan(20);
    await page.waitForFunction(
      (want) => {
        const drawn = new Set([...document.querySelectorAll('wb-explorer [data-graph-pane] svg.sg-svg .sg-pt')].map((p) => p.getAttribute('data-frame')));
        return want.every((f) => drawn.has(f));
      },
      expected,
      { timeout: 10_000 },
    );
    // A frame chosen in the packet list brings its row into view, marked.
    const middle = points[Math.floor(points.length / 2)];
    await page.locator('wb-explorer [data-filter-form] input').fill(`frame.number == ${middle.frame}`);
    await page.locator('wb-explorer [data-filter-form] input').press('Enter');
    await page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${middle.frame}"]`).click({ timeout: 20_000 });
    await table.locator(`tbody tr.is-selected[data-frame="${middle.frame}"]`).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const)
    for (const size of ['desktop', 'phone'] as const)
      it(`has no axe violations (${scheme}, ${size}) and is screenshotted`, async () => {
        const { context, page, errors } = await open({ colorScheme: scheme, viewport: viewports[size] });
        expect(await axeViolations(page)).toEqual([]);
        await page.locator(graph('tcptrace')).screenshot({ path: `test-results/screens/stream-graph-tcptrace-${size}-${scheme}.png` });
        await page.locator(graph('window')).screenshot({ path: `test-results/screens/stream-graph-window-${size}-${scheme}.png` });
        expect(errors).toEqual([]);
        await context.close();
      });
});
