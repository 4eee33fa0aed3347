// One Chromium and one static server of the built site per test file, started
// before its tests and stopped after them, even when a test fails.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/** The built site the tests read: dist/, or another build named by WIREBOOK_E2E_DIST. */
export const DIST = process.env.WIREBOOK_E2E_DIST ?? 'dist';

/** Registers the set-up; `ready` receives the browser and the site once both run. */
export function useBuiltSite(ready: (browser: Browser, site: StaticSite) => void, dir = DIST, base = '/'): void {
  let browser: Browser | undefined;
  let site: StaticSite | undefined;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), serveStatic(dir, base)]);
    ready(browser, site);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
