// Ingest at scale: `npx tsx bench/ingest.ts [--reps 3] [--dist dist] [--keep]
//   [--only 25mb,100mb,serve] [--profile] [--trace] [--build]`
// Writes a 25 MB and a 100 MB markdown page with CI's embedded JSON, and a 100 MB raw
// `vllm bench serve --save-result` file with its per-request arrays; serves them beside a copy of
// dist/ and picks each from disk in the page's `Load results` input in headless Chromium.
// Measures file → results in the tables next to a bare JSON.parse of the same bytes in the same
// page and a worker that only reads, decodes and parses them (the floor), and the longest
// main-thread task while the file loads. Prints a table; writes bench/results/ingest.json.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../test/harness/chromium.ts';
import { embeddedPage, rawServeFile } from '../test/harness/fixtures/ingest-files.ts';
import type { IngestFile } from '../test/harness/fixtures/ingest-files.ts';
import { openPage } from '../test/harness/page.ts';
import { REPO_ROOT, SITE_BASE_PATH, buildSite, distDirOf } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';
import { fmtMs as fmt, logger, median } from './format.ts';
import {
  FLOOR_WORKER,
  inPageArm,
  inPageBaseline,
  inPageFloor,
  inPageIngest,
  inPageRemove,
} from './in-page/ingest.ts';
import type { Baseline, Floor, Ingest } from './in-page/ingest.ts';
import { printIngest } from './ingest-report.ts';
import type { IngestRow } from './ingest-report.ts';

const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const RESULTS_FILE = path.join(RESULTS_DIR, 'ingest.json');
const MB = 1024 * 1024;
// What `--trace` records: the main thread's tasks, style, layout and paint, and the workers'.
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
];
const TARGETS = { ratioToBareParse: 1.5, megabytesPerSecond: 50, longestTaskMs: 100 };
const log = logger('ingest');

function readOptions() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      dist: { type: 'string', default: 'dist' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string', default: '25mb,100mb,serve' },
      profile: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
    },
  });
  const reps = Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1 || reps > 20) throw new Error('--reps must be 1 … 20');
  return {
    reps,
    keep: values.keep,
    profile: values.profile,
    trace: values.trace,
    build: values.build,
    distDir: distDirOf(values.dist),
    cases: values.only.split(',').map((item) => item.trim()),
  };
}
type Options = ReturnType<typeof readOptions>;

interface Case {
  key: string;
  label: string;
  name: string;
  make: () => IngestFile;
}

const CASES: readonly Case[] = [
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

type Sample = Baseline & Floor & Ingest;

/** One repetition: the bare baseline, then the file picked from disk, then the floor. */
async function ingestOnce(
  browser: Browser,
  context: BrowserContext,
  page: Page,
  item: Case & { path: string },
  rep: number,
  options: Options,
): Promise<Sample> {
  const baseline = await page.evaluate(inPageBaseline, `bench-files/${item.name}`);
  const cdp = options.profile ? await context.newCDPSession(page) : null;
  if (cdp !== null) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (options.trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate(inPageArm);
  await page.getByTestId('load-results-input').setInputFiles(item.path);
  const ingest = await page.evaluate(inPageIngest, { name: item.name });
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
  const floor = await page.evaluate(inPageFloor);
  await page.evaluate(inPageRemove, item.name);
  const phases = ingest.workerPhases;
  const worker =
    phases === null
      ? ''
      : ` = read ${fmt(phases.readMs)} + parse ${fmt(phases.parseMs)}${phases.fingerprintWaitMs === undefined ? '' : ` + fingerprint wait ${fmt(phases.fingerprintWaitMs)}`} + pack ${fmt(phases.packMs)} + start and trip`;
  log(
    `${item.label} #${rep + 1}: visible ${fmt(ingest.visibleMs)} ms (worker ${fmt(ingest.workerDoneMs ?? NaN)}${worker}, parsed ${fmt(ingest.parsedMs ?? NaN)}, indexed ${fmt(ingest.indexedMs ?? NaN)}, added ${fmt(ingest.addedMs ?? NaN)}); bare parse ${fmt(baseline.parseMs)} ms, decode ${fmt(baseline.decodeMs)} ms; floor ${fmt(floor.floorMs)} ms (read ${fmt(floor.floorPhases.readMs)} + decode ${fmt(floor.floorPhases.decodeMs)} + parse ${fmt(floor.floorPhases.parseMs)}); longest task ${fmt(Math.max(0, ...ingest.longTasks))} ms; long tasks ${ingest.longTasks.map((ms, i) => `${Math.round(ms)} ms at +${ingest.longTaskStarts[i] ?? NaN}`).join(', ')}`,
  );
  return { ...baseline, ...floor, ...ingest };
}

/** The medians of one file's repetitions, against the bare parse and the floor. */
function rowOf(item: Case & { results: number }, samples: Sample[], problems: string[]): IngestRow {
  const bytes = samples[0]?.bytes ?? 0;
  const visibleMs = median(samples.map((sample) => sample.visibleMs));
  const parseMs = median(samples.map((sample) => sample.parseMs));
  const decodeMs = median(samples.map((sample) => sample.decodeMs));
  const floorMs = median(samples.map((sample) => sample.floorMs));
  const longTasks = samples.flatMap((sample) => sample.longTasks);
  return {
    case: item.label,
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
    samples,
    problems,
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.build) await buildSite();
  const cases = options.cases.map((key) => {
    const known = CASES.find((item) => item.key === key);
    if (known === undefined) throw new Error(`unknown case ${key}`);
    return known;
  });
  const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'vllm-ingest-bench-'));
  const siteDir = path.join(siteRoot, 'site');
  await cp(options.distDir, siteDir, { recursive: true });
  await mkdir(path.join(siteDir, 'bench-files'), { recursive: true });
  await writeFile(path.join(siteDir, 'bench-floor-worker.js'), FLOOR_WORKER);
  const written: (Case & { path: string; results: number })[] = [];
  for (const item of cases) {
    const { text, results } = item.make();
    const file = path.join(siteDir, 'bench-files', item.name);
    await writeFile(file, text);
    written.push({ ...item, path: file, results });
    log(
      `wrote ${item.name}: ${(Buffer.byteLength(text) / MB).toFixed(1)} MB, ${results.toLocaleString('en-US')} results`,
    );
  }
  const server = await startStaticServer({ root: siteDir, basePath: SITE_BASE_PATH });
  const browser = await launchChromium({ args: ['--js-flags=--max-old-space-size=8192'] });
  const rows: IngestRow[] = [];
  try {
    for (const item of written) {
      // The bundled runs load, and the service worker registers, as on a first visit.
      const watched = await openPage(browser, server.baseUrl, {
        viewport: { width: 1280, height: 900 },
        serviceWorkers: 'allow',
        guardOrigin: false,
      });
      const { page, context } = watched;
      page.setDefaultTimeout(30_000); // Playwright's own default: the page is busy loading
      await page.goto(server.baseUrl);
      await page.getByRole('button', { name: 'Remove' }).count();
      await page.waitForFunction(() => document.querySelectorAll('table').length >= 3);
      const samples: Sample[] = [];
      for (let rep = 0; rep < options.reps; rep += 1) {
        samples.push(await ingestOnce(browser, context, page, item, rep, options));
      }
      await watched.close();
      const problems = watched.problems.map((problem) => problem.message);
      rows.push(rowOf(item, samples, problems));
    }
  } finally {
    await browser.close();
    await server.close();
    if (!options.keep) await rm(siteRoot, { recursive: true, force: true });
  }
  printIngest(rows, TARGETS);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify({ targets: TARGETS, rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
