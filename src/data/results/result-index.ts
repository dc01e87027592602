import { formatQps } from '../format';
import { gpuLabel } from '../gpu';
import { modelLabel } from '../models';
import { SUITES, type BenchmarkResult, type Dataset, type Suite } from './result-model';

/**
 * The loaded results in a shape that filters and sorts fast at a million rows: results in reading
 * order (model, TP, GPU, QPS with ∞ last, concurrency, dataset, test name), and per row small
 * integer codes for every filter group, so a filter is a loop over typed arrays.
 */

/** Filter groups shared by every table and chart, in the order the filter bar shows them. */
export type FilterGroup = 'model' | 'gpu' | 'qps' | 'tp' | 'dataset';

export const FILTER_GROUPS: readonly FilterGroup[] = ['model', 'gpu', 'qps', 'tp', 'dataset'];

/**
 * The values a user has unchecked, per group. Storing what is hidden (not what is shown) means
 * values that arrive with new data are visible until someone hides them.
 */
export type HiddenValues = Readonly<Record<FilterGroup, readonly string[]>>;

export const NOTHING_HIDDEN: HiddenValues = { model: [], gpu: [], qps: [], tp: [], dataset: [] };

/** One value of a filter group: its key (kept in the URL), its label for people, its sort rank = code. */
export interface GroupValue {
  readonly value: string;
  readonly label: string;
}

/** A code meaning "this group does not apply to the row" (QPS of a latency result). */
export const NOT_APPLICABLE = 0xffff;

export interface ResultIndex {
  readonly datasets: readonly Dataset[];
  /** Every loaded result, in reading order. Positions in this array identify rows everywhere. */
  readonly results: readonly BenchmarkResult[];
  /** Index into `datasets` of each result's dataset. */
  readonly datasetOf: Uint32Array;
  /** Positions of each suite's results, ascending (so in reading order). */
  readonly bySuite: Readonly<Record<Suite, Uint32Array>>;
  /** Per group: the values present, ordered for people; and each row's value as a code into them. */
  readonly groupValues: Readonly<Record<FilterGroup, readonly GroupValue[]>>;
  readonly codes: Readonly<Record<FilterGroup, Uint16Array>>;
  /** Distinct test names and each row's name as a code, so a search looks at each name once. */
  readonly testNames: readonly string[];
  readonly testNameOf: Uint32Array;
  /** Metric keys present in each suite, over all loaded rows (columns do not jump with filters). */
  readonly metricKeys: Readonly<Record<Suite, readonly string[]>>;
}

/** The value key a result has in a group; null when the group does not apply. */
export function groupValueOf(
  result: BenchmarkResult,
  group: FilterGroup,
  datasetId: string,
): string | null {
  switch (group) {
    case 'model':
      return result.model;
    case 'gpu':
      return gpuLabel(result.gpu);
    case 'qps':
      // QPS is a serving setting: latency and throughput results are never hidden by it.
      return result.suite === 'serving' ? formatQps(result.qps) : null;
    case 'tp':
      return result.tp === null ? '—' : String(result.tp);
    case 'dataset':
      return datasetId;
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Numbers by size, `inf` after them, unknown (`—`) last: [unknown?, size]. */
function numericKey(value: string): readonly [number, number] {
  if (value === 'inf') return [0, Infinity];
  const number = Number(value);
  return Number.isNaN(number) ? [1, 0] : [0, number];
}

function compareNumericValues(a: string, b: string): number {
  const [unknownA, sizeA] = numericKey(a);
  const [unknownB, sizeB] = numericKey(b);
  return unknownA - unknownB || (sizeA < sizeB ? -1 : sizeA > sizeB ? 1 : 0);
}

/** Orders a group's distinct values for people: names by natural order, numbers by size with ∞ and unknown last. */
function orderValues(
  group: FilterGroup,
  values: GroupValue[],
  datasetOrder: ReadonlyMap<string, number>,
): GroupValue[] {
  if (group === 'qps' || group === 'tp') {
    return values.sort((a, b) => compareNumericValues(a.value, b.value));
  }
  if (group === 'dataset') {
    return values.sort(
      (a, b) => (datasetOrder.get(a.value) ?? 0) - (datasetOrder.get(b.value) ?? 0),
    );
  }
  return values.sort((a, b) => collator.compare(a.label, b.label));
}

function labelOf(
  group: FilterGroup,
  value: string,
  datasetLabels: ReadonlyMap<string, string>,
): string {
  if (group === 'model') return modelLabel(value);
  if (group === 'dataset') return datasetLabels.get(value) ?? value;
  return value;
}

function compareNullableNumbers(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

const METRIC_ORDER: readonly string[] = [
  'latency_mean',
  'latency_median',
  'latency_p99',
  'latency_std',
  'latency_p10',
  'latency_p25',
  'latency_p75',
  'latency_p90',
  'request_throughput',
  'request_goodput',
  'token_throughput',
  'total_token_throughput',
  'output_throughput',
  'input_throughput',
  'ttft_mean',
  'ttft_median',
  'ttft_p99',
  'ttft_std',
  'tpot_mean',
  'tpot_median',
  'tpot_p99',
  'tpot_std',
  'itl_mean',
  'itl_median',
  'itl_p99',
  'itl_std',
  'e2el_mean',
  'e2el_median',
  'e2el_p99',
  'e2el_std',
  'num_requests',
  'total_tokens',
  'total_input_tokens',
  'total_output_tokens',
  'elapsed_time',
];

/** Metric keys in column order: the CI table's order first, then others as first seen. */
export function orderMetricKeys(keys: Iterable<string>): string[] {
  const seen = new Set(keys);
  const known = METRIC_ORDER.filter((key) => seen.has(key));
  const others = [...seen].filter((key) => !METRIC_ORDER.includes(key));
  return [...known, ...others];
}

/**
 * Codes for the distinct values of one number field (TP, QPS, concurrency) ranked by size,
 * missing last, as the comparator `compareNullableNumbers` orders them.
 */
class NumberRanks {
  private readonly firstSeen = new Map<number | null, number>();
  readonly codes: Uint32Array;

  constructor(total: number) {
    this.codes = new Uint32Array(total);
  }

  /** Records a row's value; returns its first-seen code (the same for the same value). */
  set(row: number, value: number | null): number {
    let code = this.firstSeen.get(value);
    if (code === undefined) {
      code = this.firstSeen.size;
      this.firstSeen.set(value, code);
    }
    this.codes[row] = code;
    return code;
  }

  /** Turns first-seen codes into ranks; returns how many distinct values there are. */
  rank(): number {
    const values = [...this.firstSeen.keys()].sort(compareNullableNumbers);
    const remap = new Uint32Array(values.length);
    values.forEach((value, rank) => {
      remap[this.firstSeen.get(value) ?? 0] = rank;
    });
    for (let i = 0; i < this.codes.length; i += 1) this.codes[i] = remap[this.codes[i] ?? 0] ?? 0;
    return values.length;
  }
}

/**
 * One stable counting-sort pass: `order` reordered by each row's key (0 … keyCount − 1) into
 * `out`. Passes from the least to the most significant key sort by all of them (LSD radix).
 */
function countingPass(
  order: Uint32Array,
  keys: ArrayLike<number>,
  keyCount: number,
  out: Uint32Array,
): void {
  const starts = new Uint32Array(keyCount + 1);
  for (let i = 0; i < order.length; i += 1) {
    const key = keys[order[i] ?? 0] ?? 0;
    starts[key + 1] = (starts[key + 1] ?? 0) + 1;
  }
  for (let k = 1; k <= keyCount; k += 1) starts[k] = (starts[k] ?? 0) + (starts[k - 1] ?? 0);
  for (let i = 0; i < order.length; i += 1) {
    const row = order[i] ?? 0;
    const key = keys[row] ?? 0;
    const at = starts[key] ?? 0;
    out[at] = row;
    starts[key] = at + 1;
  }
}

const SUITE_CODES: Readonly<Record<Suite, number>> = { latency: 0, throughput: 1, serving: 2 };

/** Rows between two points where a sliced index build may pause. */
const STEP_ROWS = 8_192;

/*
 * The build's loops over rows live in plain functions, called a few thousand rows at a time: the
 * engine optimizes a function it sees called again and again, while a loop inside the generator
 * body ran unoptimized through a whole first build (about 3× slower for 94,000 rows).
 */

/** What the first pass over rows fills in: provisional codes, first-seen values, metric keys. */
interface FirstPass {
  readonly firstSeen: Record<FilterGroup, Map<string, number>>;
  readonly provisional: Record<FilterGroup, Uint16Array>;
  readonly unordered: BenchmarkResult[];
  readonly unorderedDataset: Uint32Array;
  readonly metricKeySets: Record<Suite, Set<string>>;
  readonly tpRanks: NumberRanks;
  readonly qpsRanks: NumberRanks;
  readonly concurrencyRanks: NumberRanks;
  readonly nameCodes: Map<string, number>;
  readonly nameOf: Uint32Array;
  readonly suiteOf: Uint8Array;
  // Rows repeat a few models, GPUs (results of one file share GPU objects), TPs and QPS values:
  // each is labelled and looked up by label once, then found by the value itself.
  readonly modelCodes: Map<string, number>;
  readonly gpuCodes: Map<BenchmarkResult['gpu'], number>;
  // By the first-seen code NumberRanks gives the value: one lookup serves both.
  readonly tpCodes: number[];
  readonly qpsCodes: number[];
  // Rows of one table have the same metric keys in the same order: each row's keys are compared
  // with the last new list (no allocation), and a suite's keys collected only when they differ.
  readonly lastKeys: Record<Suite, string[]>;
}

/** A group's provisional code for a value, in first-seen order. */
function provisionalCode(
  firstSeen: Record<FilterGroup, Map<string, number>>,
  group: FilterGroup,
  value: string,
): number {
  const codes = firstSeen[group];
  let code = codes.get(value);
  if (code === undefined) {
    code = Math.min(codes.size, NOT_APPLICABLE - 1);
    codes.set(value, code);
  }
  return code;
}

function sameKeys(metrics: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in metrics) {
    if (keys[i] !== key) return false;
    i += 1;
  }
  return i === keys.length;
}

/** The first pass over a dataset's rows `from` … `to` − 1, which are rows `n` … of the build. */
function readRows(
  pass: FirstPass,
  dataset: Dataset,
  datasetIndex: number,
  datasetCode: number,
  from: number,
  to: number,
  n: number,
): void {
  const { firstSeen, provisional, unordered, unorderedDataset, nameCodes, nameOf, suiteOf } = pass;
  const { modelCodes, gpuCodes, tpCodes, qpsCodes, lastKeys, metricKeySets } = pass;
  const { tpRanks, qpsRanks, concurrencyRanks } = pass;
  const { model: modelOf, gpu: gpuOf, tp: tpOf, qps: qpsOf, dataset: datasetCodeOf } = provisional;
  // A value's key is `groupValueOf`'s; it is worked out once per distinct value, found by the
  // value itself after that.
  const codeOf = (result: BenchmarkResult, group: FilterGroup): number =>
    provisionalCode(firstSeen, group, groupValueOf(result, group, dataset.id) ?? '');
  let row = n;
  for (let i = from; i < to; i += 1, row += 1) {
    const result = dataset.results[i];
    if (result === undefined) continue;
    unordered[row] = result;
    unorderedDataset[row] = datasetIndex;
    datasetCodeOf[row] = datasetCode;
    let code = modelCodes.get(result.model);
    if (code === undefined) {
      code = codeOf(result, 'model');
      modelCodes.set(result.model, code);
    }
    modelOf[row] = code;
    code = gpuCodes.get(result.gpu);
    if (code === undefined) {
      code = codeOf(result, 'gpu');
      gpuCodes.set(result.gpu, code);
    }
    gpuOf[row] = code;
    const tp = tpRanks.set(row, result.tp);
    code = tpCodes[tp];
    if (code === undefined) {
      code = codeOf(result, 'tp');
      tpCodes[tp] = code;
    }
    tpOf[row] = code;
    const qps = qpsRanks.set(row, result.qps);
    // QPS is a serving setting: latency and throughput results are never hidden by it.
    if (result.suite === 'serving') {
      code = qpsCodes[qps];
      if (code === undefined) {
        code = codeOf(result, 'qps');
        qpsCodes[qps] = code;
      }
      qpsOf[row] = code;
    } else {
      qpsOf[row] = NOT_APPLICABLE;
    }
    concurrencyRanks.set(row, result.concurrency);
    let nameCode = nameCodes.get(result.testName);
    if (nameCode === undefined) {
      nameCode = nameCodes.size;
      nameCodes.set(result.testName, nameCode);
    }
    nameOf[row] = nameCode;
    suiteOf[row] = SUITE_CODES[result.suite];
    if (!sameKeys(result.metrics, lastKeys[result.suite])) {
      const keys = Object.keys(result.metrics);
      for (const key of keys) metricKeySets[result.suite].add(key);
      lastKeys[result.suite] = keys;
    }
  }
}

/** First-seen codes → ranks, leaving NOT_APPLICABLE as it is. */
function remapCodes(codes: Uint16Array, remap: Uint16Array): void {
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i] ?? NOT_APPLICABLE;
    codes[i] = code === NOT_APPLICABLE ? NOT_APPLICABLE : (remap[code] ?? 0);
  }
}

/** `values[i]` → `table[values[i]]` for every i. */
function mapped(values: Uint32Array, table: Uint32Array): Uint32Array {
  const out = new Uint32Array(values.length);
  for (let i = 0; i < values.length; i += 1) out[i] = table[values[i] ?? 0] ?? 0;
  return out;
}

function identityOrder(total: number): Uint32Array<ArrayBuffer> {
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i += 1) order[i] = i;
  return order;
}

/** `into[position] = from[order[position]]`: a row-indexed array put in reading order. */
function gather(from: Uint16Array, order: Uint32Array, into: Uint16Array): void {
  for (let position = 0; position < order.length; position += 1) {
    into[position] = from[order[position] ?? 0] ?? 0;
  }
}

/** Each suite's positions, ascending, from each position's suite code. */
function fillBySuite(suiteAt: Uint8Array, suiteArrays: readonly Uint32Array[]): void {
  const fill = [0, 0, 0];
  for (let position = 0; position < suiteAt.length; position += 1) {
    const suite = suiteAt[position] ?? 0;
    const at = fill[suite] ?? 0;
    const into = suiteArrays[suite];
    if (into !== undefined) into[at] = position;
    fill[suite] = at + 1;
  }
}

/** What placing rows in reading order reads and fills in. */
interface ReadingPass {
  readonly order: Uint32Array;
  readonly unordered: readonly BenchmarkResult[];
  readonly unorderedDataset: Uint32Array;
  readonly suiteOf: Uint8Array;
  readonly nameOf: Uint32Array;
  readonly names: readonly string[];
  readonly results: BenchmarkResult[];
  readonly datasetOf: Uint32Array;
  readonly suiteAt: Uint8Array;
  readonly suiteCounts: number[];
  /** Test names numbered again in reading order of first appearance. */
  readonly testNames: string[];
  readonly readingCode: Int32Array;
  readonly testNameOf: Uint32Array;
}

/** Positions `from` … `to` − 1 of the reading order: results, datasets, suites, test names. */
function placeRows(pass: ReadingPass, from: number, to: number): void {
  const { order, unordered, unorderedDataset, suiteOf, nameOf, names, results } = pass;
  const { datasetOf, suiteAt, suiteCounts, testNames, readingCode, testNameOf } = pass;
  for (let position = from; position < to; position += 1) {
    const row = order[position] ?? 0;
    const result = unordered[row];
    if (result === undefined) continue;
    results[position] = result;
    datasetOf[position] = unorderedDataset[row] ?? 0;
    const suite = suiteOf[row] ?? 0;
    suiteAt[position] = suite;
    suiteCounts[suite] = (suiteCounts[suite] ?? 0) + 1;
    const loadCode = nameOf[row] ?? 0;
    let nameCode = readingCode[loadCode] ?? -1;
    if (nameCode === -1) {
      nameCode = testNames.length;
      readingCode[loadCode] = nameCode;
      testNames.push(names[loadCode] ?? '');
    }
    testNameOf[position] = nameCode;
  }
}

/**
 * Builds the index of all loaded datasets, once per change of the loaded data. Every row gets
 * small integer keys (ranks in people's order), and reading order is then a radix sort over
 * them: linear, where a comparator sort of 100,000 results took a third of a second.
 */
export function buildResultIndex(datasets: readonly Dataset[]): ResultIndex {
  const steps = resultIndexSteps(datasets);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same build, as steps: it pauses every few thousand rows, so a caller can spread a large
 * build over several tasks and keep the page answering (see `buildResultIndexSliced`).
 */
export function* resultIndexSteps(datasets: readonly Dataset[]): Generator<void, ResultIndex> {
  const total = datasets.reduce((sum, dataset) => sum + dataset.results.length, 0);
  const datasetLabels = new Map(datasets.map((dataset) => [dataset.id, dataset.label]));
  const datasetOrder = new Map(datasets.map((dataset, i) => [dataset.id, i]));

  // Distinct values per group, with a provisional code in first-seen order.
  const firstSeen = Object.fromEntries(
    FILTER_GROUPS.map((group) => [group, new Map<string, number>()]),
  ) as Record<FilterGroup, Map<string, number>>;
  const provisional = Object.fromEntries(
    FILTER_GROUPS.map((group) => [group, new Uint16Array(total)]),
  ) as Record<FilterGroup, Uint16Array>;
  const unordered: BenchmarkResult[] = new Array<BenchmarkResult>(total);
  const unorderedDataset = new Uint32Array(total);
  const metricKeySets: Record<Suite, Set<string>> = {
    latency: new Set(),
    throughput: new Set(),
    serving: new Set(),
  };
  const tpRanks = new NumberRanks(total);
  const qpsRanks = new NumberRanks(total);
  const concurrencyRanks = new NumberRanks(total);
  const nameCodes = new Map<string, number>();
  const nameOf = new Uint32Array(total);
  const suiteOf = new Uint8Array(total);

  const pass: FirstPass = {
    firstSeen,
    provisional,
    unordered,
    unorderedDataset,
    metricKeySets,
    tpRanks,
    qpsRanks,
    concurrencyRanks,
    nameCodes,
    nameOf,
    suiteOf,
    modelCodes: new Map(),
    gpuCodes: new Map(),
    tpCodes: [],
    qpsCodes: [],
    lastKeys: { latency: [], throughput: [], serving: [] },
  };

  let n = 0;
  for (const [datasetIndex, dataset] of datasets.entries()) {
    const datasetCode = provisionalCode(firstSeen, 'dataset', dataset.id);
    for (let from = 0; from < dataset.results.length; from += STEP_ROWS) {
      const to = Math.min(dataset.results.length, from + STEP_ROWS);
      readRows(pass, dataset, datasetIndex, datasetCode, from, to, n);
      n += to - from;
      yield;
    }
  }

  // Final codes are ranks in people's order, so comparing codes sorts rows as people expect.
  const groupValues = {} as Record<FilterGroup, GroupValue[]>;
  const rankOf = {} as Record<FilterGroup, Uint16Array>;
  for (const group of FILTER_GROUPS) {
    const values = [...firstSeen[group].keys()].map((value) => ({
      value,
      label: labelOf(group, value, datasetLabels),
    }));
    const ordered = orderValues(group, values, datasetOrder);
    const remap = new Uint16Array(ordered.length);
    ordered.forEach((entry, rank) => {
      remap[firstSeen[group].get(entry.value) ?? 0] = rank;
    });
    groupValues[group] = ordered;
    rankOf[group] = remap;
  }
  const ranked = Object.fromEntries(
    FILTER_GROUPS.map((group) => {
      remapCodes(provisional[group], rankOf[group]);
      return [group, provisional[group]];
    }),
  ) as Record<FilterGroup, Uint16Array>;

  // Test names ranked by code unit order, as `<` compares them.
  const names = [...nameCodes.keys()];
  const nameRank = new Uint32Array(names.length);
  names
    .map((name, code) => ({ name, code }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .forEach(({ code }, rank) => {
      nameRank[code] = rank;
    });
  const nameKeys = mapped(nameOf, nameRank);

  // Reading order: model, TP, GPU, QPS (∞ after numbers), concurrency, dataset, test name, then
  // the order loaded. LSD: the least significant key first; each pass is stable.
  let order = identityOrder(total);
  let spare = new Uint32Array(total);
  const passes: [ArrayLike<number>, number][] = [
    [nameKeys, names.length],
    [ranked.dataset, groupValues.dataset.length],
    [concurrencyRanks.codes, concurrencyRanks.rank()],
    [qpsRanks.codes, qpsRanks.rank()],
    [ranked.gpu, groupValues.gpu.length],
    [tpRanks.codes, tpRanks.rank()],
    [ranked.model, groupValues.model.length],
  ];
  for (const [keys, keyCount] of passes) {
    if (keyCount < 2) continue;
    countingPass(order, keys, keyCount, spare);
    [order, spare] = [spare, order];
    yield;
  }

  const results = new Array<BenchmarkResult>(total);
  const datasetOf = new Uint32Array(total);
  const codes = Object.fromEntries(
    FILTER_GROUPS.map((group) => [group, new Uint16Array(total)]),
  ) as Record<FilterGroup, Uint16Array>;
  const suiteCounts = [0, 0, 0];
  // Test names numbered again in reading order of first appearance.
  const testNames: string[] = [];
  const readingCode = new Int32Array(names.length).fill(-1);
  const testNameOf = new Uint32Array(total);
  const suiteAt = new Uint8Array(total);
  const reading: ReadingPass = {
    order,
    unordered,
    unorderedDataset,
    suiteOf,
    nameOf,
    names,
    results,
    datasetOf,
    suiteAt,
    suiteCounts,
    testNames,
    readingCode,
    testNameOf,
  };
  for (let from = 0; from < total; from += STEP_ROWS) {
    placeRows(reading, from, Math.min(total, from + STEP_ROWS));
    yield;
  }
  // Each group's codes in reading order: one gather loop per group over typed arrays.
  for (const group of FILTER_GROUPS) gather(ranked[group], order, codes[group]);
  const bySuite = {
    latency: new Uint32Array(suiteCounts[0] ?? 0),
    throughput: new Uint32Array(suiteCounts[1] ?? 0),
    serving: new Uint32Array(suiteCounts[2] ?? 0),
  };
  fillBySuite(suiteAt, [bySuite.latency, bySuite.throughput, bySuite.serving]);

  return {
    datasets,
    results,
    datasetOf,
    bySuite,
    groupValues,
    codes,
    testNames,
    testNameOf,
    metricKeys: {
      latency: orderMetricKeys(metricKeySets.latency),
      throughput: orderMetricKeys(metricKeySets.throughput),
      serving: orderMetricKeys(metricKeySets.serving),
    },
  };
}

/** A filter value with how many results it would show given the other groups' choices. */
export interface FacetValue extends GroupValue {
  readonly count: number;
  readonly hidden: boolean;
}

/** What every table and chart shows: visible positions per suite, in reading order. */
export interface ResultsView {
  readonly index: ResultIndex;
  readonly visible: Readonly<Record<Suite, Uint32Array>>;
  readonly facets: Readonly<Record<FilterGroup, readonly FacetValue[]>>;
  readonly visibleCount: number;
}

function hiddenMask(index: ResultIndex, group: FilterGroup, hidden: readonly string[]): Uint8Array {
  const values = index.groupValues[group];
  const mask = new Uint8Array(NOT_APPLICABLE + 1);
  if (hidden.length === 0) return mask;
  const hiddenSet = new Set(hidden);
  values.forEach((entry, code) => {
    if (hiddenSet.has(entry.value)) mask[code] = 1;
  });
  return mask;
}

/** Which distinct test names contain the search text (case-insensitive); null when there is no search. */
function searchMask(index: ResultIndex, search: string): Uint8Array | null {
  const needle = search.trim().toLowerCase();
  if (needle === '') return null;
  return Uint8Array.from(index.testNames, (name) => (name.toLowerCase().includes(needle) ? 1 : 0));
}

function increment(counts: Uint32Array, code: number): void {
  counts[code] = (counts[code] ?? 0) + 1;
}

/**
 * The one derivation behind every table and chart: rows whose values are all checked and whose
 * test name contains the search text, plus per-value counts for the filter bar (each count is
 * what that value would show with the other groups' choices applied). One pass over the rows.
 */
export function deriveResultsView(
  index: ResultIndex,
  hidden: HiddenValues,
  search: string,
): ResultsView {
  const total = index.results.length;
  const masks = FILTER_GROUPS.map((group) => hiddenMask(index, group, hidden[group]));
  const codes = FILTER_GROUPS.map((group) => index.codes[group]);
  const counts = FILTER_GROUPS.map((group) => new Uint32Array(index.groupValues[group].length));
  const names = searchMask(index, search);
  const keep = new Uint8Array(total);
  const groupCount = FILTER_GROUPS.length;

  for (let row = 0; row < total; row += 1) {
    if (names !== null && names[index.testNameOf[row] ?? 0] === 0) continue;
    let failures = 0;
    let failedGroup = -1;
    for (let g = 0; g < groupCount; g += 1) {
      if ((masks[g] as Uint8Array)[(codes[g] as Uint16Array)[row] ?? 0] === 1) {
        failures += 1;
        failedGroup = g;
      }
    }
    if (failures === 0) {
      keep[row] = 1;
      for (let g = 0; g < groupCount; g += 1) {
        const code = (codes[g] as Uint16Array)[row] ?? NOT_APPLICABLE;
        if (code !== NOT_APPLICABLE) increment(counts[g] as Uint32Array, code);
      }
    } else if (failures === 1) {
      const code = (codes[failedGroup] as Uint16Array)[row] ?? NOT_APPLICABLE;
      if (code !== NOT_APPLICABLE) increment(counts[failedGroup] as Uint32Array, code);
    }
  }

  const visible = {} as Record<Suite, Uint32Array>;
  let visibleCount = 0;
  for (const suite of SUITES) {
    const positions = index.bySuite[suite];
    let kept = 0;
    for (const position of positions) kept += keep[position] ?? 0;
    const out = new Uint32Array(kept);
    let k = 0;
    for (const position of positions) {
      if (keep[position] === 1) {
        out[k] = position;
        k += 1;
      }
    }
    visible[suite] = out;
    visibleCount += kept;
  }

  const facets = {} as Record<FilterGroup, FacetValue[]>;
  FILTER_GROUPS.forEach((group, g) => {
    const mask = masks[g] as Uint8Array;
    facets[group] = index.groupValues[group].map((entry, code) => ({
      ...entry,
      count: (counts[g] as Uint32Array)[code] ?? 0,
      hidden: mask[code] === 1,
    }));
  });
  return { index, visible, facets, visibleCount };
}

/** The rows at some positions, as objects (for charts and other small consumers). */
export function resultsAt(index: ResultIndex, positions: Uint32Array): BenchmarkResult[] {
  return Array.from(positions, (position) => index.results[position] as BenchmarkResult);
}
