/**
 * History: one metric of the same tests across several runs of one GPU (nightlies of different
 * dates, a series of PR runs), in date order, each value set against a baseline run. Plain data in,
 * plain data out; the History chart renders what this computes.
 *
 * - A run is a loaded dataset; a test is an alignment key (compare.ts), so two files that spell a
 *   test differently still meet, and the results of one GPU are never mixed with another's.
 * - Only visible results count: what the filters hide (a GPU, a model, a QPS, a dataset) is not
 *   part of any history.
 * - Order: runs whose file gives a date (`meta.date`) are in date order; runs without one keep the
 *   place the user gives them (default: the order loaded). When every run has a date, the order is
 *   the dates'; when none has, it is the user's.
 */
import { alignmentKey } from '../compare/align-results';
import { changePercent, formatChange } from '../compare/metric-verdict';
import { formatMetricValue, metricHeader } from '../format';
import { describeMetric, directionText, type MetricDirection } from '../metrics';
import { orderMetricKeys, type ResultsView } from '../results/result-index';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from '../results/result-model';

// ---------------------------------------------------------------------------------------------
// What the visible results hold

/** One test on one GPU: the first visible result of each run that has it. */
interface TestRuns {
  readonly key: string;
  readonly suite: Suite;
  /** The test name of the first run (in the order loaded) that has it. */
  readonly testName: string;
  readonly byDataset: Map<string, BenchmarkResult>;
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
 * True when two results are the same test by every field alignmentKey reads, compared as it
 * compares them (PP 1 = no PP). A NaN field compares unequal, which only costs a full key.
 */
function sameTest(a: BenchmarkResult, b: BenchmarkResult): boolean {
  return (
    a.suite === b.suite &&
    a.model === b.model &&
    a.tp === b.tp &&
    (a.pp === 1 ? null : a.pp) === (b.pp === 1 ? null : b.pp) &&
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

/**
 * The visible results grouped by GPU, test (alignment key) and run. A run with two results of one
 * test keeps the first, as the comparison does, so both views show the same value.
 */
export function historySource(view: ResultsView): HistorySource {
  const { index } = view;
  const gpuCodes = index.codes.gpu;
  // First, cheaply on the typed arrays: which datasets each GPU's visible results come from.
  const datasetsOfGpu = index.groupValues.gpu.map(() => new Set<number>());
  let visible = 0;
  for (const suite of SUITES) {
    for (const position of view.visible[suite]) {
      datasetsOfGpu[gpuCodes[position] ?? 0]?.add(index.datasetOf[position] ?? 0);
      visible += 1;
    }
  }
  // Then tests, only on GPUs that several datasets have results on. Results of one test nearly
  // always share its name: the key is built once per name and reused while the fields agree.
  const testsOfGpu = new Map<number, Map<string, TestRuns>>();
  const keyOfName = new Array<{ result: BenchmarkResult; key: string } | undefined>(
    index.testNames.length,
  );
  for (const suite of SUITES) {
    for (const position of view.visible[suite]) {
      const code = gpuCodes[position] ?? 0;
      if ((datasetsOfGpu[code]?.size ?? 0) < 2) continue;
      const result = index.results[position];
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
        key = alignmentKey(result);
        keyOfName[nameCode] ??= { result, key };
      }
      let test = tests.get(key);
      if (test === undefined) {
        test = { key, suite: result.suite, testName: result.testName, byDataset: new Map() };
        tests.set(key, test);
      }
      if (!test.byDataset.has(dataset.id)) test.byDataset.set(dataset.id, result);
    }
  }

  const groups: HistoryGpuGroup[] = [];
  index.groupValues.gpu.forEach(({ value: gpu }, code) => {
    const tests = testsOfGpu.get(code);
    if (tests === undefined) return;
    const shared = [...tests.values()].filter((test) => test.byDataset.size > 1);
    const ids = new Set(shared.flatMap((test) => [...test.byDataset.keys()]));
    if (ids.size < 2) return;
    const datasets = index.datasets.filter((dataset) => ids.has(dataset.id));
    // A test's name as the earliest loaded run spells it.
    const named = shared.map((test) => {
      const first = datasets.find((dataset) => test.byDataset.has(dataset.id));
      const result = first === undefined ? undefined : test.byDataset.get(first.id);
      return result === undefined ? test : { ...test, testName: result.testName };
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

function hasValue(result: BenchmarkResult | undefined, key: string): boolean {
  const value =
    result === undefined || !Object.hasOwn(result.metrics, key) ? null : result.metrics[key];
  return typeof value === 'number' && Number.isFinite(value);
}

function metricValue(result: BenchmarkResult | undefined, key: string): number | null {
  if (result === undefined || !Object.hasOwn(result.metrics, key)) return null;
  const value = result.metrics[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
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

// ---------------------------------------------------------------------------------------------
// Order

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** A dataset's date when its file gave a usable one (ISO 8601 without zone); null otherwise. */
export function datasetDate(dataset: Pick<Dataset, 'meta'>): string | null {
  const date = dataset.meta?.date;
  return typeof date === 'string' && ISO_DATE.test(date) ? date : null;
}

/** `2024-09-17T03:15:33` → `2024-09-17 03:15`, as the chart and table show a date. */
export function formatHistoryDate(date: string): string {
  return date.replace('T', ' ').slice(0, 16);
}

/** How the runs of a history are ordered. */
export type HistoryOrdering =
  /** Every run has a date: date order. */
  | 'date'
  /** No run has a date: the user's order. */
  | 'user'
  /** Runs with a date in date order, in the places not taken by runs without one. */
  | 'mixed';

interface Orderable {
  readonly id: string;
  readonly date: string | null;
}

/**
 * The runs in history order. `userOrder` is a list of dataset ids (unknown ids ignored; runs it
 * does not list follow in the given order). Runs without a date take their place in that order;
 * the places left are filled by the runs with a date, earliest first (equal dates keep the user's
 * order). So when all have a date the order is the dates', and when none has it is the user's.
 */
export function orderHistory<T extends Orderable>(
  runs: readonly T[],
  userOrder: readonly string[],
): T[] {
  const byId = new Map(runs.map((run) => [run.id, run]));
  const placed: T[] = [];
  const seen = new Set<string>();
  for (const id of [...userOrder, ...runs.map((run) => run.id)]) {
    const run = byId.get(id);
    if (run === undefined || seen.has(id)) continue;
    seen.add(id);
    placed.push(run);
  }
  // Array.prototype.sort is stable: equal dates keep the user's order.
  const dated = placed
    .filter((run) => run.date !== null)
    .sort((a, b) =>
      (a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0,
    );
  let next = 0;
  return placed.map((run) => {
    if (run.date === null) return run;
    const filler = dated[next] ?? run;
    next += 1;
    return filler;
  });
}

/** Which ordering a set of runs gets (see HistoryOrdering). */
export function historyOrdering(runs: readonly Orderable[]): HistoryOrdering {
  const dated = runs.filter((run) => run.date !== null).length;
  if (dated === runs.length) return 'date';
  return dated === 0 ? 'user' : 'mixed';
}

/**
 * Whether moving the run at `index` by `delta` (−1 earlier, +1 later) changes anything: not past
 * either end, and not past a run with another date when both have one (dates decide those).
 */
export function canMoveRun(runs: readonly Orderable[], index: number, delta: -1 | 1): boolean {
  const run = runs[index];
  const other = runs[index + delta];
  if (run === undefined || other === undefined) return false;
  return run.date === null || other.date === null || run.date === other.date;
}

/** The user order after moving one run of the shown order by `delta` (a new array). */
export function moveRun(shown: readonly string[], id: string, delta: -1 | 1): string[] {
  const order = [...shown];
  const at = order.indexOf(id);
  const to = at + delta;
  if (at === -1 || to < 0 || to >= order.length) return order;
  order[at] = order[to] ?? id;
  order[to] = id;
  return order;
}

// ---------------------------------------------------------------------------------------------
// The chart's data

/** A run on the history's x axis. */
export interface HistoryRun {
  readonly id: string;
  /** The dataset's label, as written (text, never markup). */
  readonly label: string;
  /** The date its file gave (ISO 8601 without zone), or null. */
  readonly date: string | null;
  /** Its x position: 0, 1, 2, … in history order. */
  readonly position: number;
  /** The label for the axis: unique among the runs (`name (2)` for a repeated label). */
  readonly axisLabel: string;
}

/** One test's value in one run. */
export interface HistoryPoint {
  readonly datasetId: string;
  readonly position: number;
  /** The value; null when the run lacks the test or the value (a gap, never 0). */
  readonly value: number | null;
  /** Change from the baseline run's value in percent; null without both values (or from 0). */
  readonly changePct: number | null;
  /**
   * True when the value is worse than the baseline's for the metric's direction (up for lower-is-
   * better, down for higher-is-better); false when equal or better; null without a direction or a
   * change. No noise threshold applies: the chart shows every move, however small.
   */
  readonly worse: boolean | null;
  readonly isBaseline: boolean;
}

export interface HistorySeries {
  /** The test's alignment key. */
  readonly key: string;
  /** A key safe as a recharts dataKey and a CSS class: `s0`, `s1`, … */
  readonly dataKey: string;
  readonly suite: Suite;
  /** The test name. */
  readonly label: string;
  /** One point per run, in history order (points[i].position === i). */
  readonly points: readonly HistoryPoint[];
  /** The baseline run's value of this test; null when it has none. */
  readonly baselineValue: number | null;
}

/** The largest move from the baseline among all points. */
export interface HistoryDrift {
  readonly series: HistorySeries;
  readonly run: HistoryRun;
  readonly changePct: number;
  readonly worse: boolean | null;
}

export interface HistoryBaseline {
  readonly run: HistoryRun;
  /** True when it is the run asked for; false when that run is not here and the first is used. */
  readonly requested: boolean;
}

/** The most tests drawn at once: more lines than this are a tangle, and slow to draw. */
export const MAX_HISTORY_SERIES = 24;

export interface HistoryOptions {
  readonly metricKey: string;
  /** Dataset ids in the user's order; runs not listed follow in the order loaded. */
  readonly order: readonly string[];
  /** The run to compare against; the first run when null or not in this history. */
  readonly baselineId: string | null;
  /** One test's alignment key; null for every shared test. */
  readonly testKey: string | null;
}

export interface HistoryData {
  readonly gpu: string;
  readonly metricKey: string;
  readonly label: string;
  readonly unit: string;
  readonly direction: MetricDirection;
  /** The runs on the x axis: those with a value in some series, plus the baseline asked for. */
  readonly runs: readonly HistoryRun[];
  readonly ordering: HistoryOrdering;
  /** Null when there are no runs. */
  readonly baseline: HistoryBaseline | null;
  /** Whether a baseline was asked for that has no results of this GPU here. */
  readonly baselineMissing: boolean;
  /** One per test with a value, in reading order, at most MAX_HISTORY_SERIES. */
  readonly series: readonly HistorySeries[];
  /** Tests with a value left out to stay within MAX_HISTORY_SERIES. */
  readonly omittedSeries: number;
  /** The largest move from the baseline; null when no value differs from the baseline's. */
  readonly drift: HistoryDrift | null;
  /** How many points (baseline's own left out) have a change from the baseline. */
  readonly compared: number;
}

function uniqueLabels(labels: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  return labels.map((label) => {
    if ((counts.get(label) ?? 0) < 2) return label;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return `${label} (${n})`;
  });
}

function isWorse(
  direction: MetricDirection,
  baseline: number | null,
  value: number | null,
): boolean | null {
  if (direction === 'neutral' || baseline === null || value === null) return null;
  return direction === 'lower' ? value > baseline : value < baseline;
}

/**
 * One GPU's history of one metric: the runs in order, one series per test (one point per run,
 * null where a run has no value), each point's change from the baseline run, and the largest move.
 */
export function historyData(group: HistoryGpuGroup, options: HistoryOptions): HistoryData {
  const info = describeMetric(options.metricKey);
  const withMetric = group.tests.filter(
    (test) =>
      (options.testKey === null || test.key === options.testKey) &&
      [...test.byDataset.values()].some((result) => hasValue(result, options.metricKey)),
  );
  const tests = withMetric.slice(0, MAX_HISTORY_SERIES);
  const requested =
    options.baselineId === null
      ? undefined
      : group.datasets.find((dataset) => dataset.id === options.baselineId);
  // Runs with a value in a shown series; the baseline asked for stays, to show where it stands.
  const withValues = group.datasets.filter(
    (dataset) =>
      dataset === requested ||
      tests.some((test) => hasValue(test.byDataset.get(dataset.id), options.metricKey)),
  );
  const ordered = orderHistory(
    withValues.map((dataset) => ({ id: dataset.id, date: datasetDate(dataset), dataset })),
    options.order,
  );
  const axisLabels = uniqueLabels(ordered.map((entry) => entry.dataset.label));
  const runs: HistoryRun[] = ordered.map((entry, position) => ({
    id: entry.id,
    label: entry.dataset.label,
    date: entry.date,
    position,
    axisLabel: axisLabels[position] ?? entry.dataset.label,
  }));
  const baselineRun =
    (requested === undefined ? undefined : runs.find((run) => run.id === requested.id)) ?? runs[0];
  const baseline: HistoryBaseline | null =
    baselineRun === undefined
      ? null
      : { run: baselineRun, requested: requested !== undefined && baselineRun.id === requested.id };

  const series: HistorySeries[] = tests.map((test, i) => {
    const baselineValue =
      baselineRun === undefined
        ? null
        : metricValue(test.byDataset.get(baselineRun.id), options.metricKey);
    const points = runs.map((run): HistoryPoint => {
      const value = metricValue(test.byDataset.get(run.id), options.metricKey);
      return {
        datasetId: run.id,
        position: run.position,
        value,
        changePct: changePercent(baselineValue, value),
        worse: isWorse(info.direction, baselineValue, value),
        isBaseline: run.id === baselineRun?.id,
      };
    });
    return {
      key: test.key,
      dataKey: `s${i}`,
      suite: test.suite,
      label: test.testName,
      points,
      baselineValue,
    };
  });

  let drift: HistoryDrift | null = null;
  let compared = 0;
  for (const line of series) {
    for (const point of line.points) {
      const run = runs[point.position];
      if (point.isBaseline || point.changePct === null || run === undefined) continue;
      compared += 1;
      if (point.changePct === 0) continue;
      if (drift === null || Math.abs(point.changePct) > Math.abs(drift.changePct)) {
        drift = { series: line, run, changePct: point.changePct, worse: point.worse };
      }
    }
  }

  return {
    gpu: group.gpu,
    metricKey: options.metricKey,
    label: info.label,
    unit: info.unit,
    direction: info.direction,
    runs,
    ordering: historyOrdering(runs),
    baseline,
    baselineMissing: options.baselineId !== null && requested === undefined,
    series,
    omittedSeries: withMetric.length - tests.length,
    drift,
    compared,
  };
}

// ---------------------------------------------------------------------------------------------
// What the chart plots, and the words around it

/** What the y axis shows: the values, or each value's change from the baseline in percent. */
export type HistoryScale = 'value' | 'change';

/** One row per run for the line chart: `position`, and per series `dataKey` → number or null. */
export type HistoryChartRow = Readonly<Record<string, number | null>> & {
  readonly position: number;
};

/** The rows a line chart plots (nulls are gaps: lines are not drawn through them). */
export function historyChartRows(data: HistoryData, scale: HistoryScale): HistoryChartRow[] {
  return data.runs.map((run) => {
    const row: Record<string, number | null> = { position: run.position };
    for (const line of data.series) {
      const point = line.points[run.position];
      row[line.dataKey] = (scale === 'value' ? point?.value : point?.changePct) ?? null;
    }
    return row as HistoryChartRow;
  });
}

/** A y axis: its domain and round ticks. */
export interface HistoryAxis {
  readonly domain: [number, number];
  readonly ticks: number[];
}

/**
 * The change axis (percent): always through 0, the baseline's level, with round ticks (steps of
 * 1, 2, 2.5 or 5 × 10^k, about four of them) reaching past the largest rise and fall shown.
 * Without any change it spans −1% to +1%, so flat lines sit in the middle, not on an edge.
 */
export function historyChangeAxis(data: HistoryData, shown: readonly HistorySeries[]): HistoryAxis {
  let low = 0;
  let high = 0;
  for (const line of shown) {
    for (const point of line.points) {
      if (point.changePct === null) continue;
      low = Math.min(low, point.changePct);
      high = Math.max(high, point.changePct);
    }
  }
  if (data.runs.length === 0 || (low === 0 && high === 0)) {
    return { domain: [-1, 1], ticks: [-1, -0.5, 0, 0.5, 1] };
  }
  const rough = (high - low) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
    Number(((first + i) * step).toPrecision(12)),
  );
  return { domain: [ticks[0] ?? low, ticks[ticks.length - 1] ?? high], ticks };
}

/** The change of a point as a table cell: `Baseline`, `+12.3% (worse)`, `-4.0% (better)`, `—`. */
export function historyChangeText(point: HistoryPoint): string {
  if (point.isBaseline) return 'Baseline';
  const change = formatChange(point.changePct);
  if (point.changePct === null || point.worse === null || change === '0.0%') return change;
  return `${change} (${point.worse ? 'worse' : 'better'})`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const ORDER_WORDS: Readonly<Record<HistoryOrdering, string>> = {
  date: 'in date order',
  user: 'in the order set',
  mixed: 'dated runs in date order, the others in the order set',
};

/**
 * The chart's text alternative: `Mean TTFT (ms, lower is better) of 3 tests on 8×H100 across 4
 * datasets, in date order; baseline nightly-a.md. Largest drift +12.3% (worse):
 * serving_llama8B_tp1_sharegpt_qps_inf in nightly-c.md.`
 */
export function historySummary(data: HistoryData): string {
  const unitParts = [data.unit, directionText(data.direction)].filter((part) => part !== '');
  const metric = unitParts.length === 0 ? data.label : `${data.label} (${unitParts.join(', ')})`;
  if (data.series.length === 0 || data.runs.length < 2) {
    return `No two datasets on ${data.gpu} have ${data.label} values for the same test.`;
  }
  const tests =
    data.omittedSeries === 0
      ? plural(data.series.length, 'test')
      : `the first ${data.series.length} of ${plural(data.series.length + data.omittedSeries, 'test')}`;
  const head = `${metric} of ${tests} on ${data.gpu} across ${plural(data.runs.length, 'dataset')}, ${ORDER_WORDS[data.ordering]}`;
  const baseline = data.baseline === null ? '' : `; baseline ${data.baseline.run.label}`;
  if (data.drift === null) {
    return data.compared === 0
      ? `${head}${baseline}. No change from the baseline can be worked out: it has none of these values.`
      : `${head}${baseline}. Every value equals the baseline's.`;
  }
  const verdict =
    data.drift.worse === null || data.drift.changePct === 0
      ? ''
      : ` (${data.drift.worse ? 'worse' : 'better'})`;
  return `${head}${baseline}. Largest drift ${formatChange(data.drift.changePct)}${verdict}: ${data.drift.series.label} in ${data.drift.run.label}.`;
}

/** Why there is no history, in words a person can act on. */
export function historyEmptyText(reason: HistoryEmptyReason): string {
  const what =
    'A history needs at least two datasets with results of the same tests on the same GPU, such as nightlies of different dates or a series of PR runs.';
  if (reason === 'no-results') return `${what} No results match the filters.`;
  if (reason === 'no-shared-tests') {
    return `${what} Datasets share a GPU here, but no test that the filters show. Widen the filters or load runs of the same tests.`;
  }
  return `${what} Each GPU's visible results come from one dataset. Load another run of a GPU (Load results), or show hidden datasets.`;
}

/** A value with its unit for the table: `240.66 ms`, `—` when missing. */
export function historyValueText(metricKey: string, value: number | null, unit: string): string {
  const text = formatMetricValue(metricKey, value);
  return value === null || unit === '' ? text : `${text} ${unit}`;
}

/** A metric's option text: `Mean TTFT (ms)`. */
export function historyMetricLabel(key: string): string {
  return metricHeader(key);
}
