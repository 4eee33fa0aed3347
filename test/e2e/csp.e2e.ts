// The Content Security Policy every built page carries in a <meta> tag: what it
// allows (the site's own scripts and workers, WebAssembly for the search), that
// the site runs under it without a single violation, and that it really blocks
// what it should (an injected inline script).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { DIST, useBuiltSite } from './support/site.ts';

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'pagefind' ? [] : htmlFiles(path);
    return e.name.endsWith('.html') ? [path] : [];
  });
}

/** The policy's directives, by name. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  if (!content) return undefined;
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** A page that records every CSP violation it meets. */
interface Watched {
  page: Page;
  errors: string[];
  /** The violations reported so far ("script-src inline", ...). */
  violations(): Promise<string[]>;
}

async function watched(path: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: viewports.desktop });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(new URL(path, site.url).href);
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

describe('content security policy', () => {
  it('is on every page, allowing only the site itself, WebAssembly and inline styles', () => {
    const files = htmlFiles(DIST);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const policy = policyOf(readFileSync(file, 'utf8'));
      const name = relative(DIST, file);
      expect(policy, name).toBeDefined();
      expect(policy!.get('default-src'), name).toEqual(["'self'"]);
      expect(policy!.get('worker-src'), name).toEqual(["'self'"]);
      expect(policy!.get('object-src'), name).toEqual(["'none'"]);
      const script = policy!.get('script-src')!;
      // The site's files, WebAssembly for the search, and hashes of the site's own inline scripts: nothing else.
      expect(
        script.filter((s) => !s.startsWith("'sha256-")),
        name,
      ).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy!.get('style-src'), name).toEqual(["'self'", "'unsafe-inline'"]);
    }
  });

  it('lets the site work without a violation: a lesson, the search (WebAssembly) and the explorer (a Worker)', async () => {
    const w = await watched('lessons/tcp-handshake/');
    await w.page.locator('wb-packet-viewer').first().waitFor();
    await w.page.keyboard.press('/');
    await w.page.keyboard.type('handshake');
    await w.page.locator('wb-search [role="option"], wb-search li').first().waitFor({ timeout: 30_000 });
    await w.page.goto(new URL('open/', site.url).href);
    await w.page.setInputFiles('input[data-file]', 'captures/recorded/tcp-http.pcapng');
    await w.page.locator('wb-explorer[data-state="ready"]').waitFor({ timeout: 60_000 });
    await w.page.locator('[role="row"][data-frame="16"]').waitFor();
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.context().close();
  });

  it('blocks an inline script that was not built into the page', async () => {
    const w = await watched('open/');
    const ran = await w.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.body.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await w.violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await w.page.context().close();
  });
});
