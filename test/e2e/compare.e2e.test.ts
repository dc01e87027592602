// The compare view as a person uses it: load a run whose one TTFT got 30% worse, compare it with
// the bundled nightly on the same GPU, find the regression at the top, reload the link, copy the
// comparison as markdown, and read it on a phone, in Chromium against the production build.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SCREENSHOT_DIR, expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';
import { resultsTable, type TableName } from './dashboard.ts';

const TABLES: readonly TableName[] = ['Latency', 'Throughput', 'Serving'];

/** Body rows of the bundled seed: 3 GPUs × (3 latency, 3 throughput, 12 serving). */
const SEED_ROWS: Readonly<Record<TableName, number>> = { Latency: 9, Throughput: 9, Serving: 36 };
/** The seed plus one more 8×H100 run. */
const WITH_FILE_ROWS: Readonly<Record<TableName, number>> = {
  Latency: 12,
  Throughput: 12,
  Serving: 48,
};

const BASELINE_LABEL = 'Nightly · 8×H100';
const FILE_NAME = 'h100-ttft-up.json';
const RAISED_TEST = 'serving_llama8B_tp1_sharegpt_qps_1';

/** Where the app keeps what the user loaded (src/store/persistence.ts). */
const DB_NAME = 'vllm-dashboard';
/** Saving and restoring go through IndexedDB: give it room on a busy machine. */
const STORAGE_TIMEOUT = 20_000;

const COLUMNS = ['Test', 'GPU', 'Metric', 'Baseline', 'Candidate', 'Change', 'Verdict'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Readonly<Record<Column, string>>;

/**
 * The bundled 8×H100 run with one change: serving_llama8B_tp1_sharegpt_qps_1's mean TTFT raised
 * by exactly 30%, from 18.35688839200884 ms to 23.863954909611493 ms (18.36 → 23.86 shown).
 */
async function raisedTtftFile(): Promise<Buffer> {
  const file = path.resolve(import.meta.dirname, '../../public/data/nightly-8xH100.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as {
    serving: Record<string, Record<string, string | number>>;
  };
  const names = json.serving['Test name'] ?? {};
  const ttft = json.serving['Mean TTFT (ms)'] ?? {};
  const at = Object.keys(names).find((key) => names[key] === RAISED_TEST);
  if (at === undefined) throw new Error(`no ${RAISED_TEST} in the bundled 8×H100 run`);
  ttft[at] = Number(ttft[at]) * 1.3;
  return Buffer.from(JSON.stringify(json), 'utf8');
}

const chromium = sharedBrowser();

function table(page: Page, name: TableName): Locator {
  return resultsTable(page, name);
}

async function expectRowCounts(
  page: Page,
  expected: Readonly<Record<TableName, number>>,
): Promise<void> {
  for (const name of TABLES) {
    await expect
      .poll(async () => Number(await table(page, name).getAttribute('aria-rowcount')) - 1, {
        message: `${name} rows`,
        timeout: STORAGE_TIMEOUT,
      })
      .toBe(expected[name]);
  }
}

/** Waits until the app has opened its IndexedDB database, so what is loaded gets saved. */
async function waitForStorageReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (dbName) => {
          const known = await indexedDB.databases();
          return known.some((info) => info.name === dbName);
        }, DB_NAME),
      { message: 'the app opened its IndexedDB database', timeout: STORAGE_TIMEOUT },
    )
    .toBe(true);
}

/** Waits until the loaded file is saved: a record under `dataset:` in the app's database. */
async function waitForSaved(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async (dbName) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(dbName);
            request.onsuccess = () => {
              resolve(request.result);
            };
            request.onerror = () => {
              reject(request.error ?? new Error('open failed'));
            };
          });
          try {
            if (!db.objectStoreNames.contains('datasets')) return 0;
            return await new Promise<number>((resolve, reject) => {
              const request = db.transaction('datasets').objectStore('datasets').getAllKeys();
              request.onsuccess = () => {
                resolve(
                  request.result.filter(
                    (key) => typeof key === 'string' && key.startsWith('dataset:'),
                  ).length,
                );
              };
              request.onerror = () => {
                reject(request.error ?? new Error('getAllKeys failed'));
              };
            });
          } finally {
            db.close();
          }
        }, DB_NAME),
      { message: 'the loaded file is saved', timeout: STORAGE_TIMEOUT },
    )
    .toBe(1);
}

function comparison(page: Page): Locator {
  return page.getByRole('table', { name: /Comparison/ });
}

function compareSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Compare runs' });
}

async function readComparison(page: Page): Promise<Row[]> {
  const cells = await comparison(page)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as HTMLTableRowElement).cells, (cell) =>
          cell.innerText.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
  return cells.map(
    (row) => Object.fromEntries(COLUMNS.map((column, i) => [column, row[i] ?? ''])) as Row,
  );
}

/** The body rows of the copied markdown table, as cells. */
function markdownRows(text: string): Row[] {
  const lines = text.split('\n');
  const head = lines.findIndex((line) => line.startsWith('| --- '));
  if (head === -1) return [];
  return lines
    .slice(head + 1)
    .filter((line) => line.startsWith('| '))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      return Object.fromEntries(COLUMNS.map((column, i) => [column, cells[i] ?? ''])) as Row;
    });
}

/** A screenshot of the compare section alone, next to the page screenshots. */
async function sectionScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await compareSection(page).screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

async function setTheme(page: Page, theme: 'Light' | 'Dark'): Promise<void> {
  await page
    .getByRole('group', { name: 'Theme' })
    .getByRole('radio', { name: theme, exact: true })
    .check();
}

async function expectNoSeriousViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .include('#compare-section')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    blocking.map((violation) => `${violation.id}: ${violation.help}`),
    `axe, ${state}`,
  ).toEqual([]);
}

async function withPage(
  body: (watched: WatchedPage) => Promise<void>,
  options: { viewport?: { width: number; height: number }; query?: string } = {},
): Promise<void> {
  const watched = await openPage(
    chromium(),
    inject('e2eBaseUrl'),
    options.viewport === undefined ? {} : { viewport: options.viewport },
  );
  try {
    await watched.page.goto(watched.baseUrl + (options.query ?? ''), { waitUntil: 'load' });
    await expectRowCounts(watched.page, SEED_ROWS);
    await body(watched);
    await watched.page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

describe('comparing a loaded run with the bundled nightly', () => {
  it('puts the 30% TTFT regression first, keeps it across a reload and copies it', async () => {
    await withPage(async ({ page, context, origin }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await waitForStorageReady(page);
      await page.getByTestId('load-results-input').setInputFiles({
        name: FILE_NAME,
        mimeType: 'application/json',
        buffer: await raisedTtftFile(),
      });
      await expectRowCounts(page, WITH_FILE_ROWS);

      const toggle = page.getByRole('button', { name: 'Compare', exact: true });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page
        .getByRole('combobox', { name: 'Baseline' })
        .selectOption({ label: BASELINE_LABEL });
      await page.getByRole('combobox', { name: 'Candidate' }).selectOption({ label: FILE_NAME });
      await expect.poll(() => comparison(page).getAttribute('aria-rowcount')).toBe(String(96 + 1));
      expect(await comparison(page).locator('caption').innerText()).toMatch(
        `Comparison: ${BASELINE_LABEL} → ${FILE_NAME}`,
      );

      const rows = await readComparison(page);
      // 3 latency tests × 3 metrics + 3 throughput × 1 + 12 serving × 7, all paired.
      expect(rows).toHaveLength(96);
      expect(rows[0]).toEqual({
        Test: RAISED_TEST,
        GPU: '8×H100',
        Metric: 'Mean TTFT (ms)',
        Baseline: '18.36',
        Candidate: '23.86',
        Change: '+30.0%',
        Verdict: 'regression',
      });
      // Nothing else changed.
      expect(rows.slice(1).every((row) => row.Verdict === 'within noise')).toBe(true);
      expect(rows.slice(1).every((row) => row.Change === '0.0%')).toBe(true);

      const summary = page.getByRole('region', { name: 'Comparison summary' });
      expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
        '1 regression',
        '0 improvements',
        '95 within noise',
        '0 missing',
      ]);
      expect(await summary.innerText()).toContain(
        `Worst regression: ${RAISED_TEST} Mean TTFT (ms) +30.0%`,
      );

      const params = new URL(page.url()).searchParams;
      expect(params.get('cmp')).toBe('1');
      expect(params.get('cmp.base')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      expect(params.get('cmp.cand')).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
      expect(params.get('cmp.cand')).not.toBe(params.get('cmp.base'));

      await setTheme(page, 'Light');
      await compareSection(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-regression-light');
      await sectionScreenshot(page, 'compare-section-light');
      await expectNoSeriousViolations(page, 'light');
      await setTheme(page, 'Dark');
      await screenshot(page, 'compare-regression-dark');
      await sectionScreenshot(page, 'compare-section-dark');
      await expectNoSeriousViolations(page, 'dark');

      // The link reproduces the comparison; the file comes back from IndexedDB.
      await waitForSaved(page);
      const link = page.url();
      await page.reload({ waitUntil: 'load' });
      expect(page.url()).toBe(link);
      await expectRowCounts(page, WITH_FILE_ROWS);
      await expect
        .poll(() => comparison(page).getAttribute('aria-rowcount'), { timeout: STORAGE_TIMEOUT })
        .toBe(String(96 + 1));
      expect(await page.getByText(/is not loaded/).count()).toBe(0);
      const reloaded = await readComparison(page);
      expect(reloaded).toEqual(rows);
      expect(await comparison(page).locator('caption').innerText()).toMatch(
        `Comparison: ${BASELINE_LABEL} → ${FILE_NAME}`,
      );

      // Copy as Markdown: by default the one change beyond the threshold, as the table shows it.
      const status = compareSection(page).getByRole('status');
      await compareSection(page).getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect.poll(() => status.innerText()).toBe('Copied 1 row as Markdown.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.split('\n')[0]).toBe(
        `### Compare: baseline ${BASELINE_LABEL} vs candidate ${FILE_NAME} (threshold ±5%)`,
      );
      expect(markdownRows(copied)).toEqual(
        reloaded.filter((row) => row.Verdict === 'regression' || row.Verdict === 'improvement'),
      );
      expect(markdownRows(copied)).toEqual([reloaded[0]]);

      await compareSection(page).getByRole('checkbox', { name: 'Include unchanged' }).check();
      await compareSection(page).getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect.poll(() => status.innerText()).toBe('Copied 96 rows as Markdown.');
      const everything = await page.evaluate(() => navigator.clipboard.readText());
      expect(markdownRows(everything)).toEqual(reloaded);
      await screenshot(page, 'compare-after-reload-dark');
    });
  });
});

describe('the compare view from a link', () => {
  it('opens 8×H100 against 8×H200 and fits a phone: the table scrolls in its own box', async () => {
    await withPage(
      async ({ page }) => {
        await setTheme(page, 'Light');
        // Only regressions is in the link: the 4 regressions of 96 comparisons are listed.
        await expect.poll(() => comparison(page).getAttribute('aria-rowcount')).toBe(String(4 + 1));
        expect(
          await page
            .getByRole('button', { name: 'Compare', exact: true })
            .getAttribute('aria-pressed'),
        ).toBe('true');
        expect(
          await page
            .getByRole('combobox', { name: 'Baseline' })
            .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
        ).toBe('GPU: 8×H100');
        const first = (await readComparison(page))[0];
        // The worst: llama8B QPS 1 P99 TTFT 35.8438 → 59.9132 ms.
        expect(first).toMatchObject({
          Test: 'serving_llama8B_tp1_sharegpt_qps_1',
          GPU: '8×H100 → 8×H200',
          Metric: 'P99 TTFT (ms)',
          Change: '+67.2%',
          Verdict: 'regression',
        });
        expect(
          await compareSection(page)
            .getByRole('checkbox', { name: 'Only regressions' })
            .isChecked(),
        ).toBe(true);
        expect(await readComparison(page)).toHaveLength(4);

        const scroller = page.getByRole('region', { name: 'Comparison table, scrollable' });
        const sizes = await scroller.evaluate((element) => ({
          scrollWidth: element.scrollWidth,
          clientWidth: element.clientWidth,
          page: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }));
        expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
        expect(sizes.page).toBeLessThanOrEqual(sizes.viewport);
        await compareSection(page).scrollIntoViewIfNeeded();
        await screenshot(page, 'compare-phone-light', { fullPage: false });
        await setTheme(page, 'Dark');
        await compareSection(page).scrollIntoViewIfNeeded();
        await screenshot(page, 'compare-phone-dark', { fullPage: false });

        // Opened with the button, the section (below the datasets on a phone) scrolls into view.
        const toggle = page.getByRole('button', { name: 'Compare', exact: true });
        await page.evaluate(() => {
          window.scrollTo(0, 0);
        });
        await toggle.click();
        expect(await compareSection(page).count()).toBe(0);
        await toggle.click();
        await comparison(page).waitFor();
        await expect
          .poll(async () => {
            const box = await compareSection(page).boundingBox();
            return box !== null && box.y >= 0 && box.y < 844 / 2;
          })
          .toBe(true);
        await screenshot(page, 'compare-phone-opened', { fullPage: false });
      },
      {
        viewport: { width: 390, height: 844 },
        query: '?cmp=1&cmp.base=gpu%3A8%C3%97H100&cmp.cand=gpu%3A8%C3%97H200&cmp.only=reg',
      },
    );
  });
});
