// The header and sequence diagrams on the TCP lesson, in Chromium: selecting
// a header box selects the field everywhere, stepping the ladder with the
// keyboard moves every widget to the frame, no axe violations in either
// theme at desktop and phone width, and screenshots for people to look at.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

let browser: Browser;
let site: StaticSite;
// The instructors' component reference hosts the live examples these tests drive.
const lesson = 'guide/components/';

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
  await page.goto(new URL(lesson, site.url).href);
  // A cold browser on a busy machine can take long to run the page's modules the first time.
  if (options.javaScriptEnabled !== false)
    await page.waitForFunction(() => customElements.get('wb-header-diagram') && customElements.get('wb-sequence-diagram'), null, { timeout: 50_000 });
  return { context, page, errors };
}

const header = 'wb-header-diagram .hd-wide';

describe('header diagram', () => {
  it('draws every TCP field of the SYN with its value, flags bit by bit', async () => {
    const { context, page, errors } = await open();
    const box = (name: string) => page.locator(`${header} [role="option"][data-field="${name}"]`);
    const named = (name: string) => page.locator('wb-header-diagram').getByRole('option', { name, exact: true });
    await expect(named('Source Port: 16 bits, value 36450').getAttribute('data-field')).resolves.toBe('tcp.srcport');
    await expect(named('Window: 16 bits, value 64240').getAttribute('data-field')).resolves.toBe('tcp.window_size_value');
    await expect(named('SYN (Syn): 1 bit, value 1, Set').getAttribute('data-field')).resolves.toBe('tcp.flags.syn');
    await expect(box('tcp.flags.syn').locator('.hd-value').textContent()).resolves.toMatch(/^1(,|$)/);
    expect(await page.locator(`${header} [data-field^="tcp.flags."][role="option"]`).count()).toBe(10);
    expect(await page.locator(`${header} [data-field="tcp.options.mss"]`).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects a field by click and by keyboard, and every other view follows', async () => {
    const { context, page, errors } = await open();
    const win = page.locator(`${header} [role="option"][data-field="tcp.window_size_value"]`);
    await win.click();
    await expect(win.getAttribute('aria-selected')).resolves.toBe('true');
    const viewer = page.locator('wb-packet-viewer');
    if ((await viewer.count()) > 0) {
      await page.waitForFunction(() => document.querySelector('wb-packet-viewer [data-field="tcp.window_size_value"][aria-selected="true"]') !== null);
    }
    // Arrow keys move focus to the next box; Enter selects it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const checksum = page.locator(`${header} [role="option"][data-field="tcp.checksum"]`);
    await expect(checksum.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(win.getAttribute('aria-selected')).resolves.toBe('false');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads fully without JavaScript', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    await expect(page.locator(`${header} [data-field="tcp.flags.syn"] .hd-value`).textContent()).resolves.toMatch(/^1(,|$)/);
    await expect(page.locator('wb-sequence-diagram svg[role="img"] title').textContent()).resolves.toMatch(/Client \(A\).*Web server \(B\)/);
    expect(await page.locator('wb-sequence-diagram tbody tr').count()).toBe(16);
    await screenshot(page, 'diagrams-no-js');
    await context.close();
  });
});

describe('sequence diagram', () => {
  it('steps with the keyboard and the other widgets follow the frame', async () => {
    const { context, page, errors } = await open();
    const ladder = page.locator('wb-sequence-diagram [data-scroll]');
    await ladder.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('wb-sequence-diagram tr[aria-current="true"]').getAttribute('data-frame')).resolves.toBe('4');
    await expect(page.locator('wb-sequence-diagram g.sd-arrow.sd-selected').getAttribute('data-frame')).resolves.toBe('4');
    // The header diagram redraws frame 4: the GET carries PSH and 213 bytes of data.
    await page.waitForFunction(() => document.querySelector('wb-header-diagram')?.getAttribute('data-frame') === '4');
    await expect(page.locator(`${header} [data-field="tcp.flags.push"] .hd-value`).textContent()).resolves.toMatch(/^1(,|$)/);
    await expect(page.locator(`${header} [data-field="tcp.payload"] .hd-value`).textContent()).resolves.toMatch(/^213(,|$)/);
    // The detail line says the states stayed, rather than announcing them afresh at every step.
    await expect(page.locator('wb-sequence-diagram [data-detail]').first().textContent()).resolves.toMatch(/ and .+ stay ESTABLISHED\./);
    const viewer = page.locator('wb-packet-viewer');
    if ((await viewer.count()) > 0) {
      await page.waitForFunction(() => document.querySelector('wb-packet-viewer tr[data-frame="4"][data-selected]') !== null);
    }
    // States come from the analysis and change along the conversation.
    await page.keyboard.press('End');
    await expect(page.locator('wb-sequence-diagram .sd-now[data-side="0"]').textContent()).resolves.toBe('TIME-WAIT');
    await expect(page.locator('wb-sequence-diagram .sd-now[data-side="1"]').textContent()).resolves.toBe('CLOSED');
    await expect(page.locator('wb-sequence-diagram [data-detail]').first().textContent()).resolves.toMatch(/: CLOSED \(was LAST-ACK\)\./);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plays and pauses, and shows the time between two arrows on hover', async () => {
    const { context, page, errors } = await open({ reducedMotion: 'reduce' });
    await page.locator('wb-sequence-diagram [data-act="play"]').click();
    await page.waitForFunction(() => document.querySelector('wb-sequence-diagram tr[aria-current="true"]')?.getAttribute('data-frame') === '2', null, {
      timeout: 5000,
    });
    await page.locator('wb-sequence-diagram [data-act="play"]').click();
    await expect(page.locator('wb-sequence-diagram [data-act="play"]').getAttribute('aria-pressed')).resolves.toBe('false');
    // Between the arrows of frames 3 and 4, near the time axis.
    const svg = page.locator('wb-sequence-diagram svg.sd-svg');
    const y = await page.evaluate(() => {
      const y = (f: number) => Number(document.querySelector(`wb-sequence-diagram .sd-arrow[data-frame="${f}"]`)!.getAttribute('data-y'));
      return (y(3) + y(4)) / 2;
    });
    await svg.hover({ position: { x: 20, y } });
    await expect(page.locator('wb-sequence-diagram [data-gap]').textContent()).resolves.toMatch(/817\.\d µs between frames 3 and 4/);
    await page.locator('wb-sequence-diagram [data-act="spacing"]').selectOption('real');
    await page.waitForSelector('wb-sequence-diagram .sd-axis .tick');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('sequence diagram overview', () => {
  it('brushes a stretch of time to zoom the ladder to it, and follows the ladder when it scrolls', async () => {
    const { context, page, errors } = await open({ reducedMotion: 'reduce' });
    const ladder = page.locator('wb-sequence-diagram').first();
    await ladder.hover();
    const overview = ladder.locator('[data-overview] svg.sd-overview-svg');
    await overview.waitFor();
    // One tick per segment of the conversation.
    expect(await overview.locator('.sd-ov-ticks line').count()).toBe(await ladder.locator('tbody tr').count());
    // Zoomed in, the ladder shows the start: the brush marks only that stretch.
    await ladder.locator('[data-act="zoom-in"]').click();
    await ladder.locator('[data-act="zoom-in"]').click();
    await expect(ladder.locator('[data-act="spacing"]').inputValue()).resolves.toBe('real');
    await ladder.locator('[data-scroll]').evaluate((el) => el.scrollTo(0, 0));
    const box = (await overview.boundingBox())!;
    // Drag across the last quarter of the conversation: the teardown.
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    // The arrows in view are the last ones.
    const inView = () =>
      ladder.evaluate((el) => {
        const scroll = el.querySelector<HTMLElement>('[data-scroll]')!;
        return [...el.querySelectorAll<SVGGElement>('.sd-arrow')]
          .filter((a) => {
            const y = Number(a.getAttribute('data-y'));
            return y >= scroll.scrollTop && y <= scroll.scrollTop + scroll.clientHeight;
          })
          .map((a) => Number(a.dataset.frame));
      });
    await expect.poll(async () => Math.min(...(await inView()))).toBeGreaterThanOrEqual(12);
    // Scrolling the ladder back to the top moves the brush to the left.
    const selX = () => overview.locator('.sd-ov-brush .selection').evaluate((r) => Number(r.getAttribute('x')));
    const before = await selX();
    await ladder.locator('[data-scroll]').evaluate((el) => el.scrollTo(0, 0));
    await expect.poll(selX).toBeLessThan(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('accessibility and looks', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of ['desktop', 'phone'] as const) {
      it(`has no axe violations (${scheme}, ${size}) and is screenshotted`, async () => {
        const { context, page, errors } = await open({ colorScheme: scheme, viewport: viewports[size] });
        await page.locator('wb-sequence-diagram [data-scroll]').focus();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.locator('wb-header-diagram [role="option"][data-field="tcp.ack"]:visible').click();
        await page.waitForFunction(() => document.querySelector('wb-header-diagram')?.getAttribute('data-frame') === '3');
        expect(await axeViolations(page)).toEqual([]);
        await page
          .locator('wb-header-diagram')
          .first()
          .screenshot({ path: `test-results/screens/header-diagram-${size}-${scheme}.png` });
        await page.locator('wb-sequence-diagram').screenshot({ path: `test-results/screens/sequence-diagram-${size}-${scheme}.png` });
        await screenshot(page, `tcp-lesson-${size}-${scheme}`);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
