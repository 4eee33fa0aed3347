// The site built with a base path (WIREBOOK_BASE=/wirebook/ into dist-base/,
// as `npm run build:base` does) works when served under that path alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), serveStatic('dist-base', '/wirebook/')]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('under the base path /wirebook/', () => {
  it('keeps every link, script, stylesheet and icon under the base path', async () => {
    const page = await browser.newPage();
    for (const path of ['', 'lessons/udp/', 'nowhere/']) {
      await page.goto(new URL(path, site.url).href);
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src], [data-bundle]')].map(
          (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.dataset.bundle ?? '',
        ),
      );
      const local = urls.filter((u) => !/^(https?:)?\/\//.test(u) && !u.startsWith('#'));
      expect(local.length).toBeGreaterThan(3);
      // A lesson links its neighbours relatively (../tcp-handshake/): where the browser takes it is what counts.
      const page_ = new URL(path, site.url);
      expect(
        local.filter((u) => !new URL(u, page_).pathname.startsWith('/wirebook/')),
        path || 'home',
      ).toEqual([]);
    }
    await page.close();
  });

  it('navigates home -> lesson -> next and loads every asset', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
    await page.goto(site.url);
    await page.locator('main ol.outline a').first().click();
    await page.waitForURL(/\/wirebook\/lessons\/reading-a-capture\/$/);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/\/wirebook\/lessons\/udp\/$/);
    expect(failed).toEqual([]);
    await page.close();
  });

  it('searches with results linking under the base path', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.locator('wb-search [data-open]').click();
    await page.locator('#search-input').fill('checksum');
    await page.locator('[data-results] li a').first().waitFor();
    await expect(page.locator('[data-results] li a').first().getAttribute('href')).resolves.toBe('/wirebook/lessons/udp/');
    await page.close();
  });
});
