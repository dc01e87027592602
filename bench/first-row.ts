// The first table row after navigation: the built site's default URL (its bundled runs) opened in
// a fresh context each time, timed in the page from navigation start to the first body row of the
// first results table painted.
import type { Browser } from 'playwright-core';
import { openPage } from '../test/harness/page.ts';
import type { PageProblem } from '../test/harness/page.ts';
import { fmtMs, logger, reasonOf, stats } from './format.ts';
import type { Stats } from './format.ts';
import { watchFirstRow } from './in-page/first-row.ts';
import type { FirstRow } from './in-page/first-row.ts';
import { installBenchHelpers } from './in-page/helpers.ts';
import { problemLines } from './page-tools.ts';
import type { Attempt } from './page-tools.ts';

const log = logger('bench');

export interface FirstRowSample extends FirstRow {
  /** Navigation timing, for the record: the document's response end and DOMContentLoaded end. */
  responseEndMs: number;
  domContentLoadedMs: number;
}

export type FirstRowResult = Attempt<{ painted: Stats; samples: FirstRowSample[] }> & {
  problems: string[];
};

async function once(browser: Browser, url: string, problems: PageProblem[]) {
  // A first visit: a fresh context (no cache, no service worker yet), the worker allowed to
  // register as it would.
  const watched = await openPage(browser, url, {
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'allow',
    guardOrigin: false,
    problems,
  });
  try {
    await watched.context.addInitScript(installBenchHelpers);
    await watched.context.addInitScript(watchFirstRow);
    const { page } = watched;
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const handle = await page.waitForFunction(() => window.__firstRow ?? false, undefined, {
      timeout: 60_000,
    });
    const row = (await handle.jsonValue()) as FirstRow;
    const navigation = await page.evaluate(() => {
      const entry = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return {
        responseEndMs: entry?.responseEnd ?? NaN,
        domContentLoadedMs: entry?.domContentLoadedEventEnd ?? NaN,
      };
    });
    return { ...row, ...navigation };
  } finally {
    await watched.close().catch(() => undefined);
  }
}

/** `reps` first visits of `url`, each in a new context. */
export async function benchFirstRow(
  browser: Browser,
  url: string,
  reps: number,
): Promise<FirstRowResult> {
  const problems: PageProblem[] = [];
  const samples: FirstRowSample[] = [];
  log(`first table row after navigation: ${reps} fresh visit(s) of the default build…`);
  try {
    for (let rep = 0; rep < reps; rep += 1) {
      const sample = await once(browser, url, problems);
      samples.push(sample);
      log(
        `  #${rep + 1}: painted ${fmtMs(sample.paintedMs)} ms (seen ${fmtMs(sample.seenMs)}, document ${fmtMs(sample.responseEndMs)}, DOMContentLoaded ${fmtMs(sample.domContentLoadedMs)}): ${sample.text.slice(0, 60)}`,
      );
    }
    const painted = stats(samples.map((sample) => sample.paintedMs));
    if (painted === null) throw new Error('no samples');
    return { ok: true, painted, samples, problems: problemLines(problems) };
  } catch (error) {
    const reason = reasonOf(error);
    log(`  first row: n/a — ${reason}`);
    return { ok: false, error: reason, problems: problemLines(problems) };
  }
}
