// The explorer, as a person uses it: filters, search, sorting, columns, the URL, CSV downloads and
// a virtualized table at scale, in Chromium against the production build served under a sub-path.
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';
import { servedCopy } from './served-copy.ts';
import { servingFile } from '../harness/fixtures/serving-file.ts';
import { readTable, resultsTable, type TableName, type TableSnapshot } from './dashboard.ts';

const TABLES: readonly TableName[] = ['Latency', 'Throughput', 'Serving'];

/** Rows of the bundled seed: 3 GPUs × (3 latency, 3 throughput, 12 serving). */
const SEED_ROWS: Readonly<Record<TableName, number>> = { Latency: 9, Throughput: 9, Serving: 36 };

// Found by hand in public/data/nightly-8x*.json: the serving results with the lowest and the
// highest "Mean TTFT (ms)" over the three GPUs.
const LOWEST_MEAN_TTFT = {
  testName: 'serving_llama8B_tp1_sharegpt_qps_4',
  gpu: '8×H200',
  shown: '14.96', // 14.962725100340322
} as const;
const HIGHEST_MEAN_TTFT = {
  testName: 'serving_llama70B_tp4_sharegpt_qps_inf',
  gpu: '8×A100-SXM4-80GB',
  shown: '660.59', // 660.5936508392915
} as const;

const TEST_NAME = /\b(?:latency|throughput|serving)_\S+/;

const chromium = sharedBrowser();

/** Opens the dashboard (optionally with a query string) and waits for the seed to be in the tables. */
async function openDashboard(
  baseUrl: string = inject('e2eBaseUrl'),
  query = '',
  rows: Readonly<Record<TableName, number>> | null = SEED_ROWS,
): Promise<WatchedPage> {
  const watched = await openPage(chromium(), baseUrl);
  await watched.page.goto(watched.baseUrl + query, { waitUntil: 'load' });
  if (rows !== null) await expectRowCounts(watched.page, rows);
  return watched;
}

/** Runs a test body on a fresh page, closing it even when the body fails. */
async function withDashboard(
  body: (watched: WatchedPage) => Promise<void>,
  query = '',
): Promise<void> {
  const watched = await openDashboard(inject('e2eBaseUrl'), query);
  try {
    await body(watched);
    await watched.page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

function table(page: Page, name: TableName): Locator {
  return resultsTable(page, name);
}

/** The table's section: a region named by its heading, holding the Columns menu and Download CSV. */
function section(page: Page, name: TableName): Locator {
  return page.getByRole('region', { name, exact: true });
}

function bodyRows(page: Page, name: TableName): Locator {
  // Virtualized tables add aria-hidden spacer rows without an aria-rowindex.
  return table(page, name).locator('tbody tr[aria-rowindex]');
}

async function expectRowCounts(
  page: Page,
  expected: Readonly<Partial<Record<TableName, number>>>,
): Promise<void> {
  for (const name of TABLES) {
    const count = expected[name];
    if (count === undefined) continue;
    await expect
      .poll(() => bodyRows(page, name).count(), { message: `${name} body rows` })
      .toBe(count);
  }
}

function columnIndex(snapshot: TableSnapshot, header: string): number {
  const index = snapshot.headers.indexOf(header);
  if (index === -1) {
    throw new Error(
      `no column ${JSON.stringify(header)}; columns: ${snapshot.headers.join(' | ')}`,
    );
  }
  return index;
}

function testNameOf(cells: readonly string[]): string {
  const match = TEST_NAME.exec(cells.join(' '));
  if (!match) throw new Error(`no test name in row: ${cells.join(' | ')}`);
  return match[0];
}

function cellOf(snapshot: TableSnapshot, row: readonly string[], header: string): string {
  return row[columnIndex(snapshot, header)] ?? '';
}

/** Identifies a row as `test name @ GPU`. */
function rowKey(snapshot: TableSnapshot, row: readonly string[]): string {
  return `${testNameOf(row)} @ ${cellOf(snapshot, row, 'GPU')}`;
}

function shownNumber(text: string): number {
  return Number(text.replace(/[,\u00a0\u202f]/g, ''));
}

function header(page: Page, name: TableName, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return table(page, name).getByRole('columnheader', { name: new RegExp(`^${escaped}`) });
}

async function sortBy(
  page: Page,
  name: TableName,
  label: string,
  direction: 'ascending' | 'descending',
  options: { shift?: boolean } = {},
): Promise<void> {
  const th = header(page, name, label);
  for (let clicks = 0; (await th.getAttribute('aria-sort')) !== direction; clicks += 1) {
    if (clicks >= 3) throw new Error(`${name} ${label}: never became ${direction}`);
    const before = await th.getAttribute('aria-sort');
    await th.getByRole('button').click(options.shift === true ? { modifiers: ['Shift'] } : {});
    await expect.poll(() => th.getAttribute('aria-sort')).not.toBe(before);
  }
}

async function hideColumn(page: Page, name: TableName, label: string): Promise<void> {
  const region = section(page, name);
  const menu = region.getByRole('group', { name: `${name} columns` });
  if (!(await menu.isVisible())) await region.getByText('Columns', { exact: true }).click();
  await menu.getByRole('checkbox', { name: label, exact: true }).uncheck();
  await expect.poll(async () => (await readTable(page, name)).headers).not.toContain(label);
}

function filterCheckbox(page: Page, group: string, value: RegExp): Locator {
  return page
    .getByRole('group', { name: group, exact: true })
    .getByRole('checkbox', { name: value });
}

function gpuCheckbox(page: Page, gpu: string): Locator {
  return filterCheckbox(page, 'GPU', new RegExp(`^${gpu}`));
}

function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function downloadCsv(
  page: Page,
  name: TableName,
): Promise<{ text: string; rows: string[][] }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section(page, name).getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const file = await download.path();
  const raw = await readFile(file, 'utf8');
  // UTF-8 with a byte-order mark first, so a spreadsheet reads "8×H100" as written.
  expect(raw.startsWith('\uFEFF'), 'CSV starts with a byte-order mark').toBe(true);
  const text = raw.slice(1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  expect(parsed.errors, 'CSV parse errors').toEqual([]);
  return { text, rows: parsed.data };
}

/** Checks a downloaded CSV against the table as shown: rows, columns, order. */
async function expectCsvMatchesTable(
  page: Page,
  name: TableName,
  csv: readonly string[][],
): Promise<void> {
  const shown = await readTable(page, name);
  const rowCount = Number(await table(page, name).getAttribute('aria-rowcount'));
  expect(csv.length - 1, 'CSV data rows = aria-rowcount − 1').toBe(rowCount - 1);
  expect(shown.rows.length, 'every row is rendered at this size').toBe(rowCount - 1);

  const expectedHeader = shown.headers.flatMap((label) =>
    label === 'Model' ? ['Model', 'Test name'] : [label],
  );
  const [csvHeader = [], ...csvRows] = csv;
  expect(csvHeader).toEqual(expectedHeader);

  const testNameAt = csvHeader.indexOf('Test name');
  const gpuAt = csvHeader.indexOf('GPU');
  const csvKeys = csvRows.map((row) => `${row[testNameAt] ?? ''} @ ${row[gpuAt] ?? ''}`);
  const tableKeys = shown.rows.map((row) => rowKey(shown, row));
  expect(csvKeys[0], 'first row').toBe(tableKeys[0]);
  expect(csvKeys.at(-1), 'last row').toBe(tableKeys.at(-1));
  expect(csvKeys, 'every row, in order').toEqual(tableKeys);

  // Numbers are written at full precision; the table shows the same value rounded.
  for (const [i, row] of csvRows.entries()) {
    const tableRow = shown.rows[i] ?? [];
    for (const [j, label] of csvHeader.entries()) {
      if (!/\((?:ms|req\/s|tok\/s)\)$/.test(label)) continue;
      const value = Number(row[j]);
      const cell = cellOf(shown, tableRow, label);
      expect(Math.abs(value - shownNumber(cell)), `${label} of CSV row ${i + 1}`).toBeLessThan(
        0.0051,
      );
    }
  }
}

describe('the GPU filter', () => {
  it('hides 8×H200 rows in every table, puts it in the URL and brings them back', async () => {
    await withDashboard(async ({ page }) => {
      const h200 = gpuCheckbox(page, '8×H200');
      await expect.poll(() => h200.isChecked()).toBe(true);
      await h200.uncheck();
      await expectRowCounts(page, { Latency: 6, Throughput: 6, Serving: 24 });
      for (const name of TABLES) {
        const cells = (await readTable(page, name)).rows.flat();
        expect(
          cells.filter((cell) => cell.includes('8×H200')),
          `${name} cells with 8×H200`,
        ).toEqual([]);
      }
      expect(searchParams(page).getAll('hide.gpu')).toEqual(['8×H200']);
      expect(page.url()).toContain('hide.gpu=8%C3%97H200');
      await screenshot(page, 'explorer-gpu-hidden');

      await h200.check();
      await expectRowCounts(page, SEED_ROWS);
      expect(searchParams(page).getAll('hide.gpu')).toEqual([]);
      const serving = await readTable(page, 'Serving');
      expect(serving.rows.filter((row) => cellOf(serving, row, 'GPU') === '8×H200')).toHaveLength(
        12,
      );
    });
  });
});

describe('the view in the URL', () => {
  it('survives a reload: hidden GPU, sort, hidden column and search', async () => {
    await withDashboard(async ({ page }) => {
      await gpuCheckbox(page, '8×H200').uncheck();
      await sortBy(page, 'Serving', 'P99 TTFT (ms)', 'descending');
      await hideColumn(page, 'Latency', 'P99 latency (ms)');
      const search = page.getByRole('searchbox', { name: 'Search test names' });
      await search.pressSequentially('llama');
      await expect.poll(() => searchParams(page).get('q')).toBe('llama');
      // llama8B and llama70B on 8×H100 and 8×A100: 2 × 2 latency, 2 × 2 × 4 serving.
      await expectRowCounts(page, { Latency: 4, Throughput: 4, Serving: 16 });

      const params = searchParams(page);
      expect(params.getAll('hide.gpu')).toEqual(['8×H200']);
      expect(params.getAll('sort.serving')).toEqual(['desc:ttft_p99']);
      expect(params.getAll('hidecol.latency')).toHaveLength(1);

      const before = await readTable(page, 'Serving');
      const firstBefore = before.rows[0] ?? [];
      // The largest P99 TTFT among llama results off 8×H200 (744.77 ms).
      expect(rowKey(before, firstBefore)).toBe(
        'serving_llama70B_tp4_sharegpt_qps_inf @ 8×A100-SXM4-80GB',
      );
      const urlBefore = page.url();

      await page.reload({ waitUntil: 'load' });
      await expectRowCounts(page, { Latency: 4, Throughput: 4, Serving: 16 });
      expect(page.url()).toBe(urlBefore);
      expect(await gpuCheckbox(page, '8×H200').isChecked()).toBe(false);
      expect(await gpuCheckbox(page, '8×H100').isChecked()).toBe(true);
      expect(await header(page, 'Serving', 'P99 TTFT (ms)').getAttribute('aria-sort')).toBe(
        'descending',
      );
      const latency = await readTable(page, 'Latency');
      expect(latency.headers).not.toContain('P99 latency (ms)');
      expect(latency.headers).toContain('Median latency (ms)');
      expect(await search.inputValue()).toBe('llama');
      const after = await readTable(page, 'Serving');
      expect(after.rows[0]).toEqual(firstBefore);
      expect(after.rows).toEqual(before.rows);
      await screenshot(page, 'explorer-after-reload');
    });
  });

  it('goes Back and Forward through filter changes', async () => {
    await withDashboard(async ({ page }) => {
      const h100 = gpuCheckbox(page, '8×H100');
      const h200 = gpuCheckbox(page, '8×H200');
      await h200.uncheck();
      await expectRowCounts(page, { Serving: 24 });
      await h100.uncheck();
      await expectRowCounts(page, { Latency: 3, Throughput: 3, Serving: 12 });
      expect(searchParams(page).getAll('hide.gpu')).toEqual(['8×H200', '8×H100']);

      await page.goBack();
      await expectRowCounts(page, { Latency: 6, Throughput: 6, Serving: 24 });
      expect(await h100.isChecked()).toBe(true);
      expect(await h200.isChecked()).toBe(false);
      expect(searchParams(page).getAll('hide.gpu')).toEqual(['8×H200']);

      await page.goForward();
      await expectRowCounts(page, { Latency: 3, Throughput: 3, Serving: 12 });
      expect(await h100.isChecked()).toBe(false);
      expect(await h200.isChecked()).toBe(false);
      expect(searchParams(page).getAll('hide.gpu')).toEqual(['8×H200', '8×H100']);

      await page.goBack();
      await page.goBack();
      await expectRowCounts(page, SEED_ROWS);
      expect(await h100.isChecked()).toBe(true);
      expect(await h200.isChecked()).toBe(true);
      expect(searchParams(page).getAll('hide.gpu')).toEqual([]);
    });
  });

  it('opens the default view from a link with junk parameters', async () => {
    await withDashboard(async ({ page }) => {
      for (const group of ['Model', 'GPU', 'QPS', 'TP', 'Dataset']) {
        const boxes = page.getByRole('group', { name: group, exact: true }).getByRole('checkbox');
        expect(await boxes.count(), `${group} checkboxes`).toBeGreaterThan(0);
        for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
      }
      for (const name of TABLES) {
        const sorts = await table(page, name)
          .locator('thead th')
          .evaluateAll((ths) => ths.map((th) => th.getAttribute('aria-sort')));
        expect(
          sorts.every((sort) => sort === 'none' || sort === null),
          `${name} aria-sort`,
        ).toBe(true);
      }
      expect(await page.getByRole('searchbox', { name: 'Search test names' }).inputValue()).toBe(
        '',
      );
      await screenshot(page, 'explorer-junk-link');
    }, '?hide.nope=1&sort.serving=sideways:x&%E0%A4%A');
  });
});

describe('sorting', () => {
  it('sorts Serving by Mean TTFT both ways, and by a second column with shift-click', async () => {
    await withDashboard(async ({ page }) => {
      const meanTtft = header(page, 'Serving', 'Mean TTFT (ms)');
      expect(await meanTtft.getAttribute('aria-sort')).toBe('none');

      await sortBy(page, 'Serving', 'Mean TTFT (ms)', 'ascending');
      let shown = await readTable(page, 'Serving');
      let first = shown.rows[0] ?? [];
      expect(testNameOf(first)).toBe(LOWEST_MEAN_TTFT.testName);
      expect(cellOf(shown, first, 'GPU')).toBe(LOWEST_MEAN_TTFT.gpu);
      expect(cellOf(shown, first, 'Mean TTFT (ms)')).toBe(LOWEST_MEAN_TTFT.shown);
      const ascending = shown.rows.map((row) => shownNumber(cellOf(shown, row, 'Mean TTFT (ms)')));
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(searchParams(page).getAll('sort.serving')).toEqual(['asc:ttft_mean']);

      await sortBy(page, 'Serving', 'Mean TTFT (ms)', 'descending');
      shown = await readTable(page, 'Serving');
      first = shown.rows[0] ?? [];
      expect(testNameOf(first)).toBe(HIGHEST_MEAN_TTFT.testName);
      expect(cellOf(shown, first, 'GPU')).toBe(HIGHEST_MEAN_TTFT.gpu);
      expect(cellOf(shown, first, 'Mean TTFT (ms)')).toBe(HIGHEST_MEAN_TTFT.shown);
      expect(searchParams(page).getAll('sort.serving')).toEqual(['desc:ttft_mean']);
      await screenshot(page, 'explorer-sorted-mean-ttft-desc');

      // A plain click on GPU sorts by GPU alone; shift-click on Mean TTFT adds it as second key.
      const gpu = header(page, 'Serving', 'GPU');
      await sortBy(page, 'Serving', 'GPU', 'ascending');
      expect(await meanTtft.getAttribute('aria-sort')).toBe('none');
      await sortBy(page, 'Serving', 'Mean TTFT (ms)', 'ascending', { shift: true });
      expect(await gpu.getAttribute('aria-sort')).toBe('ascending');
      expect(await meanTtft.getAttribute('aria-sort')).toBe('ascending');
      expect(searchParams(page).getAll('sort.serving')).toEqual(['asc:gpu', 'asc:ttft_mean']);

      shown = await readTable(page, 'Serving');
      const gpus = shown.rows.map((row) => cellOf(shown, row, 'GPU'));
      const blocks = gpus.filter((value, i) => value !== gpus[i - 1]);
      expect(blocks, 'each GPU in one block').toHaveLength(new Set(gpus).size);
      for (const block of blocks) {
        const ttfts = shown.rows
          .filter((row) => cellOf(shown, row, 'GPU') === block)
          .map((row) => shownNumber(cellOf(shown, row, 'Mean TTFT (ms)')));
        expect(ttfts, `Mean TTFT within ${block}`).toEqual([...ttfts].sort((a, b) => a - b));
      }
      // The indicator numbers the keys (1, 2) when several are active.
      expect(await gpu.innerText()).toMatch(/1/);
      expect(await meanTtft.innerText()).toMatch(/2/);
      await screenshot(page, 'explorer-sorted-two-keys');
    });
  });
});

describe('Download CSV', () => {
  it('downloads the Serving table as shown, at full precision, following columns and sort', async () => {
    await withDashboard(async ({ page }) => {
      const first = await downloadCsv(page, 'Serving');
      await expectCsvMatchesTable(page, 'Serving', first.rows);
      const [csvHeader = [], ...csvRows] = first.rows;
      const h100Inf = csvRows.find(
        (row) =>
          row[csvHeader.indexOf('Test name')] === 'serving_llama8B_tp1_sharegpt_qps_inf' &&
          row[csvHeader.indexOf('GPU')] === '8×H100',
      );
      expect(h100Inf?.[csvHeader.indexOf('Throughput (req/s)')]).toBe('24.186907198204548');
      expect(first.text).toContain('24.186907198204548');

      await hideColumn(page, 'Serving', 'Median TTFT (ms)');
      await sortBy(page, 'Serving', 'Throughput (req/s)', 'descending');
      const second = await downloadCsv(page, 'Serving');
      await expectCsvMatchesTable(page, 'Serving', second.rows);
      const [header2 = [], ...rows2] = second.rows;
      expect(header2).not.toContain('Median TTFT (ms)');
      expect(header2).toContain('Mean TTFT (ms)');
      const tput = rows2.map((row) => Number(row[header2.indexOf('Throughput (req/s)')]));
      expect(tput).toEqual([...tput].sort((a, b) => b - a));
      // The highest serving throughput of the seed: 8×H200, llama8B at QPS inf.
      expect(rows2[0]?.[header2.indexOf('Test name')]).toBe('serving_llama8B_tp1_sharegpt_qps_inf');
      expect(rows2[0]?.[header2.indexOf('GPU')]).toBe('8×H200');
      expect(rows2[0]?.[header2.indexOf('Throughput (req/s)')]).toBe('28.828767850421375');

      // Filters apply too: the CSV holds only the rows in view.
      await gpuCheckbox(page, '8×H200').uncheck();
      await expectRowCounts(page, { Serving: 24 });
      const third = await downloadCsv(page, 'Serving');
      await expectCsvMatchesTable(page, 'Serving', third.rows);
      expect(third.text).not.toContain('8×H200');
    });
  });
});

describe('the QPS filter', () => {
  it('applies to serving results only, and shows inf as ∞ with its name kept', async () => {
    await withDashboard(async ({ page }) => {
      const qps = page.getByRole('group', { name: 'QPS', exact: true });
      await expect
        .poll(() => qps.getByText('Applies to serving results only.').isVisible())
        .toBe(true);

      const inf = qps.getByRole('checkbox', { name: /inf/ });
      expect(await inf.count()).toBe(1);
      const label = page.locator(`label[for="${(await inf.getAttribute('id')) ?? ''}"]`);
      expect(await label.getByText('∞', { exact: true }).isVisible()).toBe(true);
      expect(await label.getByText('all at once').isVisible()).toBe(true);
      const labelBox = await label.boundingBox();
      expect(labelBox?.width ?? 0).toBeGreaterThan(0);

      await inf.uncheck();
      await expectRowCounts(page, { Latency: 9, Throughput: 9, Serving: 27 });
      const serving = await readTable(page, 'Serving');
      expect(serving.rows.filter((row) => cellOf(serving, row, 'QPS') === 'inf')).toEqual([]);
      expect(searchParams(page).getAll('hide.qps')).toEqual(['inf']);
      await screenshot(page, 'explorer-qps-inf-hidden');
    });
  });
});

describe('the empty state', () => {
  it('says no results match, and Reset filters brings everything back', async () => {
    await withDashboard(async ({ page }) => {
      await page.getByRole('button', { name: 'Show only Llama 3.1 8B' }).click();
      await expectRowCounts(page, { Latency: 3, Throughput: 3, Serving: 12 });
      await filterCheckbox(page, 'Model', /^Llama 3\.1 8B/).uncheck();
      await expectRowCounts(page, { Latency: 0, Throughput: 0, Serving: 0 });

      const notice = page.getByRole('status').filter({ hasText: /no results match/i });
      await notice.waitFor();
      await screenshot(page, 'explorer-empty');
      await notice.getByRole('button', { name: 'Reset filters' }).click();
      await expectRowCounts(page, SEED_ROWS);
      expect(await notice.count()).toBe(0);
      const models = page.getByRole('group', { name: 'Model', exact: true }).getByRole('checkbox');
      for (const box of await models.all()) expect(await box.isChecked()).toBe(true);
      expect(searchParams(page).getAll('hide.model')).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// At scale: a copy of the build whose manifest lists one file with 20,000 serving results.

const BIG_ROWS = 20_000;

/** Rows alternate between the two GPUs in runs of 12. */
function bigServingJson(count: number): string {
  const gpus = ['8xH100', '8xH200'] as const;
  return servingFile(count, {
    gpu: (i) => gpus[Math.floor(i / 12) % gpus.length] ?? '8xH100',
    tput: (i) => 1 + (i % 997) / 10,
  });
}

describe('a table of 20,000 serving results', () => {
  const site = servedCopy(() => [{ name: 'big-serving.json', text: bigServingJson(BIG_ROWS) }]);

  it('renders only the rows in view, keeps the row count and scrolls to the last row', async () => {
    const bigSite = site();
    const watched = await openDashboard(bigSite.baseUrl, '', null);
    try {
      const { page } = watched;
      const serving = table(page, 'Serving');
      await expect
        .poll(() => serving.getAttribute('aria-rowcount'), { timeout: 30_000 })
        .toBe(String(BIG_ROWS + 1));
      const rows = bodyRows(page, 'Serving');
      await rows.first().waitFor();
      const rendered = await rows.count();
      expect(rendered, 'rendered Serving rows').toBeGreaterThan(0);
      expect(rendered, 'rendered Serving rows').toBeLessThanOrEqual(200);
      expect(await rows.first().getAttribute('aria-rowindex')).toBe('2');

      const scroller = page.getByRole('region', { name: 'Serving results, scrollable' });
      await screenshot(page, 'explorer-20k-top', { fullPage: false });
      await scroller.evaluate((el) => {
        el.scrollTop = el.scrollHeight;
      });
      const last = serving.locator(`tbody tr[aria-rowindex="${BIG_ROWS + 1}"]`);
      await last.waitFor();
      expect(await rows.count(), 'rendered rows at the bottom').toBeLessThanOrEqual(200);
      // Over 20,000 results panels out of view are not rendered: the row has rendered text once
      // its table is in view.
      await scroller.scrollIntoViewIfNeeded();
      await expect.poll(() => last.innerText()).toMatch(/serving_/);
      expect(testNameOf([await last.innerText()])).toMatch(/^serving_/);
      await screenshot(page, 'explorer-20k-bottom', { fullPage: false });

      // Back to the top, then by keyboard: the scroll container takes focus and scrolls.
      await scroller.evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
      await scroller.focus();
      expect(await scroller.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await scroller.getAttribute('tabindex')).toBe('0');
      await page.keyboard.press('PageDown');
      await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      const afterPageDown = await scroller.evaluate((el) => el.scrollTop);
      await page.keyboard.press('End');
      await expect
        .poll(() => scroller.evaluate((el) => el.scrollTop))
        .toBeGreaterThan(afterPageDown);
      await last.waitFor();

      await page.waitForLoadState('networkidle');
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
