// The results explorer at scale: `npm run bench` (build, then this), or
//   npx tsx bench/run.ts [--sizes 10000,100000,1000000] [--reps 6] [--load-timeout 180]
//                        [--dist dist] [--keep] [--only explorer|charts] [--chart-reps 8] [--build]
// Generates synthetic nightly histories, serves each with a copy of dist/ in a temp folder, opens
// it in headless Chromium and measures filter → paint, sort → paint, heap per result, a typed-array
// baseline and whether the last row is reachable. Then the charts at 2,000 points: control change →
// paint for each chart, and the build's JS against the charts' size targets. Prints tables; writes
// bench/results/explorer.json (the charts under its `charts` key).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, launchChromium, requireChromium } from '../test/harness/chromium.ts';
import { BIG_FILE_NAME, bigResultsFile } from '../test/harness/fixtures/charts-file.ts';
import { CHUNK_SIZE, SEED, writeResultSet } from '../test/harness/fixtures/nightly-history.ts';
import type { ResultSet } from '../test/harness/fixtures/nightly-history.ts';
import { REPO_ROOT, buildSite, copySite, requireBuild, shownPath } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';
import type { StaticServer } from '../test/harness/static-server.ts';
import { CHART_TARGETS, benchCharts, printCharts } from './charts.ts';
import type { ChartsResult } from './charts.ts';
import { benchSize, measureEmptyPage } from './explorer.ts';
import type { EmptyPage, SizeRow } from './explorer.ts';
import { fmtBytes, fmtInt, logger, reasonOf } from './format.ts';
import { chartJsChecks, jsSizes, printChartJs, printJsSizes } from './js-sizes.ts';
import { readOptions } from './options.ts';
import { BENCH_ARGS } from './page-tools.ts';
import type { RunOptions } from './options.ts';
import { TARGETS, printTable, verdictsFor } from './report.ts';

const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results', 'explorer.json');
const log = logger('bench');

interface Measured {
  rows: SizeRow[];
  emptyPage?: EmptyPage;
  chromium?: string;
  charts?: ChartsResult;
}

/** Writes the sites (one per size, an empty one, the charts') under `sitesDir`. */
async function prepareSites(
  options: RunOptions,
  dataDir: string,
  sitesDir: string,
): Promise<{ sets: Map<number, ResultSet>; largest: number; generateMs: number }> {
  const sets = new Map<number, ResultSet>();
  let largest = 0;
  let generateMs = 0;
  const linked = (files: readonly string[]) =>
    files.map((name) => ({ name, file: path.join(dataDir, name) }));
  if (options.explorer) {
    // Generate once for the largest size; smaller sizes are prefixes of the same history.
    largest = Math.max(...options.sizes);
    log(`generating ${fmtInt(largest)} results in files of ${fmtInt(CHUNK_SIZE)} (seed ${SEED})…`);
    const generated = await writeResultSet(dataDir, largest);
    generateMs = generated.ms;
    log(
      `  ${generated.files.length} file(s), ${fmtBytes(generated.bytes)}, ${(generated.ms / 1000).toFixed(1)} s`,
    );
    await copySite(options.distDir, path.join(sitesDir, 'empty'), []);
    for (const n of options.sizes) {
      const set = await writeResultSet(dataDir, n); // already written: just lists and sizes them
      sets.set(n, set);
      await copySite(options.distDir, path.join(sitesDir, `n${n}`), linked(set.files));
    }
  }
  if (options.charts) {
    await copySite(options.distDir, path.join(sitesDir, 'charts'), [
      { name: BIG_FILE_NAME, text: bigResultsFile() },
    ]);
  }
  return { sets, largest, generateMs };
}

async function measure(options: RunOptions, tmp: string): Promise<Measured> {
  const dataDir = path.join(tmp, 'generated');
  const sitesDir = path.join(tmp, 'sites');
  const { sets, largest, generateMs } = await prepareSites(options, dataDir, sitesDir);
  const out: Measured = { rows: [] };
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startStaticServer({ root: sitesDir, basePath: '/bench/' });
    log(`serving the sites at ${server.baseUrl} (temp copies of dist/)`);
    const launch = () => launchChromium({ args: BENCH_ARGS });
    browser = await launch();
    out.chromium = browser.version();
    log(`Chromium ${out.chromium}`);

    if (options.explorer) {
      const emptyPage = await measureEmptyPage(
        browser,
        `${server.baseUrl}empty/`,
        options.loadTimeoutMs,
      );
      out.emptyPage = emptyPage;
      if (emptyPage.ok) log(`empty page (no datasets): heap ${fmtBytes(emptyPage.usedJSHeapSize)}`);
      else log(`empty page: n/a — ${emptyPage.error}`);

      for (const n of options.sizes) {
        const set = sets.get(n);
        if (set === undefined) throw new Error(`no result set for ${n}`);
        out.rows.push(
          await benchSize(browser, {
            n,
            url: `${server.baseUrl}n${n}/`,
            files: set.files,
            generation: { bytes: set.bytes, generateMs: n === largest ? generateMs : null },
            reps: options.reps,
            loadTimeoutMs: options.loadTimeoutMs,
            baselineHeap: emptyPage,
          }),
        );
        if (!browser.isConnected()) {
          log('Chromium went away; relaunching for the next size');
          browser = await launch();
        }
      }
    }
    if (options.charts) {
      out.charts = await benchCharts(browser, {
        url: `${server.baseUrl}charts/`,
        reps: options.chartReps,
        loadTimeoutMs: options.loadTimeoutMs,
      });
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
  return out;
}

type Previous = Partial<Record<string, unknown>>;

async function previousReport(): Promise<Previous> {
  try {
    return JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as Previous;
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  const { distDir } = options;
  if (options.build) await buildSite();
  const distShown = shownPath(distDir);
  try {
    requireBuild(distDir, 'run `npm run build` first (npm run bench does)');
    requireChromium();
  } catch (error) {
    console.error(`bench: ${reasonOf(error)}`);
    process.exit(1);
  }
  const startedAt = new Date();
  const runStarted = performance.now();

  const jsSizeReport = await jsSizes(distDir, distShown);
  const loadAverage = os.loadavg()[0] ?? 0;
  if (loadAverage > os.cpus().length * 0.5) {
    log(
      `note: the machine is busy (load average ${loadAverage.toFixed(1)} on ${os.cpus().length} CPUs); ` +
        'timings will be noisy',
    );
  }
  printJsSizes(jsSizeReport);
  console.log('');

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'vllm-dashboard-bench-'));
  const cleanup = async (): Promise<void> => {
    if (!options.keep) await rm(tmp, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const chartJs = options.charts ? await chartJsChecks(distDir, jsSizeReport) : null;
  let measured: Measured;
  try {
    measured = await measure(options, tmp);
  } finally {
    await cleanup();
  }

  printJsSizes(jsSizeReport);
  if (options.explorer) printTable(measured.rows);
  if (chartJs) printChartJs(chartJs);
  if (measured.charts) printCharts(measured.charts);

  // A partial run (--only) keeps the other part's figures from the last full run.
  const previous = options.explorer && options.charts ? {} : await previousReport();
  const explorerPart = options.explorer
    ? {
        options: {
          sizes: options.sizes,
          reps: options.reps,
          loadTimeoutS: options.loadTimeoutMs / 1000,
        },
        generator: { seed: SEED, chunkSize: CHUNK_SIZE },
        targets: TARGETS,
        emptyPage: measured.emptyPage,
        sizes: measured.rows.map((r) => ({ ...r, verdicts: verdictsFor(r) })),
      }
    : {
        options: previous.options,
        generator: previous.generator,
        targets: previous.targets,
        emptyPage: previous.emptyPage,
        sizes: previous.sizes,
      };
  const report = {
    bench: 'explorer',
    startedAt: startedAt.toISOString(),
    durationS: (performance.now() - runStarted) / 1000,
    parts: [...(options.explorer ? ['explorer'] : []), ...(options.charts ? ['charts'] : [])],
    environment: {
      node: process.version,
      chromium: measured.chromium,
      cpus: os.cpus().length,
      loadAverageAtStart: loadAverage,
      loadAverageAtEnd: os.loadavg()[0],
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.arch()}`,
      chromiumArgs: [...CHROMIUM_ARGS, ...BENCH_ARGS],
    },
    ...explorerPart,
    js: jsSizeReport,
    charts: options.charts
      ? {
          startedAt: startedAt.toISOString(),
          targets: CHART_TARGETS,
          js: chartJs,
          ...measured.charts,
        }
      : previous.charts,
  };
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `\nWrote ${path.relative(REPO_ROOT, RESULTS_FILE)} (${((performance.now() - runStarted) / 1000).toFixed(0)} s in all)`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
