// Ingest at scale, in the page: a file picked from disk in `Load results` on the site with its
// bundled runs, next to a bare JSON.parse of the same bytes in the same page and a worker that
// only reads, decodes and parses them (the floor). Used by `bench/ingest.ts` (all files) and
// `bench/run.ts` (the 100,000-result page).
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HISTORY_GPU_LABELS } from '../test/harness/fixtures/nightly-history.ts';
import {
  embeddedPage,
  embeddedPageOf,
  rawServeFile,
} from '../test/harness/fixtures/ingest-files.ts';
import type { IngestFile } from '../test/harness/fixtures/ingest-files.ts';
import { openPage } from '../test/harness/page.ts';
import type { WatchedPage } from '../test/harness/page.ts';
import { REPO_ROOT } from '../test/harness/site.ts';
import { fmtBytes, fmtMs as fmt, logger, median, stats } from './format.ts';
import type { Stats } from './format.ts';
import { installBenchHelpers, measureHeap } from './in-page/helpers.ts';
import {
  FLOOR_WORKER,
  inPageArm,
  inPageBaseline,
  inPageFloor,
  inPageIngest,
  inPageRemove,
} from './in-page/ingest.ts';
import type { Baseline, Floor, Ingest } from './in-page/ingest.ts';
import type { IngestRow } from './ingest-report.ts';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const MB = 1024 * 1024;
// What `--trace` records: the main thread's tasks, style, layout and paint, and the workers', with
// every thread's JavaScript samples (a worker's profile, which a page's profiler does not take).
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];
const log = logger('ingest');

export interface IngestCase {
  key: string;
  label: string;
  name: string;
  make: () => IngestFile;
}

/** The 100,000-result page `npm run bench` loads for its summary. */
export const SUMMARY_CASE = '100k';
export const SUMMARY_RESULTS = 100_000;

export const INGEST_CASES: readonly IngestCase[] = [
  {
    key: SUMMARY_CASE,
    label: 'embedded JSON, 100,000 results',
    name: 'nightly-100k.md',
    make: () => embeddedPageOf(SUMMARY_RESULTS),
  },
  {
    key: '25mb',
    label: 'embedded JSON, 25 MB',
    name: 'nightly-25MB.md',
    make: () => embeddedPage(25),
  },
  {
    key: '100mb',
    label: 'embedded JSON, 100 MB',
    name: 'nightly-100MB.md',
    make: () => embeddedPage(100),
  },
  {
    key: 'serve',
    label: 'raw serve JSON, 100 MB',
    name: 'serving_llama8B_tp1_sharegpt_qps_inf.json',
    make: () => rawServeFile(100),
  },
];

export type WrittenCase = IngestCase & { path: string; results: number };

/** The cases named by `keys`, in that order; throws on an unknown one. */
export function ingestCases(keys: readonly string[]): IngestCase[] {
  return keys.map((key) => {
    const known = INGEST_CASES.find((item) => item.key === key);
    if (known === undefined) throw new Error(`unknown ingest case ${key}`);
    return known;
  });
}

/**
 * A copy of the build (its bundled runs kept) at `siteDir`, the floor worker beside it and each
 * case's file in its `bench-files/`.
 */
export async function writeIngestSite(
  distDir: string,
  siteDir: string,
  cases: readonly IngestCase[],
): Promise<WrittenCase[]> {
  await cp(distDir, siteDir, { recursive: true });
  await mkdir(path.join(siteDir, 'bench-files'), { recursive: true });
  await writeFile(path.join(siteDir, 'bench-floor-worker.js'), FLOOR_WORKER);
  const written: WrittenCase[] = [];
  for (const item of cases) {
    const { text, results } = item.make();
    const file = path.join(siteDir, 'bench-files', item.name);
    await writeFile(file, text);
    written.push({ ...item, path: file, results });
    log(
      `wrote ${item.name}: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB, ${results.toLocaleString('en-US')} results`,
    );
  }
  return written;
}

/**
 * The site opened as on a first visit (the bundled runs loaded, the service worker registering),
 * with the bench's page helpers; ready when the three results tables are there and the first
 * screen has drawn its charts and gone idle.
 */
export async function openBundledPage(browser: Browser, url: string): Promise<WatchedPage> {
  const watched = await openPage(browser, url, {
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'allow',
    guardOrigin: false,
  });
  await watched.context.addInitScript(installBenchHelpers);
  const { page } = watched;
  page.setDefaultTimeout(30_000); // Playwright's own default: the page is busy loading
  await page.goto(url);
  await page.getByRole('button', { name: 'Remove' }).count();
  await page.waitForFunction(() => document.querySelectorAll('table').length >= 3);
  // Then until the first screen has drawn its charts and the page is idle: a pick made before
  // would count the first screen's own chart tasks (100-200 ms at first mount) as its own.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('figure.chart-figure').length > 0 &&
      document.querySelector('.chart-placeholder') === null,
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestIdleCallback(() => {
          requestIdleCallback(() => {
            resolve();
          });
        });
      }),
  );
  return watched;
}

/** Picks `paths` in `Load results` and waits for the tables, the filters and the charts. */
export async function pickFiles(
  page: Page,
  paths: readonly string[],
  names: readonly string[],
): Promise<Ingest> {
  const { newGpus } = await page.evaluate(inPageArm, { gpus: HISTORY_GPU_LABELS });
  await page.getByTestId('load-results-input').setInputFiles([...paths]);
  return page.evaluate(inPageIngest, { names, newGpus });
}

export interface IngestOptions {
  reps: number;
  profile: boolean;
  trace: boolean;
}

type Sample = Baseline & Floor & Ingest & { heapUsed: number | null };

/** One repetition: the bare baseline, then the file picked from disk, the heap, then the floor. */
async function ingestOnce(
  browser: Browser,
  context: BrowserContext,
  page: Page,
  item: WrittenCase,
  rep: number,
  options: IngestOptions,
): Promise<Sample> {
  const baseline = await page.evaluate(inPageBaseline, `bench-files/${item.name}`);
  const cdp = options.profile ? await context.newCDPSession(page) : null;
  if (cdp !== null) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (options.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const ingest = await pickFiles(page, [item.path], [item.name]);
  await mkdir(RESULTS_DIR, { recursive: true });
  if (options.trace) {
    const trace = await browser.stopTracing();
    const file = path.join(RESULTS_DIR, `ingest-${item.key}-${rep + 1}.trace.json`);
    await writeFile(file, trace);
    log(`  trace: ${path.relative(REPO_ROOT, file)}`);
  }
  if (cdp !== null) {
    const { profile } = await cdp.send('Profiler.stop');
    const file = path.join(RESULTS_DIR, `ingest-${item.key}-${rep + 1}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    log(`  main-thread profile: ${path.relative(REPO_ROOT, file)}`);
  }
  if (ingest.problem !== null) log(`  alert: ${ingest.problem}`);
  const heapUsed = await page
    .evaluate(measureHeap)
    .then((heap) => heap.usedJSHeapSize)
    .catch(() => null); // without --expose-gc there is no figure
  const floor = await page.evaluate(inPageFloor);
  await page.evaluate(inPageRemove, item.name);
  const phases = ingest.workerPhases;
  const worker =
    phases === null
      ? ''
      : ` = read ${fmt(phases.readMs)} + parse ${fmt(phases.parseMs)}${phases.fingerprintWaitMs === undefined ? '' : ` + fingerprint wait ${fmt(phases.fingerprintWaitMs)}`} + pack ${fmt(phases.packMs)} + start and trip`;
  log(
    `${item.label} #${rep + 1}: rows and filters ${fmt(ingest.rowsAndFiltersMs)} ms, listed ${fmt(ingest.visibleMs)} ms, charts ${fmt(ingest.chartsMs)} ms (worker ${fmt(ingest.workerDoneMs ?? NaN)}${worker}, parsed ${fmt(ingest.parsedMs ?? NaN)}, indexed ${fmt(ingest.indexedMs ?? NaN)}, added ${fmt(ingest.addedMs ?? NaN)}); bare parse ${fmt(baseline.parseMs)} ms, decode ${fmt(baseline.decodeMs)} ms; floor ${fmt(floor.floorMs)} ms (read ${fmt(floor.floorPhases.readMs)} + decode ${fmt(floor.floorPhases.decodeMs)} + parse ${fmt(floor.floorPhases.parseMs)}); heap ${heapUsed === null ? 'n/a' : fmtBytes(heapUsed)}; longest task to charts ${fmt(Math.max(0, ...ingest.longTasksToCharts))} ms; long tasks ${ingest.longTasks.map((ms, i) => `${Math.round(ms)} ms at +${ingest.longTaskStarts[i] ?? NaN}`).join(', ')}`,
  );
  return { ...baseline, ...floor, ...ingest, heapUsed };
}

const statsOf = (values: readonly number[]): Stats | null =>
  stats(values.filter((value) => Number.isFinite(value)));

/** The medians of one file's repetitions, against the bare parse and the floor. */
function rowOf(
  item: WrittenCase,
  samples: Sample[],
  heapBefore: number | null,
  problems: string[],
): IngestRow {
  const bytes = samples[0]?.bytes ?? 0;
  const visibleMs = median(samples.map((sample) => sample.visibleMs));
  const parseMs = median(samples.map((sample) => sample.parseMs));
  const decodeMs = median(samples.map((sample) => sample.decodeMs));
  const floorMs = median(samples.map((sample) => sample.floorMs));
  const longTasks = samples.flatMap((sample) => sample.longTasks);
  return {
    case: item.label,
    key: item.key,
    bytes,
    results: item.results,
    visibleMs,
    bareParseMs: parseMs,
    bareDecodeMs: decodeMs,
    ratio: visibleMs / parseMs,
    ratioWithDecode: visibleMs / (parseMs + decodeMs),
    floorMs,
    floorRatio: floorMs / parseMs,
    megabytesPerSecond: bytes / MB / (visibleMs / 1000),
    longestTaskMs: Math.max(...longTasks, 0),
    longestTaskBeforeVisibleMs: Math.max(
      ...samples.flatMap((sample) => sample.longTasksBeforeVisible),
      0,
    ),
    longTasksOver100: longTasks.filter((ms) => ms > 100).length,
    bareParse: statsOf(samples.map((sample) => sample.parseMs)),
    rowsAndFilters: statsOf(samples.map((sample) => sample.rowsAndFiltersMs)),
    rowsAndFiltersRatio: statsOf(samples.map((sample) => sample.rowsAndFiltersMs / sample.parseMs)),
    charts: statsOf(samples.map((sample) => sample.chartsMs)),
    longestTaskToCharts: statsOf(samples.map((sample) => Math.max(0, ...sample.longTasksToCharts))),
    heapUsed: statsOf(samples.flatMap((sample) => sample.heapUsed ?? [])),
    heapBefore,
    samples,
    problems,
  };
}

/** Every repetition of one case, in one page: the first is cold, the later ones warm. */
export async function benchIngestCase(
  browser: Browser,
  url: string,
  item: WrittenCase,
  options: IngestOptions,
): Promise<IngestRow> {
  const watched = await openBundledPage(browser, url);
  const { page, context } = watched;
  try {
    const heapBefore = await page
      .evaluate(measureHeap)
      .then((heap) => heap.usedJSHeapSize)
      .catch(() => null);
    const samples: Sample[] = [];
    for (let rep = 0; rep < options.reps; rep += 1) {
      samples.push(await ingestOnce(browser, context, page, item, rep, options));
    }
    return rowOf(
      item,
      samples,
      heapBefore,
      watched.problems.map((problem) => problem.message),
    );
  } finally {
    await watched.close();
  }
}
