// Loading a folder of nightlies with `Load folder`, as a person does it: the results files in
// it are read, each named by its path and dated by its folder; what is not a results file is
// said once, not refused file by file.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';

const chromium = sharedBrowser();
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/nightly');

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
});
