// The built site as a static, private, offline-capable site: its Content-Security-Policy holds
// while every feature is used (no violation reported), nothing is requested off its origin, and
// after the first visit it opens offline with the bundled data and the user's saved datasets.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SEED_LATENCY_ROWS, latencyRows } from './dashboard.ts';
import { expectNoPageProblems, openPage } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

const chromium = sharedBrowser();

/** Records every CSP violation the page reports, from before its first script runs. */
function recordViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(
      `${event.effectiveDirective}: ${event.blockedURI} at ${event.sourceFile}:${String(event.lineNumber)}:${String(event.columnNumber)} ${event.sample}`,
    );
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
  );
}

describe('Content-Security-Policy', () => {
  it('is a strict meta tag: no inline script, no eval, connections to the site only', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    try {
      await watched.page.goto(watched.baseUrl);
      const policy = await watched.page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      const directives = new Map(
        (policy ?? '').split(';').map((part) => {
          const [name = '', ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      // The page's own HTML carries no inline script for the policy to allow.
      const inline = await watched.page.locator('script:not([src])').count();
      expect(inline).toBe(0);
    } finally {
      await watched.close();
    }
  });

  it('reports no violation and no off-origin request while every feature is used', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    const { page } = watched;
    try {
      await page.addInitScript(recordViolations);
      await page.goto(watched.baseUrl);
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS);

      // Filters, search, sorting.
      const gpu = page.getByRole('group', { name: 'GPU' });
      await gpu.getByRole('checkbox', { name: /^8×H200/ }).click();
      await expect.poll(() => latencyRows(page)).toBe(6);
      await gpu.getByRole('checkbox', { name: /^8×H200/ }).click();
      await page.getByRole('searchbox').fill('llama8B');
      await expect.poll(() => latencyRows(page)).toBe(3);
      await page.getByRole('searchbox').fill('');
      await page
        .getByRole('table', { name: /Serving/ })
        .getByRole('button', { name: /Mean TTFT/ })
        .first()
        .click();

      // Downloads: a table's CSV, a chart's PNG and SVG.
      const csv = page.waitForEvent('download');
      await page
        .getByRole('button', { name: /Download CSV/ })
        .first()
        .click();
      await csv;
      const latencyChart = page.getByRole('figure').first();
      await latencyChart.scrollIntoViewIfNeeded();
      for (const name of ['Download PNG', 'Download SVG']) {
        const download = page.waitForEvent('download');
        await latencyChart.getByRole('button', { name }).click();
        await download;
      }

      // Files: a small one parsed on the page, a large one in the worker, a paste, a bad one.
      const input = page.getByTestId('load-results-input');
      await input.setInputFiles(path.join(FIXTURES, 'nightly', 'nightly-8xH200.md'));
      await page.getByRole('button', { name: 'Remove nightly-8xH200.md' }).waitFor();
      const big = (await readFile(path.join(FIXTURES, 'nightly', 'nightly-8xH100.md'), 'utf8'))
        .replaceAll('8xH100', '8xB200')
        .concat('\n'.repeat(1024 * 1024));
      await input.setInputFiles({
        name: 'padded-b200.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from(big),
      });
      await page
        .getByRole('button', { name: 'Remove padded-b200.md' })
        .waitFor({ timeout: 30_000 });
      await input.setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"latency": '),
      });
      await page.getByRole('alert').filter({ hasText: 'broken.json' }).waitFor();

      // Theme switch (the dark theme's styles come from the site's style sheet).
      await page.getByRole('radio', { name: 'Dark' }).check();
      await page.getByRole('radio', { name: 'Light' }).check();

      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});

describe('offline', () => {
  it('opens offline after the first visit, with the bundled data and a saved dataset', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'), { serviceWorkers: 'allow' });
    const { page, context } = watched;
    try {
      await page.goto(watched.baseUrl);
      await expect.poll(() => latencyRows(page)).toBe(SEED_LATENCY_ROWS);
      // The service worker has stored the site once it is active.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page
        .getByTestId('load-results-input')
        .setInputFiles(path.join(FIXTURES, 'nightly', 'nightly-8xH200.md'));
      await page.getByRole('button', { name: 'Remove nightly-8xH200.md' }).waitFor();
      await expect
        .poll(
          () =>
            page.evaluate(
              () =>
                new Promise<number>((resolve) => {
                  const open = indexedDB.open('vllm-dashboard');
                  open.onsuccess = () => {
                    const db = open.result;
                    if (!db.objectStoreNames.contains('datasets')) {
                      db.close();
                      resolve(0);
                      return;
                    }
                    const count = db.transaction('datasets').objectStore('datasets').count();
                    count.onsuccess = () => {
                      db.close();
                      resolve(count.result);
                    };
                  };
                  open.onerror = () => {
                    resolve(0);
                  };
                }),
            ),
          { timeout: 20_000 },
        )
        .toBe(1);

      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => latencyRows(page), { timeout: 20_000 }).toBe(SEED_LATENCY_ROWS + 3);
      await page.getByRole('button', { name: 'Remove nightly-8xH200.md' }).waitFor();
      // The network is off: a page outside the service worker's scope cannot be reached. (Asked
      // of another page: Chromium 150 reports navigator.onLine true in a page its service worker
      // served, though the context is offline.)
      const probe = await context.newPage();
      const reached = await probe
        .goto(new URL('/outside-the-site', watched.baseUrl).href)
        .then(() => true)
        .catch(() => false);
      await probe.close();
      expect(reached).toBe(false);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await context.setOffline(false);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
