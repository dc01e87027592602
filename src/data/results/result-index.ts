import {
  FILTER_GROUPS,
  byGroup,
  labelOf,
  orderValues,
  type FilterGroup,
  type GroupValue,
} from './filter-groups';
import {
  NumberRanks,
  CountingPass,
  fillBySuite,
  gather,
  identityOrder,
  mapped,
  placeRows,
  remapCodes,
  type ReadingPass,
} from './index-passes';
import { provisionalCode, readRows, type FirstPass } from './first-pass';
import { IndexValues } from './index-values';
import { orderMetricKeys } from './metric-order';
import {
  peekAt,
  resultAt,
  resultCount,
  type BenchmarkResult,
  type Dataset,
  type PeekableResults,
  type Suite,
} from './result-model';
import { rangeSteps, runSteps, type Steps } from './steps';

/**
 * The loaded results in a shape that filters and sorts fast at a million rows: results in reading
 * order (model, TP, GPU, QPS with ∞ last, concurrency, dataset, test name), and per row small
 * integer codes for every filter group, so a filter is a loop over typed arrays.
 */

export interface ResultIndex {
  readonly datasets: readonly Dataset[];
  /**
   * Every loaded result, in reading order: positions in it identify rows everywhere. A result is
   * found (and, read from columns, made) when asked for.
   */
  readonly results: PeekableResults;
  /** Index into `datasets` of each result's dataset, and its row in that dataset. */
  readonly datasetOf: Uint32Array;
  readonly rowOf: Uint32Array;
  /** Metrics and number dimensions as one typed array each over every row, made when asked. */
  readonly values: IndexValues;
  /** Positions of each suite's results, ascending (so in reading order). */
  readonly bySuite: Readonly<Record<Suite, Uint32Array>>;
  /** Per group: the values present, ordered for people; and each row's value as a code into them. */
  readonly groupValues: Readonly<Record<FilterGroup, readonly GroupValue[]>>;
  readonly codes: Readonly<Record<FilterGroup, Uint16Array>>;
  /** Per group, how many rows have each value (by code): the filter counts with nothing hidden. */
  readonly valueCounts: Readonly<Record<FilterGroup, Uint32Array>>;
  /** Distinct test names and each row's name as a code, so a search looks at each name once. */
  readonly testNames: readonly string[];
  readonly testNameOf: Uint32Array;
  /** Metric keys present in each suite, over all loaded rows (columns do not jump with filters). */
  readonly metricKeys: Readonly<Record<Suite, readonly string[]>>;
}

/**
 * Builds the index of all loaded datasets, once per change of the loaded data. Every row gets
 * small integer keys (ranks in people's order), and reading order is then a radix sort over
 * them: linear, where a comparator sort of 100,000 results took a third of a second.
 */
export function buildResultIndex(datasets: readonly Dataset[]): ResultIndex {
  return runSteps(resultIndexSteps(datasets));
}

/**
 * The same build, as steps: it pauses every few thousand rows, so a caller can spread a large
 * build over several tasks and keep the page answering (see `buildResultIndexSliced`).
 */
export function* resultIndexSteps(datasets: readonly Dataset[]): Steps<ResultIndex> {
  const total = datasets.reduce((sum, dataset) => sum + resultCount(dataset), 0);
  const datasetLabels = new Map(datasets.map((dataset) => [dataset.id, dataset.label]));
  const datasetOrder = new Map(datasets.map((dataset, i) => [dataset.id, i]));

  // Distinct values per group, with a provisional code in first-seen order.
  const firstSeen = byGroup(() => new Map<string, number>());
  const provisional = byGroup(() => new Uint16Array(total));
  const unorderedDataset = new Uint32Array(total);
  const unorderedRow = new Uint32Array(total);
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
    unorderedDataset,
    unorderedRow,
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
    concurrencyCodes: [],
    engineCodes: new Map(),
    lastKeys: { latency: [], throughput: [], serving: [] },
    local: null,
  };

  let n = 0;
  for (const [datasetIndex, dataset] of datasets.entries()) {
    const datasetCode = provisionalCode(firstSeen, 'dataset', dataset.id);
    const count = resultCount(dataset);
    yield* rangeSteps(count, ({ from, to }) => {
      readRows(pass, dataset, datasetIndex, datasetCode, from, to, n + from);
    });
    n += count;
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
  // Every pass over the rows from here on goes a step of STEP_ROWS rows at a time: at a million
  // rows, a pass is 10-35 ms, and the passes of one group together held the page over 50 ms.
  for (const group of FILTER_GROUPS) {
    const codes = provisional[group];
    const remap = rankOf[group];
    yield* rangeSteps(total, (rows) => {
      remapCodes(codes, remap, rows);
    });
  }
  const ranked = provisional;

  // Test names ranked by code unit order, as `<` compares them.
  const names = [...nameCodes.keys()];
  const nameRank = new Uint32Array(names.length);
  names
    .map((name, code) => ({ name, code }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .forEach(({ code }, rank) => {
      nameRank[code] = rank;
    });
  const nameKeys = new Uint32Array(total);
  yield* rangeSteps(total, (rows) => mapped(nameOf, nameRank, nameKeys, rows));

  // Reading order: model, TP, GPU, QPS (∞ after numbers), concurrency, dataset, test name, then
  // the order loaded. LSD: the least significant key first; each pass is stable.
  for (const ranks of [tpRanks, qpsRanks, concurrencyRanks]) {
    yield* rangeSteps(total, (rows) => {
      ranks.rankRows(rows);
    });
  }
  const numberKeys = [tpRanks, qpsRanks, concurrencyRanks].map((r) => r.rankOfCode().length);
  let order = new Uint32Array(total);
  const loaded = order;
  yield* rangeSteps(total, (rows) => identityOrder(total, loaded, rows));
  let spare = new Uint32Array(total);
  const passes: [ArrayLike<number>, number][] = [
    [nameKeys, names.length],
    [ranked.dataset, groupValues.dataset.length],
    [concurrencyRanks.codes, numberKeys[2] ?? 0],
    [qpsRanks.codes, numberKeys[1] ?? 0],
    [ranked.gpu, groupValues.gpu.length],
    [tpRanks.codes, numberKeys[0] ?? 0],
    [ranked.model, groupValues.model.length],
  ];
  for (const [keys, keyCount] of passes) {
    if (keyCount < 2) continue;
    const [source, into] = [order, spare];
    const pass = new CountingPass(keys, keyCount);
    yield* rangeSteps(total, (rows) => {
      pass.count(source, rows);
    });
    yield* rangeSteps(total, (rows) => {
      pass.place(source, into, rows);
    });
    [order, spare] = [into, source];
  }

  const datasetOf = new Uint32Array(total);
  const rowOf = new Uint32Array(total);
  const codes = byGroup(() => new Uint16Array(total));
  const suiteCounts = [0, 0, 0];
  // Test names numbered again in reading order of first appearance.
  const testNames: string[] = [];
  const readingCode = new Int32Array(names.length).fill(-1);
  const testNameOf = new Uint32Array(total);
  const suiteAt = new Uint8Array(total);
  const reading: ReadingPass = {
    order,
    unorderedDataset,
    unorderedRow,
    suiteOf,
    nameOf,
    names,
    datasetOf,
    rowOf,
    suiteAt,
    suiteCounts,
    testNames,
    readingCode,
    testNameOf,
  };
  yield* rangeSteps(total, ({ from, to }) => {
    placeRows(reading, from, to);
  });
  // Each group's codes in reading order, and how many rows have each value: one loop per group
  // over typed arrays, a step each.
  const valueCounts = {} as Record<FilterGroup, Uint32Array>;
  const placed = order;
  for (const group of FILTER_GROUPS) {
    const counts = new Uint32Array(groupValues[group].length);
    valueCounts[group] = counts;
    yield* rangeSteps(total, (rows) => {
      gather(ranked[group], placed, codes[group], counts, rows);
    });
  }
  const bySuite = {
    latency: new Uint32Array(suiteCounts[0] ?? 0),
    throughput: new Uint32Array(suiteCounts[1] ?? 0),
    serving: new Uint32Array(suiteCounts[2] ?? 0),
  };
  const suiteArrays = [bySuite.latency, bySuite.throughput, bySuite.serving];
  const filled = [0, 0, 0];
  yield* rangeSteps(total, (rows) => {
    fillBySuite(suiteAt, suiteArrays, filled, rows);
  });
  const metricKeys = {
    latency: orderMetricKeys(metricKeySets.latency),
    throughput: orderMetricKeys(metricKeySets.throughput),
    serving: orderMetricKeys(metricKeySets.serving),
  };

  const results = new IndexResults(datasets, datasetOf, rowOf);
  return {
    datasets,
    results,
    datasetOf,
    rowOf,
    values: new IndexValues({ datasets, results, datasetOf, rowOf, bySuite, metricKeys }),
    bySuite,
    groupValues,
    codes,
    valueCounts,
    testNames,
    testNameOf,
    metricKeys,
  };
}

/** The results in reading order, each found in its dataset (and made there) when asked for. */
class IndexResults implements PeekableResults {
  constructor(
    private readonly datasets: readonly Dataset[],
    private readonly datasetOf: Uint32Array,
    private readonly rowOf: Uint32Array,
  ) {}

  get length(): number {
    return this.datasetOf.length;
  }

  at(position: number): BenchmarkResult | undefined {
    const dataset = this.datasets[this.datasetOf[position] ?? -1];
    return dataset === undefined ? undefined : resultAt(dataset, this.rowOf[position] ?? 0);
  }

  peek(position: number): BenchmarkResult | undefined {
    const dataset = this.datasets[this.datasetOf[position] ?? -1];
    return dataset === undefined ? undefined : peekAt(dataset, this.rowOf[position] ?? 0);
  }
}
