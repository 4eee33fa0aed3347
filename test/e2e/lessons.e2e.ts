// Every lesson of the built course, walked in a real browser: its widgets come
// alive, each frame link in the prose selects its frame in the widgets of its
// capture, the questions whose answers the page carries are answered right,
// the glossary terms open, and axe finds nothing, in both colour themes.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { DIST, useBuiltSite } from './support/site.ts';
import { axeViolations } from './support/axe.ts';
import { screenshot } from './support/screenshot.ts';

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

/** The lessons the build published: dist/lessons/ID/index.html. */
const lessons = readdirSync(`${DIST}/lessons`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const WIDGETS = ['wb-packet-viewer', 'wb-header-diagram', 'wb-sequence-diagram', 'wb-question'];

async function open(id: string, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce', colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(`lessons/${id}/`, site.url).href);
  // Every custom element the page uses is defined (a cold browser on a busy machine can be slow).
  await page.waitForFunction((tags) => tags.every((tag) => !document.querySelector(tag) || customElements.get(tag) !== undefined), WIDGETS, {
    timeout: 50_000,
  });
  return { context, page, errors };
}

/** True once some widget of the capture shows the frame selected. */
async function frameSelected(page: Page, capture: string, frame: number): Promise<void> {
  await page.waitForFunction(
    ({ capture, frame }) => {
      const of = (sel: string) => [...document.querySelectorAll(`${sel}[data-capture="${CSS.escape(capture)}"]`)];
      const n = String(frame);
      return (
        of('wb-packet-viewer').some((v) => v.querySelector(`tr[data-frame="${n}"][aria-selected="true"]`)) ||
        of('wb-header-diagram').some((d) => d.getAttribute('data-frame') === n) ||
        of('wb-sequence-diagram').some((d) => d.querySelector(`tr[aria-current="true"][data-frame="${n}"]`))
      );
    },
    { capture, frame },
    { timeout: 20_000 },
  );
}

/** Answers a choice or typed-answer question from the key the page carries; false for other kinds. */
async function answerRight(question: Locator): Promise<boolean> {
  const kind = await question.getAttribute('data-kind');
  const key = JSON.parse((await question.getAttribute('data-key')) ?? '{}');
  if (kind === 'choice') {
    for (const i of key.right as number[]) await question.locator(`[data-option="${i}"] input`).check();
  } else if (kind === 'answer') {
    const value = (key.values as (string | number)[])[0];
    await question.getByLabel('Your answer').fill(String(value));
  } else {
    return false;
  }
  await question.getByRole('button', { name: 'Check' }).click();
  return true;
}

describe('the course', () => {
  it('publishes every lesson of lessons/ that is not a draft', () => {
    const sources = readdirSync('lessons')
      .filter((f) => f.endsWith('.mdx') && !/^draft:\s*true/m.test(readFileSync(`lessons/${f}`, 'utf8')))
      .map((f) => f.replace(/\.mdx$/, '').replace(/^\d+-/, ''))
      .sort();
    expect(sources.length).toBeGreaterThanOrEqual(10);
    expect(lessons).toEqual(sources);
  });
});

describe.each(lessons)('lesson %s', (id) => {
  it('has live widgets, working frame links and glossary terms, and answerable questions', async () => {
    const { context, page, errors } = await open(id);

    // Widgets: each is present with its content.
    const viewers = page.locator('wb-packet-viewer');
    for (let i = 0; i < (await viewers.count()); i++) expect(await viewers.nth(i).locator('tr[data-frame]').count()).toBeGreaterThan(0);
    const diagrams = page.locator('wb-header-diagram');
    for (let i = 0; i < (await diagrams.count()); i++) expect(await diagrams.nth(i).locator('[role="option"][data-field]').count()).toBeGreaterThan(0);
    const ladders = page.locator('wb-sequence-diagram');
    for (let i = 0; i < (await ladders.count()); i++) expect(await ladders.nth(i).locator('.sd-arrow[data-frame]').count()).toBeGreaterThan(0);
    expect((await viewers.count()) + (await diagrams.count()) + (await ladders.count()), 'a lesson shows its packets').toBeGreaterThan(0);

    // Frame links in the prose select their frame.
    const links = page.locator('a[data-frame-link]');
    const count = await links.count();
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const capture = (await link.getAttribute('data-capture'))!;
      const hash = (await link.getAttribute('href'))!;
      const frame = Number(/frame=(\d+)/.exec(hash)![1]);
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await frameSelected(page, capture, frame);
      expect(new URL(page.url()).hash).toBe(hash);
    }

    // A glossary term shows its definition on focus.
    const term = page.locator('.term > a').first();
    if ((await page.locator('.term').count()) > 0) {
      await term.focus();
      await expect(page.locator('.term').first().locator('[role="tooltip"]').isVisible()).resolves.toBe(true);
    }

    // The quiz: at least six questions; every choice and typed answer checks out right.
    const questions = page.locator('wb-question');
    const total = await questions.count();
    expect(total, 'a lesson quiz has at least six questions').toBeGreaterThanOrEqual(6);
    let answered = 0;
    for (let i = 0; i < total; i++) {
      const question = questions.nth(i);
      await question.scrollIntoViewIfNeeded();
      if (await answerRight(question)) {
        answered++;
        await expect(question.getAttribute('data-state')).resolves.toBe('correct');
      }
    }
    expect(answered).toBeGreaterThanOrEqual(2);
    expect(await page.locator('wb-question[data-kind="predict"]').count(), 'a predict-the-next-packet question').toBeGreaterThanOrEqual(1);

    await screenshot(page, `lesson-${id}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no axe violations in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await open(id, colorScheme);
      expect(await axeViolations(page), `${id} (${colorScheme})`).toEqual([]);
      await context.close();
    }
  });

  it('reads in full without JavaScript', async () => {
    const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(`lessons/${id}/`, site.url).href);
    await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
    // The server render carries the packets and the answers.
    expect(await page.locator('[data-frame]').count()).toBeGreaterThan(0);
    expect(await page.locator('details[data-answer-key]').count()).toBeGreaterThanOrEqual(6);
    await expect(page.getByRole('heading', { name: 'Do it yourself' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Sources' }).count()).resolves.toBe(1);
    await context.close();
  });
});
