/** Columns back into result objects, all at once or a slice at a time. */
import { NONE, type ResultColumns } from './result-columns';
import { SUITES, type BenchmarkResult, type GpuSpec } from './result-model';

function numberOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/**
 * A metric key list's names and columns, and an object with those keys in that order (values
 * null): each row's metrics start as a copy of it, so every row of a list gets its keys in one
 * step and shares one hidden class, instead of growing an empty object a key at a time.
 */
interface MetricList {
  readonly names: readonly string[];
  readonly columns: readonly Float64Array[];
  readonly template: Readonly<Record<string, number | null>> | null;
}

/** Where the way back stands, so many rows can be made a slice at a time. */
export interface RowsCursor {
  /** Next row to make. */
  next: number;
  readonly out: BenchmarkResult[];
  readonly lists: MetricList[];
  /** GPU objects by type code, then by count (NaN, for no count, is its own entry). */
  readonly gpus: Map<number, Map<number, GpuSpec>>;
}

export function startRows(columns: ResultColumns): RowsCursor {
  return { next: 0, out: new Array<BenchmarkResult>(columns.count), lists: [], gpus: new Map() };
}

const EMPTY_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

function metricList(columns: ResultColumns, lists: MetricList[], id: number): MetricList {
  let list = lists[id];
  if (list === undefined) {
    const at = columns.metricShapes[id] ?? [];
    const names = at.map((k) => columns.strings[columns.metricKeys[k] ?? 0] ?? '');
    // Parsers only make known or `x:`-prefixed keys; stored columns are data all the same, and a
    // `__proto__` key must stay an own key: such lists are built key by key.
    const template = names.includes('__proto__')
      ? null
      : Object.fromEntries(names.map((name) => [name, null]));
    list = { names, columns: at.map((k) => columns.metrics[k] as Float64Array), template };
    lists[id] = list;
  }
  return list;
}

function metricsOf(list: MetricList, row: number): Record<string, number | null> {
  const { names, columns, template } = list;
  if (template === null) {
    const metrics: Record<string, number | null> = {};
    names.forEach((name, k) => {
      Object.defineProperty(metrics, name, {
        value: numberOrNull(columns[k]?.[row]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return metrics;
  }
  const metrics = { ...template };
  for (let k = 0; k < names.length; k += 1) {
    metrics[names[k] ?? ''] = numberOrNull(columns[k]?.[row]);
  }
  return metrics;
}

function attributesOf(columns: ResultColumns, row: number): Readonly<Record<string, string>> {
  let record: Record<string, string> | null = null;
  for (let k = 0; k < columns.attributes.length; k += 1) {
    const value = columns.attributes[k]?.[row] ?? NONE;
    if (value === NONE) continue;
    // No prototype: attribute keys are column names from files (`__proto__` stays a key).
    record ??= Object.create(null) as Record<string, string>;
    record[columns.strings[columns.attributeKeys[k] ?? 0] ?? ''] = columns.strings[value] ?? '';
  }
  return record ?? EMPTY_ATTRIBUTES;
}

function gpuOf(columns: ResultColumns, cursor: RowsCursor, row: number): GpuSpec | null {
  const type = columns.text.gpuType[row] ?? NONE;
  if (type === NONE) return null;
  const count = numberOrNull(columns.numbers.gpuCount[row]);
  let byCount = cursor.gpus.get(type);
  if (byCount === undefined) {
    byCount = new Map();
    cursor.gpus.set(type, byCount);
  }
  let gpu = byCount.get(count ?? NaN);
  if (gpu === undefined) {
    gpu = Object.freeze({ type: columns.strings[type] ?? '', count });
    byCount.set(count ?? NaN, gpu);
  }
  return gpu;
}

/**
 * Makes up to `limit` more rows into `cursor.out`; returns true when all are done. Rows that
 * share a GPU share one (frozen) GPU object, and rows without attributes one empty object.
 */
export function rowsSome(columns: ResultColumns, cursor: RowsCursor, limit: number): boolean {
  const { strings, text, numbers } = columns;
  const textOf = (code: number | undefined): string | null =>
    code === undefined || code === NONE ? null : (strings[code] ?? '');
  const end = Math.min(columns.count, cursor.next + limit);
  for (let row = cursor.next; row < end; row += 1) {
    cursor.out[row] = {
      suite: SUITES[columns.suite[row] ?? 0] ?? 'latency',
      testName: textOf(text.testName[row]) ?? '',
      model: textOf(text.model[row]) ?? '',
      tp: numberOrNull(numbers.tp[row]),
      pp: numberOrNull(numbers.pp[row]),
      dp: numberOrNull(numbers.dp[row]),
      gpu: gpuOf(columns, cursor, row),
      dataset: textOf(text.dataset[row]),
      variant: textOf(text.variant[row]),
      qps: numberOrNull(numbers.qps[row]),
      concurrency: numberOrNull(numbers.concurrency[row]),
      inputLen: numberOrNull(numbers.inputLen[row]),
      outputLen: numberOrNull(numbers.outputLen[row]),
      engine: textOf(text.engine[row]),
      metrics: metricsOf(metricList(columns, cursor.lists, columns.metricShape[row] ?? 0), row),
      attributes: attributesOf(columns, row),
    };
  }
  cursor.next = end;
  return end >= columns.count;
}

/** Columns → results, all at once (small sets, tests). */
export function rowsOfColumns(columns: ResultColumns): BenchmarkResult[] {
  const cursor = startRows(columns);
  rowsSome(columns, cursor, columns.count);
  return cursor.out;
}
