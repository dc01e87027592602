// Large files go through the parsing worker: they load, the page keeps answering while they do,
// progress shows with Cancel, and a cancelled load adds nothing. The worker's script is held back
// by the test where it needs the load to stay in progress, so nothing here depends on speed.
import type { Browser, BrowserContext, Locator, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentFingerprint } from '../../src/data/results/dataset';
import { SEED_LATENCY_ROWS, latencyRows } from './dashboard.ts';
import { expectNoPageProblems, openPage, screenshot, type WatchedPage } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';

const LATENCY_COLUMNS = [
  'Test name',
  'GPU',
  'Mean latency (ms)',
  'Median latency (ms)',
  'P99 latency (ms)',
] as const;

/**
 * CI's embedded JSON (pandas dict orientation) with `rows` latency results on 8×B200, row i
 * having mean latency 1000 + i ms: 20,000 rows make a file of about 2 MB, over the 1 MB above
 * which files are parsed in the worker.
 */
function bigLatencyFile(rows: number): string {
  const columns: Record<string, Record<string, string | number>> = {};
  for (const column of LATENCY_COLUMNS) columns[column] = {};
  for (let i = 0; i < rows; i += 1) {
    const key = String(i);
    (columns['Test name'] as Record<string, string>)[key] = `latency_llama8B_tp1_run${i}`;
    (columns.GPU as Record<string, string>)[key] = '8xB200';
    (columns['Mean latency (ms)'] as Record<string, number>)[key] = 1000 + i;
    (columns['Median latency (ms)'] as Record<string, number>)[key] = 999 + i;
    (columns['P99 latency (ms)'] as Record<string, number>)[key] = 1010 + i;
  }
  return JSON.stringify({ latency: columns });
}

const ROWS = 20_000;
const BIG_FILE = {
  name: 'big-b200.json',
  mimeType: 'application/json',
  text: bigLatencyFile(ROWS),
};

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function pickBigFile(page: Page): Promise<void> {
  await page.getByTestId('load-results-input').setInputFiles({
    name: BIG_FILE.name,
    mimeType: BIG_FILE.mimeType,
    buffer: Buffer.from(BIG_FILE.text, 'utf8'),
  });
}

/** The dashboard, opened with its bundled runs in the tables. */
async function openSeeded(): Promise<WatchedPage> {
  if (!browser) throw new Error('Chromium did not start');
  const watched = await openPage(browser, inject('e2eBaseUrl'));
  try {
    await watched.page.goto(watched.baseUrl);
    await expect.poll(() => latencyRows(watched.page)).toBe(SEED_LATENCY_ROWS);
  } catch (error) {
    await watched.close();
    throw error;
  }
  return watched;
}

/** The big file's entry in the Datasets panel, once it lists all its rows. */
function bigFileListed(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Datasets', exact: true })
    .getByRole('listitem')
    .filter({ hasText: `${ROWS.toLocaleString('en-US')} results` });
}

/** Holds every request for the worker's script until `release` is called. */
async function holdWorkerScript(
  context: BrowserContext,
): Promise<{ release: () => Promise<void>; seen: () => boolean }> {
  const held: Route[] = [];
  let seen = false;
  let released = false;
  // On the context: a worker's requests are not the page's. Registered last, so it comes before
  // the context's own on-origin route.
  await context.route(/ingest\.worker-[^/]*\.js$/, async (route) => {
    seen = true;
    if (released) await route.continue();
    else held.push(route);
  });
  return {
    seen: () => seen,
    release: async () => {
      released = true;
      // A request of a terminated worker may be gone already; that is fine.
      await Promise.all(held.splice(0).map((route) => route.continue().catch(() => undefined)));
    },
  };
}

describe('large files', () => {
  it('load through the parsing worker, and the Datasets panel counts every row', async () => {
    const watched = await openSeeded();
    const { page } = watched;
    const workerRequests: string[] = [];
    watched.context.on('request', (request) => {
      if (/ingest\.worker-[^/]*\.js$/.test(request.url())) workerRequests.push(request.url());
    });
    try {
      expect(Buffer.byteLength(BIG_FILE.text)).toBeGreaterThan(1024 * 1024);
      await pickBigFile(page);
      await expect.poll(() => bigFileListed(page).count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS + ROWS);
      expect(workerRequests).toHaveLength(1);
      // Row i has mean 1000 + i: the first and the last made it through the trip.
      await page.getByRole('searchbox').fill('run19999');
      await expect.poll(() => latencyRows(page)).toBe(1);
      // Mean, median and P99 of run 19999: 1000 + 19999, 999 + 19999 and 1010 + 19999 ms.
      // Polled like the row count: read once, right after it, the cell was once not found on a
      // busy machine (and was found in every run since).
      for (const value of ['20,999.00', '20,998.00', '21,009.00']) {
        await expect
          .poll(() => page.getByRole('cell', { name: value, exact: true }).count())
          .toBe(1);
      }
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('give a large file the id the page gives its text (taken by the fingerprint worker); a second pick adds nothing', async () => {
    const watched = await openSeeded();
    const { page } = watched;
    try {
      await pickBigFile(page);
      const loaded = bigFileListed(page);
      await expect.poll(() => loaded.count(), { timeout: 30_000 }).toBe(1);
      // The id is the one the page takes of the same text: links and saved data still match.
      await page.keyboard.press('c');
      await page
        .getByRole('combobox', { name: 'Candidate' })
        .selectOption({ label: BIG_FILE.name });
      await expect
        .poll(() => new URL(page.url()).searchParams.get('cmp.cand'))
        .toBe(contentFingerprint(BIG_FILE.text));
      await pickBigFile(page);
      const notice = page.getByText(`${BIG_FILE.name} is already loaded; it was not added again.`);
      await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
      expect(await loaded.count()).toBe(1);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('show progress with Cancel while loading; the page keeps answering; Cancel adds nothing', async () => {
    const watched = await openSeeded();
    const { page } = watched;
    try {
      const worker = await holdWorkerScript(watched.context);
      const datasetsBefore = await page
        .getByRole('region', { name: 'Datasets', exact: true })
        .innerText();

      await pickBigFile(page);
      const progress = page.getByRole('region', { name: 'Loading files' });
      await progress.waitFor({ timeout: 10_000 });
      await expect.poll(() => worker.seen()).toBe(true);
      await expect(progress.getByRole('progressbar').getAttribute('max')).resolves.toBe(
        String(Buffer.byteLength(BIG_FILE.text)),
      );
      await expect(progress.innerText()).resolves.toContain(`Reading ${BIG_FILE.name}`);
      await screenshot(page, 'big-file-progress');

      // While the file is loading, the filters still work.
      await page
        .getByRole('group', { name: 'GPU' })
        .getByRole('checkbox', { name: /^8×H200/ })
        .click();
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS - 3);
      await page
        .getByRole('group', { name: 'GPU' })
        .getByRole('checkbox', { name: /^8×H200/ })
        .click();
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS);

      await progress.getByRole('button', { name: `Cancel loading ${BIG_FILE.name}` }).click();
      await expect.poll(() => progress.count()).toBe(0);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'cancelled' }).innerText())
        .toBe(`Loading ${BIG_FILE.name} was cancelled; nothing was added.`);
      // The worker was stopped: letting its script through now changes nothing.
      // (Its request may never finish now that its worker is gone: nothing waits for the network.)
      await worker.release();
      await expect(
        page.getByRole('region', { name: 'Datasets', exact: true }).innerText(),
      ).resolves.toBe(datasetsBefore);
      expect(await latencyRows(page)).toBe(SEED_LATENCY_ROWS);
      await expect(page.getByRole('alert').count()).resolves.toBe(0);

      // And the same file loads when tried again.
      await pickBigFile(page);
      await expect
        .poll(() => latencyRows(page), { timeout: 30_000 })
        .toBe(SEED_LATENCY_ROWS + ROWS);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
