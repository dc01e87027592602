// The first screen `npm run build` renders into index.html, as a first visit sees it: in the
// served HTML, painted before the app's script has run, replaced by the app without a flash, and
// never shown when it does not fit the visit (a link with filters).
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectNoPageProblems, openPage } from '../harness/page.ts';
import type { WatchedPage } from '../harness/page.ts';
import { sharedBrowser } from './shared-browser.ts';

const chromium = sharedBrowser();

/** What one animation frame showed. */
interface Frame {
  ms: number;
  /** The built first screen is in #root (the app has not taken over yet). */
  firstScreen: boolean;
  placeholder: boolean;
  /** Latency body rows with a box. */
  latencyRows: number;
  /** Body rows of any results table naming 8×H200. */
  h200Rows: number;
  /** The theme applied, and the theme switch's ticked option. */
  theme: string | null;
  ticked: string | null;
}

interface Recording {
  frames: Frame[];
  /** The first screen's text as the app's first commit replaced it, and #root's right after. */
  replacedText: string | null;
  takeOverText: string | null;
}

declare global {
  interface Window {
    __firstPaint?: Recording;
  }
}

/** An init script: records what every animation frame shows, from the very first one. */
function recordFrames(): void {
  const recording: Recording = { frames: [], replacedText: null, takeOverText: null };
  window.__firstPaint = recording;
  const resultsTable = (title: string): HTMLTableElement | undefined =>
    [...document.querySelectorAll('table')].find((table) =>
      (table.querySelector('caption')?.textContent ?? '').startsWith(`${title} results`),
    );
  const shownRows = (table: HTMLTableElement | undefined): HTMLTableRowElement[] =>
    [...(table?.tBodies[0]?.rows ?? [])].filter((row) => row.getBoundingClientRect().height > 0);
  let watching = false;
  const tick = (): void => {
    const root = document.getElementById('root');
    const firstScreen = root?.querySelector(':scope > .first-screen') != null;
    if (root !== null && !watching) {
      watching = true;
      // The app's first commit replaces the first screen: both texts, read before any paint.
      new MutationObserver((records) => {
        const removed = records
          .flatMap((record) => [...record.removedNodes])
          .find((node) => node instanceof Element && node.matches('.first-screen'));
        if (removed === undefined || recording.takeOverText !== null) return;
        recording.replacedText = removed.textContent;
        recording.takeOverText = root.textContent;
      }).observe(root, { childList: true });
    }
    const h200Rows = ['Latency', 'Throughput', 'Serving']
      .flatMap((title) => shownRows(resultsTable(title)))
      .filter((row) => row.textContent.includes('8×H200')).length;
    recording.frames.push({
      ms: Math.round(performance.now()),
      firstScreen,
      placeholder: document.querySelector('.content-placeholder') !== null,
      latencyRows: shownRows(resultsTable('Latency')).length,
      h200Rows,
      theme: document.documentElement.dataset.theme ?? null,
      ticked:
        document.querySelector<HTMLInputElement>('.theme-switch input[type="radio"]:checked')
          ?.value ?? null,
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Opens `query` on a fresh page, recording its frames until the app shows the charts. */
async function visit(
  browser: Browser,
  query = '',
  setup?: (watched: WatchedPage) => Promise<void>,
): Promise<{ watched: WatchedPage; recording: Recording }> {
  const watched = await openPage(browser, inject('e2eBaseUrl'));
  await setup?.(watched);
  await watched.context.addInitScript(recordFrames);
  const { page } = watched;
  await page.goto(watched.baseUrl + query, { waitUntil: 'load' });
  // The app is in once the charts have replaced their fallback, and the first screen is gone.
  await page.locator('figure.chart-figure').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('#root > .first-screen') === null);
  await page.waitForTimeout(300);
  await page.waitForLoadState('networkidle');
  const recording = await page.evaluate(() => {
    const { __firstPaint } = window;
    if (__firstPaint === undefined) throw new Error('the frames were not recorded');
    return __firstPaint;
  });
  return { watched, recording };
}

/** The frames from the first that showed a Latency row on. */
function fromFirstRow(frames: readonly Frame[]): Frame[] {
  const first = frames.findIndex((frame) => frame.latencyRows > 0);
  return first === -1 ? [] : frames.slice(first);
}

describe('the served page', () => {
  it('carries the first screen: every bundled result, no style attribute', async () => {
    const response = await fetch(inject('e2eBaseUrl'));
    const html = await response.text();
    // #root is the page's last element: the first screen is all of it.
    const firstScreen = /<div id="root">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';
    // Inert and hidden from assistive technology until the app has replaced it; no test ids or
    // row indices, so tests that pick an element or count rows by them get the app's.
    expect(firstScreen, 'the first screen in the served HTML').toContain(
      '<div class="first-screen" inert aria-hidden="true">',
    );
    expect(firstScreen).not.toContain('data-testid');
    expect(firstScreen).toContain('Latency results');
    // 3 models × 3 GPUs of latency and throughput; serving adds QPS 1, 4, 16 and inf.
    // Without the rows' indices, which tests count to know the app's tables are filled.
    expect(firstScreen).not.toContain('aria-rowindex');
    const tables = firstScreen.match(/<table class="results-table"[\s\S]*?<\/table>/g) ?? [];
    const bodyRows = (table: string): number =>
      (/<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '').match(/<tr[\s>]/g)?.length ?? 0;
    expect(tables.map(bodyRows)).toEqual([9, 9, 36]);
    // public/data/nightly-8xH100.json: latency_llama8B_tp1, mean 1046.9095… ms.
    expect(firstScreen).toContain('1,046.91');
    // The site's style-src 'self' would refuse a style attribute, with a console error.
    expect(html).not.toMatch(/<[^>]*\sstyle\s*=/i);
  });
});

describe('the bundled files', () => {
  it('are each fetched once, through the preloads the build adds, none of them unused', async () => {
    const watched = await openPage(chromium(), inject('e2eBaseUrl'));
    try {
      const { page } = watched;
      const requested: string[] = [];
      const warnings: string[] = [];
      page.on('request', (request) => {
        const { pathname } = new URL(request.url());
        if (pathname.includes('/data/')) requested.push(pathname.slice(pathname.indexOf('/data/')));
      });
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.goto(watched.baseUrl, { waitUntil: 'load' });
      await page.getByRole('region', { name: 'Datasets' }).getByText('Nightly · 8×H100').waitFor();
      // Chromium warns of a preload left unused a few seconds after the load event.
      await page.waitForTimeout(4000);
      expect(requested.sort()).toEqual([
        '/data/manifest.json',
        '/data/nightly-8xA100-SXM4-80GB.json',
        '/data/nightly-8xH100.json',
        '/data/nightly-8xH200.json',
      ]);
      expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});

describe('the first paint of a first visit', () => {
  it('shows the first row from the served HTML, and the app replaces it with no flash', async () => {
    const { watched, recording } = await visit(chromium());
    try {
      const shown = fromFirstRow(recording.frames);
      expect(shown.length, 'frames from the first row on').toBeGreaterThan(1);
      expect(shown[0]?.firstScreen, 'the first row came with the page').toBe(true);
      // From then on no frame shows fewer latency rows than the one before (on a busy machine the
      // browser may paint while the parser is still inserting the first screen), the last shows
      // all 9, and none shows the placeholder.
      expect(
        shown.filter((frame, i) => i > 0 && frame.latencyRows < (shown[i - 1]?.latencyRows ?? 0)),
      ).toEqual([]);
      expect(shown.at(-1)?.latencyRows).toBe(9);
      expect(recording.frames.filter((frame) => frame.placeholder)).toEqual([]);
      expect(shown.at(-1)?.firstScreen, 'the app took over').toBe(false);
      // Its first commit reads exactly as the first screen did.
      expect(recording.takeOverText).not.toBeNull();
      expect(recording.takeOverText).toBe(recording.replacedText);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('never paints the first screen for a link with filters: only the filtered rows', async () => {
    const { watched, recording } = await visit(chromium(), '?hide.gpu=8%C3%97H200');
    try {
      expect(recording.frames.filter((frame) => frame.firstScreen)).toEqual([]);
      expect(recording.frames.filter((frame) => frame.h200Rows > 0)).toEqual([]);
      // 3 latency tests on each of the two GPUs left.
      const shown = fromFirstRow(recording.frames);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((frame) => frame.latencyRows !== 6)).toEqual([]);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });

  it('shows the first screen dark, Dark ticked, when the dark theme is remembered', async () => {
    const { watched, recording } = await visit(chromium(), '', async ({ context }) => {
      await context.addInitScript(() => {
        localStorage.setItem('vllm-dashboard.theme', 'dark');
      });
    });
    try {
      const shown = fromFirstRow(recording.frames);
      expect(shown[0]?.firstScreen).toBe(true);
      expect(shown.filter((frame) => frame.theme !== 'dark' || frame.ticked !== 'dark')).toEqual(
        [],
      );
      expect(await watched.page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
      expectNoPageProblems(watched);
    } finally {
      await watched.close();
    }
  });
});
