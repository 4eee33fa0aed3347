// "Open your own capture" on the built site with the hostile captures
// (test/support/hostile/), scaled down as the unit tests build them: the
// page's Worker reads each to the end, the status counts tshark's frames, the
// filter box still answers afterwards, and a frame where a limit applied shows
// tshark's note in the details pane.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, writeCase } from '../support/hostile/cases.ts';
import { viewports } from './support/browser.ts';
import { useBuiltSite } from './support/site.ts';
import type { StaticSite } from './support/static-server.ts';

/** Generous: a cold Chromium on a busy two-core machine starts its Worker slowly. */
const WAIT = { timeout: 60_000 };

let browser: Browser;
let site: StaticSite;
useBuiltSite((b, s) => {
  browser = b;
  site = s;
});

/** tshark's fields (one line a frame, tab-separated); its warnings on stderr are expected here. */
function tshark(file: string, args: string[]): string[][] {
  const r = spawnSync('tshark', ['-r', file, '-2', '-T', 'fields', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`tshark failed on ${file}: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}

/**
 * The limits tshark applies, each as the filter that finds its frames and the
 * text the frame's tree then holds (the DNS one is read from tshark's names),
 * or, for an expert item the tree marks only by its severity, the field that
 * carries it.
 */
const LIMITS: { filter: string; note: (file: string, frame: number) => string; marks?: { field: string; severity: string } }[] = [
  // tshark: "[Expert Info (Warning/Undecoded): Too many nested VLAN tags]" under the 21st tag.
  { filter: 'vlan.too_many_tags', note: () => 'Too many nested VLAN tags', marks: { field: 'vlan', severity: 'warn' } },
  {
    filter: '_ws.expert.message contains "gui_max_tree_depth"',
    note: () => 'failed assertion "saved_layers_len < prefs.gui_max_tree_depth"',
  },
  {
    filter: 'dns.resp.name contains "<Name " || dns.qry.name contains "<Name "',
    note: (file, frame) =>
      tshark(file, ['-Y', `frame.number == ${frame}`, '-E', 'occurrence=a', '-E', 'aggregator=\u0001', '-e', 'dns.qry.name', '-e', 'dns.resp.name'])[0]
        .flatMap((c) => c.split('\u0001'))
        .find((n) => n.startsWith('<Name '))!,
  },
];

/** The first frame (if any) where each limit applied, with its note. */
function limitedFrames(file: string): { frame: number; note: string; marks?: { field: string; severity: string } }[] {
  return LIMITS.flatMap(({ filter, note, marks }) => {
    const frame = Number(tshark(file, ['-Y', filter, '-e', 'frame.number'])[0]?.[0] ?? 0);
    return frame ? [{ frame, note: note(file, frame), marks }] : [];
  });
}

/** Type a filter and press Enter; the filter's message once the answer has arrived. */
async function typeFilter(page: Page, text: string): Promise<string> {
  const msg = page.locator('wb-explorer [data-filter-msg]');
  const before = (await msg.textContent()) ?? '';
  const input = page.locator('#ex-filter');
  await input.fill(text);
  await input.press('Enter');
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

/** Filter the list down to frame n (its message may read as before: wait for the row itself). */
async function filterTo(page: Page, n: number): Promise<void> {
  const input = page.locator('#ex-filter');
  await input.fill(`frame.number == ${n}`);
  await input.press('Enter');
  await page.waitForFunction(
    (n) => {
      const rows = [...document.querySelectorAll<HTMLElement>('wb-explorer [data-rows] [role="row"][data-frame]')];
      return rows.length === 1 && rows[0].dataset.frame === String(n);
    },
    n,
    WAIT,
  );
}

/** Click row n and wait until the tree shows it (its first item reads "Frame n: …"). */
async function selectRow(page: Page, n: number): Promise<void> {
  await page.locator(`wb-explorer [data-rows] [role="row"][data-frame="${n}"]`).click();
  await page.waitForFunction(
    (n) => (document.querySelector('wb-explorer [data-tree] [role="treeitem"] > .pv-line')?.textContent ?? '').startsWith(`Frame ${n}:`),
    n,
    WAIT,
  );
}

describe('hostile captures on /open/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-hostile-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of HOSTILE_CASES.filter((x) => !x.benchOnly)) {
    it(`${c.name}: tshark's frame count, the filter answering, the notes of its limits`, async () => {
      const file = join(dir, `${c.name}.${c.format}`);
      writeFileSync(file, writeCase(c, c.unitScale).bytes);
      const frames = tshark(file, ['-e', 'frame.number']).length;
      const limited = limitedFrames(file);
      const context = await browser.newContext({ viewport: viewports.desktop, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
      try {
        await page.goto(new URL('open/', site.url).href);
        await page.locator('wb-explorer [data-ui]:not([hidden])').waitFor(WAIT);
        await page.locator('wb-explorer input[data-file]').setInputFiles(file);
        const name = file.slice(file.lastIndexOf('/') + 1);
        await page.waitForFunction(
          (name) => {
            const ex = document.querySelector('wb-explorer')!;
            const state = ex.getAttribute('data-state');
            return state === 'error' || (state === 'ready' && (ex.querySelector('[data-status]')!.textContent ?? '').startsWith(`${name}:`));
          },
          name,
          WAIT,
        );
        expect(await page.locator('wb-explorer').getAttribute('data-state')).toBe('ready');
        expect(await page.locator('wb-explorer').getAttribute('data-frames')).toBe(String(frames));

        // The filter box answers after the whole file was read.
        expect(await typeFilter(page, `frame.number == ${frames}`)).toBe(`Showing 1 of ${frames.toLocaleString('en')} frames.`);
        for (const { frame, note, marks } of limited) {
          await filterTo(page, frame);
          await selectRow(page, frame);
          if (marks) {
            // The last such item carries the expert note: the explorer's tree shows it by its severity.
            const items = page.locator(`wb-explorer [data-tree] [role="treeitem"][data-field="${marks.field}"]`);
            await expect(items.last().getAttribute('data-severity'), `frame ${frame}: ${note}`).resolves.toBe(marks.severity);
            continue;
          }
          // Closed subtrees stay in the DOM, hidden: the note is in the tree's text.
          const tree = (await page.locator('wb-explorer [data-tree]').textContent()) ?? '';
          expect(tree, `frame ${frame}`).toContain(note);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the cases with limits are still ones where tshark applies them', () => {
    // Without this the loop above could pass with no note checked at all.
    const seen = HOSTILE_CASES.filter((c) => !c.benchOnly).flatMap((c) => {
      const file = join(dir, `limits-${c.name}.${c.format}`);
      writeFileSync(file, writeCase(c, c.unitScale).bytes);
      return limitedFrames(file).map((l) => l.note);
    });
    expect(seen.some((n) => n.includes('VLAN'))).toBe(true);
    expect(seen.some((n) => n.includes('gui_max_tree_depth'))).toBe(true);
    expect(seen.some((n) => n.startsWith('<Name '))).toBe(true);
  });
});
