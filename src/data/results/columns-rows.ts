/**
 * Columns back into results: each result a small view of one row of the columns, its fields read
 * from them when asked. A row is two fields (what it is read from, and its row), not a copy of
 * its sixteen fields and a metrics object: 100,000 of them are made in a few milliseconds, and
 * the heap holds a fraction of what full objects take, so the garbage collector has little to
 * copy as they age (a row's metrics and attributes, once read, are kept beside the rows).
 */
import {
  NONE,
  columnsOf,
  type NumberDimension,
  type ResultColumns,
  type TextDimension,
} from './result-columns';
import {
  SUITES,
  plainResult,
  type BenchmarkResult,
  type RowsOfColumns,
  type GpuSpec,
  type Suite,
} from './result-model';

/** A column's number as a result field: NaN (and past the end) is null. */
export function numberOrNull(value: number | undefined): number | null {
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

/** What the rows of one set of columns share: the columns, and what is made once for all rows. */
class RowSource {
  private readonly lists: MetricList[] = [];
  /** GPU objects by type code, then by count (NaN, for no count, is its own entry). */
  private readonly gpus = new Map<number, Map<number, GpuSpec>>();
  private lastType = NONE;
  private lastGpu: GpuSpec | null = null;
  private lastAttributesRow = -1;
  private lastAttributes: Readonly<Record<string, string>> | null = null;
  /**
   * Each row's metrics and attributes once read, by row: kept here, not in the row, so a row is
   * two fields. A slot per row, made when the first row is asked: an empty list filled at rows
   * in reading order (not in row order) turns into a dictionary, slower to read and write.
   */
  private metricsMade: (Readonly<Record<string, number | null>> | undefined)[] | null = null;
  private attributesMade: (Readonly<Record<string, string>> | undefined)[] | null = null;

  constructor(readonly columns: ResultColumns) {}

  /** A row's metrics, made the first time they are asked for and the same object after. */
  metrics(row: number): Readonly<Record<string, number | null>> {
    this.metricsMade ??= emptySlots(this.columns.count);
    return madeOnce(this.metricsMade, row, this.makeMetrics);
  }

  /** A row's attributes, made the first time they are asked for and the same object after. */
  attributes(row: number): Readonly<Record<string, string>> {
    this.attributesMade ??= emptySlots(this.columns.count);
    return madeOnce(this.attributesMade, row, this.makeAttributes);
  }

  // Made once per source, not per read: a read of a row's attributes is per visible row.
  private readonly makeMetrics = (row: number) => metricsOf(this.metricList(row), row);
  private readonly makeAttributes = (row: number) => this.sharedAttributes(row);

  text(column: Int32Array, row: number): string | null {
    const code = column[row] ?? NONE;
    return code === NONE ? null : (this.columns.strings[code] ?? '');
  }

  metricList(row: number): MetricList {
    const { columns } = this;
    const id = columns.metricShape[row] ?? 0;
    let list = this.lists[id];
    if (list === undefined) {
      const at = columns.metricShapes[id] ?? [];
      const names = at.map((k) => columns.strings[columns.metricKeys[k] ?? 0] ?? '');
      // Parsers only make known or `x:`-prefixed keys; stored columns are data all the same, and
      // a `__proto__` key must stay an own key: such lists are built key by key.
      const template = names.includes('__proto__')
        ? null
        : Object.fromEntries(names.map((name) => [name, null]));
      list = { names, columns: at.map((k) => columns.metrics[k] as Float64Array), template };
      this.lists[id] = list;
    }
    return list;
  }

  /**
   * A row's attributes. Rows of one run state the same ones, one after another: a row whose
   * values are the last row's shares its record, so what is worked out per record (a precision)
   * is worked out once per run, not per row.
   */
  private sharedAttributes(row: number): Readonly<Record<string, string>> {
    const last = this.lastAttributes;
    if (last !== null && sameAttributes(this.columns, this.lastAttributesRow, row)) return last;
    this.lastAttributesRow = row;
    this.lastAttributes = attributesOf(this.columns, row);
    return this.lastAttributes;
  }

  gpu(row: number): GpuSpec | null {
    const { columns } = this;
    const type = columns.text.gpuType[row] ?? NONE;
    if (type === NONE) return null;
    const count = numberOrNull(columns.numbers.gpuCount[row]);
    // Rows of one run come one after another on the same GPU: the last one asked is checked first.
    const last = this.lastGpu;
    if (last !== null && type === this.lastType && count === last.count) return last;
    this.lastType = type;
    this.lastGpu = this.gpuOf(type, count);
    return this.lastGpu;
  }

  private gpuOf(type: number, count: number | null): GpuSpec {
    const { columns } = this;
    let byCount = this.gpus.get(type);
    if (byCount === undefined) {
      byCount = new Map();
      this.gpus.set(type, byCount);
    }
    let gpu = byCount.get(count ?? NaN);
    if (gpu === undefined) {
      gpu = Object.freeze({ type: columns.strings[type] ?? '', count });
      byCount.set(count ?? NaN, gpu);
    }
    return gpu;
  }
}

/** `count` empty slots, as a list the engine keeps as a plain array (not a dictionary). */
function emptySlots<T>(count: number): (T | undefined)[] {
  return new Array<T | undefined>(count);
}

/** What `slots` holds at `row`, made and kept there the first time. */
function madeOnce<T>(slots: (T | undefined)[], row: number, make: (row: number) => T): T {
  let made = slots[row];
  if (made === undefined) {
    made = make(row);
    slots[row] = made;
  }
  return made;
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

const EMPTY_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/** Whether two rows have the same attribute values (codes), column by column. */
function sameAttributes(columns: ResultColumns, a: number, b: number): boolean {
  for (let k = 0; k < columns.attributes.length; k += 1) {
    const column = columns.attributes[k] as Int32Array;
    if (column[a] !== column[b]) return false;
  }
  return true;
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

/**
 * One row of columns as a result. Its metrics and attributes are made the first time they are
 * read and kept (by its source), so each read gives the same object; rows that share a GPU
 * share one (frozen) GPU object, neighbouring rows with the same attributes one record, and
 * rows without attributes one empty object. Its fields are getters, not own properties:
 * `plainResult` makes a plain object of it where one is needed. The fields read straight from a
 * column of the same name are put on the prototype from the lists below (adding such a field is
 * one entry), and the interface of the same name declares them.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
class ColumnRow implements BenchmarkResult {
  constructor(
    /** The columns this row is of (read by `columnsBehind`, not a result field). */
    readonly source: RowSource,
    readonly row: number,
  ) {}

  get suite(): Suite {
    return SUITES[this.source.columns.suite[this.row] ?? 0] ?? 'latency';
  }
  get gpu(): GpuSpec | null {
    return this.source.gpu(this.row);
  }
  get metrics(): Readonly<Record<string, number | null>> {
    return this.source.metrics(this.row);
  }
  get attributes(): Readonly<Record<string, string>> {
    return this.source.attributes(this.row);
  }

  /** As JSON, the result's fields, as a plain result of them would be written. */
  toJSON(): BenchmarkResult {
    return plainResult(this);
  }
}

/** Result fields that are a text column of the same name; '' when absent, for these two. */
const NAMED_TEXT = ['testName', 'model'] as const satisfies readonly TextDimension[];
/** Result fields that are a text column of the same name; null when absent. */
const OPTIONAL_TEXT = ['dataset', 'variant', 'engine'] as const satisfies readonly TextDimension[];
/** Result fields that are a number column of the same name; null when absent. */
const NUMBER_FIELDS = [
  'tp',
  'pp',
  'dp',
  'qps',
  'concurrency',
  'inputLen',
  'outputLen',
] as const satisfies readonly NumberDimension[];

type ColumnFields = Pick<
  BenchmarkResult,
  (typeof NAMED_TEXT)[number] | (typeof OPTIONAL_TEXT)[number] | (typeof NUMBER_FIELDS)[number]
>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
interface ColumnRow extends ColumnFields {}

function defineField(name: string, get: (this: ColumnRow) => unknown): void {
  Object.defineProperty(ColumnRow.prototype, name, { get, enumerable: false, configurable: true });
}
for (const name of NAMED_TEXT) {
  defineField(name, function (this: ColumnRow) {
    return this.source.text(this.source.columns.text[name], this.row) ?? '';
  });
}
for (const name of OPTIONAL_TEXT) {
  defineField(name, function (this: ColumnRow) {
    return this.source.text(this.source.columns.text[name], this.row);
  });
}
for (const name of NUMBER_FIELDS) {
  defineField(name, function (this: ColumnRow) {
    return numberOrNull(this.source.columns.numbers[name][this.row]);
  });
}

/**
 * The results of one set of columns, each made the first time it is asked for and the same
 * object after: a page that shows fifty rows of a million makes fifty, not a million objects
 * the garbage collector copies as they age. `list` makes them all, once, for code that reads
 * every result.
 */
export class ColumnResults implements RowsOfColumns {
  private readonly source: RowSource;
  /** A slot per row, made when the first result is (a hundred files arrive at once). */
  private made: (BenchmarkResult | undefined)[] | null = null;
  private whole: BenchmarkResult[] | null = null;

  constructor(readonly columns: ResultColumns) {
    this.source = new RowSource(columns);
  }

  get length(): number {
    return this.columns.count;
  }

  at(row: number): BenchmarkResult | undefined {
    if (!(row >= 0 && row < this.columns.count)) return undefined;
    this.made ??= emptySlots(this.columns.count);
    return madeOnce(this.made, row, this.makeRow);
  }

  peek(row: number): BenchmarkResult | undefined {
    if (!(row >= 0 && row < this.columns.count)) return undefined;
    return this.made?.[row] ?? new ColumnRow(this.source, row);
  }

  /** Every result, in row order: one list, made the first time. */
  list(): readonly BenchmarkResult[] {
    if (this.whole === null) {
      const whole = new Array<BenchmarkResult>(this.columns.count);
      const made = (this.made ??= emptySlots(this.columns.count));
      for (let row = 0; row < whole.length; row += 1) {
        whole[row] = madeOnce(made, row, this.makeRow);
      }
      this.whole = whole;
    }
    return this.whole;
  }

  private readonly makeRow = (row: number) => new ColumnRow(this.source, row);
}

/** Columns → results, all at once (small sets, tests). */
export function rowsOfColumns(columns: ResultColumns): readonly BenchmarkResult[] {
  return new ColumnResults(columns).list();
}

/**
 * The columns `results` are views of, when they are every row of one set of columns in order (as
 * a parser wrote them); null otherwise (plain results, rows of several sets, some replaced).
 */
export function columnsBehind(results: readonly BenchmarkResult[]): ResultColumns | null {
  const first = results[0];
  if (!(first instanceof ColumnRow)) return null;
  const { source } = first;
  if (source.columns.count !== results.length) return null;
  for (let row = 0; row < results.length; row += 1) {
    const result = results[row];
    if (!(result instanceof ColumnRow) || result.source !== source || result.row !== row) {
      return null;
    }
  }
  return source.columns;
}

/** Results → columns: those they are views of (nothing copied), else packed from them. */
export function resultColumns(results: readonly BenchmarkResult[]): ResultColumns {
  return columnsBehind(results) ?? columnsOf(results);
}
