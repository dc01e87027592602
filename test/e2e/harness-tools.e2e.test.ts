// Tests of what the bench and the scripts take from the browser-test harness: a DevTools port
// another tool can drive, pages without the origin guard, a problem list kept outside the page,
// and a served copy of the build with other datasets. Needs Chromium and dist/.
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, launchChromium } from '../harness/chromium.ts';
import { openPage } from '../harness/page.ts';
import type { PageProblem } from '../harness/page.ts';
import { serveSiteCopy } from '../harness/site.ts';
import { E2E_DIST_DIR } from './global-setup.ts';

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

function chromium(): Browser {
  if (!browser) throw new Error('Chromium did not start (see the beforeAll error)');
  return browser;
}

describe('the harness for the bench and the scripts', () => {
  it('finds a free port, and Chromium opens its DevTools endpoint there when asked', async () => {
    const port = await freePort();
    // Free: something can listen on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) =>
      probe.close(() => {
        resolve();
      }),
    );

    const withPort = await launchChromium({ args: [`--remote-debugging-port=${port}`] });
    try {
      const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
        Browser?: string;
      };
      expect(version.Browser).toMatch(/Chrom/);
    } finally {
      await withPort.close();
    }
  });

  it('records problems into a list the caller keeps, and lets requests through unguarded', async () => {
    const problems: PageProblem[] = [];
    const watched = await openPage(chromium(), inject('e2eBaseUrl'), {
      guardOrigin: false,
      problems,
    });
    try {
      await watched.page.goto(watched.baseUrl);
      // Named functions survive the trip into the page, as tsx compiles them for the bench.
      expect(
        await watched.page.evaluate(() => typeof (globalThis as { __name?: unknown }).__name),
      ).toBe('function');
      // Off the origin (the discard port, where nothing listens): guarded, a route would abort
      // it as an off-origin request; unguarded, the request goes out and fails by itself.
      await watched.page.goto('http://127.0.0.1:9/').catch(() => undefined);
      await expect.poll(() => problems.length).toBeGreaterThan(0);
      expect(watched.problems).toBe(problems);
      expect(problems.map((problem) => problem.kind)).not.toContain('off-origin-request');
      expect(problems.map((problem) => problem.kind)).toContain('request-failed');
    } finally {
      await watched.close();
    }
  });

  it('serves a copy of the build that opens with the given datasets only, and removes it', async () => {
    const dataset = JSON.stringify({
      latency: {
        'Test name': { '0': 'latency_llama8B_tp1' },
        GPU: { '0': '8xB200' },
        'Mean latency (ms)': { '0': 1000 },
        'Median latency (ms)': { '0': 999 },
        'P99 latency (ms)': { '0': 1010 },
      },
    });
    const copy = await serveSiteCopy(E2E_DIST_DIR, [{ name: 'one.json', text: dataset }]);
    const root = copy.server.baseUrl;
    try {
      const manifest = (await (await fetch(`${root}data/manifest.json`)).json()) as unknown;
      expect(manifest).toEqual({ datasets: ['one.json'] });
      const watched = await openPage(chromium(), root);
      try {
        await watched.page.goto(root);
        const datasets = watched.page.getByRole('region', { name: 'Datasets', exact: true });
        await expect.poll(() => datasets.getByRole('listitem').count()).toBe(1);
        await datasets.getByText('1 result', { exact: false }).first().waitFor();
      } finally {
        await watched.close();
      }
    } finally {
      await copy.close();
    }
    await expect(fetch(`${root}data/manifest.json`)).rejects.toThrow();
    expect(existsSync(copy.root)).toBe(false);
    expect(existsSync(E2E_DIST_DIR)).toBe(true);
  });
});
