// The charts at 2,000 points: control change → paint for each chart, on the charts browser
// test's file.
import type { Browser, Locator } from 'playwright-core';
import type { PageProblem } from '../test/harness/page.ts';
import {
  BIG_FILE_NAME,
  BIG_LATENCY_BARS,
  BIG_SERVING_POINTS,
  BIG_THROUGHPUT_BARS,
} from '../test/harness/fixtures/charts-file.ts';
import { fmtInt, fmtMs, reasonOf, stats } from './format.ts';
import type { Stats } from './format.ts';
import { JS_TARGETS } from './js-sizes.ts';
import { latencyBarsDrawn, measureChangeToPaint } from './in-page/measure.ts';
import {
  LOCATOR_TIMEOUT_MS,
  attempt,
  handleOf,
  openSite,
  problemLines,
  settle,
  within,
} from './page-tools.ts';
import type { Attempt, OpenedSite } from './page-tools.ts';

// The charts issue's targets: a redraw at 2,000 points, and the build's JS.
export const CHART_TARGETS = { paintMs: 100, ...JS_TARGETS };

interface ChartCase {
  chart: string;
  points: string;
  kind: 'radio' | 'checkbox' | 'select';
  label?: string;
  values: readonly string[];
}

/**
 * The charts measured at 2,000 points and the control changed in each, as in the charts e2e test
 * (`describe('charts at 2,000 points')`). The first value differs from the chart's default, so
 * every change redraws. Throughput toggles its per-GPU (÷ TP) checkbox.
 */
const CHART_CASES: readonly ChartCase[] = [
  {
    chart: 'Latency',
    points: `${fmtInt(BIG_LATENCY_BARS)} bars`,
    kind: 'radio',
    values: ['Median', 'P99', 'Mean'],
  },
  {
    chart: 'Throughput',
    points: `${fmtInt(BIG_THROUGHPUT_BARS)} bars`,
    kind: 'checkbox',
    label: 'Per GPU (÷ TP)',
    values: ['on', 'off'],
  },
  {
    chart: 'Serving',
    points: `${fmtInt(BIG_SERVING_POINTS)} points`,
    kind: 'select',
    label: 'Metric',
    values: ['itl', 'ttft'],
  },
  {
    chart: 'Trade-off',
    points: `${fmtInt(BIG_SERVING_POINTS)} points`,
    kind: 'radio',
    values: ['Median', 'P99'],
  },
  {
    chart: 'Speedup',
    points: '~2,000 cells',
    kind: 'select',
    label: 'Reference GPU',
    values: ['8×H100', '8×A100'],
  },
];

type ChartRow = { chart: string; points: string; control?: string; pass?: boolean } & Attempt<
  Stats & { samples: { value: string; ms: number }[] }
>;

export interface ChartsResult {
  file: string;
  reps: number;
  problems: string[];
  load?: Attempt<{ ms: number; latencyBars: number }>;
  charts?: ChartRow[];
}

const log = (message: string): void => {
  console.log(`[bench] ${message}`);
};

function controlOf(figure: Locator, c: ChartCase, value: string): Locator {
  if (c.kind === 'radio') return figure.getByRole('radio', { name: value });
  if (c.kind === 'checkbox') return figure.getByRole('checkbox', { name: c.label });
  return figure.getByLabel(c.label ?? '');
}

/** `reps` changes of one chart's control, each timed from the change to two frames later. */
async function measureChart(site: OpenedSite, c: ChartCase, reps: number) {
  const { page } = site;
  const figure = page.getByRole('figure', { name: new RegExp(c.chart) });
  await figure.scrollIntoViewIfNeeded({ timeout: LOCATOR_TIMEOUT_MS });
  await settle(page, 200);
  const samples: { value: string; ms: number }[] = [];
  for (let i = 0; i < reps; i += 1) {
    const value = c.values[i % c.values.length] ?? '';
    const what =
      c.kind === 'radio' ? `radio "${value}" in ${c.chart}` : `"${c.label ?? ''}" in ${c.chart}`;
    const control = await handleOf(controlOf(figure, c, value), what);
    const sample = await within(
      page.evaluate(measureChangeToPaint, {
        control,
        value: c.kind === 'select' ? value : undefined,
      }),
      60_000,
      `${c.chart} change`,
    );
    if (!sample.applied) throw new Error(`${what}: setting ${value} did not take`);
    samples.push({ value, ms: sample.ms });
    await settle(page, 150);
  }
  const summary = stats(samples.map((s) => s.ms));
  if (summary === null) throw new Error('no samples');
  return { ...summary, samples };
}

/**
 * The charts at 2,000 points: opens the site whose manifest lists only the big file, waits for
 * the Latency chart's 2,000 bars, then times control change → two frames for each chart.
 */
export async function benchCharts(
  browser: Browser,
  { url, reps, loadTimeoutMs }: { url: string; reps: number; loadTimeoutMs: number },
): Promise<ChartsResult> {
  const problems: PageProblem[] = [];
  const out: ChartsResult = { file: BIG_FILE_NAME, reps, problems: [] };
  log(`charts at 2,000 points: loading ${BIG_FILE_NAME}…`);
  let site: OpenedSite;
  try {
    site = await openSite(browser, url, { expectData: true, timeoutMs: loadTimeoutMs, problems });
    const drawn = await site.page
      .waitForFunction(latencyBarsDrawn, BIG_LATENCY_BARS, {
        polling: 'raf',
        timeout: loadTimeoutMs,
      })
      .catch(async (error: unknown) => {
        await site.watched.close().catch(() => undefined);
        throw error;
      });
    out.load = { ok: true, ms: site.loadedAtMs, latencyBars: (await drawn.jsonValue()) as number };
    log(`  loaded in ${fmtMs(site.loadedAtMs)} ms; Latency drew ${fmtInt(BIG_LATENCY_BARS)} bars`);
  } catch (error) {
    const reason = reasonOf(error);
    log(`  load: FAILED — ${reason}`);
    out.load = { ok: false, error: reason };
    out.charts = CHART_CASES.map((c) => ({
      chart: c.chart,
      points: c.points,
      ok: false,
      error: 'not measured: the charts did not load',
    }));
    out.problems = problemLines(problems);
    return out;
  }
  try {
    await settle(site.page, 500);
    out.charts = [];
    for (const c of CHART_CASES) {
      const result = await attempt(
        `${c.chart} change → paint`,
        () => measureChart(site, c, reps),
        log,
      );
      out.charts.push({
        chart: c.chart,
        points: c.points,
        control:
          c.kind === 'radio'
            ? `radio ${c.values.join('/')}`
            : `${c.label ?? ''} ${c.kind === 'checkbox' ? 'checkbox' : 'select'}`,
        ...result,
        ...(result.ok ? { pass: result.median <= CHART_TARGETS.paintMs } : {}),
      });
      if (result.ok) {
        log(
          `  ${c.chart}: median ${fmtMs(result.median)} ms (min ${fmtMs(result.min)}, max ${fmtMs(result.max)})`,
        );
      }
    }
  } finally {
    out.problems = problemLines(problems);
    await site.watched.close().catch(() => undefined);
  }
  return out;
}

export function printCharts(result: ChartsResult): void {
  console.log(
    `\nCharts at 2,000 points: control change → two frames, ${result.reps} samples each (ms)`,
  );
  const header = ['chart', 'points', 'median', 'min', 'max', 'target', 'verdict'];
  const lines = (result.charts ?? []).map((c) => [
    c.chart,
    c.points,
    c.ok ? fmtMs(c.median) : 'n/a*',
    c.ok ? fmtMs(c.min) : '',
    c.ok ? fmtMs(c.max) : '',
    `≤ ${CHART_TARGETS.paintMs}`,
    c.ok ? (c.pass ? 'PASS' : 'FAIL') : '',
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...lines.map((line) => line[i]?.length ?? 0)),
  );
  const format = (line: readonly string[]): string =>
    line
      .map((text, i) => (i < 2 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  const failures = [
    ...(result.load && !result.load.ok ? [`  load: ${result.load.error}`] : []),
    ...(result.charts ?? []).flatMap((c) => (c.ok ? [] : [`  ${c.chart}: ${c.error}`])),
  ];
  if (failures.length > 0) {
    console.log('* n/a because:');
    for (const line of failures) console.log(line);
  }
  if (result.problems.length > 0) console.log(`  page problems: ${result.problems.join('; ')}`);
}
