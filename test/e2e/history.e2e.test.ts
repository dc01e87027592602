// The History chart, as a person uses it: load more runs of one GPU, open Compare, find the
// figure named History, pick a test, read the values in date order (or the order set) with the
// baseline marked, and move a run, in Chromium against the production build.
//
// Depends on the chart being mounted in the app: the Compare view mounts <HistoryChart> and a
// button named `Compare` opens it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const QPS_INF = 'serving_llama8B_tp1_sharegpt_qps_inf';
const BUNDLED_H100 = 'Nightly · 8×H100';

/**
 * serving_llama8B_tp1_sharegpt_qps_inf's Mean TTFT in the bundled 8×H100 run and in
 * test/fixtures/nightly/nightly-8xH100.md: 240.66389142535627 ms in the embedded JSON (the table
 * shows 240.664).
 */
const NIGHTLY_TTFT_JSON = '240.66389142535627';
const NIGHTLY_TTFT_CELL = '| 240.664 |';

interface FileToLoad {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

function textFile(name: string, text: string): FileToLoad {
  const mimeType = name.endsWith('.md')
    ? 'text/markdown'
    : name.endsWith('.json')
      ? 'application/json'
      : 'text/plain';
  return { name, mimeType, buffer: Buffer.from(text, 'utf8') };
}

async function fixtureText(relative: string): Promise<string> {
  return readFile(path.join(FIXTURES, relative), 'utf8');
}

/** Replaces exactly one occurrence, so a fixture change cannot go unnoticed. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) {
    throw new Error(`expected one ${JSON.stringify(from)} in the fixture`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * The 8×H100 nightly page with qps_inf's Mean TTFT set to `ttft`, in its table and its embedded
 * JSON. A markdown page carries no date (only vllm bench serve / PyTorch JSON do), so these runs
 * are ordered as loaded.
 */
async function nightlyWithTtft(name: string, ttft: number): Promise<FileToLoad> {
  const page = await fixtureText('nightly/nightly-8xH100.md');
  const changed = replaceOnce(
    replaceOnce(page, NIGHTLY_TTFT_JSON, String(ttft)),
    `${QPS_INF} | 8xH100 | 24.1869 ${NIGHTLY_TTFT_CELL}`,
    `${QPS_INF} | 8xH100 | 24.1869 | ${ttft} |`,
  );
  return textFile(name, changed);
}

/**
 * A `vllm bench serve` result with its date and Mean TTFT set, and the `.commands` file CI writes
 * beside it (its GPU list makes the run 8×H100).
 */
async function serveRun(base: string, date: string, ttft: number): Promise<FileToLoad[]> {
  const json = await fixtureText('formats/serve/serving_llama8B_tp1_sharegpt_qps_inf.json');
  const dated = replaceOnce(json, '"date": "20240917-031533"', `"date": "${date}"`);
  const changed = replaceOnce(
    dated,
    `"mean_ttft_ms": ${NIGHTLY_TTFT_JSON}`,
    `"mean_ttft_ms": ${ttft}`,
  );
  const commands = JSON.stringify({
    server_command: 'vllm serve meta-llama/Meta-Llama-3.1-8B-Instruct --tensor-parallel-size 1',
    client_command:
      'vllm bench serve --model meta-llama/Meta-Llama-3.1-8B-Instruct --dataset-name sharegpt --request-rate inf',
    gpu_type: Array.from({ length: 8 }, () => 'NVIDIA H100 80GB HBM3').join('\n'),
  });
  return [textFile(`${base}.json`, changed), textFile(`${base}.commands`, commands)];
}

// ---------------------------------------------------------------------------------------------
// The page

const chromium = sharedBrowser();

async function withDashboard(body: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(chromium(), inject('e2eBaseUrl'), {
    viewport: { width: 1400, height: 1000 },
  });
  try {
    await watched.page.goto(watched.baseUrl, { waitUntil: 'load' });
    await watched.page.getByRole('table', { name: /Serving/ }).waitFor();
    await body(watched);
    await watched.page.waitForLoadState('networkidle');
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

/** Clicks `Load results`, answers the file picker, and waits until the dataset is listed. */
async function loadFiles(page: Page, files: readonly FileToLoad[], label: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Load results', exact: true }).click(),
  ]);
  await chooser.setFiles(files.map((file) => ({ ...file })));
  await page
    .getByRole('region', { name: 'Datasets', exact: true })
    .getByRole('textbox', { name: `Label of ${label}`, exact: true })
    .waitFor();
}

/** Opens the Compare view (unless it is open) and returns the History figure in it. */
async function openHistory(page: Page): Promise<Locator> {
  const compare = page.getByRole('button', { name: 'Compare', exact: true });
  if ((await compare.getAttribute('aria-expanded')) !== 'true') await compare.click();
  const history = page.getByRole('figure', { name: 'History', exact: true });
  await history.waitFor();
  await history.scrollIntoViewIfNeeded();
  return history;
}

/** The History data table's rows (Test, #, Dataset, Date, value, change), shown on demand. */
async function historyRows(history: Locator): Promise<string[][]> {
  const show = history.getByRole('button', { name: 'Show data', exact: true });
  if ((await show.getAttribute('aria-expanded')) !== 'true') await show.click();
  return history
    .getByRole('table')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as HTMLTableRowElement).cells, (cell) =>
          cell.textContent.replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

/**
 * The change each run reads, by which run is the baseline, worked out by hand:
 * from 240.66389142535627, 260 is +8.034…% and 280 is +16.344…%;
 * from 260, 240.66… is −7.436…% and 280 is +7.692…%;
 * from 280, 240.66… is −14.048…% and 260 is −7.142…%.
 */
const UNDATED_CHANGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [BUNDLED_H100]: { 'h100-pr-a.md': '+8.0% (worse)', 'h100-pr-b.md': '+16.3% (worse)' },
  'h100-pr-a.md': { [BUNDLED_H100]: '-7.4% (better)', 'h100-pr-b.md': '+7.7% (worse)' },
  'h100-pr-b.md': { [BUNDLED_H100]: '-14.0% (better)', 'h100-pr-a.md': '-7.1% (better)' },
};

describe('History', () => {
  it('plots runs of one GPU without dates in the order loaded, the baseline marked, and reorders them', async () => {
    await withDashboard(async ({ page }) => {
      await loadFiles(page, [await nightlyWithTtft('h100-pr-a.md', 260)], 'h100-pr-a.md');
      await loadFiles(page, [await nightlyWithTtft('h100-pr-b.md', 280)], 'h100-pr-b.md');

      const history = await openHistory(page);
      // Only 8×H100 has several runs sharing tests.
      await expect
        .poll(() => history.getByRole('combobox', { name: 'GPU' }).inputValue())
        .toBe('8×H100');
      expect(await history.getByRole('combobox', { name: 'Metric' }).inputValue()).toBe(
        'ttft_mean',
      );
      await history.getByRole('combobox', { name: 'Test' }).selectOption({ label: QPS_INF });
      // Standing alone, the chart offers a baseline: take the bundled run.
      const own = history.getByRole('combobox', { name: 'Baseline' });
      if ((await own.count()) > 0) await own.selectOption({ label: BUNDLED_H100 });

      const rows = await historyRows(history);
      expect(rows.map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual([
        [QPS_INF, '1', BUNDLED_H100, 'no date', '240.66 ms'],
        [QPS_INF, '2', 'h100-pr-a.md', 'no date', '260.00 ms'],
        [QPS_INF, '3', 'h100-pr-b.md', 'no date', '280.00 ms'],
      ]);
      // Exactly one run is the baseline (the bundled one unless Compare passes another).
      const baselines = rows.filter((row) => row[5] === 'Baseline').map((row) => row[2] ?? '');
      expect(baselines).toHaveLength(1);
      const expected = UNDATED_CHANGES[baselines[0] ?? ''] ?? {};
      for (const row of rows) {
        if (row[5] !== 'Baseline')
          expect(row[5], `change of ${row[2]}`).toBe(expected[row[2] ?? '']);
      }

      // The baseline is marked on the plot in text and shape: a labelled line and hollow diamonds.
      const plot = history.locator('svg.recharts-surface').first();
      await expect.poll(() => plot.locator('.history-baseline-line').count()).toBe(1);
      expect(await plot.locator('.history-baseline-label').textContent()).toBe('Baseline');
      expect(await plot.locator('.history-baseline-mark').count()).toBe(1);
      // One line with three points, none drawn through a gap.
      expect(await plot.locator('.history-series').count()).toBe(1);
      await screenshot(page, 'history-undated', { fullPage: false });

      // The runs have no date: their order is set here, from the keyboard too.
      const order = history.getByRole('list', { name: 'Order of datasets' });
      await order.getByRole('button', { name: 'Move h100-pr-b.md earlier' }).focus();
      await page.keyboard.press('Enter');
      const moved = await historyRows(history);
      expect(moved.map((row) => row[2])).toEqual([BUNDLED_H100, 'h100-pr-b.md', 'h100-pr-a.md']);
      expect(moved.map((row) => row[1])).toEqual(['1', '2', '3']);
    });
  });

  it('orders runs by the date in their files, whatever the order loaded', async () => {
    await withDashboard(async ({ page }) => {
      // The later run first.
      await loadFiles(page, await serveRun('pr-102', '20240920-020000', 250), 'pr-102.json');
      await loadFiles(page, await serveRun('pr-101', '20240918-020000', 200), 'pr-101.json');

      const history = await openHistory(page);
      await expect
        .poll(() => history.getByRole('combobox', { name: 'GPU' }).inputValue())
        .toBe('8×H100');
      const own = history.getByRole('combobox', { name: 'Baseline' });
      if ((await own.count()) > 0) await own.selectOption({ label: 'pr-101.json' });

      const rows = await historyRows(history);
      // The serve files name the model by its Hugging Face id, which is CI's llama8B: the
      // bundled 8×H100 nightly's run of the same test is on this history too, first.
      expect(rows.map((row) => row[2])).toEqual([BUNDLED_H100, 'pr-101.json', 'pr-102.json']);
      const ours = rows.filter((row) => row[2] === 'pr-101.json' || row[2] === 'pr-102.json');
      expect(ours.map((row) => [row[1], row[2], row[3], row[4]])).toEqual([
        ['2', 'pr-101.json', '2024-09-18 02:00', '200.00 ms'],
        ['3', 'pr-102.json', '2024-09-20 02:00', '250.00 ms'],
      ]);
      // The first run, the nightly, is the baseline: its mean TTFT of this test is 240.6639 ms,
      // so 200 is (200 − 240.6639) ÷ 240.6639 = −16.9% and 250 is +3.9%.
      expect(rows[0]?.[5]).toBe('Baseline');
      expect(ours.map((row) => row[5])).toEqual(['-16.9% (better)', '+3.9% (worse)']);
      // The nightly has no date: it can be placed by hand; the dated runs keep their dates' order.
      const order = history.getByRole('list', { name: 'Order of datasets' });
      expect(await order.innerText()).toContain('no date');
      expect(await history.locator('.chart-summary').innerText()).toContain(
        'dated runs in date order, the others in the order set',
      );
      await screenshot(page, 'history-dated', { fullPage: false });
    });
  });
});
