/**
 * The build's first pass over rows: each row's provisional codes (first-seen order) for every
 * filter group, its test name's and suite's codes, the ranks of its numbers and the metric keys
 * of each suite. Rows read from columns are coded from the columns' codes and numbers.
 */
import { NOT_APPLICABLE, groupValueOf, type FilterGroup } from './filter-groups';
import type { NumberRanks } from './index-passes';
import { numberOrNull } from './columns-rows';
import { NONE, type ResultColumns } from './result-columns';
import {
  SUITES,
  SUITE_CODES,
  datasetColumns,
  resultsOf,
  type BenchmarkResult,
  type Dataset,
  type Suite,
} from './result-model';
import { sameKeys } from './same-keys';

/** What the first pass over rows fills in: provisional codes, first-seen values, metric keys. */
export interface FirstPass {
  readonly firstSeen: Record<FilterGroup, Map<string, number>>;
  readonly provisional: Record<FilterGroup, Uint16Array>;
  readonly unorderedDataset: Uint32Array;
  /** Each row's row in its own dataset. */
  readonly unorderedRow: Uint32Array;
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
  readonly concurrencyCodes: number[];
  readonly engineCodes: Map<string | null, number>;
  // Rows of one table have the same metric keys in the same order: each row's keys are compared
  // with the last new list (no allocation), and a suite's keys collected only when they differ.
  readonly lastKeys: Record<Suite, string[]>;
  /** The codes of the dataset being read, when it has columns (see `codesOfColumns`). */
  local: ColumnCodes | null;
}

/**
 * For one dataset's columns: the codes found so far for each string of its dictionary, as a
 * model, an engine and a test name (at the string's code + 1, so NONE has a place; −1 until
 * found). A row of columns is coded by array reads; only a string met for the first time is
 * looked up by its value.
 */
export interface ColumnCodes {
  readonly columns: ResultColumns;
  readonly model: Int32Array;
  readonly engine: Int32Array;
  readonly name: Int32Array;
  /** The GPU code of the last row read, by its type's code and count (rows of a run share one). */
  gpuType: number;
  gpuCount: number;
  gpu: number;
}

function codesOfColumns(pass: FirstPass, columns: ResultColumns): ColumnCodes {
  if (pass.local?.columns !== columns) {
    const size = columns.strings.length + 1;
    pass.local = {
      columns,
      model: new Int32Array(size).fill(-1),
      engine: new Int32Array(size).fill(-1),
      name: new Int32Array(size).fill(-1),
      gpuType: NONE - 1,
      gpuCount: NaN,
      gpu: -1,
    };
  }
  return pass.local;
}

/** A group's provisional code for a value, in first-seen order. */
export function provisionalCode(
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

/** The first pass over a dataset's rows `from` … `to` − 1, which are rows `n` … of the build. */
export function readRows(
  pass: FirstPass,
  dataset: Dataset,
  datasetIndex: number,
  datasetCode: number,
  from: number,
  to: number,
  n: number,
): void {
  const { firstSeen, provisional, unorderedDataset, unorderedRow } = pass;
  const { nameCodes, nameOf, suiteOf } = pass;
  const { modelCodes, gpuCodes, tpCodes, qpsCodes, lastKeys, metricKeySets } = pass;
  const { tpRanks, qpsRanks, concurrencyRanks, concurrencyCodes, engineCodes } = pass;
  const { model: modelOf, gpu: gpuOf, tp: tpOf, qps: qpsOf, dataset: datasetCodeOf } = provisional;
  const { engine: engineOf, concurrency: concurrencyOf } = provisional;
  // A dataset's results, read only where a value is met first when it has columns: a dataset of
  // columns makes a result when it is asked for, and most rows never are.
  const results = resultsOf(dataset);
  const resultOf = (i: number) => results.at(i) as BenchmarkResult;
  // A value's key is `groupValueOf`'s; it is worked out once per distinct value, found by the
  // value itself after that.
  const codeOf = (i: number, group: FilterGroup): number =>
    provisionalCode(firstSeen, group, groupValueOf(resultOf(i), group, dataset.id) ?? '');
  // The code of a value found by the value itself (a name) or by its rank (a number).
  const byValue = <V>(codes: Map<V, number>, value: V, i: number, group: FilterGroup) => {
    let code = codes.get(value);
    if (code === undefined) {
      code = codeOf(i, group);
      codes.set(value, code);
    }
    return code;
  };
  const byRank = (codes: number[], rank: number, i: number, group: FilterGroup) =>
    (codes[rank] ??= codeOf(i, group));
  const findModel = (i: number) => byValue(modelCodes, resultOf(i).model, i, 'model');
  const findEngine = (i: number) => byValue(engineCodes, resultOf(i).engine, i, 'engine');
  const findName = (i: number) => nameCodeOf(nameCodes, resultOf(i).testName);
  const findGpu = (i: number) => byValue(gpuCodes, resultOf(i).gpu, i, 'gpu');
  // A dataset's columns, when they are its rows one for one, give each row's values by codes and
  // numbers: no field of a row is read through it (only a string met first), and its metric keys
  // are named by the id of its key list (`result.metrics` would make every row's metrics object).
  const columns = datasetColumns(dataset);
  const local = columns === null ? null : codesOfColumns(pass, columns);
  let lastShape = -1;
  let row = n;
  for (let i = from; i < to; i += 1, row += 1) {
    unorderedDataset[row] = datasetIndex;
    unorderedRow[row] = i;
    datasetCodeOf[row] = datasetCode;
    let suite: number;
    let tp: number;
    let qps: number;
    let concurrency: number;
    let nameCode: number;
    if (local !== null) {
      const shapes = local.columns;
      const { text, numbers } = shapes;
      gpuOf[row] = gpuCode(local, i, findGpu);
      modelOf[row] = localCode(local.model, text.model[i], i, findModel);
      engineOf[row] = localCode(local.engine, text.engine[i], i, findEngine);
      nameCode = localCode(local.name, text.testName[i], i, findName);
      suite = shapes.suite[i] ?? 0;
      tp = tpRanks.set(row, numberOrNull(numbers.tp[i]));
      qps = qpsRanks.set(row, numberOrNull(numbers.qps[i]));
      concurrency = concurrencyRanks.set(row, numberOrNull(numbers.concurrency[i]));
      const list = shapes.metricShape[i] ?? 0;
      const shape = list * SUITES.length + suite;
      if (shape !== lastShape) {
        lastShape = shape;
        const keys = metricKeySets[SUITES[suite] ?? 'latency'];
        for (const k of shapes.metricShapes[list] ?? []) {
          keys.add(shapes.strings[shapes.metricKeys[k] ?? 0] ?? '');
        }
      }
    } else {
      const result = resultOf(i);
      gpuOf[row] = findGpu(i);
      modelOf[row] = findModel(i);
      engineOf[row] = findEngine(i);
      nameCode = findName(i);
      suite = SUITE_CODES[result.suite];
      tp = tpRanks.set(row, result.tp);
      qps = qpsRanks.set(row, result.qps);
      concurrency = concurrencyRanks.set(row, result.concurrency);
      if (!sameKeys(result.metrics, lastKeys[result.suite])) {
        const keys = Object.keys(result.metrics);
        for (const key of keys) metricKeySets[result.suite].add(key);
        lastKeys[result.suite] = keys;
      }
    }
    nameOf[row] = nameCode;
    suiteOf[row] = suite;
    tpOf[row] = byRank(tpCodes, tp, i, 'tp');
    // QPS and concurrency are serving settings: latency and throughput results are never hidden
    // by them.
    const serving = suite === SERVING;
    qpsOf[row] = serving ? byRank(qpsCodes, qps, i, 'qps') : NOT_APPLICABLE;
    concurrencyOf[row] = serving
      ? byRank(concurrencyCodes, concurrency, i, 'concurrency')
      : NOT_APPLICABLE;
  }
}

const SERVING = SUITE_CODES.serving;

/**
 * The code `table` keeps for a string of a dataset's dictionary (by its code, NONE included), or
 * else the one `find` gives the row, kept for the next row with that string.
 */
function localCode(
  table: Int32Array,
  stringCode: number | undefined,
  i: number,
  find: (i: number) => number,
): number {
  const at = (stringCode ?? NONE) + 1;
  let code = table[at] ?? -1;
  if (code === -1) {
    code = find(i);
    table[at] = code;
  }
  return code;
}

/**
 * Row `i`'s GPU code: the last row's when its GPU type and count are the same (rows of a run
 * come together), else the one `find` gives it.
 */
function gpuCode(local: ColumnCodes, i: number, find: (i: number) => number): number {
  const { gpuType, gpuCount } = local;
  const type = local.columns.text.gpuType[i] ?? NONE;
  const count = local.columns.numbers.gpuCount[i] ?? NaN;
  if (type !== gpuType || !Object.is(count, gpuCount)) {
    local.gpuType = type;
    local.gpuCount = count;
    local.gpu = find(i);
  }
  return local.gpu;
}

/** A test name's code, in first-seen order. */
function nameCodeOf(nameCodes: Map<string, number>, testName: string): number {
  let code = nameCodes.get(testName);
  if (code === undefined) {
    code = nameCodes.size;
    nameCodes.set(testName, code);
  }
  return code;
}
