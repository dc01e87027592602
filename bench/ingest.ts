// Ingest at scale: `npx tsx bench/ingest.ts [--reps 3] [--dist dist] [--keep]
//   [--only 100k,25mb,100mb,serve] [--profile] [--trace] [--build]`
// Writes a CI markdown page of 100,000 results, a 25 MB and a 100 MB one, all with CI's embedded
// JSON, and a 100 MB raw `vllm bench serve --save-result` file with its per-request arrays;
// serves them beside a copy of dist/ and picks each from disk in the page's `Load results` input
// in headless Chromium (bench/ingest-bench.ts). Measures file → results in the tables next to a
// bare JSON.parse of the same bytes in the same page and a worker that only reads, decodes and
// parses them (the floor), when the charts show the file, the longest main-thread task and the
// heap. Prints tables; writes bench/results/ingest.json.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/harness/chromium.ts';
import { SITE_BASE_PATH, buildSite, distDirOf } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';
import { RESULTS_DIR, benchIngestCase, ingestCases, writeIngestSite } from './ingest-bench.ts';
import { printIngest, printPicks } from './ingest-report.ts';
import type { IngestRow } from './ingest-report.ts';
import { BENCH_ARGS } from './page-tools.ts';

const RESULTS_FILE = path.join(RESULTS_DIR, 'ingest.json');
const TARGETS = { ratioToBareParse: 1.5, megabytesPerSecond: 50, longestTaskMs: 100 };

function readOptions() {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '3' },
      dist: { type: 'string', default: 'dist' },
      keep: { type: 'boolean', default: false },
      only: { type: 'string', default: '100k,25mb,100mb,serve' },
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
    cases: ingestCases(values.only.split(',').map((item) => item.trim())),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.build) await buildSite();
  const siteRoot = await mkdtemp(path.join(os.tmpdir(), 'vllm-ingest-bench-'));
  const siteDir = path.join(siteRoot, 'site');
  const written = await writeIngestSite(options.distDir, siteDir, options.cases);
  const server = await startStaticServer({ root: siteDir, basePath: SITE_BASE_PATH });
  const browser = await launchChromium({ args: BENCH_ARGS });
  const rows: IngestRow[] = [];
  try {
    for (const item of written) {
      rows.push(await benchIngestCase(browser, server.baseUrl, item, options));
    }
  } finally {
    await browser.close();
    await server.close();
    if (!options.keep) await rm(siteRoot, { recursive: true, force: true });
  }
  printIngest(rows, TARGETS);
  printPicks(rows);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify({ targets: TARGETS, rows }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
