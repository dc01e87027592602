// Resilience and keyboard use: a view that fails shows a message in place and the rest keeps
// working; the shortcuts do what the help dialog says.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LATENCY_ROWS, latencyRows } from './dashboard.ts';
import { expectNoPageProblems, openPage, screenshot } from '../harness/page.ts';
import { E2E_DIST_DIR } from './global-setup.ts';
import { sharedBrowser } from './shared-browser.ts';

const chromium = sharedBrowser();

describe('a view that fails', () => {
  it('shows a message where the charts were, and the tables and filters keep working', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    const { page, context } = watched;
    try {
      // The charts' code arrives broken (a deploy half-done, a corrupted cache): it throws.
      await context.route(/charts-section-[^/]*\.js$/, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: 'throw new Error("charts module is damaged");',
        }),
      );
      await page.goto(watched.baseUrl);
      const failure = page.getByRole('alert', { name: 'The charts failed' });
      await failure.waitFor();
      expect(await failure.innerText()).toContain('The charts could not be shown.');
      expect(await failure.innerText()).toContain('charts module is damaged');
      await failure.getByRole('button', { name: 'Try again' }).waitFor();
      await screenshot(page, 'resilience-charts-failed');

      // Everything else works.
      expect(await latencyRows(page)).toBe(SEED_LATENCY_ROWS);
      await page
        .getByRole('group', { name: 'GPU' })
        .getByRole('checkbox', { name: /^8×H200/ })
        .click();
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS - 3);
      await page.getByRole('button', { name: 'Compare' }).click();
      await page.getByRole('table', { name: /Comparison/ }).waitFor();

      // The failed chunk is reported by the browser itself, once; nothing else went wrong.
      const others = watched.problems.filter(
        (problem) => !/charts module is damaged|charts-section/.test(problem.message),
      );
      expect(others).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

describe('a view whose code failed to download', () => {
  it('loads on Try again once the code can be fetched, without a reload', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    const { page, context } = watched;
    try {
      // The first download of the charts' code fails (a network blip); later ones succeed.
      let failing = true;
      await context.route(/charts-section-[^/]*\.js$/, (route) =>
        failing ? route.abort('connectionreset') : route.fallback(),
      );
      await page.goto(watched.baseUrl);
      const failure = page.getByRole('alert', { name: 'The charts failed' });
      await failure.waitFor();
      expect(await page.getByRole('figure', { name: /^Latency/ }).count()).toBe(0);

      failing = false;
      await failure.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('figure', { name: /^Latency/ }).waitFor();
      expect(await failure.count()).toBe(0);
      expect(await latencyRows(page)).toBe(SEED_LATENCY_ROWS);

      // The failed download is reported by the browser itself; nothing else went wrong.
      const others = watched.problems.filter(
        (problem) => !/charts-section|dynamically imported module/.test(problem.message),
      );
      expect(others).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});

/**
 * A chunk of the build that the charts' module imports and the page's entry does not: code the
 * charts share with other views (which one depends on how the bundler splits them).
 */
function sharedChunkOfCharts(): string {
  const assets = path.join(E2E_DIST_DIR, 'assets');
  const names = readdirSync(assets);
  const charts = names.find((name) => /^charts-section-.*\.js$/.test(name));
  if (charts === undefined) throw new Error('the build has no charts-section chunk');
  const entry = names.find((name) => /^index-.*\.js$/.test(name)) ?? '';
  const importsOf = (file: string): string[] =>
    [...readFileSync(path.join(assets, file), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map(
      (match) => match[1] ?? '',
    );
  // What the entry imports itself loads with the page: its failure is the page's, not a view's.
  const withThePage = new Set([entry, ...importsOf(entry)]);
  const imported = importsOf(charts).filter(
    (name) => !withThePage.has(name) && !name.startsWith('rolldown-runtime'),
  );
  const shared = imported.find((name) => !/^(models|index)-/.test(name));
  if (shared === undefined) throw new Error(`${charts} imports no shared chunk`);
  return shared;
}

describe('a view whose shared code failed to download', () => {
  it('loads the page again on a second Try again, when trying the view alone cannot mend it', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    const { page, context } = watched;
    try {
      // A chunk the charts share with other views fails once; the browser then fails it from
      // memory under its one URL, however the charts' own module is asked for again.
      const shared = sharedChunkOfCharts();
      let failing = true;
      await context.route(
        (url) => url.pathname.endsWith(`/assets/${shared}`),
        (route) => (failing ? route.abort('connectionreset') : route.fallback()),
      );
      await page.goto(watched.baseUrl);
      const failure = page.getByRole('alert', { name: 'The charts failed' });
      await failure.waitFor();
      failing = false;
      const retried = page.waitForRequest(/charts-section-[^/]*\.js\?retry=1$/);
      await failure.getByRole('button', { name: 'Try again' }).click();
      // The charts' module came again under a new URL, and failed again on the shared chunk.
      await retried;
      await failure.getByRole('button', { name: 'Try again' }).waitFor();
      expect(await page.getByRole('figure', { name: /^Latency/ }).count()).toBe(0);

      const reloaded = page.waitForEvent('load');
      await failure.getByRole('button', { name: 'Try again' }).click();
      await reloaded;
      await page.getByRole('figure', { name: /^Latency/ }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await latencyRows(page)).toBe(SEED_LATENCY_ROWS);
    } finally {
      await watched.close();
    }
  });
});

describe('keyboard shortcuts', () => {
  it('open files, search, reset filters, open Compare, and list themselves in a dialog', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    const { page } = watched;
    try {
      await page.goto(watched.baseUrl);
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS);
      await page.locator('body').click({ position: { x: 5, y: 5 } });

      // ? lists the shortcuts; Escape closes the dialog.
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      expect(await dialog.getByRole('row').count()).toBe(6); // the header and five shortcuts
      await screenshot(page, 'shortcuts-dialog');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      // R resets the filters.
      await page
        .getByRole('group', { name: 'GPU' })
        .getByRole('checkbox', { name: /^8×H200/ })
        .click();
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS - 3);
      await page.keyboard.press('r');
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS);

      // / focuses the search, and the slash is not typed into it.
      await page.keyboard.press('/');
      const search = page.getByRole('searchbox');
      expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.type('llama70B');
      expect(await search.inputValue()).toBe('llama70B');
      await expect.poll(() => latencyRows(page)).toBe(3);
      await search.fill('');
      await search.blur();

      // C opens Compare.
      await page.keyboard.press('c');
      await page.getByRole('table', { name: /Comparison/ }).waitFor();
      expect(
        await page.getByRole('button', { name: 'Compare' }).getAttribute('aria-expanded'),
      ).toBe('true');

      // O opens the file picker.
      const chooser = page.waitForEvent('filechooser');
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('o');
      expect((await chooser).isMultiple()).toBe(true);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
