// Every change sticks, however soon the tab is reloaded: a file loaded a moment before, a dataset
// removed just before, the order files were loaded in, and the theme chosen, which is dark from
// the first paint on. In Chromium against the production build under a sub-path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, type WatchedPage } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';

const NIGHTLY = path.resolve(import.meta.dirname, '../fixtures/nightly');

const BUNDLED_LABELS = [
  'Nightly · 8×H100',
  'Nightly · 8×H200',
  'Nightly · 8×A100-SXM4-80GB',
] as const;

/** Restoring goes through IndexedDB: give it room on a busy machine. */
const STORAGE_TIMEOUT = 20_000;

const chromium = sharedBrowser();

async function withDashboard(body: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(chromium(), inject('e2eBaseUrl'));
  try {
    await watched.page.goto(watched.baseUrl, { waitUntil: 'load' });
    await datasetsRegion(watched.page).getByText(BUNDLED_LABELS[2]).waitFor();
    await waitForStorageReady(watched.page);
    await body(watched);
    expectNoPageProblems(watched);
  } finally {
    await watched.close();
  }
}

function datasetsRegion(page: Page) {
  return page.getByRole('region', { name: 'Datasets', exact: true });
}

/** Labels in the Datasets list, in order: bundled ones as text, loaded ones as their text box. */
function datasetLabels(page: Page): Promise<string[]> {
  return datasetsRegion(page)
    .locator('li.dataset-item')
    .evaluateAll((items) =>
      items.map((item) => {
        const input = item.querySelector('input.dataset-label-input');
        if (input instanceof HTMLInputElement) return input.value;
        return (item.querySelector('.dataset-label')?.textContent ?? '').trim();
      }),
    );
}

async function expectLabels(page: Page, expected: readonly string[]): Promise<void> {
  await expect
    .poll(() => datasetLabels(page), { message: 'the Datasets list', timeout: STORAGE_TIMEOUT })
    .toEqual(expected);
}

/** Drops nightly CI pages on the page, in this order, as one drop. */
async function dropNightly(page: Page, files: readonly string[]): Promise<void> {
  const payload = await Promise.all(
    files.map(async (name) => ({
      name,
      bytes: Array.from(await readFile(path.join(NIGHTLY, name))),
    })),
  );
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      transfer.items.add(
        new File([new Uint8Array(item.bytes)], item.name, { type: 'text/markdown' }),
      );
    }
    return transfer;
  }, payload);
  try {
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await page.dispatchEvent('body', 'dragover', { dataTransfer });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
  } finally {
    await dataTransfer.dispose();
  }
}

/**
 * Waits until the app has read what it saved before and saves what changes: it opens its
 * database once the bundled runs are in, reads every record and then listens, all in one go; a
 * read-write transaction of ours on its store runs only after that read has finished.
 */
async function waitForStorageReady(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await indexedDB.databases()).some((info) => info.name === 'vllm-dashboard'),
        ),
      { message: 'the app opened its IndexedDB database', timeout: STORAGE_TIMEOUT },
    )
    .toBe(true);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vllm-dashboard');
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(request.error ?? new Error('open failed'));
      };
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction('datasets', 'readwrite');
        transaction.objectStore('datasets').count();
        transaction.oncomplete = () => {
          resolve();
        };
        transaction.onerror = () => {
          reject(transaction.error ?? new Error('transaction failed'));
        };
      });
    } finally {
      db.close();
    }
  });
}

/** Waits until a dataset the user loaded is shown (its Remove button). */
async function shown(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Remove ${label}`, exact: true }).waitFor();
}

describe('changes survive a reload right after them', () => {
  it('keeps a small file loaded 100 ms before the reload, after the bundled runs', async () => {
    await withDashboard(async ({ page }) => {
      await page
        .getByTestId('load-results-input')
        .setInputFiles(path.join(NIGHTLY, 'nightly-8xH200.md'));
      // Reloaded 100 ms after the pick, or at once when it shows if that takes longer (it does
      // on a busy machine): before the page has had an idle moment since.
      await Promise.all([shown(page, 'nightly-8xH200.md'), page.waitForTimeout(100)]);
      await page.reload({ waitUntil: 'load' });
      await expectLabels(page, [...BUNDLED_LABELS, 'nightly-8xH200.md']);
    });
  });

  it('keeps three dropped files in the order they were dropped, not alphabetically, or arranged', async () => {
    await withDashboard(async ({ page }) => {
      const dropped = ['nightly-8xH200.md', 'nightly-8xA100-SXM4-80GB.md', 'nightly-8xH100.md'];
      await dropNightly(page, dropped);
      for (const name of dropped) await shown(page, name);
      await expectLabels(page, [...BUNDLED_LABELS, ...dropped]);
      await page.reload({ waitUntil: 'load' });
      await expectLabels(page, [...BUNDLED_LABELS, ...dropped]);
      // Arranged by hand: the last one moved up to first of the three, kept across a reload.
      await page.getByRole('button', { name: 'Move nightly-8xH100.md up', exact: true }).click();
      await page.getByRole('button', { name: 'Move nightly-8xH100.md up', exact: true }).click();
      const arranged = ['nightly-8xH100.md', 'nightly-8xH200.md', 'nightly-8xA100-SXM4-80GB.md'];
      await expectLabels(page, [...BUNDLED_LABELS, ...arranged]);
      await page.reload({ waitUntil: 'load' });
      await expectLabels(page, [...BUNDLED_LABELS, ...arranged]);
    });
  });

  it('keeps a dataset removed just before the reload removed', async () => {
    await withDashboard(async ({ page }) => {
      const files = ['nightly-8xH200.md', 'nightly-8xH100.md'];
      await dropNightly(page, files);
      for (const name of files) await shown(page, name);
      // Both saved: a reload shows them.
      await page.reload({ waitUntil: 'load' });
      await expectLabels(page, [...BUNDLED_LABELS, ...files]);

      await page.getByRole('button', { name: 'Remove nightly-8xH200.md', exact: true }).click();
      await expectLabels(page, [...BUNDLED_LABELS, 'nightly-8xH100.md']);
      // At once: no wait for the page to be idle.
      await page.reload({ waitUntil: 'load' });
      await expectLabels(page, [...BUNDLED_LABELS, 'nightly-8xH100.md']);
      // Not merely late to come back.
      await page.waitForTimeout(1_000);
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, 'nightly-8xH100.md']);
    });
  });
});

/** What the page looked like before the app's script ran, and at its first frame. */
interface FirstLook {
  /** `data-theme` on <html> when parsing ended, before any deferred (module) script ran. */
  themeBeforeApp: string | null;
  /** The root's background colour at the first animation frame, before the first paint. */
  backgroundAtFirstFrame: string | null;
}

describe('the remembered theme', () => {
  it('is dark from the first paint, before the app has run', async () => {
    await withDashboard(async ({ page, context }) => {
      await page.getByRole('radio', { name: 'Dark' }).check();
      // Recorded in every page of the context from now on, before the page's own scripts.
      await context.addInitScript(() => {
        const look: Record<string, string | null> = {
          themeBeforeApp: null,
          backgroundAtFirstFrame: null,
        };
        Object.assign(window, { firstLook: look });
        document.addEventListener('readystatechange', () => {
          // `interactive` comes when parsing ends, before deferred and module scripts run.
          if (document.readyState === 'interactive') {
            look.themeBeforeApp = document.documentElement.getAttribute('data-theme');
          }
        });
        requestAnimationFrame(() => {
          look.backgroundAtFirstFrame = getComputedStyle(document.documentElement).backgroundColor;
        });
      });
      await page.reload({ waitUntil: 'load' });
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { firstLook: FirstLook }).firstLook))
        .toEqual({
          themeBeforeApp: 'dark',
          // --bg of the dark theme, #0f1318.
          backgroundAtFirstFrame: 'rgb(15, 19, 24)',
        });
      expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    });
  });
});
