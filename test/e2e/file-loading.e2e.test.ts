// Loading your own results, as a person does it: the Load results picker, a drop anywhere on the
// page, a paste, files that cannot be read, what survives a reload (IndexedDB), removing and
// resetting, and markup in names, in Chromium against the production build under a sub-path.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSHandle, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';
import type { WatchedPage } from '../harness/page.ts';
import { readTable, resultsTable, type TableName } from './dashboard.ts';

const TABLES: readonly TableName[] = ['Latency', 'Throughput', 'Serving'];

/** Body rows of the bundled seed: 3 GPUs × (3 latency, 3 throughput, 12 serving). */
const SEED_ROWS: Readonly<Record<TableName, number>> = { Latency: 9, Throughput: 9, Serving: 36 };
/** One nightly CI page (test/fixtures/nightly/*.md) holds one GPU's 3 + 3 + 12 results. */
const NIGHTLY_ROWS: Readonly<Record<TableName, number>> = {
  Latency: 3,
  Throughput: 3,
  Serving: 12,
};

const BUNDLED_LABELS = [
  'Nightly · 8×H100',
  'Nightly · 8×H200',
  'Nightly · 8×A100-SXM4-80GB',
] as const;

/** Where the app keeps what the user loaded (src/store/persistence.ts). */
const DB_NAME = 'vllm-dashboard';
const STORE_NAME = 'datasets';
const DATASET_KEY_PREFIX = 'dataset:';

/** Saving and restoring go through IndexedDB: give it room on a busy machine. */
const STORAGE_TIMEOUT = 20_000;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

function fixturePath(relative: string): string {
  return path.join(FIXTURES, relative);
}

async function fixtureBytes(relative: string): Promise<Buffer> {
  return readFile(fixturePath(relative));
}

async function fixtureText(relative: string): Promise<string> {
  return readFile(fixturePath(relative), 'utf8');
}

function sum(a: Readonly<Record<TableName, number>>, b: Readonly<Record<TableName, number>>) {
  return {
    Latency: a.Latency + b.Latency,
    Throughput: a.Throughput + b.Throughput,
    Serving: a.Serving + b.Serving,
  };
}

// ---------------------------------------------------------------------------------------------
// The page

const chromium = sharedBrowser();

/**
 * Runs a test body on a fresh page (a fresh browser context, so an empty IndexedDB) once the
 * seed is in the tables and the app is ready to save, closing it even when the body fails.
 */
async function withDashboard(body: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(chromium(), inject('e2eBaseUrl'));
  try {
    await watched.page.goto(watched.baseUrl, { waitUntil: 'load' });
    await expectRowCounts(watched.page, SEED_ROWS);
    await waitForStorageReady(watched.page);
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

/** Body rows = aria-rowcount − 1 (the header row); virtualized tables render only some. */
async function bodyRowCount(page: Page, name: TableName): Promise<number> {
  return Number(await table(page, name).getAttribute('aria-rowcount')) - 1;
}

async function expectRowCounts(
  page: Page,
  expected: Readonly<Record<TableName, number>>,
): Promise<void> {
  for (const name of TABLES) {
    await expect
      .poll(() => bodyRowCount(page, name), {
        message: `${name} rows (aria-rowcount − 1)`,
        timeout: STORAGE_TIMEOUT,
      })
      .toBe(expected[name]);
  }
}

/** The rendered rows of a table whose Dataset column shows `label`. */
async function rowsOfDataset(page: Page, name: TableName, label: string): Promise<string[][]> {
  const shown = await readTable(page, name);
  const at = shown.headers.findIndex((header) => header.startsWith('Dataset'));
  if (at === -1) throw new Error(`${name} has no Dataset column: ${shown.headers.join(' | ')}`);
  return shown.rows.filter((row) => row[at] === label);
}

function datasetsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Datasets', exact: true });
}

/** The list item of a dataset the user loaded: its label is an editable text box. */
function loadedItem(page: Page, label: string | RegExp): Locator {
  const name = typeof label === 'string' ? `Label of ${label}` : label;
  return datasetsRegion(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('textbox', { name, exact: true }) });
}

/** Labels in the Datasets list, in order: bundled ones as text, loaded ones as their text box. */
async function datasetLabels(page: Page): Promise<string[]> {
  return datasetsRegion(page)
    .locator('li')
    .evaluateAll((items) =>
      items
        .filter((item) => item.parentElement?.closest('li') === null)
        .map((item) => {
          const input = item.querySelector('input[type="text"], input:not([type])');
          if (input instanceof HTMLInputElement) return input.value;
          return (item.firstElementChild?.textContent ?? '').trim();
        }),
    );
}

function alerts(page: Page): Locator {
  return page.getByRole('alert');
}

/** The one alert that names `fileName`. */
function alertFor(page: Page, fileName: string): Locator {
  return alerts(page).filter({ hasText: fileName });
}

// ---------------------------------------------------------------------------------------------
// Loading: the picker, a drop, a paste

interface FileToLoad {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function fixtureFile(relative: string, name = path.basename(relative)): Promise<FileToLoad> {
  return { name, mimeType: mimeTypeOf(name), buffer: await fixtureBytes(relative) };
}

function textFile(name: string, text: string): FileToLoad {
  return { name, mimeType: mimeTypeOf(name), buffer: Buffer.from(text, 'utf8') };
}

function mimeTypeOf(name: string): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.md')) return 'text/markdown';
  if (name.endsWith('.png')) return 'image/png';
  return 'text/plain';
}

/** Clicks `Load results` and answers the native file picker it opens. */
async function pickFiles(page: Page, files: readonly FileToLoad[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Load results', exact: true }).click(),
  ]);
  expect(chooser.isMultiple(), 'the picker takes several files').toBe(true);
  await chooser.setFiles(files.map((file) => ({ ...file })));
}

/** A DataTransfer made in the page, holding the files, as the browser builds one for a drop. */
async function dataTransferWith(
  page: Page,
  files: readonly FileToLoad[],
): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((file) => ({
    name: file.name,
    type: file.mimeType,
    bytes: Array.from(file.buffer),
  }));
  return page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      transfer.items.add(new File([new Uint8Array(item.bytes)], item.name, { type: item.type }));
    }
    return transfer;
  }, payload);
}

/** Drags files over the page (the full-page target must show) and drops them on `target`. */
async function dropFiles(
  page: Page,
  files: readonly FileToLoad[],
  target = 'body',
  whileDragging?: () => Promise<void>,
): Promise<void> {
  const dataTransfer = await dataTransferWith(page, files);
  try {
    await page.dispatchEvent(target, 'dragenter', { dataTransfer });
    await page.dispatchEvent(target, 'dragover', { dataTransfer });
    await expect.poll(() => dropOverlay(page).isVisible()).toBe(true);
    if (whileDragging) await whileDragging();
    await page.dispatchEvent(target, 'drop', { dataTransfer });
    await expect.poll(() => dropOverlay(page).count()).toBe(0);
  } finally {
    await dataTransfer.dispose();
  }
}

/** The full-page drop target (decorative, so hidden from assistive technology). */
function dropOverlay(page: Page): Locator {
  return page.getByText('Drop results files or folders to load them', { exact: true });
}

/** Pastes text the way a browser delivers Ctrl/Cmd+V: a paste event carrying clipboardData. */
async function pasteText(page: Page, text: string, target = 'body'): Promise<boolean> {
  return page.locator(target).evaluate((element, pasted) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', pasted);
    const event = new ClipboardEvent('paste', {
      clipboardData,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    element.dispatchEvent(event);
    return event.defaultPrevented;
  }, text);
}

// ---------------------------------------------------------------------------------------------
// IndexedDB, read from the page

interface SavedEntry {
  key: string;
  label: string | null;
  resultCount: number | null;
  /**
   * The whole stored value, short: its `savedAt` (a rewrite changes it), then the length and a
   * hash of its JSON, so any change to any byte shows without a page-long diff.
   */
  digest: string;
}

/**
 * Every record of the app's store, or [] while the database does not exist yet. It never creates
 * the database: opening a missing one would make it without the app's object store.
 */
async function readSavedEntries(page: Page): Promise<SavedEntry[]> {
  return page.evaluate(
    async ({ dbName, storeName }) => {
      const known = await indexedDB.databases();
      if (!known.some((info) => info.name === dbName)) return [];
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
        if (!db.objectStoreNames.contains(storeName)) return [];
        const store = db.transaction(storeName, 'readonly').objectStore(storeName);
        const ask = <T>(request: IDBRequest<T>): Promise<T> =>
          new Promise<T>((resolve, reject) => {
            request.onsuccess = () => {
              resolve(request.result);
            };
            request.onerror = () => {
              reject(request.error ?? new Error('read failed'));
            };
          });
        const [keys, values] = await Promise.all([ask(store.getAllKeys()), ask(store.getAll())]);
        return keys.map((key, i) => {
          // A record holds the dataset (its label, and its results in version 1) and, from
          // version 2 on, the results as a pack that knows its count (version 3: stored, with
          // its arrays as a Blob).
          const value = (values[i] ?? {}) as {
            dataset?: { label?: unknown; results?: unknown } | null;
            pack?: { count?: unknown } | null;
            stored?: { count?: unknown } | null;
          };
          const label = value.dataset?.label;
          const results = value.dataset?.results;
          const count = value.stored?.count ?? value.pack?.count;
          const json = JSON.stringify(values[i]);
          let hash = 0x811c9dc5;
          for (let at = 0; at < json.length; at += 1) {
            hash = Math.imul(hash ^ json.charCodeAt(at), 0x01000193);
          }
          const savedAt = (values[i] as { savedAt?: unknown } | null)?.savedAt;
          return {
            key: typeof key === 'string' ? key : JSON.stringify(key),
            digest: `${String(savedAt)} ${json.length} ${(hash >>> 0).toString(16)}`,
            label: typeof label === 'string' ? label : null,
            resultCount: Array.isArray(results)
              ? results.length
              : typeof count === 'number'
                ? count
                : null,
          };
        });
      } finally {
        db.close();
      }
    },
    { dbName: DB_NAME, storeName: STORE_NAME },
  );
}

async function savedDatasets(page: Page): Promise<SavedEntry[]> {
  return (await readSavedEntries(page)).filter((entry) => entry.key.startsWith(DATASET_KEY_PREFIX));
}

/** Saved labels with their result counts, sorted: what a reload would restore. */
async function savedSummary(page: Page): Promise<string[]> {
  return (await savedDatasets(page))
    .map((entry) => `${entry.label ?? '?'} (${entry.resultCount ?? '?'})`)
    .sort();
}

async function expectSaved(page: Page, expected: readonly string[]): Promise<void> {
  await expect
    .poll(() => savedSummary(page), {
      message: 'datasets saved in IndexedDB',
      timeout: STORAGE_TIMEOUT,
    })
    .toEqual([...expected].sort());
}

/**
 * Waits until the app has read what it saved before and listens for changes to save: the app
 * opens its database after the bundled data loads, reads every record, then subscribes, all in
 * one go. A read-write transaction of ours on the same store can only run after the app's read
 * has finished, so once it completes the app is saving what changes.
 */
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
  await page.evaluate(
    async ({ dbName, storeName }) => {
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
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction(storeName, 'readwrite');
          transaction.objectStore(storeName).count();
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
    },
    { dbName: DB_NAME, storeName: STORE_NAME },
  );
}

/** Reloads, waits for the tables to hold `rows` and for the app to be ready to save again. */
async function reloadDashboard(
  page: Page,
  rows: Readonly<Record<TableName, number>>,
): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await expectRowCounts(page, rows);
  await waitForStorageReady(page);
}

// ---------------------------------------------------------------------------------------------
// "Nothing changed": everything a person (or a reload) would see

interface PageState {
  datasetsText: string;
  labels: string[];
  tables: { name: TableName; rowCount: string | null; firstRows: string[][] }[];
  saved: SavedEntry[];
}

async function captureState(page: Page): Promise<PageState> {
  const datasetsText = (await datasetsRegion(page).innerText()).replace(/\s+/g, ' ').trim();
  const labels = await datasetLabels(page);
  const tables: PageState['tables'] = [];
  for (const name of TABLES) {
    const rowCount = await table(page, name).getAttribute('aria-rowcount');
    const firstRows = (await readTable(page, name)).rows.slice(0, 5);
    tables.push({ name, rowCount, firstRows });
  }
  const saved = await readSavedEntries(page);
  return { datasetsText, labels, tables, saved };
}

// ---------------------------------------------------------------------------------------------

describe('Load results (the native picker)', () => {
  it('loads the 8×H200 CI page as a new dataset: listed with 18 results, its rows in the tables', async () => {
    await withDashboard(async ({ page }) => {
      const label = 'nightly-8xH200.md';
      await pickFiles(page, [await fixtureFile('nightly/nightly-8xH200.md')]);

      const item = loadedItem(page, label);
      await item.waitFor();
      expect(await item.innerText()).toMatch(/(^|\D)18 results/);
      expect(await item.innerText()).toContain('8×H200');
      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${label}` })
        .waitFor();
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, label]);

      await expectRowCounts(page, sum(SEED_ROWS, NIGHTLY_ROWS));
      // Latency and Throughput are small enough to render every row: 3 each from the new file.
      for (const name of ['Latency', 'Throughput'] as const) {
        const ours = await rowsOfDataset(page, name, label);
        expect(ours, `${name} rows of ${label}`).toHaveLength(NIGHTLY_ROWS[name]);
        expect(ours.every((row) => row.includes('8×H200'))).toBe(true);
      }
      const latency = await rowsOfDataset(page, 'Latency', label);
      // latency_llama8B_tp1 on 8×H200: 833.272 ms mean in the file.
      expect(latency.some((row) => row.join(' ').includes('833.27'))).toBe(true);
      expect((await rowsOfDataset(page, 'Serving', label)).length).toBeGreaterThan(0);
      expect(await alerts(page).count(), 'no problem reported').toBe(0);

      // The same content again is not added twice, and says so.
      await pickFiles(page, [await fixtureFile('nightly/nightly-8xH200.md')]);
      await alertFor(page, label)
        .filter({ hasText: /already loaded/ })
        .waitFor();
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, label]);
      await expectRowCounts(page, sum(SEED_ROWS, NIGHTLY_ROWS));
    });
  });

  it('loads the good file and names the bad one (not valid JSON at line N) from one selection', async () => {
    await withDashboard(async ({ page }) => {
      await pickFiles(page, [
        await fixtureFile('nightly/nightly-8xH200.md'),
        await fixtureFile('formats/bad/truncated-serve.json'),
      ]);

      await loadedItem(page, 'nightly-8xH200.md').waitFor();
      await expectRowCounts(page, sum(SEED_ROWS, NIGHTLY_ROWS));

      const problem = alertFor(page, 'truncated-serve.json');
      await problem.waitFor();
      expect(await alerts(page).count(), 'one alert, for the bad file only').toBe(1);
      const message = await problem.innerText();
      expect(message).toContain('truncated-serve.json');
      expect(message).toMatch(/not valid JSON at line \d+/);
      // The bad file is not listed.
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, 'nightly-8xH200.md']);
      await screenshot(page, 'file-loading-good-and-bad', { fullPage: false });

      // The alert can be dismissed.
      await problem.getByRole('button', { name: /^Dismiss/ }).click();
      await expect.poll(() => alerts(page).count()).toBe(0);
    });
  });
});

describe('dropping files anywhere on the page', () => {
  it('shows a full-page drop target while dragging and loads what is dropped', async () => {
    await withDashboard(async ({ page }) => {
      const label = 'nightly-8xA100-SXM4-80GB.md';
      const file = await fixtureFile(`nightly/${label}`);
      await dropFiles(page, [file], 'body', async () => {
        const overlay = dropOverlay(page).locator('xpath=..');
        const box = await overlay.boundingBox();
        const viewport = page.viewportSize();
        expect(box, 'the drop target has a box').not.toBeNull();
        expect(viewport).not.toBeNull();
        if (box && viewport) {
          expect(box.width, 'covers the page width').toBeGreaterThanOrEqual(viewport.width - 2);
          expect(box.height, 'covers the page height').toBeGreaterThanOrEqual(viewport.height - 2);
        }
        await screenshot(page, 'file-loading-drag-overlay', { fullPage: false });
      });

      const item = loadedItem(page, label);
      await item.waitFor();
      expect(await item.innerText()).toMatch(/(^|\D)18 results/);
      await expectRowCounts(page, sum(SEED_ROWS, NIGHTLY_ROWS));
      const latency = await rowsOfDataset(page, 'Latency', label);
      expect(latency).toHaveLength(3);
      expect(latency.every((row) => row.includes('8×A100-SXM4-80GB'))).toBe(true);
      await datasetsRegion(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'file-loading-dropped', { fullPage: false });
    });
  });

  it('loads a file dropped on a table cell, and dragging out again hides the target', async () => {
    await withDashboard(async ({ page }) => {
      const file = await fixtureFile('formats/serve/serving_llama8B_tp1_sharegpt_qps_inf.json');

      // Dragging in and back out without dropping loads nothing.
      const transfer = await dataTransferWith(page, [file]);
      await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
      await expect.poll(() => dropOverlay(page).isVisible()).toBe(true);
      await page.dispatchEvent('body', 'dragleave', { dataTransfer: transfer });
      await expect.poll(() => dropOverlay(page).count()).toBe(0);
      await transfer.dispose();
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS]);

      await dropFiles(page, [file], 'main table tbody td');
      const label = 'serving_llama8B_tp1_sharegpt_qps_inf.json';
      await loadedItem(page, label).waitFor();
      expect(await loadedItem(page, label).innerText()).toMatch(/(^|\D)1 result(\D|$)/);
      await expectRowCounts(page, { ...SEED_ROWS, Serving: SEED_ROWS.Serving + 1 });
    });
  });
});

describe('pasting results', () => {
  it('loads a pasted markdown table, but not text pasted into a text field', async () => {
    await withDashboard(async ({ page }) => {
      const text = await fixtureText('formats/markdown/pasted-v6-serving-table.md');

      // In the search box a paste is the user's text, not results.
      expect(await pasteText(page, text, 'input[type="search"]'), 'the app left it alone').toBe(
        false,
      );
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS]);
      expect(await alerts(page).count()).toBe(0);

      expect(await pasteText(page, text), 'the app took the paste').toBe(true);
      const pasted = /^Label of Pasted at \d\d:\d\d:\d\d$/;
      const item = loadedItem(page, pasted);
      await item.waitFor();
      expect(await item.innerText()).toMatch(/(^|\D)2 results/);
      await expectRowCounts(page, { ...SEED_ROWS, Serving: SEED_ROWS.Serving + 2 });
      const label = (await datasetLabels(page)).at(-1) ?? '';
      expect(label).toMatch(/^Pasted at /);
      const serving = await rowsOfDataset(page, 'Serving', label);
      expect(serving.map((row) => row.join(' ')).join('\n')).toContain(
        'serving_llama8B_tp1_random_128_128_qps_1_concurrency_16',
      );
      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${label}` })
        .waitFor();
    });
  });
});

describe('a rejected file changes nothing', () => {
  const BAD_FILES = [
    { file: 'formats/bad/truncated-serve.json', why: /not valid JSON at line \d+/ },
    { file: 'formats/bad/binary.png', why: /binary file/ },
    { file: 'formats/bad/empty.json', why: /empty/ },
    { file: 'formats/bad/blank.md', why: /empty/ },
    {
      file: 'formats/bad/not-results-package.json',
      why: /not a benchmark results file this dashboard reads/,
    },
    {
      file: 'formats/bad/not-results-numbers.json',
      why: /not a benchmark results file this dashboard reads/,
    },
  ] as const;

  it('keeps the list, the tables and IndexedDB exactly as they were, for each kind of bad file', async () => {
    await withDashboard(async ({ page }) => {
      // Something of the user's own first, so there is saved data to keep.
      const label = 'nightly-8xH100.md';
      await pickFiles(page, [await fixtureFile(`nightly/${label}`)]);
      await loadedItem(page, label).waitFor();
      await expectSaved(page, [`${label} (18)`]);
      const before = await captureState(page);
      expect(before.labels).toEqual([...BUNDLED_LABELS, label]);
      expect(before.saved.filter((entry) => entry.key.startsWith(DATASET_KEY_PREFIX))).toHaveLength(
        1,
      );

      for (const [i, { file, why }] of BAD_FILES.entries()) {
        const name = path.basename(file);
        await pickFiles(page, [await fixtureFile(file)]);
        const problem = alertFor(page, name);
        await problem.waitFor();
        const message = await problem.innerText();
        expect(message, `the alert for ${name}`).toContain(`${name} was not loaded`);
        expect(message, `why ${name} was refused`).toMatch(why);
        expect(await alerts(page).count(), 'one alert per rejected file').toBe(i + 1);
        if (i === 0) await screenshot(page, 'file-loading-rejected', { fullPage: false });

        const after = await captureState(page);
        expect(after, `the page after ${name}`).toEqual(before);
      }

      // Dropped instead of picked, a bad file is refused just the same.
      await dropFiles(page, [await fixtureFile('formats/bad/lone.commands')]);
      const lone = alertFor(page, 'lone.commands');
      await lone.waitFor();
      expect(await lone.innerText()).toMatch(/\.commands file/);
      expect(await captureState(page)).toEqual(before);
      // And a paste of text that is not results.
      expect(await pasteText(page, 'hello, this is not a benchmark')).toBe(true);
      await alerts(page)
        .filter({ hasText: /^Pasted at / })
        .waitFor();
      expect(await captureState(page)).toEqual(before);
    });
  });
});

describe('what you load is kept across reloads', () => {
  it('restores a dropped dataset with its rows, then its new label and hidden state', async () => {
    await withDashboard(async ({ page }) => {
      const label = 'nightly-8xH200.md';
      await dropFiles(page, [await fixtureFile(`nightly/${label}`)]);
      await loadedItem(page, label).waitFor();
      await expectSaved(page, [`${label} (18)`]);

      await reloadDashboard(page, sum(SEED_ROWS, NIGHTLY_ROWS));
      const item = loadedItem(page, label);
      await item.waitFor();
      expect(await item.innerText()).toMatch(/(^|\D)18 results/);
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, label]);
      expect(await rowsOfDataset(page, 'Latency', label)).toHaveLength(3);
      expect(await rowsOfDataset(page, 'Throughput', label)).toHaveLength(3);

      // Rename it: the label changes everywhere, and is saved.
      const renamed = 'My H200 run';
      const box = page.getByRole('textbox', { name: `Label of ${label}`, exact: true });
      await box.fill(renamed);
      await box.press('Enter');
      await loadedItem(page, renamed).waitFor();
      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${renamed}` })
        .waitFor();
      expect(await rowsOfDataset(page, 'Latency', renamed)).toHaveLength(3);
      expect(await rowsOfDataset(page, 'Latency', label)).toHaveLength(0);
      await expectSaved(page, [`${renamed} (18)`]);

      // Hide it: its rows leave the tables.
      const show = page.getByRole('checkbox', { name: `Show ${renamed}`, exact: true });
      expect(await show.isChecked()).toBe(true);
      await show.uncheck();
      await expectRowCounts(page, SEED_ROWS);

      await reloadDashboard(page, SEED_ROWS);
      await loadedItem(page, renamed).waitFor();
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, renamed]);
      expect(await page.getByRole('checkbox', { name: `Show ${renamed}` }).isChecked()).toBe(false);
      expect(await rowsOfDataset(page, 'Latency', renamed)).toHaveLength(0);

      // Shown again, its rows are back, under the new label.
      await page.getByRole('checkbox', { name: `Show ${renamed}` }).check();
      await expectRowCounts(page, sum(SEED_ROWS, NIGHTLY_ROWS));
      expect(await rowsOfDataset(page, 'Latency', renamed)).toHaveLength(3);
    });
  });
});

describe('removing what you loaded', () => {
  it('Remove <label> takes the dataset and its rows away, also after a reload', async () => {
    await withDashboard(async ({ page }) => {
      const label = 'nightly-8xH200.md';
      const other = 'serving_llama8B_tp1_sharegpt_qps_inf.json';
      await pickFiles(page, [
        await fixtureFile(`nightly/${label}`),
        await fixtureFile(`formats/serve/${other}`),
      ]);
      await loadedItem(page, label).waitFor();
      await loadedItem(page, other).waitFor();
      await expectSaved(page, [`${label} (18)`, `${other} (1)`]);
      const withBoth = sum(SEED_ROWS, { ...NIGHTLY_ROWS, Serving: NIGHTLY_ROWS.Serving + 1 });
      await expectRowCounts(page, withBoth);

      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${label}`, exact: true })
        .click();
      await expect.poll(() => loadedItem(page, label).count()).toBe(0);
      const withOther = { ...SEED_ROWS, Serving: SEED_ROWS.Serving + 1 };
      await expectRowCounts(page, withOther);
      expect(await rowsOfDataset(page, 'Latency', label)).toHaveLength(0);
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, other]);
      await expectSaved(page, [`${other} (1)`]);

      await reloadDashboard(page, withOther);
      await loadedItem(page, other).waitFor();
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS, other]);
      expect(await page.getByRole('button', { name: `Remove ${label}` }).count()).toBe(0);
      // Bundled runs have no Remove button.
      for (const bundled of BUNDLED_LABELS) {
        expect(await page.getByRole('button', { name: `Remove ${bundled}` }).count()).toBe(0);
      }
    });
  });

  it('Reset to bundled data asks first: dismissed keeps everything, accepted keeps only the bundled runs', async () => {
    await withDashboard(async ({ page }) => {
      const reset = datasetsRegion(page).getByRole('button', { name: 'Reset to bundled data' });
      expect(await reset.count(), 'nothing to reset before anything is loaded').toBe(0);

      const labels = ['nightly-8xH200.md', 'serving_llama8B_tp1_sharegpt_qps_inf.json'];
      await pickFiles(page, [
        await fixtureFile('nightly/nightly-8xH200.md'),
        await fixtureFile('formats/serve/serving_llama8B_tp1_sharegpt_qps_inf.json'),
      ]);
      for (const label of labels) await loadedItem(page, label).waitFor();
      await expectSaved(page, [`${labels[0] ?? ''} (18)`, `${labels[1] ?? ''} (1)`]);
      const before = await captureState(page);

      // Dismissed: nothing changes.
      const asked: string[] = [];
      page.once('dialog', (dialog) => {
        asked.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await reset.click();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toMatch(/^confirm: /);
      expect(asked[0]).toContain('Remove the 2 datasets you loaded');
      expect(await captureState(page)).toEqual(before);

      // Accepted: only the bundled runs are left, and nothing is saved any more.
      page.once('dialog', (dialog) => {
        asked.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.accept();
      });
      await reset.click();
      await expect.poll(() => asked.length).toBe(2);
      await expectRowCounts(page, SEED_ROWS);
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS]);
      expect(await reset.count(), 'Reset goes away with nothing to reset').toBe(0);
      await expectSaved(page, []);

      await reloadDashboard(page, SEED_ROWS);
      expect(await datasetLabels(page)).toEqual([...BUNDLED_LABELS]);
      expect(await datasetsRegion(page).getByRole('textbox').count()).toBe(0);
    });
  });
});

describe('markup in names', () => {
  const IMG_NAME = '<img src=x onerror="window.__pwned=1">.json';
  const SCRIPT_TEST_NAME = 'latency_llama8B_tp1<script>window.__pwned=2</script>';
  const BAD_NAME = '<svg onload="window.__pwned=3">.json';
  const RENAMED = '<img src=x onerror="window.__pwned=4">';

  async function expectNothingRan(page: Page): Promise<void> {
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      imgX: document.querySelectorAll('img[src="x"]').length,
      svgOnload: document.querySelectorAll('svg[onload]').length,
      onerror: document.querySelectorAll('[onerror]').length,
      scripts: Array.from(document.scripts).filter((s) => s.textContent.includes('__pwned')).length,
    }));
    expect(found).toEqual({ pwned: undefined, imgX: 0, svgOnload: 0, onerror: 0, scripts: 0 });
  }

  it('shows markup in file names, test names and labels as text, and runs none of it', async () => {
    await withDashboard(async ({ page }) => {
      const serve = await fixtureText('formats/serve/serving_llama8B_tp1_sharegpt_qps_inf.json');
      const records = JSON.stringify([
        { 'Test name': SCRIPT_TEST_NAME, GPU: '8xH100', 'Mean latency (ms)': 1000.5 },
      ]);
      await pickFiles(page, [
        textFile(IMG_NAME, serve),
        textFile('script-in-test-name.json', records),
        textFile(BAD_NAME, '{"not": "json",'),
      ]);

      // The file name is the label (a text box's value) and is shown as text.
      const item = loadedItem(page, IMG_NAME);
      await item.waitFor();
      expect(await item.getByText(IMG_NAME, { exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('textbox', { name: `Label of ${IMG_NAME}` }).inputValue()).toBe(
        IMG_NAME,
      );
      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${IMG_NAME}` })
        .waitFor();
      expect(await rowsOfDataset(page, 'Serving', IMG_NAME)).toHaveLength(1);

      // The test name with a script tag is a cell's text.
      await loadedItem(page, 'script-in-test-name.json').waitFor();
      const latency = table(page, 'Latency');
      await expect
        .poll(() => latency.getByText(SCRIPT_TEST_NAME, { exact: true }).count())
        .toBeGreaterThan(0);

      // The bad file's alert names it literally.
      const problem = alertFor(page, BAD_NAME);
      await problem.waitFor();
      expect(await problem.innerText()).toContain(`${BAD_NAME} was not loaded`);
      expect(await problem.innerText()).toMatch(/not valid JSON/);

      // A label typed with markup is text too: in the list, the buttons and the Dataset column.
      const box = page.getByRole('textbox', { name: `Label of ${IMG_NAME}` });
      await box.fill(RENAMED);
      await box.press('Enter');
      await datasetsRegion(page)
        .getByRole('button', { name: `Remove ${RENAMED}` })
        .waitFor();
      expect(await rowsOfDataset(page, 'Serving', RENAMED)).toHaveLength(1);
      await expectSaved(page, [`${RENAMED} (1)`, 'script-in-test-name.json (1)']);

      await screenshot(page, 'file-loading-markup-names', { fullPage: false });
      await page.getByRole('region', { name: 'Latency', exact: true }).scrollIntoViewIfNeeded();
      await screenshot(page, 'file-loading-markup-test-name', { fullPage: false });
      await expectNothingRan(page);

      // Restored from IndexedDB after a reload, it is still just text.
      await reloadDashboard(page, {
        Latency: SEED_ROWS.Latency + 1,
        Throughput: SEED_ROWS.Throughput,
        Serving: SEED_ROWS.Serving + 1,
      });
      await loadedItem(page, RENAMED).waitFor();
      expect(await rowsOfDataset(page, 'Serving', RENAMED)).toHaveLength(1);
      expect(await table(page, 'Latency').getByText(SCRIPT_TEST_NAME).count()).toBeGreaterThan(0);
      await expectNothingRan(page);
    });
  });
});
