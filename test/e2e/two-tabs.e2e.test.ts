// Two tabs of the dashboard share one browser storage. Each saves and forgets only its own
// datasets (one record per dataset), so what one tab loads or removes never overwrites or drops
// what the other loaded.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage } from '../harness/page.ts';
import { launchChromium } from '../harness/chromium.ts';

const NIGHTLY = path.resolve(import.meta.dirname, '../fixtures/nightly');

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Keys of the saved dataset records, read from the page's IndexedDB. */
function savedNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('vllm-dashboard');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('datasets')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('datasets').objectStore('datasets').getAll();
          request.onsuccess = () => {
            db.close();
            const records = request.result as { dataset?: { source?: { name?: string } } }[];
            resolve(records.map((record) => record.dataset?.source?.name ?? '?').sort());
          };
        };
        open.onerror = () => {
          resolve([]);
        };
      }),
  );
}

async function load(page: Page, file: string): Promise<void> {
  await page.getByTestId('load-results-input').setInputFiles(path.join(NIGHTLY, file));
  await page.getByRole('button', { name: `Remove ${file}` }).waitFor();
}

describe('two tabs', () => {
  it('keep each other’s datasets: loads and removals in one never lose the other’s', async () => {
    if (!browser) throw new Error('Chromium did not start');
    const first = await openPage(browser, inject('e2eBaseUrl'));
    // A second tab in the same browser profile: same origin, same IndexedDB.
    const secondPage = await first.context.newPage();
    try {
      await first.page.goto(first.baseUrl);
      await secondPage.goto(first.baseUrl);
      for (const page of [first.page, secondPage]) {
        await page.getByRole('table', { name: /Serving/ }).waitFor();
      }
      await load(first.page, 'nightly-8xH200.md');
      await load(secondPage, 'nightly-8xA100-SXM4-80GB.md');
      await expect
        .poll(() => savedNames(first.page), { timeout: 20_000 })
        .toEqual(['nightly-8xA100-SXM4-80GB.md', 'nightly-8xH200.md']);

      // The first tab removes its file; the second tab's stays saved.
      await first.page.getByRole('button', { name: 'Remove nightly-8xH200.md' }).click();
      await expect
        .poll(() => savedNames(secondPage), { timeout: 20_000 })
        .toEqual(['nightly-8xA100-SXM4-80GB.md']);

      // A reload of the first tab shows the second tab's file, and not its own removed one.
      await first.page.reload();
      await first.page
        .getByRole('button', { name: 'Remove nightly-8xA100-SXM4-80GB.md' })
        .waitFor({ timeout: 20_000 });
      expect(
        await first.page.getByRole('button', { name: 'Remove nightly-8xH200.md' }).count(),
      ).toBe(0);
      expectNoPageProblems(first);
    } finally {
      await first.close();
    }
  });
});
