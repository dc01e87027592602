import { describeMetric } from '../metrics';
import type { ResultsView } from '../results/results-view';
import type { Suite } from '../results/result-model';
import { runSteps, type Steps } from '../results/steps';
import { chartGpus, type ChartGpu } from './chart-gpus';
import {
  engineScoped,
  forEachVisibleSteps,
  MarkSum,
  resultAt,
  testLabel,
  testOfEngine,
  type MarkValue,
} from './mark-values';
import { groupsWithinBudget } from './point-budget';
import type { PlottedMetric } from './small-multiples';

/** One bar: the value, and for mean latency the p99 drawn as a whisker above it. */
export interface BarValue extends MarkValue {
  readonly whisker: number | null;
}

/** One category of bars (a test), one bar per GPU that has a value. */
export interface BarGroup {
  /** The test name, shared by every GPU's result of that test. */
  readonly key: string;
  readonly label: string;
  /** Keyed by ChartGpu.key. */
  readonly bars: ReadonlyMap<string, BarValue>;
}

export interface BarChartData extends PlottedMetric {
  /** The key of the whisker metric (`latency_p99`) when whiskers are drawn. */
  readonly whiskerKey: string | null;
  /** GPUs with at least one bar, in label order. */
  readonly gpus: readonly ChartGpu[];
  readonly groups: readonly BarGroup[];
  /** Categories left out to stay within the point budget. */
  readonly omittedGroups: number;
}

export type LatencyStat = 'mean' | 'median' | 'p99';

export const LATENCY_STATS: readonly LatencyStat[] = ['mean', 'median', 'p99'];

/** How the statistic pickers name each statistic. */
export const LATENCY_STAT_LABELS: Readonly<Record<LatencyStat, string>> = {
  mean: 'Mean',
  median: 'Median',
  p99: 'P99',
};

interface BarSpec {
  readonly suite: Suite;
  readonly metricKey: string;
  readonly label: string;
  readonly unit: string;
  readonly whiskerKey: string | null;
  /** Turns a result's value into the plotted one; null drops it (e.g. per GPU without a TP). */
  readonly transform: (value: number, tp: number | null) => number | null;
}

/** One test's bars while they are summed: per GPU code, its value and its whisker. */
interface BarSums {
  readonly label: string;
  readonly sums: Map<number, { value: MarkSum; whisker: MarkSum }>;
}

function* buildBarsSteps(view: ResultsView, spec: BarSpec): Steps<BarChartData> {
  const gpus = chartGpus(view.index);
  const groups = new Map<string, BarSums>();
  const { values } = view.index;
  const rawOf = yield* values.metricSteps(spec.metricKey);
  const whiskerOf = spec.whiskerKey === null ? null : yield* values.metricSteps(spec.whiskerKey);
  const tpOf = yield* values.dimensionSteps('tp', (result) => result.tp);
  // Groups by test name, found once per name (by its code), not hashed per row.
  const groupOf = new Map<number, BarSums>();
  yield* forEachVisibleSteps(view, spec.suite, (position, dataset, gpuCode, nameCode) => {
    const raw = rawOf[position] ?? Number.NaN;
    if (Number.isNaN(raw)) return;
    const tpValue = tpOf[position] ?? Number.NaN;
    const tp = Number.isNaN(tpValue) ? null : tpValue;
    const value = spec.transform(raw, tp);
    if (value === null) return;
    const engineCode = view.index.codes.engine[position] ?? 0;
    const groupCode = testOfEngine(nameCode, engineCode);
    let group = groupOf.get(groupCode);
    if (group === undefined) {
      const result = resultAt(view, position);
      const key = engineScoped(result.testName, result.engine);
      group = groups.get(key);
      if (group === undefined) {
        group = { label: testLabel(result), sums: new Map() };
        groups.set(key, group);
      }
      groupOf.set(groupCode, group);
    }
    let sums = group.sums.get(gpuCode);
    if (sums === undefined) {
      sums = { value: new MarkSum(), whisker: new MarkSum() };
      group.sums.set(gpuCode, sums);
    }
    const testName = view.index.testNames[nameCode] ?? '';
    sums.value.add(value, testName, dataset);
    const whisker = whiskerOf?.[position] ?? Number.NaN;
    if (!Number.isNaN(whisker)) sums.whisker.add(spec.transform(whisker, tp), testName, dataset);
  });

  const used = new Set<number>();
  const built: BarGroup[] = [];
  for (const [key, group] of groups) {
    const bars = new Map<string, BarValue>();
    for (const [code, sums] of group.sums) {
      const mark = sums.value.value();
      const gpu = gpus[code];
      if (mark === null || gpu === undefined) continue;
      bars.set(gpu.key, { ...mark, whisker: sums.whisker.value()?.value ?? null });
      used.add(code);
    }
    if (bars.size > 0) built.push({ key, label: group.label, bars });
  }
  const shownGpus = gpus.filter((_, code) => used.has(code));
  const fit = groupsWithinBudget(built.length, Math.max(1, shownGpus.length));
  const info = describeMetric(spec.metricKey);
  return {
    metricKey: spec.metricKey,
    label: spec.label,
    unit: spec.unit,
    direction: info.direction,
    whiskerKey: spec.whiskerKey,
    gpus: shownGpus,
    groups: built.slice(0, fit),
    omittedGroups: built.length - fit,
  };
}

/**
 * Latency bars: per test (model), one bar per visible GPU of the chosen statistic; with the mean,
 * each bar carries its p99 as a whisker. Several runs of a GPU are averaged.
 */
export function latencyBars(view: ResultsView, stat: LatencyStat): BarChartData {
  return runSteps(latencyBarsSteps(view, stat));
}

/** `latencyBars` as steps (see steps.ts). */
export function latencyBarsSteps(view: ResultsView, stat: LatencyStat): Steps<BarChartData> {
  const metricKey = `latency_${stat}`;
  return buildBarsSteps(view, {
    suite: 'latency',
    metricKey,
    label: describeMetric(metricKey).label,
    unit: 'ms',
    whiskerKey: stat === 'mean' ? 'latency_p99' : null,
    transform: (value) => value,
  });
}

export type ThroughputUnit = 'req/s' | 'tok/s';

/** Token-rate keys a throughput benchmark may carry, in order of preference. */
const TOKEN_RATE_KEYS: readonly string[] = [
  'token_throughput',
  'total_token_throughput',
  'output_throughput',
];

/** The token-rate metric of the throughput suite, or null when the loaded data has none. */
export function tokenRateKey(metricKeys: readonly string[]): string | null {
  return TOKEN_RATE_KEYS.find((key) => metricKeys.includes(key)) ?? null;
}

/**
 * Divides a run's rate by its tensor-parallel size: a TP4 run uses four GPUs of the eight, so its
 * rate per GPU is a quarter. Refuses (null) a result whose TP is unknown or not positive.
 */
export function perGpuRate(value: number, tp: number | null): number | null {
  if (tp === null || !Number.isFinite(tp) || tp <= 0) return null;
  return value / tp;
}

/** The units the throughput chart offers: req/s always, tok/s when the data has a token rate. */
export function throughputUnits(metricKeys: readonly string[]): ThroughputUnit[] {
  return tokenRateKey(metricKeys) === null ? ['req/s'] : ['req/s', 'tok/s'];
}

export interface ThroughputOptions {
  readonly unit: ThroughputUnit;
  readonly perGpu: boolean;
}

/**
 * Throughput bars: per test, one bar per visible GPU in req/s (or tok/s when the data has a token
 * rate; with none, tok/s gives no bars), optionally divided by TP to compare GPUs one for one.
 */
export function throughputBars(view: ResultsView, options: ThroughputOptions): BarChartData {
  return runSteps(throughputBarsSteps(view, options));
}

/** `throughputBars` as steps (see steps.ts). */
export function throughputBarsSteps(
  view: ResultsView,
  options: ThroughputOptions,
): Steps<BarChartData> {
  const metricKey =
    options.unit === 'tok/s'
      ? (tokenRateKey(view.index.metricKeys.throughput) ?? 'token_throughput')
      : 'request_throughput';
  const base = describeMetric(metricKey).label;
  return buildBarsSteps(view, {
    suite: 'throughput',
    metricKey,
    label: options.perGpu ? `${base} per GPU` : base,
    unit: options.perGpu ? `${options.unit} per GPU` : options.unit,
    whiskerKey: null,
    transform: options.perGpu ? perGpuRate : (value) => value,
  });
}

/** A row of bars: the test and each GPU's value (`g0`) and whisker span (`g0~`). */
export type BarChartRow = Record<string, string | number | readonly [number, number] | null>;

/** The suffix of a GPU's whisker data key (`g0~`). */
export const WHISKER_SUFFIX = '~';

/**
 * The bar data as rows, one per category (`test`), with each GPU's value under its key (`g0`)
 * and, with whiskers, the span [0, p99 − value] under `g0~`.
 */
export function barChartRows(data: BarChartData): BarChartRow[] {
  return data.groups.map((group) => {
    const row: BarChartRow = { test: group.key };
    for (const gpu of data.gpus) {
      const bar = group.bars.get(gpu.key);
      row[gpu.key] = bar?.value ?? null;
      if (data.whiskerKey !== null) {
        row[`${gpu.key}${WHISKER_SUFFIX}`] =
          bar?.whisker === null || bar === undefined
            ? null
            : [0, Math.max(0, bar.whisker - bar.value)];
      }
    }
    return row;
  });
}

/** The top the value axis (from 0) must reach: the largest bar or whisker, so none is cut off. */
export function barValueTop(data: Pick<BarChartData, 'groups'>): number {
  let top = 0;
  for (const group of data.groups) {
    for (const bar of group.bars.values()) top = Math.max(top, bar.value, bar.whisker ?? 0);
  }
  return top;
}

/** The whisker's statistic as a tooltip names it (`P99` of `P99 latency`); null without whiskers. */
export function whiskerStat(data: Pick<BarChartData, 'whiskerKey'>): string | null {
  return data.whiskerKey === null
    ? null
    : (describeMetric(data.whiskerKey).label.split(' ')[0] ?? null);
}
