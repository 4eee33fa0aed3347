// The built site in a real browser: navigation, no-JavaScript reading,
// search, themes, phone width, and zero axe violations on every page.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: viewports.desktop, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(path, site.url).href);
  (page as Page & { errors: string[] }).errors = errors;
  return { context, page };
}

const pages = ['', 'lessons/reading-a-capture/', 'lessons/udp/', 'glossary/', 'guide/', 'guide/components/', 'no-such-page/'];

describe('navigation', () => {
  it('goes home -> first lesson -> next lesson', async () => {
    const { context, page } = await open('');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/real packets/);
    const outline = page.locator('main ol.outline a');
    expect(await outline.count()).toBeGreaterThanOrEqual(2);

    await outline.first().click();
    await page.waitForURL(/\/lessons\/reading-a-capture\/$/);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Reading a capture');

    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/lessons\/udp\/$/);
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/UDP/);
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe('/lessons/reading-a-capture/');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('serves a friendly 404 page with a way back', async () => {
    const { context, page } = await open('no-such-page/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await expect(page.locator('main a').getAttribute('href')).resolves.toBe('/');
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('renders the home page and a lesson in full', async () => {
    const { context, page } = await open('', { javaScriptEnabled: false });
    expect(await page.locator('main ol.outline li').count()).toBeGreaterThanOrEqual(2);
    await page.goto(new URL('lessons/udp/', site.url).href);
    await expect(page.locator('main h1').textContent()).resolves.toMatch(/UDP/);
    expect(await page.locator('.objectives li').count()).toBeGreaterThan(0);
    expect(await page.locator('article table').count()).toBeGreaterThan(0);
    // Search needs JavaScript, so its button stays hidden rather than dead.
    await expect(page.locator('wb-search [data-open]').isHidden()).resolves.toBe(true);
    await screenshot(page, 'lesson-nojs-desktop');
    await context.close();
  });
});

describe('the site header on a phone', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`fits one short line and opens its menu from a button (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { context, page } = await open('lessons/udp/', { viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const height = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
      expect(height).toBeLessThanOrEqual(64);
      const menu = page.locator('.site-header [data-menu] summary');
      const glossary = page.locator('.site-header nav a[href="/glossary/"]');
      await expect(glossary.isVisible()).resolves.toBe(false);
      await menu.click();
      await expect(glossary.isVisible()).resolves.toBe(true);
      await screenshot(page, `header-menu-phone-js-${javaScriptEnabled ? 'on' : 'off'}`);
      await glossary.click();
      await page.waitForURL(/\/glossary\/$/);
      await context.close();
    });
  }

  it('shows the menu in the bar on a wide screen, with no button', async () => {
    const { context, page } = await open('lessons/udp/');
    await expect(page.locator('.site-header [data-menu] summary').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header nav a[href="/open/"]').isVisible()).resolves.toBe(true);
    const height = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(64);
    await context.close();
  });
});

describe('search', () => {
  it('loads the index only when opened, and finds lessons', async () => {
    const before = site.requests.length;
    const { context, page } = await open('');
    await page.waitForLoadState('networkidle');
    const fetched = () => site.requests.slice(before);
    expect(fetched().filter((r) => r.includes('/pagefind/'))).toEqual([]);

    await page.keyboard.press('/');
    await expect(page.locator('dialog').isVisible()).resolves.toBe(true);
    await page.locator('#search-input').fill('checksum');
    await page.locator('[data-results] li').first().waitFor();
    expect(fetched()).toContain('/pagefind/pagefind.js');
    const first = page.locator('[data-results] li a').first();
    await expect(first.getAttribute('href')).resolves.toBe('/lessons/udp/');
    await expect(page.locator('[data-results] mark').first().textContent()).resolves.toMatch(/checksum/i);
    await screenshot(page, 'search-desktop');
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog').isVisible()).resolves.toBe(false);
    await context.close();
  });

  it('finds the prose, not the labels and hex that widgets render', async () => {
    const { context, page } = await open('');
    await page.waitForFunction(() => customElements.get('wb-search') !== undefined);
    await page.locator('wb-search [data-open]').click();
    const status = () => page.locator('[data-status]').textContent();
    // A label that only the packet viewer's field tree and the header diagrams show
    // (nine lessons matched it while widgets were indexed).
    await page.locator('#search-input').fill('Differentiated Services Codepoint');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.includes('No lessons'), null, { timeout: 90_000 });
    // A word only the port-ranges lesson's prose uses.
    await page.locator('#search-input').fill('ephemeral');
    await page.locator('[data-results] li').first().waitFor({ timeout: 90_000 });
    const hrefs = await page.locator('[data-results] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/lessons/ports/');
    expect(await status()).not.toMatch(/No lessons/);
    await context.close();
  });

  it('says so when nothing matches', async () => {
    const { context, page } = await open('');
    // The button opens the dialog once the element is defined (slow on a busy machine).
    await page.waitForFunction(() => customElements.get('wb-search') !== undefined);
    await page.locator('wb-search [data-open]').click();
    await expect(page.locator('dialog').isVisible()).resolves.toBe(true);
    // Pagefind also matches near spellings and words a query starts with ("zzz..."
    // finds DNS's Z flag, "ÿÿÿÿ" finds tshark's -Y): no lesson has a word near this.
    await page.locator('#search-input').fill('jjjjjjjj');
    // The index loads on first use: give a busy machine time.
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent?.includes('No lessons'), null, { timeout: 90_000 });
    await context.close();
  });
});

describe('glossary terms', () => {
  it('show their definition on hover, close with Escape, and lead to the glossary', async () => {
    const { context, page } = await open('guide/components/');
    await page.waitForFunction(() => document.querySelector('.term') !== null);
    const term = page.locator('.term').first();
    const tip = term.locator('[role="tooltip"]');
    await expect(tip.isVisible()).resolves.toBe(false);
    await term.locator('a').hover();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toMatch(/Maximum Segment Size/);
    // The definition is the link's accessible description.
    const described = await term.locator('a').getAttribute('aria-describedby');
    await expect(tip.getAttribute('id')).resolves.toBe(described);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await term.locator('a').click();
    await page.waitForURL(/\/glossary\/#mss$/);
    await expect(page.locator('#mss dfn').textContent()).resolves.toBe('MSS');
    await context.close();
  });
});

describe('accessibility and look', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [size, viewport] of Object.entries(viewports)) {
      for (const path of pages) {
        it(`has no axe violations on ${path || 'home'} in ${colorScheme} theme at ${size} width`, async () => {
          const { context, page } = await open(path, { colorScheme, viewport });
          const violations = await axeViolations(page);
          expect(violations).toEqual([]);
          await screenshot(page, `${(path || 'home').replace(/\W+/g, '-').replace(/-$/, '')}-${size}-${colorScheme}`);
          await context.close();
        });
      }
    }
  }

  it('follows the system colour scheme', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { context, page } = await open('', { colorScheme });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await context.close();
      return bg;
    };
    expect(await background('light')).not.toBe(await background('dark'));
  });

  it('stops a field scrolled into view below the sticky header, whatever the width', async () => {
    // 390 and 560: the menu folds behind a button; 1280: the menu shows in the bar.
    for (const width of [390, 560, 1280]) {
      const { context, page } = await open('open/', { viewport: { width, height: 800 } });
      // A capture open, so that the page is long enough to scroll the field to its top.
      await page.locator('wb-explorer button[data-sample]', { hasText: 'TCP with packet loss' }).click();
      await page.locator('wb-explorer[data-state="ready"]').waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const field = page.locator('wb-explorer [data-filter]');
      await field.evaluate((e) => e.scrollIntoView());
      const header = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
      const top = await field.evaluate((e) => e.getBoundingClientRect().top);
      expect(top, `width ${width}`).toBeGreaterThanOrEqual(header);
      await context.close();
    }
  });

  it('fits a phone screen without sideways scrolling', async () => {
    for (const path of pages) {
      const { context, page } = await open(path, { viewport: viewports.phone });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path || 'home').toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
