// Loading a folder of nightlies with `Load folder`, as a person does it: the results files in
// it are read, each named by its path and dated by its folder; what is not a results file is
// said once, not refused file by file.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import { STEADY, STEPPED, STEPPED_ROW_CELLS } from '../helpers/regression-step.ts';

const chromium = sharedBrowser();
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/nightly');
const BUNDLED_H100 = path.resolve(import.meta.dirname, '../../public/data/nightly-8xH100.json');

/**
 * history/2026-09-DD/nightly.json: the bundled 8×H100 run, 20 nights from 2026-09-01, its QPS inf
 * Llama 3.1 8B median TTFT (row "0" of the serving columns) the shared history's: steady, then
 * about 20% up for the last 4 nights.
 */
async function folderOfHistory(): Promise<{ root: string; folder: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'history-e2e-'));
  const folder = path.join(root, 'history');
  const run = JSON.parse(await readFile(BUNDLED_H100, 'utf8')) as {
    serving: Record<string, Record<string, unknown>>;
  };
  const values = [...STEADY, ...STEPPED];
  for (const [night, value] of values.entries()) {
    const day = `2026-09-${String(night + 1).padStart(2, '0')}`;
    const median = run.serving['Median TTFT (ms)'];
    if (median === undefined) throw new Error('no Median TTFT column');
    median['0'] = value;
    // Files with the same content are one run, loaded once: each night's mean ITL differs by a
    // thousandth of a millisecond (0.2% over the 20 nights, far inside its noise floor).
    const itl = run.serving['Mean ITL (ms)'];
    if (itl === undefined) throw new Error('no Mean ITL column');
    itl['0'] = 11.5 + night / 1000;
    await mkdir(path.join(folder, day), { recursive: true });
    await writeFile(path.join(folder, day, 'nightly.json'), JSON.stringify(run));
  }
  return { root, folder };
}

/** runs/2026-09-29/nightly.md (8×H200), runs/2026-09-30/nightly.md (8×A100), runs/plot.png. */
async function folderOfNightlies(): Promise<{ root: string; folder: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folder-e2e-'));
  const folder = path.join(root, 'runs');
  for (const [day, file] of [
    ['2026-09-29', 'nightly-8xH200.md'],
    ['2026-09-30', 'nightly-8xA100-SXM4-80GB.md'],
  ] as const) {
    await mkdir(path.join(folder, day), { recursive: true });
    await copyFile(path.join(FIXTURES, file), path.join(folder, day, 'nightly.md'));
  }
  await writeFile(path.join(folder, 'plot.png'), 'not an image either');
  return { root, folder };
}

function datasetLabels(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Datasets', exact: true })
    .getByRole('textbox', { name: /^Label of / })
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

describe('Load folder', () => {
  it('loads the nightlies of a folder by their paths, dated by their folders', async () => {
    const { root, folder } = await folderOfNightlies();
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    try {
      const { page } = watched;
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'Load folder', exact: true }).waitFor();
      await page.getByTestId('load-folder-input').setInputFiles(folder);

      await expect
        .poll(() => datasetLabels(page))
        .toEqual(['runs/2026-09-29/nightly.md', 'runs/2026-09-30/nightly.md']);
      await page
        .getByRole('alert')
        .filter({
          hasText: 'runs: 1 file was not read: by its name it is not a results file (.png).',
        })
        .waitFor();

      await screenshot(page, 'folder-notice', { fullPage: false });

      // How the numbers were measured says when each ran, and where that was read.
      const measured = page.getByRole('region', { name: 'How these numbers were measured' });
      const run = measured.getByText('runs/2026-09-29/nightly.md', { exact: true });
      await run.click();
      await measured.getByText('2026-09-29 (from its folder name)', { exact: true }).waitFor();
      await screenshot(page, 'folder-loaded', { fullPage: false });
      await page.waitForLoadState('networkidle');
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('judges a folder of 20 dated nights: the lasting step is a confirmed regression', async () => {
    const { root, folder } = await folderOfHistory();
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    try {
      const { page } = watched;
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await page.getByRole('button', { name: 'Load folder', exact: true }).waitFor();
      // No history of dated runs yet: no Regressions region.
      expect(await page.getByRole('region', { name: 'Regressions', exact: true }).count()).toBe(0);
      await page.getByTestId('load-folder-input').setInputFiles(folder);

      const region = page.getByRole('region', { name: 'Regressions', exact: true });
      const table = region.getByRole('table', { name: /^Regressions/ });
      await table.waitFor({ timeout: 30_000 });
      // Medians 200 → 240.5: +20.25%, shown to one decimal. Polled: the report of the last
      // files read replaces the one of the first.
      await expect
        .poll(async () =>
          (
            await table
              .locator('tbody tr')
              .evaluateAll((trs) =>
                trs.map((tr) =>
                  Array.from((tr as HTMLTableRowElement).cells, (td) => td.innerText),
                ),
              )
          ).map((cells) => cells.slice(0, 11)),
        )
        .toEqual([STEPPED_ROW_CELLS]);
      await region.scrollIntoViewIfNeeded();
      await screenshot(page, 'regressions-confirmed', { fullPage: false });
      // The region passes axe's WCAG 2.1 A and AA checks, in both themes.
      for (const theme of ['Light', 'Dark']) {
        await page.getByRole('radio', { name: theme, exact: true }).check();
        const axe = await new AxeBuilder({ page })
          .include('section.regressions')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(axe.violations.map((violation) => `${theme}: ${violation.id}`)).toEqual([]);
      }
      await page.waitForLoadState('networkidle');
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
