// Full-page screenshots into test-results/screens, for people to look at.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

const dir = 'test-results/screens';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
