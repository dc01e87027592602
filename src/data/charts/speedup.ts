import { precisionOf } from '../compare/comparable';
import { describeMetric, type MetricDirection } from '../metrics';
import type { ResultsView } from '../results/results-view';
import { SUITES, type BenchmarkResult, type Suite } from '../results/result-model';
import { chartGpus, type ChartGpu } from './chart-gpus';
import { runSteps, type Steps } from '../results/steps';
import {
  type MarkValue,
  MarkSum,
  forEachVisibleSteps,
  resultAt,
  testLabel,
  testOfEngine,
} from './mark-values';
import { groupsWithinBudget } from './point-budget';
import { formatQps } from '../format';

/**
 * How much faster a GPU is than a baseline GPU on one value, whatever the metric's direction:
 * new/base for rates (higher is better), base/new for times (lower is better), so >1 always means
 * faster. Null for a neutral metric or a value that is not a positive finite number.
 */
export function speedupRatio(
  base: number,
  candidate: number,
  direction: MetricDirection,
): number | null {
  if (!(base > 0) || !(candidate > 0) || !Number.isFinite(base) || !Number.isFinite(candidate)) {
    return null;
  }
  if (direction === 'higher') return candidate / base;
  if (direction === 'lower') return base / candidate;
  return null;
}

/** The geometric mean of positive ratios (the mean that treats 2× and 0.5× as opposites); null for none. */
export function geometricMean(values: readonly number[]): number | null {
  const usable = values.filter((value) => value > 0 && Number.isFinite(value));
  if (usable.length === 0) return null;
  const logSum = usable.reduce((sum, value) => sum + Math.log(value), 0);
  return Math.exp(logSum / usable.length);
}

/**
 * A ratio on the matrix's colour scale: log2 of it, clamped to [-1, 1], so 2× faster is 1,
 * 2× slower is -1 and equal is 0. Colours are symmetric for speed-ups and slow-downs.
 */
export function speedupShade(ratio: number): number {
  if (!(ratio > 0)) return 0;
  return Math.max(-1, Math.min(1, Math.log2(ratio)));
}

function addTo(sets: Map<number, Set<string>>, code: number, value: string): void {
  let set = sets.get(code);
  if (set === undefined) {
    set = new Set();
    sets.set(code, set);
  }
  set.add(value);
}

/**
 * True when two GPUs' results of a test are alike in precision: together they state at most one
 * (a side that does not say is no difference, as in Compare).
 */
function samePrecision(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined) {
  return new Set([...(a ?? []), ...(b ?? [])]).size <= 1;
}

/** The metric a suite's tests are compared by in the matrix. */
export function speedupMetricKey(suite: Suite, servingMetric: string): string {
  if (suite === 'latency') return 'latency_mean';
  if (suite === 'throughput') return 'request_throughput';
  return servingMetric;
}

export interface SpeedupCell {
  readonly ratio: number;
  readonly mark: MarkValue;
}

/** One test: the baseline's value and every other GPU's ratio to it. */
export interface SpeedupRow {
  readonly suite: Suite;
  readonly testName: string;
  /** `Serving · Llama 3.1 8B · TP1 · sharegpt · QPS 16` */
  readonly label: string;
  readonly metricKey: string;
  readonly base: MarkValue;
  /** Keyed by ChartGpu.key of the candidate. */
  readonly cells: ReadonlyMap<string, SpeedupCell>;
}

export interface GeometricMeanSpeedup {
  readonly value: number;
  /** How many tests it is over. */
  readonly count: number;
}

export interface SpeedupMatrix {
  /** Null when no GPU is visible. */
  readonly baseline: ChartGpu | null;
  /** The GPUs that can be the baseline: those with a visible result. */
  readonly gpus: readonly ChartGpu[];
  /** The other visible GPUs, one column each. */
  readonly candidates: readonly ChartGpu[];
  readonly rows: readonly SpeedupRow[];
  /** Per candidate key, over the rows where it has a ratio. */
  readonly geometricMeans: ReadonlyMap<string, GeometricMeanSpeedup>;
  /** Tests shown that the baseline has no value for (they have no row). */
  readonly testsWithoutBaseline: number;
  /**
   * Cells left empty because the two GPUs' results state different precisions (`bfloat16` on
   * one, `fp8` on the other, or several on one GPU): a ratio of those is not a GPU's speedup.
   */
  readonly precisionMismatches: number;
  readonly omittedRows: number;
}

export interface SpeedupOptions {
  /** The baseline GPU's filter value; when null or not visible, the first visible GPU. */
  readonly baseline: string | null;
  /** The serving metric to compare by (latency uses mean latency, throughput req/s). */
  readonly servingMetric: string;
}

/** A suite's name at the start of a label or sentence. */
export const SUITE_TITLES: Readonly<Record<Suite, string>> = {
  latency: 'Latency',
  throughput: 'Throughput',
  serving: 'Serving',
};

/**
 * The GPU speedup matrix over every visible test: per test, each visible GPU's direction-aware
 * ratio to the baseline GPU (several runs of a GPU averaged first), and per GPU the geometric mean
 * of its ratios.
 */
export function speedupMatrix(view: ResultsView, options: SpeedupOptions): SpeedupMatrix {
  return runSteps(speedupMatrixSteps(view, options));
}

/** `speedupMatrix` as steps (see steps.ts). */
export function* speedupMatrixSteps(
  view: ResultsView,
  options: SpeedupOptions,
): Steps<SpeedupMatrix> {
  const all = chartGpus(view.index);
  type Test = {
    suite: Suite;
    testName: string;
    label: string;
    metricKey: string;
    sums: Map<number, MarkSum>;
    /** Per GPU code, the precisions its results state (none when they do not say). */
    precisions: Map<number, Set<string>>;
  };
  // Tests in the order first met, suite by suite; within a suite found by test name code.
  const tests: Test[] = [];
  const used = new Set<number>();
  for (const suite of SUITES) {
    const metricKey = speedupMetricKey(suite, options.servingMetric);
    const byName = new Map<number, Test>();
    const values = yield* view.index.values.metricSteps(metricKey);
    yield* forEachVisibleSteps(view, suite, (position, dataset, gpuCode, nameCode) => {
      const value = values[position] ?? Number.NaN;
      if (!Number.isFinite(value)) return;
      const testCode = testOfEngine(nameCode, view.index.codes.engine[position] ?? 0);
      let test = byName.get(testCode);
      if (test === undefined) {
        const result = resultAt(view, position);
        const qps =
          suite === 'serving' && result.qps !== null ? ` · QPS ${formatQps(result.qps)}` : '';
        test = {
          suite,
          testName: result.testName,
          label: `${SUITE_TITLES[suite]} · ${testLabel(result)}${qps}`,
          metricKey,
          sums: new Map(),
          precisions: new Map(),
        };
        byName.set(testCode, test);
        tests.push(test);
      }
      let sum = test.sums.get(gpuCode);
      if (sum === undefined) {
        sum = new MarkSum();
        test.sums.set(gpuCode, sum);
      }
      sum.add(value, test.testName, dataset);
      // Read in passing: a result kept per row would be an object per row to collect.
      const precision = precisionOf(view.index.results.peek(position) as BenchmarkResult);
      if (precision !== null) addTo(test.precisions, gpuCode, precision);
      used.add(gpuCode);
    });
  }

  const gpus = all.filter((_, code) => used.has(code));
  const baseline = gpus.find((gpu) => gpu.value === options.baseline) ?? gpus[0] ?? null;
  const baselineCode = baseline === null ? -1 : all.indexOf(baseline);
  const candidates = gpus.filter((gpu) => gpu !== baseline);
  const rows: SpeedupRow[] = [];
  let testsWithoutBaseline = 0;
  let precisionMismatches = 0;
  for (const test of tests) {
    const base = test.sums.get(baselineCode)?.value() ?? null;
    if (base === null) {
      testsWithoutBaseline += 1;
      continue;
    }
    const direction = describeMetric(test.metricKey).direction;
    const cells = new Map<string, SpeedupCell>();
    for (const gpu of candidates) {
      const code = all.indexOf(gpu);
      const mark = test.sums.get(code)?.value() ?? null;
      if (mark === null) continue;
      if (!samePrecision(test.precisions.get(baselineCode), test.precisions.get(code))) {
        precisionMismatches += 1;
        continue;
      }
      const ratio = speedupRatio(base.value, mark.value, direction);
      if (ratio !== null) cells.set(gpu.key, { ratio, mark });
    }
    rows.push({
      suite: test.suite,
      testName: test.testName,
      label: test.label,
      metricKey: test.metricKey,
      base,
      cells,
    });
  }

  const fit = groupsWithinBudget(rows.length, Math.max(1, candidates.length));
  const shown = rows.slice(0, fit);
  const geometricMeans = new Map<string, GeometricMeanSpeedup>();
  for (const gpu of candidates) {
    // Over every test, drawn or not: the budget limits drawing, not the summary.
    const ratios = rows.flatMap((row) => {
      const cell = row.cells.get(gpu.key);
      return cell === undefined ? [] : [cell.ratio];
    });
    const value = geometricMean(ratios);
    if (value !== null) geometricMeans.set(gpu.key, { value, count: ratios.length });
  }
  return {
    baseline,
    gpus,
    candidates,
    rows: shown,
    geometricMeans,
    testsWithoutBaseline,
    precisionMismatches,
    omittedRows: rows.length - shown.length,
  };
}
