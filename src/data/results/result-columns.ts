import { VLLM } from '../engines';
import { SUITE_CODES, type BenchmarkResult } from './result-model';
import { sameKeys } from './same-keys';

/**
 * Results as columns: one typed array per dimension and per metric, strings kept once in a
 * dictionary. This is the form results travel in from the parsing worker to the page (every
 * array is transferred: its memory changes owner, nothing is copied; only the dictionary is
 * cloned) and the form IndexedDB keeps them in. A column per metric, NaN where a row has no
 * value, is what filters, sorts and charts read best: one metric over every row is one
 * contiguous array.
 *
 * Adding a dimension is one entry below: its name and how to read it from a result. The
 * builder, the check, storage and the way back to results all follow from the lists.
 */

/** Dimensions that are text: one Int32Array each of codes into `strings` (NONE for null). */
export const TEXT_DIMENSIONS = {
  testName: (result: BenchmarkResult): string | null => result.testName,
  model: (result: BenchmarkResult): string | null => result.model,
  gpuType: (result: BenchmarkResult): string | null => result.gpu?.type ?? null,
  dataset: (result: BenchmarkResult): string | null => result.dataset,
  variant: (result: BenchmarkResult): string | null => result.variant,
  engine: (result: BenchmarkResult): string | null => result.engine,
} as const;

/** Dimensions that are numbers: one Float64Array each (NaN for null). */
export const NUMBER_DIMENSIONS = {
  tp: (result: BenchmarkResult): number | null => result.tp,
  pp: (result: BenchmarkResult): number | null => result.pp,
  dp: (result: BenchmarkResult): number | null => result.dp,
  gpuCount: (result: BenchmarkResult): number | null => result.gpu?.count ?? null,
  qps: (result: BenchmarkResult): number | null => result.qps,
  concurrency: (result: BenchmarkResult): number | null => result.concurrency,
  inputLen: (result: BenchmarkResult): number | null => result.inputLen,
  outputLen: (result: BenchmarkResult): number | null => result.outputLen,
} as const;

export type TextDimension = keyof typeof TEXT_DIMENSIONS;

/**
 * What a text dimension added later means for columns saved before it existed: everything
 * stored before engines were told apart came from vLLM's own benchmarks.
 */
export const TEXT_DIMENSION_BEFORE: Readonly<Partial<Record<TextDimension, string>>> = {
  engine: VLLM,
};
export type NumberDimension = keyof typeof NUMBER_DIMENSIONS;

export const TEXT_DIMENSION_NAMES = Object.keys(TEXT_DIMENSIONS) as readonly TextDimension[];
export const NUMBER_DIMENSION_NAMES = Object.keys(NUMBER_DIMENSIONS) as readonly NumberDimension[];

/** A text code meaning null (no GPU, no dataset, no variant), or an attribute a row lacks. */
export const NONE = -1;

/**
 * The code every row gets in a text dimension the stored columns lack: what data saved before
 * the dimension existed means (its string added to `strings`), else NONE.
 */
export function absentTextCode(name: TextDimension, strings: string[]): number {
  const before = TEXT_DIMENSION_BEFORE[name];
  if (before === undefined) return NONE;
  const at = strings.indexOf(before);
  if (at !== -1) return at;
  strings.push(before);
  return strings.length - 1;
}

export interface ResultColumns {
  readonly count: number;
  /** Every distinct string: test names, models, GPU types, metric and attribute keys, values… */
  readonly strings: readonly string[];
  /** Each row's suite, as an index into SUITES. */
  readonly suite: Uint8Array;
  readonly text: Readonly<Record<TextDimension, Int32Array>>;
  readonly numbers: Readonly<Record<NumberDimension, Float64Array>>;
  /** The metric keys (string codes), and beside each its column: NaN where a row has no value. */
  readonly metricKeys: readonly number[];
  readonly metrics: readonly Float64Array[];
  /**
   * Which metrics each row has, in its order, as an index into `metricShapes` (lists of indices
   * into `metricKeys`): a file's column with no value for a row (null) is not a column the row
   * lacks, and a table's columns are the keys its rows have.
   */
  readonly metricShape: Int32Array;
  readonly metricShapes: readonly (readonly number[])[];
  /** Attribute keys (string codes), and beside each a column of value codes (NONE: absent). */
  readonly attributeKeys: readonly number[];
  readonly attributes: readonly Int32Array[];
}

/** Every typed array of some columns, in a fixed order: the transfer list, and what storage writes. */
export function columnArrays(columns: ResultColumns): (Float64Array | Int32Array | Uint8Array)[] {
  return [
    ...NUMBER_DIMENSION_NAMES.map((name) => columns.numbers[name]),
    ...columns.metrics,
    ...TEXT_DIMENSION_NAMES.map((name) => columns.text[name]),
    columns.metricShape,
    ...columns.attributes,
    columns.suite,
  ];
}

/** The buffers to hand to `postMessage` as its transfer list. */
export function columnTransferables(columns: ResultColumns): ArrayBuffer[] {
  return columnArrays(columns).map((array) => array.buffer as ArrayBuffer);
}

/** Codes for distinct strings, in first-seen order. */
export class Dictionary {
  readonly strings: string[] = [];
  private readonly codes = new Map<string, number>();

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.strings.length;
      this.strings.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  nullable(value: string | null): number {
    return value === null ? NONE : this.code(value);
  }
}

/**
 * Key lists met so far: the same keys in the same order get one id. Rows of one table come one
 * after another with the same keys, so a record is first compared with the previous list (a
 * `for…in` walk, no allocation) before its keys are collected and looked up.
 */
class KeyLists {
  readonly lists: (readonly string[])[] = [];
  private readonly bySignature = new Map<string, number>();
  private last = -1;

  /** The id of a record's own keys, in `for…in` order. */
  idOf(record: object): number {
    const previous = this.lists[this.last];
    if (previous !== undefined && sameKeys(record, previous)) return this.last;
    return this.id(Object.keys(record));
  }

  /** The id of a list of keys. */
  id(keys: readonly string[]): number {
    const signature = JSON.stringify(keys);
    let id = this.bySignature.get(signature);
    if (id === undefined) {
      id = this.lists.length;
      this.lists.push(keys);
      this.bySignature.set(signature, id);
    }
    this.last = id;
    return id;
  }
}

type Column = Float64Array | Int32Array | Uint8Array;

const floats = (length: number): Float64Array => new Float64Array(length);
const ints = (length: number): Int32Array => new Int32Array(length);

/** A typed array of `length` holding `from` and then `absent` in the room after it. */
function grown<T extends Column>(
  from: T,
  make: (length: number) => T,
  length: number,
  absent = 0,
): T {
  const out = make(length);
  out.set(from);
  if (absent !== 0) out.fill(absent, from.length);
  return out;
}

/** A column per key, made when the key is first met and filled with the absent value. */
class KeyedColumns<T extends Float64Array | Int32Array> {
  readonly keys: string[] = [];
  readonly columns: T[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(
    private readonly make: (length: number) => T,
    private readonly absent: number,
  ) {}

  column(key: string, length: number): T {
    let at = this.byKey.get(key);
    if (at === undefined) {
      at = this.keys.length;
      this.keys.push(key);
      const column = this.make(length);
      column.fill(this.absent);
      this.columns.push(column);
      this.byKey.set(key, at);
    }
    return this.columns[at] as T;
  }

  indexOf(key: string): number {
    return this.byKey.get(key) ?? 0;
  }

  grow(length: number): void {
    for (let k = 0; k < this.columns.length; k += 1) {
      this.columns[k] = grown(this.columns[k] as T, this.make, length, this.absent);
    }
  }
}

function trimmed<T extends Column>(array: T, count: number): T {
  return (array.length === count ? array : array.slice(0, count)) as T;
}

/**
 * Columns written a row at a time, by a parser as it reads a file or by `columnsOf` from
 * results: no object per row on the way. Room is made by `reserve`, which replaces the arrays:
 * an array taken from the builder is good until the next `reserve`. Every row must be given its
 * suite, every text and number dimension and its metric key list; metrics and attributes it
 * lacks stay NaN and NONE.
 */
export class ColumnsBuilder {
  readonly strings = new Dictionary();
  suite: Uint8Array = new Uint8Array(0);
  readonly text = Object.fromEntries(TEXT_DIMENSION_NAMES.map((name) => [name, ints(0)])) as Record<
    TextDimension,
    Int32Array
  >;
  readonly numbers = Object.fromEntries(
    NUMBER_DIMENSION_NAMES.map((name) => [name, floats(0)]),
  ) as Record<NumberDimension, Float64Array>;
  metricShape: Int32Array = ints(0);
  private readonly metrics = new KeyedColumns(floats, NaN);
  private readonly attributes = new KeyedColumns(ints, NONE);
  private readonly keyLists = new KeyLists();
  /** Per metric key list: the column of each of its keys, found once per list. */
  private listColumns: Float64Array[][] = [];
  private capacity = 0;
  private rows = 0;

  /** Rows added so far. */
  get count(): number {
    return this.rows;
  }

  /** Makes room for `more` rows after those added (at least doubling, when it grows). */
  reserve(more: number): void {
    const needed = this.rows + more;
    if (needed <= this.capacity) return;
    const length = Math.max(needed, this.capacity * 2);
    this.suite = grown(this.suite, (size) => new Uint8Array(size), length);
    for (const name of TEXT_DIMENSION_NAMES) this.text[name] = grown(this.text[name], ints, length);
    for (const name of NUMBER_DIMENSION_NAMES) {
      this.numbers[name] = grown(this.numbers[name], floats, length);
    }
    this.metricShape = grown(this.metricShape, ints, length);
    this.metrics.grow(length);
    this.attributes.grow(length);
    this.listColumns = [];
    this.capacity = length;
  }

  /** The next row's index; the row counts from now on. Room must have been reserved. */
  addRow(): number {
    if (this.rows >= this.capacity) throw new RangeError('No room reserved for another row.');
    const row = this.rows;
    this.rows += 1;
    return row;
  }

  /** The id of a list of metric keys (a row's keys, in order). */
  metricList(keys: readonly string[]): number {
    return this.keyLists.id(keys);
  }

  /** The id of a metrics record's keys, in `for…in` order. */
  metricListOf(metrics: object): number {
    return this.keyLists.idOf(metrics);
  }

  /** The columns of a metric key list's keys, in the list's order. */
  columnsOfList(list: number): readonly Float64Array[] {
    let columns = this.listColumns[list];
    if (columns === undefined) {
      columns = (this.keyLists.lists[list] ?? []).map((key) => this.metric(key));
      this.listColumns[list] = columns;
    }
    return columns;
  }

  /** A metric's column (NaN where a row has no value). */
  metric(key: string): Float64Array {
    return this.metrics.column(key, this.capacity);
  }

  /** An attribute's column of value codes (NONE where a row lacks it). */
  attribute(key: string): Int32Array {
    return this.attributes.column(key, this.capacity);
  }

  /** The columns of the rows added, each array exactly their length. */
  finish(): ResultColumns {
    const count = this.rows;
    const { strings, metrics, attributes } = this;
    return {
      count,
      strings: strings.strings,
      suite: trimmed(this.suite, count),
      text: Object.fromEntries(
        TEXT_DIMENSION_NAMES.map((name) => [name, trimmed(this.text[name], count)]),
      ) as Record<TextDimension, Int32Array>,
      numbers: Object.fromEntries(
        NUMBER_DIMENSION_NAMES.map((name) => [name, trimmed(this.numbers[name], count)]),
      ) as Record<NumberDimension, Float64Array>,
      metricKeys: metrics.keys.map((key) => strings.code(key)),
      metrics: metrics.columns.map((column) => trimmed(column, count)),
      metricShape: trimmed(this.metricShape, count),
      metricShapes: this.keyLists.lists.map((keys) => keys.map((key) => metrics.indexOf(key))),
      attributeKeys: attributes.keys.map((key) => strings.code(key)),
      attributes: attributes.columns.map((column) => trimmed(column, count)),
    };
  }
}

/** Results → columns. The inverse of `rowsOfColumns`. */
export function columnsOf(results: readonly BenchmarkResult[]): ResultColumns {
  const count = results.length;
  const into = new ColumnsBuilder();
  into.reserve(count);
  const { suite, strings, metricShape } = into;
  // The declarations as parallel arrays: no lookup by name in the loop over rows.
  const textColumns = TEXT_DIMENSION_NAMES.map((name) => into.text[name]);
  const textReads = TEXT_DIMENSION_NAMES.map((name) => TEXT_DIMENSIONS[name]);
  const numberColumns = NUMBER_DIMENSION_NAMES.map((name) => into.numbers[name]);
  const numberReads = NUMBER_DIMENSION_NAMES.map((name) => NUMBER_DIMENSIONS[name]);

  for (let i = 0; i < count; i += 1) {
    const result = results[i] as BenchmarkResult;
    const row = into.addRow();
    suite[row] = SUITE_CODES[result.suite];
    for (let d = 0; d < textColumns.length; d += 1) {
      (textColumns[d] as Int32Array)[row] = strings.nullable(
        (textReads[d] as (result: BenchmarkResult) => string | null)(result),
      );
    }
    for (let d = 0; d < numberColumns.length; d += 1) {
      (numberColumns[d] as Float64Array)[row] =
        (numberReads[d] as (result: BenchmarkResult) => number | null)(result) ?? NaN;
    }
    const list = into.metricListOf(result.metrics);
    metricShape[row] = list;
    const targets = into.columnsOfList(list);
    // The keys in the list's order (the object's own, as `for…in` walks them): reading values
    // with `for…in` is much faster than looking up each key of the list.
    let k = 0;
    for (const key in result.metrics) {
      (targets[k] as Float64Array)[row] = result.metrics[key] ?? NaN;
      k += 1;
    }
    for (const key in result.attributes) {
      into.attribute(key)[row] = strings.code(result.attributes[key] ?? '');
    }
  }
  return into.finish();
}
