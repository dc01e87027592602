/**
 * History: one metric of the same tests across several runs of one GPU (nightlies of different
 * dates, a series of PR runs), in date order, each value set against a baseline run. Plain data in,
 * plain data out; the History chart renders what this computes.
 *
 * - A run is a loaded dataset; a test is an alignment key (compare/align-results.ts), so two files that spell a
 *   test differently still meet, and the results of one GPU are never mixed with another's.
 * - Only visible results count: what the filters hide (a GPU, a model, a QPS, a dataset) is not
 *   part of any history.
 * - A series is one precision's: when a test's runs state two precisions (`bfloat16`, `fp8`), each
 *   is a series of its own, and runs that do not say are a third; one stated precision and silent
 *   runs are one series (not saying is no difference, as in Compare).
 * - Order: runs whose file gives a date (`meta.date`) are in date order; runs without one keep the
 *   place the user gives them (default: the order loaded). When every run has a date, the order is
 *   the dates'; when none has, it is the user's.
 */
import { seriesKey } from '../compare/align-results';
import { precisionOf } from '../compare/comparable';
import { modelKey } from '../models';
import { beyondOne } from '../results/parallelism';
import { orderMetricKeys } from '../results/metric-order';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from '../results/result-model';
import type { ResultsView } from '../results/results-view';

/** One test on one GPU: the first visible result of each run that has it. */
export interface TestRuns {
  readonly key: string;
  readonly suite: Suite;
  /** The test name of the first run (in the order loaded) that has it. */
  readonly testName: string;
  readonly byDataset: Map<string, BenchmarkResult>;
  /**
   * Set when the test's runs state several precisions and this series is one of them: the
   * precision (null for the runs that do not say). The name then says which (`… · fp8`).
   */
  readonly splitPrecision?: string | null;
}

/** One GPU's runs and tests, as the visible results have them. */
export interface HistoryGpuGroup {
  /** The GPU as the filters name it (`8×H100`). */
  readonly gpu: string;
  /** Runs with at least one test another run of this GPU also has, in the order loaded. */
  readonly datasets: readonly Dataset[];
  /** Tests that at least two of those runs have, in reading order. */
  readonly tests: readonly TestRuns[];
  /** Metric keys loaded for the suites of those tests (some may have no value here). */
  readonly metricKeys: readonly string[];
}

/** Why no GPU has a history. */
export type HistoryEmptyReason =
  /** Nothing is visible: no data, or the filters hide everything. */
  | 'no-results'
  /** Each GPU's visible results come from one dataset. */
  | 'one-dataset-per-gpu'
  /** Some GPU has several datasets, but they share no test. */
  | 'no-shared-tests';

export interface HistorySource {
  /** GPUs that at least two runs share tests on, in GPU filter order. */
  readonly groups: readonly HistoryGpuGroup[];
  /** Why `groups` is empty; null when it is not. */
  readonly emptyReason: HistoryEmptyReason | null;
}

/**
 * True when two results are the same test by every field alignmentKey reads (engine included: a
 * history is one engine's), compared as it
 * compares them (PP or DP 1 = not stated). A NaN field compares unequal, which only costs a full key.
 */
function sameTest(a: BenchmarkResult, b: BenchmarkResult): boolean {
  return (
    a.suite === b.suite &&
    a.engine === b.engine &&
    (a.model === b.model || modelKey(a.model) === modelKey(b.model)) &&
    a.tp === b.tp &&
    beyondOne(a.pp) === beyondOne(b.pp) &&
    beyondOne(a.dp) === beyondOne(b.dp) &&
    a.dataset === b.dataset &&
    a.variant === b.variant &&
    a.qps === b.qps &&
    a.concurrency === b.concurrency &&
    a.inputLen === b.inputLen &&
    a.outputLen === b.outputLen &&
    (a.gpu?.type ?? null) === (b.gpu?.type ?? null) &&
    (a.gpu?.count ?? null) === (b.gpu?.count ?? null)
  );
}

/** A test's first result of each run, with the order it was met in, per precision stated. */
interface PrecisionRuns {
  readonly key: string;
  readonly suite: Suite;
  readonly testName: string;
  readonly byPrecision: Map<
    string | null,
    Map<string, { readonly result: BenchmarkResult; readonly order: number }>
  >;
}

/** The series key of a test's runs of one stated precision, when its runs state several. */
function precisionKey(key: string, precision: string): string {
  return `${key} · ${precision}`;
}

/**
 * A test's series: one, when its runs state at most one precision (each run's first result, as
 * met); else one per precision stated (named after it) and one of the runs that do not say.
 */
function seriesOf(test: PrecisionRuns): TestRuns[] {
  const stated = [...test.byPrecision.keys()].filter((precision) => precision !== null);
  if (stated.length <= 1) {
    const first = new Map<string, { readonly result: BenchmarkResult; readonly order: number }>();
    for (const runs of test.byPrecision.values()) {
      for (const [id, run] of runs) {
        const known = first.get(id);
        if (known === undefined || run.order < known.order) first.set(id, run);
      }
    }
    return [seriesWith(test.key, test, null, first, false)];
  }
  return [...test.byPrecision].map(([precision, runs]) =>
    precision === null
      ? seriesWith(test.key, test, null, runs, true)
      : seriesWith(precisionKey(test.key, precision), test, precision, runs, true),
  );
}

function seriesWith(
  key: string,
  test: PrecisionRuns,
  precision: string | null,
  runs: ReadonlyMap<string, { readonly result: BenchmarkResult; readonly order: number }>,
  split: boolean,
): TestRuns {
  const byDataset = new Map<string, BenchmarkResult>();
  // In the order the runs were met, as a test's runs are everywhere else.
  const ordered = [...runs].sort((a, b) => a[1].order - b[1].order);
  for (const [id, run] of ordered) byDataset.set(id, run.result);
  return {
    key,
    suite: test.suite,
    testName: test.testName,
    byDataset,
    ...(split ? { splitPrecision: precision } : {}),
  };
}

/** A series' name: the test's, and the precision when the test's runs were split by it. */
function seriesName(result: BenchmarkResult, precision: string | null): string {
  return `${result.testName} · ${precision ?? 'precision not stated'}`;
}

/**
 * The history series a result belongs to among a GPU's tests (keyed by TestRuns.key): its
 * precision's when the test's runs were split by precision, else the test's.
 */
export function seriesOfResult(
  tests: ReadonlyMap<string, TestRuns>,
  result: BenchmarkResult,
): TestRuns | undefined {
  const key = seriesKey(result);
  const precision = precisionOf(result);
  if (precision !== null) {
    const own = tests.get(precisionKey(key, precision));
    if (own !== undefined) return own;
  }
  const test = tests.get(key);
  // A split test's unnamed series holds only the runs that do not say their precision.
  if (test?.splitPrecision !== undefined && precision !== null) return undefined;
  return test;
}

/** Each view's history, so the views that read one (History, Regressions, Compare) group once. */
const sourceOfView = new WeakMap<ResultsView, HistorySource>();

/**
 * The visible results grouped by GPU, test (alignment key) and run. A run with two results of one
 * test keeps the first, as the comparison does, so both views show the same value. A view is never
 * changed once made, so its history is worked out once and shared by everything that asks.
 */
export function historySource(view: ResultsView): HistorySource {
  let source = sourceOfView.get(view);
  if (source === undefined) {
    source = groupHistory(view);
    sourceOfView.set(view, source);
  }
  return source;
}

function groupHistory(view: ResultsView): HistorySource {
  const { index } = view;
  const gpuCodes = index.codes.gpu;
  // First, cheaply on the typed arrays: which datasets each GPU's visible results come from.
  const datasetsOfGpu = index.groupValues.gpu.map(() => new Set<number>());
  let visible = 0;
  for (const suite of SUITES) {
    const positions = view.visible[suite];
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      datasetsOfGpu[gpuCodes[position] ?? 0]?.add(index.datasetOf[position] ?? 0);
      visible += 1;
    }
  }
  // Then tests, only on GPUs that several datasets have results on. Results of one test nearly
  // always share its name: the key is built once per name and reused while the fields agree.
  const testsOfGpu = new Map<number, Map<string, PrecisionRuns>>();
  let seen = 0;
  const keyOfName = new Array<{ result: BenchmarkResult; key: string } | undefined>(
    index.testNames.length,
  );
  for (const suite of SUITES) {
    const positions = view.visible[suite];
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      const code = gpuCodes[position] ?? 0;
      if ((datasetsOfGpu[code]?.size ?? 0) < 2) continue;
      const result = index.results.peek(position);
      const dataset = index.datasets[index.datasetOf[position] ?? 0];
      if (result === undefined || dataset === undefined) continue;
      let tests = testsOfGpu.get(code);
      if (tests === undefined) {
        tests = new Map();
        testsOfGpu.set(code, tests);
      }
      const nameCode = index.testNameOf[position] ?? 0;
      const known = keyOfName[nameCode];
      let key: string;
      if (known !== undefined && sameTest(known.result, result)) {
        key = known.key;
      } else {
        key = seriesKey(result);
        keyOfName[nameCode] ??= { result, key };
      }
      let test = tests.get(key);
      if (test === undefined) {
        test = { key, suite: result.suite, testName: result.testName, byPrecision: new Map() };
        tests.set(key, test);
      }
      const precision = precisionOf(result);
      let runs = test.byPrecision.get(precision);
      if (runs === undefined) {
        runs = new Map();
        test.byPrecision.set(precision, runs);
      }
      if (!runs.has(dataset.id)) runs.set(dataset.id, { result, order: seen });
      seen += 1;
    }
  }

  const groups: HistoryGpuGroup[] = [];
  index.groupValues.gpu.forEach(({ value: gpu }, code) => {
    const byKey = testsOfGpu.get(code);
    if (byKey === undefined) return;
    const shared = [...byKey.values()].flatMap(seriesOf).filter((test) => test.byDataset.size > 1);
    const ids = new Set(shared.flatMap((test) => [...test.byDataset.keys()]));
    if (ids.size < 2) return;
    const datasets = index.datasets.filter((dataset) => ids.has(dataset.id));
    // A test's name as the earliest loaded run spells it.
    const named = shared.map((test) => {
      const first = datasets.find((dataset) => test.byDataset.has(dataset.id));
      const result = first === undefined ? undefined : test.byDataset.get(first.id);
      if (result === undefined) return test;
      const of = test.splitPrecision;
      return { ...test, testName: of === undefined ? result.testName : seriesName(result, of) };
    });
    const suites = new Set(shared.map((test) => test.suite));
    const metricKeys = SUITES.filter((suite) => suites.has(suite)).flatMap(
      (suite) => index.metricKeys[suite],
    );
    groups.push({ gpu, datasets, tests: named, metricKeys: [...new Set(metricKeys)] });
  });
  let emptyReason: HistoryEmptyReason | null = null;
  if (groups.length === 0) {
    const severalDatasets = datasetsOfGpu.some((datasets) => datasets.size > 1);
    emptyReason =
      visible === 0 ? 'no-results' : severalDatasets ? 'no-shared-tests' : 'one-dataset-per-gpu';
  }
  return { groups, emptyReason };
}

/** A result's value of a metric when it is a finite number; null when absent, null or not finite. */
export function metricValue(result: BenchmarkResult | undefined, key: string): number | null {
  if (result === undefined || !Object.hasOwn(result.metrics, key)) return null;
  const value = result.metrics[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function hasValue(result: BenchmarkResult | undefined, key: string): boolean {
  return metricValue(result, key) !== null;
}

/**
 * The metric keys with at least one value in the group's shared tests, in the tables' column
 * order (latency, throughput, TTFT, TPOT, ITL, E2E latency, counts, then others).
 */
export function historyMetricKeys(group: HistoryGpuGroup): string[] {
  // Usually the first result has a value, so each key costs a look or two.
  return orderMetricKeys(
    group.metricKeys.filter((key) =>
      group.tests.some((test) =>
        [...test.byDataset.values()].some((result) => hasValue(result, key)),
      ),
    ),
  );
}

/** The metric shown first: mean TTFT (serving), else mean latency, else the first there is. */
export function defaultHistoryMetric(keys: readonly string[]): string | null {
  if (keys.includes('ttft_mean')) return 'ttft_mean';
  if (keys.includes('latency_mean')) return 'latency_mean';
  return keys[0] ?? null;
}

/** A test to pick: its alignment key and its name. */
export interface HistoryTestChoice {
  readonly key: string;
  readonly label: string;
}

/** The group's shared tests with at least one value of the metric, in reading order. */
export function historyTestChoices(group: HistoryGpuGroup, metricKey: string): HistoryTestChoice[] {
  return group.tests
    .filter((test) => [...test.byDataset.values()].some((result) => hasValue(result, metricKey)))
    .map((test) => ({ key: test.key, label: test.testName }));
}
