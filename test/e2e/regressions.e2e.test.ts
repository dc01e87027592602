// Forty dated nightlies of two GPUs, picked with `Load results` as a person does it, read in the
// Regressions report: grouped by night and GPU, filtered, a row opened on its history with the
// noise band, and a run marked as a known change, kept across a reload.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import { STEADY, STEPPED, STEPPED_ROW_CELLS } from '../helpers/regression-step.ts';

const chromium = sharedBrowser();
const BUNDLED = path.resolve(import.meta.dirname, '../../public/data');

/**
 * 8×H200's serving_llama70B_tp4_sharegpt_qps_1 (row "0"): 19 steady nights, then 260 ms on the
 * last. The band before it is the 19 runs: 197, 198 ×2, 199 ×3, 200 ×6, 201 ×4, 202 ×2, 203, median
 * 200. Their |ln(v / 200)|, sorted: 0 ×6, 0.00499 ×4 (201), … → MAD is the 10th, ln(201/200) =
 * 0.0049875; spread 1.4826 × 0.0049875 = 0.0073945. z = ln(260/200) / 0.0073945 = 0.26236 /
 * 0.0073945 = 35.48; +30% is beyond the 3% floor. One run outside: suspect, not confirmed.
 */
const H200_VALUES = [...STEADY, 200, 199, 201, 260];
const H200_ROW_CELLS = [
  '8×H200',
  'serving_llama70B_tp4_sharegpt_qps_1',
  'Median TTFT (ms)',
  'suspect',
  'regression',
  '2026-09-20',
  '2026-09-19',
  '—',
  '200.00',
  '260.00',
  '+30.0%',
  'z = 35.5 against the band, 19 → 1 runs',
];

/**
 * nightly-8xH100-2026-09-DD.json and nightly-8xH200-2026-09-DD.json for the 20 nights from
 * 2026-09-01: the bundled runs, dated by their names, with row "0"'s median TTFT following the
 * histories above. Each night's mean ITL of row "0" differs by a thousandth of a millisecond, so no
 * two files have the same content (0.2% over the nights, far inside the noise floor).
 */
async function nightlyFiles(): Promise<{ root: string; files: string[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'regressions-e2e-'));
  const files: string[] = [];
  for (const [gpu, values] of [
    ['H100', [...STEADY, ...STEPPED]],
    ['H200', H200_VALUES],
  ] as const) {
    const run = JSON.parse(await readFile(path.join(BUNDLED, `nightly-8x${gpu}.json`), 'utf8')) as {
      serving: Record<string, Record<string, unknown>>;
    };
    for (const [night, value] of values.entries()) {
      const median = run.serving['Median TTFT (ms)'];
      const itl = run.serving['Mean ITL (ms)'];
      if (median === undefined || itl === undefined) throw new Error('no serving columns');
      median['0'] = value;
      itl['0'] = 11.5 + night / 1000;
      const file = path.join(
        root,
        `nightly-8x${gpu}-2026-09-${String(night + 1).padStart(2, '0')}.json`,
      );
      await writeFile(file, JSON.stringify(run));
      files.push(file);
    }
  }
  return { root, files };
}

function tableRows(page: Page): Promise<string[][]> {
  return page
    .getByRole('region', { name: 'Regressions', exact: true })
    .getByRole('table', { name: /^Regressions/ })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.innerText)),
    );
}

describe('the Regressions report over 40 dated nightlies of two GPUs', () => {
  it('groups, filters, opens a row’s history and keeps a marked run', async () => {
    const { root, files } = await nightlyFiles();
    expect(files).toHaveLength(40);
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    try {
      const { page } = watched;
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'Load results', exact: true }).waitFor();
      await page.getByTestId('load-results-input').setInputFiles(files);

      const region = page.getByRole('region', { name: 'Regressions', exact: true });
      const table = region.getByRole('table', { name: /^Regressions/ });
      await table.waitFor({ timeout: 60_000 });
      // Latest night first: 8×H200's suspect of the 20th, then 8×H100's step of the 17th.
      await expect
        .poll(() => tableRows(page), { timeout: 30_000 })
        .toEqual([
          [...H200_ROW_CELLS, 'Show history'],
          // Its 4 stepped nights all lie outside the band of the 16 before (median 200, MAD
          // ln(201/200) = 0.0050, spread 0.0074131): the closest, 238, at z = ln(1.19) / 0.0074131
          // = 23.47.
          [...STEPPED_ROW_CELLS, 'z = 23.5 against the band, 16 → 4 runs', 'Show history'],
        ]);
      expect(await table.locator('tbody').evaluateAll((groups) => groups.length)).toBe(2);
      await region.scrollIntoViewIfNeeded();
      await screenshot(page, 'regressions-two-gpus', { fullPage: false });

      // Confirmed only: the suspect goes.
      await region.getByRole('radio', { name: 'Confirmed', exact: true }).check();
      await expect
        .poll(async () => (await tableRows(page)).map((cells) => cells[0]))
        .toEqual(['8×H100']);
      await region.getByRole('radio', { name: 'All', exact: true }).first().check();

      // The step's row opens its history: the same test and metric, the band and the verdict.
      await region
        .getByRole('button', {
          name: 'Show the history of serving_llama8B_tp1_sharegpt_qps_inf, Median TTFT (ms), on 8×H100',
        })
        .click();
      const history = region.locator('.regression-history');
      await history.getByText(/^Verdict: regression from the run of 2026-09-17/).waitFor();
      expect(await history.getByRole('combobox', { name: 'GPU' }).inputValue()).toBe('8×H100');
      expect(await history.getByRole('combobox', { name: 'Metric' }).inputValue()).toBe(
        'ttft_median',
      );
      // Runs 15 to 20 have 14 or more runs before them: six bands, shaded as one area.
      expect(await history.locator('.history-noise-band path').count()).toBeGreaterThan(0);
      // The first changed run carries the verdict's word on the chart.
      await history.scrollIntoViewIfNeeded();
      await screenshot(page, 'regression-history', { fullPage: false });
      await history.locator('svg text').getByText('confirmed', { exact: true }).waitFor();
      // The report, its filters and the opened history pass axe's WCAG 2.1 A and AA checks.
      const axe = await new AxeBuilder({ page })
        .include('section.regressions')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

      // The step was deliberate: mark its first night a known change. 8×H100's history starts
      // again there, 4 runs: too few to judge, so its row goes and a note says why.
      await history.getByRole('combobox', { name: 'Run', exact: true }).selectOption('2026-09-17');
      await history
        .getByRole('combobox', { name: 'Mark run as', exact: true })
        .selectOption('known change');
      const note =
        '8×H100: its history starts again at the known change of 2026-09-17 (16 runs before it left out).';
      await region.getByText(note, { exact: true }).waitFor();
      await expect
        .poll(async () => (await tableRows(page)).map((cells) => cells[0]))
        .toEqual(['8×H200']);

      // Kept in the browser: after a reload, the same datasets come back with the mark applied.
      await page.reload({ waitUntil: 'load' });
      await region.getByText(note, { exact: true }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
