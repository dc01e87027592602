// What `bench/run.ts` measures in Chromium, part by part: the explorer's sizes, the charts at
// 2,000 points, the 100,000-result pick, the million-result pick, the first visit and the
// regression report of a year of nightlies (in Node, then in the app's worker). Each part
// gets its copy of dist/ in a temp folder, all served by one static server.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/harness/chromium.ts';
import { BIG_FILE_NAME, bigResultsFile } from '../test/harness/fixtures/charts-file.ts';
import { CHUNK_SIZE, SEED, writeResultSet } from '../test/harness/fixtures/nightly-history.ts';
import type { ResultSet } from '../test/harness/fixtures/nightly-history.ts';
import { copySite } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';
import type { StaticServer } from '../test/harness/static-server.ts';
import { benchCharts } from './charts.ts';
import type { ChartsResult } from './charts.ts';
import { benchSize, measureEmptyPage } from './explorer.ts';
import type { EmptyPage, SizeRow } from './explorer.ts';
import { benchFirstRow } from './first-row.ts';
import type { FirstRowResult } from './first-row.ts';
import { fmtBytes, fmtInt, logger, reasonOf } from './format.ts';
import { SUMMARY_CASE, benchIngestCase, ingestCases, writeIngestSite } from './ingest-bench.ts';
import type { WrittenCase } from './ingest-bench.ts';
import type { IngestRow } from './ingest-report.ts';
import { benchLargePick } from './large-pick.ts';
import type { LargePickResult } from './large-pick.ts';
import type { RunOptions } from './options.ts';
import { BENCH_ARGS } from './page-tools.ts';
import { benchRegression } from './regression.ts';
import type { RegressionResult } from './regression.ts';
import type { Part } from './summary-rows.ts';

/** The size picked at once for the longest-task figure at scale. */
export const PICK_RESULTS = 1_000_000;
const log = logger('bench');

export interface Measured {
  rows: SizeRow[];
  emptyPage?: EmptyPage;
  chromium?: string;
  charts?: ChartsResult;
  ingest: Part<IngestRow | { failed: string }>;
  largePick: Part<LargePickResult>;
  firstRow: Part<FirstRowResult>;
  regression: Part<RegressionResult>;
}

interface Sites {
  sets: Map<number, ResultSet>;
  largest: number;
  generateMs: number;
  dataDir: string;
  ingestCase: WrittenCase | null;
}

const NOT_RUN = { ran: false, why: 'not run (--only)' } as const;

/** Writes the sites (one per size, an empty one, the charts', the bundled one) under `sitesDir`. */
async function prepareSites(options: RunOptions, dataDir: string, sitesDir: string) {
  const sites: Sites = { sets: new Map(), largest: 0, generateMs: 0, dataDir, ingestCase: null };
  const linked = (files: readonly string[]) =>
    files.map((name) => ({ name, file: path.join(dataDir, name) }));
  const pickSize = options.pick && options.sizes.includes(PICK_RESULTS) ? PICK_RESULTS : 0;
  const largest = Math.max(options.explorer ? Math.max(...options.sizes) : 0, pickSize);
  if (largest > 0) {
    // Generate once for the largest size; smaller sizes are prefixes of the same history.
    log(`generating ${fmtInt(largest)} results in files of ${fmtInt(CHUNK_SIZE)} (seed ${SEED})…`);
    const generated = await writeResultSet(dataDir, largest);
    Object.assign(sites, { largest, generateMs: generated.ms });
    log(
      `  ${generated.files.length} file(s), ${fmtBytes(generated.bytes)}, ${(generated.ms / 1000).toFixed(1)} s`,
    );
  }
  if (options.explorer) {
    await copySite(options.distDir, path.join(sitesDir, 'empty'), []);
    for (const n of options.sizes) {
      const set = await writeResultSet(dataDir, n); // already written: just lists and sizes them
      sites.sets.set(n, set);
      await copySite(options.distDir, path.join(sitesDir, `n${n}`), linked(set.files));
    }
  }
  if (options.charts) {
    await copySite(options.distDir, path.join(sitesDir, 'charts'), [
      { name: BIG_FILE_NAME, text: bigResultsFile() },
    ]);
  }
  if (options.regression) {
    // Any page of the site will do: the bench fetches the built regression worker from its origin.
    await copySite(options.distDir, path.join(sitesDir, 'regression'), []);
  }
  if (options.ingest || options.pick || options.firstRow) {
    // The build as shipped, its bundled runs kept: the first visit, and the site files are picked in.
    const cases = options.ingest ? ingestCases([SUMMARY_CASE]) : [];
    const written = await writeIngestSite(options.distDir, path.join(sitesDir, 'bundled'), cases);
    sites.ingestCase = written[0] ?? null;
  }
  return sites;
}

async function explorerPart(
  browser: Browser,
  relaunch: () => Promise<Browser>,
  options: RunOptions,
  url: (site: string) => string,
  sites: Sites,
  out: Measured,
): Promise<Browser> {
  const emptyPage = await measureEmptyPage(browser, url('empty'), options.loadTimeoutMs);
  out.emptyPage = emptyPage;
  if (emptyPage.ok) log(`empty page (no datasets): heap ${fmtBytes(emptyPage.usedJSHeapSize)}`);
  else log(`empty page: n/a — ${emptyPage.error}`);
  let current = browser;
  for (const n of options.sizes) {
    const set = sites.sets.get(n);
    if (set === undefined) throw new Error(`no result set for ${n}`);
    out.rows.push(
      await benchSize(current, {
        n,
        url: url(`n${n}`),
        files: set.files,
        generation: { bytes: set.bytes, generateMs: n === sites.largest ? sites.generateMs : null },
        reps: options.reps,
        loadTimeoutMs: options.loadTimeoutMs,
        baselineHeap: emptyPage,
      }),
    );
    if (!current.isConnected()) {
      log('Chromium went away; relaunching for the next size');
      current = await relaunch();
    }
  }
  return current;
}

/** Runs every part `options` asks for; a part that fails says why and the others go on. */
export async function measure(options: RunOptions, tmp: string): Promise<Measured> {
  const dataDir = path.join(tmp, 'generated');
  const sitesDir = path.join(tmp, 'sites');
  const sites = await prepareSites(options, dataDir, sitesDir);
  const out: Measured = {
    rows: [],
    ingest: NOT_RUN,
    largePick: NOT_RUN,
    firstRow: NOT_RUN,
    regression: NOT_RUN,
  };
  const inChromium = [
    options.firstRow,
    options.explorer,
    options.charts,
    options.ingest,
    options.pick,
    options.regression,
  ];
  // Parts that run in Node only (code, formats) need no site and no Chromium.
  if (!inChromium.some(Boolean)) return out;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  const launch = () => launchChromium({ args: BENCH_ARGS });
  // After a part whose page took Chromium down, the next one gets a new Chromium.
  const alive = async (current: Browser): Promise<Browser> => {
    if (current.isConnected()) return current;
    log('Chromium went away; relaunching');
    return launch();
  };
  try {
    server = await startStaticServer({ root: sitesDir, basePath: '/bench/' });
    const base = server.baseUrl;
    const url = (site: string): string => `${base}${site}/`;
    log(`serving the sites at ${base} (temp copies of dist/)`);
    browser = await launch();
    out.chromium = browser.version();
    log(`Chromium ${out.chromium}`);

    if (options.firstRow) {
      // First, while nothing of the bench's own is loaded yet.
      const result = await benchFirstRow(browser, url('bundled'), options.firstRowReps);
      out.firstRow = { ran: true, value: result };
      browser = await alive(browser);
    }
    if (options.explorer) browser = await explorerPart(browser, launch, options, url, sites, out);
    if (options.charts) {
      out.charts = await benchCharts(await alive(browser), {
        url: url('charts'),
        reps: options.chartReps,
        loadTimeoutMs: options.loadTimeoutMs,
      });
    }
    if (options.ingest && sites.ingestCase !== null) {
      browser = await alive(browser);
      const item = sites.ingestCase;
      const value = await benchIngestCase(browser, url('bundled'), item, {
        reps: options.ingestReps,
        profile: false,
        trace: false,
      }).catch((error: unknown) => {
        log(`ingest of ${item.name}: n/a — ${reasonOf(error)}`);
        return { failed: reasonOf(error) };
      });
      out.ingest = { ran: true, value };
    }
    if (options.pick) {
      out.largePick = !options.sizes.includes(PICK_RESULTS)
        ? { ran: false, why: `--sizes has no ${fmtInt(PICK_RESULTS)}` }
        : await pickPart(await alive(browser), options, url('bundled'), sites);
    }
    if (options.regression) {
      browser = await alive(browser);
      const page = { browser, url: url('regression') };
      const value = await benchRegression(options.distDir, options.regressionReps, page);
      out.regression = { ran: true, value };
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
  return out;
}

async function pickPart(
  browser: Browser,
  options: RunOptions,
  url: string,
  sites: Sites,
): Promise<Part<LargePickResult>> {
  const set = await writeResultSet(sites.dataDir, PICK_RESULTS); // written by prepareSites
  const value = await benchLargePick(browser, {
    url,
    results: PICK_RESULTS,
    paths: set.files.map((name) => path.join(sites.dataDir, name)),
    names: set.files,
    reps: options.pickReps,
    timeoutMs: options.loadTimeoutMs * 2,
  });
  return { ran: true, value };
}
