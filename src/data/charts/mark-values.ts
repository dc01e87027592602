import { VLLM } from '../engines';
import { modelLabel } from '../models';
import { beyondOne } from '../results/parallelism';
import type { ResultsView } from '../results/results-view';
import { plainResult, type BenchmarkResult, type Suite } from '../results/result-model';
import { rangeSteps, runSteps, type Steps } from '../results/steps';

/**
 * The value behind one chart mark (a bar, a point): the mean of every visible result that falls
 * on it, with where those results came from. Usually one result from one dataset; several when
 * more runs of the same GPU are loaded, and then the chart shows their mean and says so.
 */
export interface MarkValue {
  readonly value: number;
  /** How many results were averaged. */
  readonly count: number;
  /** Distinct test names behind the mark, in the order met. */
  readonly testNames: readonly string[];
  /** Distinct dataset labels behind the mark, in the order met. */
  readonly datasets: readonly string[];
}

/**
 * Distinct strings in the order first met. A mark usually sees one name and one dataset, but a
 * history of a hundred runs puts a hundred datasets behind each mark: past a few entries the
 * list keeps a set beside it, so adding stays constant time instead of a scan of the list (at a
 * million results, the scans took over a second in one chart's render).
 */
export class DistinctList {
  private readonly items: string[] = [];
  private seen: Set<string> | null = null;

  add(item: string): void {
    const { items } = this;
    if (items[items.length - 1] === item) return;
    if (this.seen !== null) {
      if (this.seen.has(item)) return;
      this.seen.add(item);
    } else if (items.includes(item)) {
      return;
    } else if (items.length >= DistinctList.SCAN_LIMIT) {
      this.seen = new Set(items).add(item);
    }
    items.push(item);
  }

  /** A copy of the items, in the order first met. */
  list(): string[] {
    return this.items.slice();
  }

  /** Up to this many items are looked for by a scan of the list. */
  static readonly SCAN_LIMIT = 8;
}

/**
 * Sums results into one mark; `value()` is null until a finite number was added. Kept small (a
 * few fields, short lists) because a chart makes one per mark on every change of its options.
 */
export class MarkSum {
  private sum = 0;
  private count = 0;
  private readonly testNames = new DistinctList();
  private readonly datasets = new DistinctList();

  /** Adds a measured value; null, NaN and infinities are missing values and are skipped. */
  add(value: number | null | undefined, testName: string, dataset: string): void {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    this.sum += value;
    this.count += 1;
    this.testNames.add(testName);
    this.datasets.add(dataset);
  }

  value(): MarkValue | null {
    if (this.count === 0) return null;
    return {
      value: this.sum / this.count,
      count: this.count,
      testNames: this.testNames.list(),
      datasets: this.datasets.list(),
    };
  }
}

/**
 * Calls `visit` for every visible result of a suite, in reading order, with its position in the
 * index (to read `index.results` or a column of `index.values` at), its dataset's label, its
 * GPU's code in `index.groupValues.gpu` (its ChartGpu is `g<code>`) and its test name's code in
 * `index.testNames` (a number to group by, where a string key would be hashed per row). Copies
 * no rows.
 */
export function forEachVisible(
  view: ResultsView,
  suite: Suite,
  visit: (position: number, dataset: string, gpuCode: number, nameCode: number) => void,
): void {
  forEachVisibleIn(view, suite, 0, view.visible[suite].length, visit);
}

/** `forEachVisible` as steps (see steps.ts): a pause every STEP_ROWS visible results. */
export function* forEachVisibleSteps(
  view: ResultsView,
  suite: Suite,
  visit: (position: number, dataset: string, gpuCode: number, nameCode: number) => void,
): Steps<void> {
  yield* rangeSteps(view.visible[suite].length, ({ from, to }) => {
    forEachVisibleIn(view, suite, from, to, visit);
  });
}

/** `forEachVisible` for the visible results `from` … `to` − 1 of a suite. */
function forEachVisibleIn(
  view: ResultsView,
  suite: Suite,
  from: number,
  to: number,
  visit: (position: number, dataset: string, gpuCode: number, nameCode: number) => void,
): void {
  const { index } = view;
  const labels = index.datasets.map((dataset) => dataset.label);
  const { datasetOf, testNameOf } = index;
  const gpuOf = index.codes.gpu;
  const positions = view.visible[suite];
  for (let i = from; i < to; i += 1) {
    const position = positions[i] ?? 0;
    visit(
      position,
      labels[datasetOf[position] ?? 0] ?? '',
      gpuOf[position] ?? 0,
      testNameOf[position] ?? 0,
    );
  }
}

/** The result at a position of the index (positions come from the index, so one is there). */
export function resultAt(view: ResultsView, position: number): BenchmarkResult {
  return view.index.results.at(position) as BenchmarkResult;
}

/**
 * A test's short name for people, without GPU and QPS: `Llama 3.1 8B · TP1`, plus the variant and
 * (for serving) the prompt dataset when the result has them: `Llama 3 70B · TP4 · sharegpt`.
 */
export function testLabel(result: BenchmarkResult): string {
  const parts = [modelLabel(result.model)];
  if (result.tp !== null) parts.push(`TP${result.tp}`);
  const pp = beyondOne(result.pp);
  const dp = beyondOne(result.dp);
  if (pp !== null) parts.push(`PP${pp}`);
  if (dp !== null) parts.push(`DP${dp}`);
  if (result.dataset !== null) parts.push(result.dataset);
  if (result.variant !== null) parts.push(result.variant);
  if (result.concurrency !== null) parts.push(`concurrency ${result.concurrency}`);
  // vLLM is the dashboard's default; any other engine (or none stated) is named.
  if (result.engine !== VLLM) parts.push(result.engine ?? 'engine not stated');
  return parts.join(' · ');
}

/**
 * One number per code (a test name's or a GPU's) and engine code: what charts group rows by, so
 * one engine's results are never averaged with another's of the same test name or GPU.
 */
export function testOfEngine(nameCode: number, engineCode: number): number {
  return nameCode * 0x10000 + engineCode;
}

/** A test's key, with its engine when that is not vLLM (the keys of vLLM's tests stay as they were). */
export function engineScoped(key: string, engine: string | null): string {
  return engine === VLLM ? key : `${key} · ${engine ?? 'engine not stated'}`;
}

const QPS_PART = /_qps_[^_]+/;

/**
 * What groups serving results into one line: the test name without its QPS part
 * (`serving_llama8B_tp1_sharegpt_qps_16` → `serving_llama8B_tp1_sharegpt`).
 */
export function servingTestFamily(testName: string): string {
  return testName.replace(QPS_PART, '');
}

/**
 * The mean of the finite values added, and nothing else: a further metric's sums, which charts
 * read as a number (saturation), not as a mark with the tests and datasets behind it. Per row it
 * is an addition, where a MarkSum also keeps two lists: over 75,000 serving rows the serving
 * chart's four further metrics were most of its derivation.
 */
export class MeanSum {
  private sum = 0;
  private count = 0;

  /** Adds a measured value; null, NaN and infinities are missing values and are skipped. */
  add(value: number | null | undefined): void {
    // Only a finite number is finite: null and undefined are skipped with NaN and infinities.
    if (!Number.isFinite(value)) return;
    this.sum += value as number;
    this.count += 1;
  }

  /** The mean of the values added; null when none was. */
  mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }
}

/** At one offered QPS, the sums of a first and a second metric, and the means of further ones. */
export interface QpsSums<K extends string = never> {
  readonly first: MarkSum;
  readonly second: MarkSum;
  readonly more: Readonly<Record<K, MeanSum>>;
  /** The same means as `more`, in the order of the keys asked for. */
  readonly moreInOrder: readonly MeanSum[];
}

/** Per offered QPS, the sums of a first and a second metric (and of further ones). */
export type QpsPairSums<K extends string = never> = Map<number, QpsSums<K>>;

/** One GPU's and engine's sums in a serving test family. */
export interface EngineSeriesSums<K extends string = never> {
  readonly gpuCode: number;
  readonly engine: string | null;
  /** qps → sums of the first, the second and the further metrics. */
  readonly byQps: QpsPairSums<K>;
}

/** Sums of two metrics (and of further ones) per serving test family, GPU, engine and QPS. */
export interface ServingPairSums<K extends string = never> {
  /** The family's label without its engine (`Llama 3.1 8B · TP1 · sharegpt`). */
  readonly label: string;
  /** By GPU and engine code (testOfEngine(gpu code, engine code)). */
  readonly series: Map<number, EngineSeriesSums<K>>;
}

/**
 * Visible serving results summed per test family (model), GPU, engine and QPS for two metrics at
 * once (and the further metrics `moreKeys`), families in reading order. One engine's results are
 * never averaged with another's: each GPU has a series per engine, so engines measured on the
 * same test meet in one family. Rows without a QPS are left out; each test name's family is
 * worked out once.
 */
export function servingPairSums<K extends string = never>(
  view: ResultsView,
  firstKey: string,
  secondKey: string,
  moreKeys: readonly K[] = [],
): Map<string, ServingPairSums<K>> {
  return runSteps(servingPairSumsSteps(view, firstKey, secondKey, moreKeys));
}

/** `servingPairSums` as steps (see steps.ts): its columns read, then its rows, a pause per step. */
export function* servingPairSumsSteps<K extends string = never>(
  view: ResultsView,
  firstKey: string,
  secondKey: string,
  moreKeys: readonly K[],
): Steps<Map<string, ServingPairSums<K>>> {
  const families = new Map<string, ServingPairSums<K>>();
  const { values, testNames } = view.index;
  const qpsOf = yield* values.dimensionSteps('qps', (result) => result.qps);
  const firstOf = yield* values.metricSteps(firstKey);
  const secondOf = yield* values.metricSteps(secondKey);
  const moreOf: Float64Array[] = [];
  for (const key of moreKeys) moreOf.push(yield* values.metricSteps(key));
  // Each test name's family, found once per name (by its code), not once per row.
  const familyOf = new Map<number, ServingPairSums<K>>();
  const engineCodes = view.index.codes.engine;
  // Rows of one mark are neighbours in reading order (a history puts every night of a test at one
  // QPS one after another): a row with the previous row's test, GPU, engine and QPS adds to the
  // same sums without looking them up.
  let last: QpsSums<K> | null = null;
  let lastName = -1;
  let lastSeries = -1;
  let lastQps = Number.NaN;
  const add = (sums: QpsSums<K>, position: number, nameCode: number, dataset: string): void => {
    const testName = testNames[nameCode] ?? '';
    sums.first.add(firstOf[position], testName, dataset);
    sums.second.add(secondOf[position], testName, dataset);
    // Indexed, not `for … of` or destructured: either makes an iterator and its entries per row
    // until the code is optimised, and this runs once per visible row; by position in the list,
    // not by key (a lookup by a computed name per row).
    const { moreInOrder } = sums;
    for (let k = 0; k < moreInOrder.length; k += 1) {
      (moreInOrder[k] as MeanSum).add(moreOf[k]?.[position]);
    }
  };
  const visit = (position: number, dataset: string, gpuCode: number, nameCode: number): void => {
    const qps = qpsOf[position] ?? Number.NaN;
    if (Number.isNaN(qps)) return;
    const seriesCode = testOfEngine(gpuCode, engineCodes[position] ?? 0);
    if (last !== null && nameCode === lastName && seriesCode === lastSeries && qps === lastQps) {
      add(last, position, nameCode, dataset);
      return;
    }
    let family = familyOf.get(nameCode);
    if (family === undefined) {
      const result = resultAt(view, position);
      const key = servingTestFamily(result.testName);
      family = families.get(key);
      if (family === undefined) {
        family = { label: testLabel(plainResult(result, { engine: VLLM })), series: new Map() };
        families.set(key, family);
      }
      familyOf.set(nameCode, family);
    }
    let series = family.series.get(seriesCode);
    if (series === undefined) {
      series = { gpuCode, engine: resultAt(view, position).engine, byQps: new Map() };
      family.series.set(seriesCode, series);
    }
    const { byQps } = series;
    let sums = byQps.get(qps);
    if (sums === undefined) {
      const moreInOrder = moreKeys.map(() => new MeanSum());
      const more = Object.fromEntries(moreKeys.map((key, k) => [key, moreInOrder[k]]));
      sums = {
        first: new MarkSum(),
        second: new MarkSum(),
        more: more as Record<K, MeanSum>,
        moreInOrder,
      };
      byQps.set(qps, sums);
    }
    last = sums;
    lastName = nameCode;
    lastSeries = seriesCode;
    lastQps = qps;
    add(sums, position, nameCode, dataset);
  };
  yield* forEachVisibleSteps(view, 'serving', visit);
  return families;
}
