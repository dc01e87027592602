// Lighthouse (desktop) against the production build: `npm run lighthouse` (builds first).
//   npx tsx scripts/lighthouse.ts [--dist dist] [--runs 3] [--build]
// Serves dist/ under a sub-path on 127.0.0.1, runs Lighthouse's performance and accessibility
// categories in headless Chromium ($CHROME_PATH or /usr/bin/chromium; nothing is downloaded), and
// prints each run's scores, the median, and the key metrics. Exits non-zero when the median
// performance is under 0.95 or accessibility is under 1.
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { freePort, launchChromium } from '../test/harness/chromium.ts';
import { SITE_BASE_PATH, buildSite, distDirOf, requireBuild } from '../test/harness/site.ts';
import { startStaticServer } from '../test/harness/static-server.ts';

const TARGETS = { performance: 0.95, accessibility: 1 };

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (values.build) await buildSite();
const distDir = distDirOf(values.dist);
requireBuild(distDir);

interface Run {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  longTasks: string[];
  failedA11y: string[];
}

function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
}

/** The first five long tasks Lighthouse lists, as `120 ms (index-….js)`. */
function longTasksOf(details: unknown): string[] {
  const items =
    typeof details === 'object' && details !== null && 'items' in details ? details.items : [];
  if (!Array.isArray(items)) return [];
  return items.slice(0, 5).map((item: unknown) => {
    const { duration = NaN, url = '' } = item as { duration?: number; url?: string };
    return `${Math.round(duration)} ms (${url.split('/').pop() || url})`;
  });
}

// The site under a sub-path, as it is often deployed.
const server = await startStaticServer({ root: distDir, basePath: SITE_BASE_PATH });
// Lighthouse drives the browser over its DevTools port, next to Playwright's own pipe.
const port = await freePort();
const browser = await launchChromium({ args: [`--remote-debugging-port=${port}`] });
const results: Run[] = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const result = await lighthouse(
      server.baseUrl,
      {
        port,
        hostname: '127.0.0.1',
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      },
      desktopConfig,
    );
    if (result === undefined) throw new Error(`Lighthouse returned no result for run ${run}`);
    const { categories, audits } = result.lhr;
    const metric = (id: string): number => audits[id]?.numericValue ?? NaN;
    const accessibilityRefs = categories.accessibility?.auditRefs ?? [];
    const row: Run = {
      performance: categories.performance?.score ?? 0,
      accessibility: categories.accessibility?.score ?? 0,
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      longTasks: longTasksOf(audits['long-tasks']?.details),
      failedA11y: Object.values(audits)
        .filter(
          (audit) => audit.score === 0 && accessibilityRefs.some((ref) => ref.id === audit.id),
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
  await browser.close();
  await server.close();
}
const performance = median(results.map((row) => row.performance));
const accessibility = median(results.map((row) => row.accessibility));
console.log(
  `\nLighthouse desktop, median of ${runs}: performance ${performance.toFixed(2)} (target ≥ ${TARGETS.performance}), accessibility ${accessibility.toFixed(2)} (target ${TARGETS.accessibility})`,
);
if (performance < TARGETS.performance || accessibility < TARGETS.accessibility)
  process.exitCode = 1;
