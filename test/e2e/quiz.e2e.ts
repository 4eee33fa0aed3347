// The lesson quizzes in a real browser: every question kind answered wrong
// and right, by mouse and by keyboard; progress kept across a reload,
// exported, reset and imported; a damaged store reset with a notice; the
// answers readable without JavaScript; zero axe violations in both themes.
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { viewports } from './support/browser.ts';
import type { StaticSite } from './support/static-server.ts';
import { useBuiltSite } from './support/site.ts';
import { screenshot } from './support/screenshot.ts';
import { axeViolations } from './support/axe.ts';

// One question of every kind, live, on the instructors' component reference;
// the course's own lesson for progress.
const DEMO = 'guide/components/';
const LESSON = 'lessons/udp/';
const LESSON_QUESTIONS = 11;
const KEY = 'wirebook.progress.v1';
// The lesson page decodes its captures in the browser: give a busy machine time.
const SLOW = 240_000;

let browser: Browser;
let site: StaticSite;

useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

type ErrPage = Page & { errors: string[] };

async function open(
  path: string,
  options: Parameters<Browser['newContext']>[0] = {},
  context?: BrowserContext,
): Promise<{ context: BrowserContext; page: ErrPage }> {
  context ??= await browser.newContext({ viewport: viewports.desktop, acceptDownloads: true, ...options });
  const page = (await context.newPage()) as ErrPage;
  page.errors = [];
  page.setDefaultTimeout(90_000);
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(new URL(path, site.url).href);
  if (options.javaScriptEnabled !== false) {
    await page.waitForFunction(() => ['wb-question', 'wb-progress'].every((tag) => !document.querySelector(tag) || customElements.get(tag) !== undefined));
  }
  return { context, page };
}

const q = (page: Page, id: string): Locator => page.locator(`[data-question="${id}"]`);
const state = (page: Page, id: string) => q(page, id).getAttribute('data-state');
const feedback = (page: Page, id: string) => q(page, id).locator('[data-feedback]').innerText();
const keyOf = async (page: Page, id: string) => JSON.parse((await q(page, id).getAttribute('data-key'))!);

/** A screenshot of one question, for people to look at. */
async function shot(question: Locator, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await question.screenshot({ path: `test-results/screens/${name}.png` });
}

/** Answers every question of the lesson, each wrong first then right, mixing mouse and keyboard. */
async function answerEverything(page: ErrPage): Promise<void> {
  // Multiple choice, one answer, by mouse.
  const size = q(page, 'udp-header-size');
  await size.getByLabel('20 bytes').check();
  await size.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'udp-header-size')).toBe('incorrect');
  expect(await feedback(page, 'udp-header-size')).toMatch(/Not quite/);
  await expect(size.locator('[data-option="1"] [data-why]').isVisible()).resolves.toBe(true);
  await expect(size.locator('[data-answer-key]').isVisible()).resolves.toBe(true);
  await shot(size, 'quiz-choice-wrong');
  await size.getByLabel('8 bytes').check();
  await size.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'udp-header-size')).toBe('correct');
  await shot(size, 'quiz-choice-right');
  await expect(size.locator('[data-explain]').isVisible()).resolves.toBe(true);
  await expect(size.locator('[data-answer-key]').isVisible()).resolves.toBe(false);

  // Multiple choice, several answers, by keyboard only.
  const covers = q(page, 'udp-checksum-covers');
  await covers.getByLabel('The source and destination IP addresses').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await covers.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  expect(await state(page, 'udp-checksum-covers')).toBe('incorrect');
  await covers.getByLabel('The data').focus();
  await page.keyboard.press('Space');
  await covers.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  expect(await state(page, 'udp-checksum-covers')).toBe('correct');

  // Hints, one at a time.
  const length = q(page, 'dns-response-length');
  const hints = length.locator('[data-hint]');
  await expect(hints.first().isVisible()).resolves.toBe(false);
  await length.getByRole('button', { name: 'Show a hint' }).click();
  await expect(hints.nth(0).isVisible()).resolves.toBe(true);
  await expect(hints.nth(1).isVisible()).resolves.toBe(false);
  await length.getByRole('button', { name: 'Next hint' }).click();
  await expect(hints.nth(1).isVisible()).resolves.toBe(true);
  await expect(length.locator('[data-hint-button]').isVisible()).resolves.toBe(false);
  await shot(length, 'quiz-hints');

  // A number from the capture, typed and checked with Enter.
  const input = length.getByLabel('Your answer');
  await input.fill('83');
  await input.press('Enter');
  expect(await state(page, 'dns-response-length')).toBe('incorrect');
  await input.fill('91');
  await input.press('Enter');
  expect(await state(page, 'dns-response-length')).toBe('correct');

  // An expression over fields; text that is not a number is explained.
  const payload = q(page, 'dns-query-payload');
  await payload.getByLabel('Your answer').fill('thirty');
  await payload.getByRole('button', { name: 'Check' }).click();
  expect(await feedback(page, 'dns-query-payload')).toMatch(/Type a number/);
  await payload.getByLabel('Your answer').fill('33');
  await payload.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'dns-query-payload')).toBe('correct');

  // Raw instead of relative: said so.
  const ack = q(page, 'http-server-ack');
  const ackKey = await keyOf(page, 'http-server-ack');
  const raw = ackKey.near.find((n: { why: string }) => n.why === 'raw').value;
  await ack.getByLabel('Your answer').fill(String(raw));
  await ack.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'http-server-ack')).toBe('incorrect');
  expect(await feedback(page, 'http-server-ack')).toMatch(/raw number.*relative/);
  await shot(ack, 'quiz-answer-raw');
  await ack.getByLabel('Your answer').fill('214');
  await ack.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'http-server-ack')).toBe('correct');

  // Find it: wrong by the keyboard-friendly list, right by clicking the bytes in the viewer.
  const port = q(page, 'find-dns-port');
  await port.getByLabel('Or choose the field from the list').selectOption('udp.srcport');
  await port.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'find-dns-port')).toBe('incorrect');
  expect(await feedback(page, 'find-dns-port')).toMatch(/Source Port/);
  // The header diagram of frame 1 shares the page's selection for udp-dns.
  await page.locator('wb-header-diagram [data-field="udp.dstport"]:visible').click();
  await expect(port.locator('[data-current]').innerText()).resolves.toMatch(/udp\.dstport|bytes 36/);
  await shot(port, 'quiz-find-selected');
  await port.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'find-dns-port')).toBe('correct');

  // Find it in the TCP viewer: the window scale shift byte.
  const ws = q(page, 'find-window-scale');
  const wsKey = await keyOf(page, 'find-window-scale');
  const tcpViewer = page.locator('wb-packet-viewer[data-capture="tcp-http"]');
  await tcpViewer.locator(`[data-hex] [data-offset="${wsKey.offset - 1}"]`).click();
  await ws.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'find-window-scale')).toBe('incorrect');
  await tcpViewer.locator(`[data-hex] [data-offset="${wsKey.offset}"]`).click();
  await ws.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'find-window-scale')).toBe('correct');

  // Order: check the shuffled order (wrong), then fix it with the keyboard and a drag.
  const order = q(page, 'tcp-handshake-order');
  await order.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'tcp-handshake-order')).toBe('incorrect');
  expect(await feedback(page, 'tcp-handshake-order')).toMatch(/out of place/);
  await shot(order, 'quiz-order-wrong');
  await sortSteps(page, order);
  await order.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'tcp-handshake-order')).toBe('correct');

  // Predict the next packet: raw numbers and a missing flag first.
  const predict = q(page, 'predict-handshake-ack');
  const pk = await keyOf(page, 'predict-handshake-ack');
  await predict.getByLabel('SYN').check();
  await predict.getByLabel('Sequence number').fill(String(pk.numbers.seq.near[0].value));
  await predict.getByLabel('Acknowledgment number').fill('1');
  await predict.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'predict-handshake-ack')).toBe('incorrect');
  await expect(predict.locator('[data-field="flags"] [data-mark]').innerText()).resolves.toMatch(/wrong: it is ACK/);
  await expect(predict.locator('[data-field="seq"] [data-mark]').innerText()).resolves.toMatch(/wrong/);
  await expect(predict.locator('[data-field="ack"] [data-mark]').innerText()).resolves.toMatch(/right/);
  await expect(predict.locator('[data-reveal]').isVisible()).resolves.toBe(true);
  expect(await feedback(page, 'predict-handshake-ack')).toMatch(/raw number/);
  await shot(predict, 'quiz-predict-wrong');
  await predict.getByLabel('SYN').uncheck();
  await predict.getByLabel('ACK', { exact: true }).check();
  await predict.getByLabel('Sequence number').fill('1');
  await predict.getByRole('button', { name: 'Check' }).click();
  expect(await state(page, 'predict-handshake-ack')).toBe('correct');
  await shot(predict, 'quiz-predict-right');
}

/** Puts the steps in order: Alt+Arrow keys for most moves, one drag with the mouse. */
async function sortSteps(page: Page, order: Locator): Promise<void> {
  const steps = order.locator('.step');
  const current = async () => await steps.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.step)));
  // First a drag: bring step 0 to the top.
  let now = await current();
  if (now[0] !== 0) {
    await order.locator('.step[data-step="0"]').dragTo(steps.first());
    now = await current();
    if (now[0] !== 0) {
      // Drag and drop may be refused by the headless browser: the buttons do the same.
      while ((await current())[0] !== 0) await order.locator('.step[data-step="0"] [data-move="-1"]').click();
    }
  }
  // Then the keyboard.
  for (let place = 1; place < (await steps.count()); place++) {
    const step = order.locator(`.step[data-step="${place}"]`);
    await step.focus();
    while ((await current()).indexOf(place) > place) await page.keyboard.press('Alt+ArrowUp');
  }
  expect(await current()).toEqual([0, 1, 2, 3]);
}

describe('quiz questions', () => {
  it(
    'marks every kind right and wrong, by mouse and keyboard, and keeps the answers',
    async () => {
      const { context, page } = await open(DEMO);
      const ids = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(9);
      await answerEverything(page);
      await expect(page.locator('[data-quiz-score]').innerText()).resolves.toBe('9 of 9 answered right.');
      await screenshot(page, 'quiz-all-answered');

      // Reload: every answer is still there.
      await page.reload();
      await page.waitForFunction(() => document.querySelectorAll('wb-question[data-state]').length === 9);
      const states = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
      expect(states).toEqual(Array(9).fill('correct'));
      await expect(q(page, 'http-server-ack').getByLabel('Your answer').inputValue()).resolves.toBe('214');
      const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
      expect(stored.version).toBe(1);
      expect(stored.lessons.page['udp-header-size']).toMatchObject({ state: 'correct', tries: 2 });
      expect(page.errors).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    "shows a lesson's progress, and exports, resets and imports it",
    async () => {
      const { context, page } = await open(LESSON);
      await q(page, 'udp-header-size').getByLabel('20 bytes').check();
      await q(page, 'udp-header-size').getByRole('button', { name: 'Check' }).click();
      await q(page, 'udp-header-size').getByLabel('8 bytes').check();
      await q(page, 'udp-header-size').getByRole('button', { name: 'Check' }).click();
      await q(page, 'dns-response-length').getByLabel('Your answer').fill('91');
      await q(page, 'dns-response-length').getByRole('button', { name: 'Check' }).click();
      expect(await state(page, 'dns-response-length')).toBe('correct');
      const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
      expect(stored.lessons.udp['udp-header-size']).toMatchObject({ state: 'correct', tries: 2 });

      // The progress page, reachable from the header.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).click();
      await page.waitForURL(/\/progress\/$/);
      await page.waitForFunction(() => customElements.get('wb-progress') !== undefined);
      const udp = page.locator('[data-lesson="udp"]');
      await expect(udp.locator('[data-score]').innerText()).resolves.toBe(`2 of ${LESSON_QUESTIONS} right`);
      await expect(udp.locator('[data-question-ref="udp-header-size"]').isVisible()).resolves.toBe(false);
      await expect(udp.locator('[data-question-ref="find-dns-port"]').innerText()).resolves.toMatch(/not tried yet/);
      await screenshot(page, 'progress-some-right');

      // Export, reset, import.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
      expect(download.suggestedFilename()).toBe('wirebook-progress.json');
      const exported = readFileSync((await download.path())!, 'utf8');
      expect(JSON.parse(exported)).toMatchObject({ format: 'wirebook-progress', version: 1 });
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Reset all progress' }).click();
      await expect(udp.locator('[data-score]').innerText()).resolves.toBe(`0 of ${LESSON_QUESTIONS} right`);
      await expect(udp.locator('[data-open]').isVisible()).resolves.toBe(true);
      await screenshot(page, 'progress-reset');

      const importer = page.getByLabel('Import progress');
      const status = () => page.locator('[data-progress-status]').innerText();
      await importer.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
      await expect.poll(status).toMatch(/not a Wirebook progress export/);
      await importer.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
      await expect.poll(status).toMatch(/not JSON/);
      await expect(udp.locator('[data-score]').innerText()).resolves.toBe(`0 of ${LESSON_QUESTIONS} right`);
      await importer.setInputFiles({ name: 'wirebook-progress.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await expect.poll(status).toBe('Imported 2 answers.');
      await expect(udp.locator('[data-score]').innerText()).resolves.toBe(`2 of ${LESSON_QUESTIONS} right`);
      await screenshot(page, 'progress-imported');
      expect(page.errors).toEqual([]);
      await context.close();
    },
    SLOW,
  );

  it(
    'lists open questions, and resets a damaged store with a notice instead of breaking',
    async () => {
      const { context, page } = await open(LESSON);
      await q(page, 'udp-header-size').getByLabel('20 bytes').check();
      await q(page, 'udp-header-size').getByRole('button', { name: 'Check' }).click();
      const progress = await open('progress/', {}, context);
      const udp = progress.page.locator('[data-lesson="udp"]');
      await expect(udp.locator('[data-score]').innerText()).resolves.toBe(`0 of ${LESSON_QUESTIONS} right`);
      await expect(udp.locator('[data-question-ref="udp-header-size"]').innerText()).resolves.toMatch(/How long is a UDP header\?.*not right yet/);
      await expect(udp.locator('[data-question-ref="find-dns-port"]').innerText()).resolves.toMatch(/not tried yet/);

      await page.evaluate((k) => localStorage.setItem(k, '{"version": 1, "lessons": {"udp": 7}'), KEY);
      await page.reload();
      await page.locator('.quiz-notice').waitFor();
      await expect(page.locator('.quiz-notice').innerText()).resolves.toMatch(/could not be read/);
      expect(await state(page, 'udp-header-size')).toBeNull();
      // The page still works, and saves again.
      await q(page, 'udp-header-size').getByLabel('8 bytes').check();
      await q(page, 'udp-header-size').getByRole('button', { name: 'Check' }).click();
      expect(await state(page, 'udp-header-size')).toBe('correct');
      expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!).lessons.udp['udp-header-size'].state).toBe('correct');

      await page.evaluate(() => localStorage.setItem('wirebook.progress', '{"old": true}'));
      await page.reload();
      await expect(page.locator('.quiz-notice').innerText()).resolves.toMatch(/older version/);
      await screenshot(page, 'quiz-notice');
      expect(page.errors).toEqual([]);
      await context.close();
    },
    SLOW,
  );
});

describe('quiz without JavaScript', () => {
  it(
    'keeps each answer in a disclosure the student can open',
    async () => {
      const { context, page } = await open(DEMO, { javaScriptEnabled: false });
      const keys = page.locator('[data-question] details[data-answer-key]');
      expect(await keys.count()).toBe(9);
      const ack = q(page, 'http-server-ack');
      await expect(ack.locator('.answer-body').isVisible()).resolves.toBe(false);
      await ack.getByText('Show the answer').click();
      await expect(ack.locator('.answer-body').innerText()).resolves.toMatch(/Answer: 214/);
      await expect(ack.locator('[data-actions]').isVisible()).resolves.toBe(false);
      await screenshot(page, 'quiz-nojs');
      await context.close();
    },
    SLOW,
  );
});

describe('quiz accessibility and look', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(
      `has no axe violations in the ${colorScheme} theme, answered and not`,
      async () => {
        const { context, page } = await open(DEMO, { colorScheme });
        expect(await axeViolations(page), `fresh lesson (${colorScheme})`).toEqual([]);
        await answerEverything(page);
        // Leave some questions wrong, with their feedback shown.
        await q(page, 'udp-header-size').getByLabel('20 bytes').check();
        await q(page, 'udp-header-size').getByRole('button', { name: 'Check' }).click();
        await q(page, 'dns-response-length').getByLabel('Your answer').fill('8');
        await q(page, 'dns-response-length').getByRole('button', { name: 'Check' }).click();
        expect(await axeViolations(page), `answered lesson (${colorScheme})`).toEqual([]);
        await screenshot(page, `quiz-lesson-${colorScheme}`);
        const progress = await open('progress/', { colorScheme }, context);
        expect(await axeViolations(progress.page), `progress page (${colorScheme})`).toEqual([]);
        await screenshot(progress.page, `progress-${colorScheme}`);
        await context.close();
      },
      SLOW,
    );
  }

  it(
    'fits a phone',
    async () => {
      const { context, page } = await open(LESSON, { viewport: viewports.phone });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await q(page, 'predict-handshake-ack').screenshot({ path: 'test-results/screens/quiz-predict-phone.png' });
      await context.close();
    },
    SLOW,
  );
});
