// The regression engine over a year of nightlies: 500 (GPU, test, metric) series × 365 nights,
// one night's report (every series judged at its latest run), timed as the site ships it: the
// built regression worker in a Node thread (bench/engine-thread.ts), and the same worker in
// Chromium. Each is printed next to baselines measured in the same run: JSON.parse of the same
// inputs' JSON, and sorting each series' values as numbers (the same 182,500 numbers).
// `npx tsx bench/run.ts --only regression` runs it (on the existing dist/, or with --build);
// `bench/regression-quality.ts` gives the engine's recall and false alarms instead.
import type { Browser } from 'playwright-core';
import { openPage } from '../test/harness/page.ts';
import { regressionWorkerAsset, startEngineThread } from './engine-thread.ts';
import { fmtInt, fmtMs, logger, stats } from './format.ts';
import type { Stats } from './format.ts';
import { inPageRegression, regressionYear } from './in-page/regression.ts';
import type { YearInputs, YearSpec } from './in-page/regression.ts';

/** A year of 500 series, as the issue sets it. */
export const REGRESSION_YEAR: YearSpec = { seed: 20250101, series: 500, nights: 365 };
/** One night's report of the year, at most this long. */
export const REGRESSION_TARGET_MS = 100;
const log = logger('regression');

export interface NodeRegression {
  /** The built worker's handler in a Node thread: the night's report, warm. */
  report: Stats;
  /** postMessage → report back, the inputs copied to the thread included. */
  roundTrip: Stats;
  /** The first report of a fresh thread (nothing optimized yet). */
  coldMs: number;
  /** Baselines here: JSON.parse of the inputs' JSON; each series' values sorted as numbers. */
  parse: Stats;
  sort: Stats;
  rows: number;
  judged: number;
}

export interface BrowserRegression {
  ok: true;
  /** postMessage → the report back on the page, warm worker. */
  worker: Stats;
  coldMs: number;
  parse: Stats;
  sort: Stats;
  rows: number;
  judged: number;
}

export interface RegressionResult {
  spec: YearSpec;
  runs: number;
  targetMs: number;
  node: NodeRegression;
  browser: BrowserRegression | { ok: false; error: string } | null;
}

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function statsOf(values: readonly number[]): Stats {
  const result = stats(values);
  if (result === null) throw new Error('no samples');
  return result;
}

/** Each series' values, copied and sorted as numbers: the baseline of the same numbers. */
export function sortEach(year: YearInputs): void {
  for (const input of year.inputs) input.points.map((point) => point.value).sort((a, b) => a - b);
}

/** `reps` reports of the year from the built worker in a Node thread, after a cold one. */
export async function benchRegressionNode(
  distDir: string,
  reps: number,
  spec: YearSpec = REGRESSION_YEAR,
): Promise<NodeRegression> {
  const year = regressionYear(spec);
  const json = JSON.stringify(year);
  const thread = await startEngineThread(distDir);
  try {
    const cold = await thread.report(year);
    const report: number[] = [];
    const roundTrip: number[] = [];
    const parse: number[] = [];
    const sort: number[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const answer = await thread.report(year);
      report.push(answer.handlerMs);
      roundTrip.push(answer.roundTripMs);
      parse.push(timed(() => JSON.parse(json) as unknown));
      sort.push(
        timed(() => {
          sortEach(year);
        }),
      );
    }
    return {
      report: statsOf(report),
      roundTrip: statsOf(roundTrip),
      coldMs: cold.handlerMs,
      parse: statsOf(parse),
      sort: statsOf(sort),
      rows: cold.report.rows.length,
      judged: cold.report.judged,
    };
  } finally {
    await thread.close();
  }
}

export async function benchRegressionBrowser(
  browser: Browser,
  url: string,
  distDir: string,
  reps: number,
  spec: YearSpec = REGRESSION_YEAR,
): Promise<BrowserRegression> {
  const asset = await regressionWorkerAsset(distDir);
  const watched = await openPage(browser, url, { guardOrigin: false });
  try {
    const { page } = watched;
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(`window.__regressionYear = ${regressionYear.toString()};`);
    const workerUrl = new URL(`assets/${asset}`, url).href;
    const times = await page.evaluate(inPageRegression, { workerUrl, spec, reps });
    return {
      ok: true,
      worker: statsOf(times.warmMs),
      coldMs: times.coldMs,
      parse: statsOf(times.parseMs),
      sort: statsOf(times.sortMs),
      rows: times.rows,
      judged: times.judged,
    };
  } finally {
    await watched.close();
  }
}

function shown(value: Stats): string {
  return `${fmtMs(value.median)} ms (${fmtMs(value.min)}–${fmtMs(value.max)}, n = ${value.n})`;
}

function line(figure: string, value: Stats, baselines: string): string {
  const verdict = value.median <= REGRESSION_TARGET_MS ? 'PASS' : 'FAIL';
  return `  ${figure.padEnd(44)} ${shown(value).padEnd(30)} ≤ ${REGRESSION_TARGET_MS} ms  ${verdict}  ${baselines}`;
}

/** The part's table: each figure against the target, the baselines of the same run beside it. */
export function printRegression(result: RegressionResult): void {
  const { spec, node, browser } = result;
  console.log(
    `\nRegression engine: ${fmtInt(spec.series)} series × ${fmtInt(spec.nights)} nights (${fmtInt(result.runs)} runs), one night's report`,
  );
  const nodeBase = `baselines: JSON.parse of the inputs ${shown(node.parse)}; sort per series ${shown(node.sort)}`;
  console.log(line('Node thread: the built worker’s handler', node.report, nodeBase));
  console.log(line('Node thread: request → report', node.roundTrip, ''));
  console.log(
    `  Node thread: cold ${fmtMs(node.coldMs)} ms; ${fmtInt(node.judged)} series judged, ${fmtInt(node.rows)} rows`,
  );
  if (browser === null) {
    console.log('  Chromium worker: not run');
  } else if (!browser.ok) {
    console.log(`  Chromium worker: n/a — ${browser.error}`);
  } else {
    const base = `baselines on the page: JSON.parse ${shown(browser.parse)}; sort per series ${shown(browser.sort)}`;
    console.log(line('Chromium: the app’s worker, request → report', browser.worker, base));
    console.log(
      `  Chromium: cold worker ${fmtMs(browser.coldMs)} ms; ${fmtInt(browser.judged)} series judged, ${fmtInt(browser.rows)} rows`,
    );
  }
}

/** The part as `bench/run.ts` runs it: a Node thread first, then Chromium if a browser is given. */
export async function benchRegression(
  distDir: string,
  reps: number,
  page: { browser: Browser; url: string } | null,
): Promise<RegressionResult> {
  const spec = REGRESSION_YEAR;
  log(`Node thread: ${fmtInt(spec.series)} series × ${fmtInt(spec.nights)} nights, ${reps} reps…`);
  const node = await benchRegressionNode(distDir, reps, spec);
  let browser: RegressionResult['browser'] = null;
  if (page !== null) {
    log('Chromium: the same year through the built regression worker…');
    browser = await benchRegressionBrowser(page.browser, page.url, distDir, reps, spec).catch(
      (error: unknown) => ({
        ok: false as const,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
  return { spec, runs: spec.series * spec.nights, targetMs: REGRESSION_TARGET_MS, node, browser };
}
