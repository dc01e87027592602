// A million results picked at once: the explorer's largest history (its files, from disk) chosen
// together in `Load results` on the site with its bundled runs, in a fresh page each time; timed
// until a row and the filters show them and until every chart does, with the longest
// main-thread task on the way.
import type { Browser } from 'playwright-core';
import { fmtInt, fmtMs, logger, reasonOf, stats } from './format.ts';
import type { Stats } from './format.ts';
import { openBundledPage, pickFiles } from './ingest-bench.ts';
import type { Ingest } from './in-page/ingest.ts';
import { problemLines, within } from './page-tools.ts';
import type { Attempt } from './page-tools.ts';

const log = logger('bench');

type PickSample = Ingest & { longestTaskToChartsMs: number };

export type LargePickResult = { results: number; files: number; problems: string[] } & Attempt<{
  rowsAndFilters: Stats;
  charts: Stats;
  longestTaskToCharts: Stats;
  samples: PickSample[];
}>;

export interface LargePick {
  url: string;
  results: number;
  /** The files on disk, and their names as the page lists them. */
  paths: readonly string[];
  names: readonly string[];
  reps: number;
  timeoutMs: number;
}

export async function benchLargePick(browser: Browser, pick: LargePick): Promise<LargePickResult> {
  const { url, results, paths, names, reps, timeoutMs } = pick;
  const problems: string[] = [];
  const head = { results, files: paths.length, problems };
  log(`pick ${fmtInt(results)} results (${paths.length} files) at once, ${reps} fresh page(s)…`);
  try {
    const samples: PickSample[] = [];
    for (let rep = 0; rep < reps; rep += 1) {
      const watched = await openBundledPage(browser, url);
      try {
        const ingest = await within(
          pickFiles(watched.page, paths, names),
          timeoutMs,
          `picking ${fmtInt(results)} results`,
        );
        const longestTaskToChartsMs = Math.max(0, ...ingest.longTasksToCharts);
        samples.push({ ...ingest, longestTaskToChartsMs });
        log(
          `  #${rep + 1}: rows and filters ${fmtMs(ingest.rowsAndFiltersMs)} ms, charts ${fmtMs(ingest.chartsMs)} ms, longest task to charts ${fmtMs(longestTaskToChartsMs)} ms (${ingest.longTasksToCharts.length} long tasks)` +
            (ingest.problem === null ? '' : `; alert: ${ingest.problem}`),
        );
      } finally {
        problems.push(...problemLines(watched.problems));
        await watched.close().catch(() => undefined);
      }
    }
    const rowsAndFilters = stats(samples.map((sample) => sample.rowsAndFiltersMs));
    const charts = stats(samples.map((sample) => sample.chartsMs));
    const longestTaskToCharts = stats(samples.map((sample) => sample.longestTaskToChartsMs));
    if (rowsAndFilters === null || charts === null || longestTaskToCharts === null)
      throw new Error('no samples');
    return { ...head, ok: true, rowsAndFilters, charts, longestTaskToCharts, samples };
  } catch (error) {
    const reason = reasonOf(error);
    log(`  pick: n/a — ${reason}`);
    return { ...head, ok: false, error: reason };
  }
}
