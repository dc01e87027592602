// Lighthouse (desktop) against the production build: `npm run lighthouse` (builds first).
//   node scripts/lighthouse.mjs [--dist dist] [--runs 3]
// Serves dist/ under a sub-path on 127.0.0.1, runs Lighthouse's performance and accessibility
// categories in headless Chromium ($CHROME_PATH or /usr/bin/chromium; nothing is downloaded), and
// prints each run's scores, the median, and the key metrics. Exits non-zero when the median
// performance is under 0.95 or accessibility is under 1.
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { startStaticServer } from '../bench/static-server.mjs';
import { mkdtemp, cp, rm } from 'node:fs/promises';
import os from 'node:os';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const TARGETS = { performance: 0.95, accessibility: 1 };

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(values.runs);

// The site under a sub-path, as it is often deployed.
const root = await mkdtemp(path.join(os.tmpdir(), 'vllm-lighthouse-'));
await cp(path.resolve(REPO_ROOT, values.dist), path.join(root, 'vllm-dashboard'), {
  recursive: true,
});
const server = await startStaticServer(root);
const url = `${server.origin}/vllm-dashboard/`;
const chrome = await chromeLauncher.launch({
  chromePath: CHROME_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const results = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      },
      desktopConfig,
    );
    const { categories, audits } = result.lhr;
    const row = {
      performance: categories.performance.score,
      accessibility: categories.accessibility.score,
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      longTasks: (audits['long-tasks']?.details?.items ?? [])
        .slice(0, 5)
        .map(
          (task) => `${Math.round(task.duration)} ms (${task.url.split('/').pop() || task.url})`,
        ),
      failedA11y: Object.values(audits)
        .filter(
          (audit) =>
            audit.score === 0 &&
            categories.accessibility.auditRefs.some((ref) => ref.id === audit.id),
        )
        .map((audit) => audit.id),
    };
    results.push(row);
    console.log(
      `run ${run}: performance ${row.performance.toFixed(2)}, accessibility ${row.accessibility.toFixed(2)} ` +
        `(FCP ${Math.round(row.fcp)} ms, LCP ${Math.round(row.lcp)} ms, TBT ${Math.round(row.tbt)} ms, CLS ${row.cls.toFixed(3)})` +
        (row.failedA11y.length > 0 ? `; failed: ${row.failedA11y.join(', ')}` : '') +
        (row.longTasks.length > 0 ? `\n  long tasks: ${row.longTasks.join(', ')}` : ''),
    );
  }
} finally {
  await chrome.kill();
  await server.close();
  await rm(root, { recursive: true, force: true });
}
const performance = median(results.map((row) => row.performance));
const accessibility = median(results.map((row) => row.accessibility));
console.log(
  `\nLighthouse desktop, median of ${runs}: performance ${performance.toFixed(2)} (target ≥ ${TARGETS.performance}), accessibility ${accessibility.toFixed(2)} (target ${TARGETS.accessibility})`,
);
if (performance < TARGETS.performance || accessibility < TARGETS.accessibility)
  process.exitCode = 1;
