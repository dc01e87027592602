// The bench: `npm run bench` (build, then this), or
//   npx tsx bench/run.ts [--sizes 10000,100000,1000000] [--reps 6] [--load-timeout 180]
//                        [--dist dist] [--keep]
//                        [--only explorer,charts,ingest,pick,first-row,code,regression,formats]
//                        [--chart-reps 8] [--ingest-reps 3] [--pick-reps 1] [--first-row-reps 5]
//                        [--regression-reps 7] [--build]
// Serves copies of dist/ from a temp folder and drives them in headless Chromium (bench/parts.ts):
// the results explorer at each size (filter → paint, sort → paint, heap per result, a typed-array
// baseline, the last row reachable), the charts at 2,000 points, a 100,000-result page picked in
// `Load results` next to a bare JSON.parse of the same bytes, a million results picked at once,
// and the first table row after a fresh visit; one night's regression report of 500 series × 365
// nights in Node and in the app's worker; each format's reading speed (MB/s) in Node beside bare
// JSON.parse of the same bytes; and reads src/'s own figures. Prints a table per
// part, then one summary against the targets; writes bench/results/explorer.json and
// bench/results/summary.json.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS, requireChromium } from '../test/harness/chromium.ts';
import { CHUNK_SIZE, SEED } from '../test/harness/fixtures/nightly-history.ts';
import { REPO_ROOT, buildSite, requireBuild, shownPath } from '../test/harness/site.ts';
import { CHART_TARGETS, printCharts } from './charts.ts';
import { measureCodeFigures } from './code-figures.ts';
import type { CodeFigures } from './code-figures.ts';
import { logger, reasonOf } from './format.ts';
import { printIngest, printPicks } from './ingest-report.ts';
import { chartJsChecks, jsSizes, printChartJs, printJsSizes } from './js-sizes.ts';
import { readOptions } from './options.ts';
import type { RunOptions } from './options.ts';
import { BENCH_ARGS } from './page-tools.ts';
import { measure } from './parts.ts';
import type { Measured } from './parts.ts';
import { benchFormats, printFormats } from './formats.ts';
import { printRegression } from './regression.ts';
import { TARGETS, printTable, verdictsFor } from './report.ts';
import { printCode, printFirstRow, printLargePick } from './summary-report.ts';
import { SUMMARY_TARGETS, summaryRows } from './summary-rows.ts';
import type { Part } from './summary-rows.ts';
import { formatSummary, summaryCells } from './summary.ts';

const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
const RESULTS_FILE = path.join(RESULTS_DIR, 'explorer.json');
const SUMMARY_FILE = path.join(RESULTS_DIR, 'summary.json');
const FORMATS_FILE = path.join(RESULTS_DIR, 'formats.json');
/** The ingest bench's own targets, for its table here. */
const INGEST_TARGETS = { ratioToBareParse: 1.5, megabytesPerSecond: 50, longestTaskMs: 100 };
const log = logger('bench');

type Previous = Partial<Record<string, unknown>>;

async function previousReport(): Promise<Previous> {
  try {
    return JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as Previous;
  } catch {
    return {};
  }
}

/** bench/results/explorer.json: the explorer and the charts, as before the summary. */
async function writeExplorerReport(
  options: RunOptions,
  measured: Measured,
  common: Record<string, unknown>,
  js: { sizes: unknown; charts: unknown },
): Promise<void> {
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
    ...common,
    parts: [...(options.explorer ? ['explorer'] : []), ...(options.charts ? ['charts'] : [])],
    ...explorerPart,
    js: js.sizes,
    charts: options.charts
      ? { startedAt: common.startedAt, targets: CHART_TARGETS, js: js.charts, ...measured.charts }
      : previous.charts,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
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
  const code: Part<CodeFigures> = options.code
    ? { ran: true, value: await measureCodeFigures(REPO_ROOT) }
    : { ran: false, why: 'not run (--only)' };

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'vllm-dashboard-bench-'));
  const cleanup = async (): Promise<void> => {
    if (!options.keep) await rm(tmp, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  // In Node, before Chromium starts: nothing else is running then.
  const formats = options.formats ? await benchFormats(distDir) : null;
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
  const ingest = measured.ingest.ran ? measured.ingest.value : null;
  if (ingest !== null && !('failed' in ingest)) {
    printIngest([ingest], INGEST_TARGETS);
    printPicks([ingest]);
  }
  if (measured.largePick.ran) printLargePick(measured.largePick.value);
  if (measured.firstRow.ran) printFirstRow(measured.firstRow.value);
  if (code.ran) printCode(code.value);
  if (measured.regression.ran) printRegression(measured.regression.value);
  if (formats !== null) printFormats(formats);

  const rows = summaryRows({
    ingest: measured.ingest,
    largePick: measured.largePick,
    explorer: options.explorer
      ? {
          ran: true,
          value: {
            sizes: measured.rows,
            ...(measured.emptyPage ? { emptyPage: measured.emptyPage } : {}),
          },
        }
      : { ran: false, why: 'not run (--only)' },
    firstRow: measured.firstRow,
    code,
  });
  const durationS = (performance.now() - runStarted) / 1000;
  console.log(
    `\nSummary (${durationS.toFixed(0)} s; timings are medians of a few samples on this machine, noisy when it is busy)`,
  );
  for (const line of formatSummary(rows)) console.log(line);

  const common = {
    startedAt: startedAt.toISOString(),
    durationS,
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
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeExplorerReport(options, measured, common, { sizes: jsSizeReport, charts: chartJs });
  if (formats !== null) {
    await writeFile(
      FORMATS_FILE,
      `${JSON.stringify({ bench: 'formats', ...common, rows: formats }, null, 2)}\n`,
    );
  }
  const summary = {
    bench: 'summary',
    ...common,
    options,
    targets: SUMMARY_TARGETS,
    rows: rows.map((row) => ({ ...row, cells: summaryCells(row) })),
    ingest: measured.ingest,
    largePick: measured.largePick,
    firstRow: measured.firstRow,
    code,
    regression: measured.regression,
  };
  await writeFile(SUMMARY_FILE, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `\nWrote ${path.relative(REPO_ROOT, RESULTS_FILE)} and ${path.relative(REPO_ROOT, SUMMARY_FILE)}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
