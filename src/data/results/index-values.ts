/**
 * One metric (or number dimension) over every row of the result index, as one Float64Array in
 * reading order (NaN where a row has no value): what charts and sorts loop over. Each is made the
 * first time it is asked for, from the datasets' columns where they have them (a gather over
 * typed arrays, no result read) and from the results themselves otherwise, and kept for as long
 * as the index lives: a new index (new data) starts empty.
 */
import type { NumberDimension, ResultColumns } from './result-columns';
import type { ResultIndex } from './result-index';
import { SUITES, datasetColumns, resultCount, type BenchmarkResult } from './result-model';
import { STEP_ROWS, keptSteps, runSteps, type Steps } from './steps';

/**
 * What the values are read from: the index's rows, where each came from, each suite's positions
 * and the metric keys its rows have.
 */
export type IndexRows = Pick<
  ResultIndex,
  'datasets' | 'results' | 'datasetOf' | 'rowOf' | 'bySuite' | 'metricKeys'
>;

type Source = Float64Array | null;

/** Values a step of a column's NaN fill writes: a megabyte. */
const FILL_STEP = 131_072;

/**
 * Something worked out from the index's rows alone (not from the filters), once per index: a
 * constant naming how to make it, and its type.
 */
export interface Derivation<T> {
  /** How it is made, as steps (see steps.ts). */
  readonly steps: (rows: IndexRows) => Steps<T>;
}

function metricColumnOf(columns: ResultColumns, key: string): Source {
  for (let k = 0; k < columns.metricKeys.length; k += 1) {
    if (columns.strings[columns.metricKeys[k] ?? -1] === key) return columns.metrics[k] ?? null;
  }
  return null;
}

/**
 * Copies each row's value from its dataset's column into `out`, in reading order: one loop over
 * arrays of one kind (every source a full-length Float64Array), whatever the datasets hold; at
 * `positions` only when they are given (the others left as they are). At a million rows it takes
 * 50-230 ms per metric over every row, as the loop before it did: reading order jumps between a
 * hundred files' columns, and the loop waits on memory.
 */
function gather(
  out: Float64Array,
  sources: readonly Float64Array[],
  { datasetOf, rowOf }: Pick<IndexRows, 'datasetOf' | 'rowOf'>,
  positions: Uint32Array | null,
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i += 1) {
    const position = positions === null ? i : (positions[i] as number);
    out[position] =
      (sources[datasetOf[position] as number] as Float64Array)[rowOf[position] as number] ?? NaN;
  }
}

function columnOfResults(
  results: readonly BenchmarkResult[],
  of: (result: BenchmarkResult) => number | null | undefined,
): Float64Array {
  const column = new Float64Array(results.length);
  for (let row = 0; row < results.length; row += 1) {
    const result = results[row];
    column[row] = (result === undefined ? null : of(result)) ?? NaN;
  }
  return column;
}

export class IndexValues {
  private readonly made = new Map<string, Float64Array>();
  private absentColumn: Float64Array | null = null;
  private readonly derivations = new Map<Derivation<unknown>, unknown>();

  constructor(private readonly rows: IndexRows) {}

  /** What `derivation` makes of the rows, made the first time it is asked for. */
  derived<T>(derivation: Derivation<T>): T {
    return runSteps(this.derivedSteps(derivation));
  }

  /** `derived`, as steps: made a step at a time the first time, and at once after that. */
  derivedSteps<T>(derivation: Derivation<T>): Steps<T> {
    const kept = this.derivations as Map<Derivation<T>, T>;
    return keptSteps(kept, derivation, () => derivation.steps(this.rows));
  }

  /**
   * A metric's values in reading order; NaN where a row has no value (or null). Only the rows of
   * the suites whose rows have the key are read, the others are NaN: a latency metric is a
   * loop over the latency rows, not over every row (at a million rows, the latency chart's three
   * columns took 180 ms read over all of them).
   */
  metric(key: string): Float64Array {
    return runSteps(this.metricSteps(key));
  }

  /** `metric`, as steps (see steps.ts): a pause every STEP_ROWS rows read. */
  metricSteps(key: string): Steps<Float64Array> {
    return this.columnSteps(
      `m:${key}`,
      (columns) => metricColumnOf(columns, key),
      (result) => (Object.hasOwn(result.metrics, key) ? result.metrics[key] : null),
      () => this.positionsWith(key),
    );
  }

  /** A number dimension's values (TP, QPS, concurrency, …) in reading order; NaN for none. */
  dimension(name: NumberDimension, of: (result: BenchmarkResult) => number | null): Float64Array {
    return runSteps(this.dimensionSteps(name, of));
  }

  /** `dimension`, as steps (see steps.ts). */
  dimensionSteps(
    name: NumberDimension,
    of: (result: BenchmarkResult) => number | null,
  ): Steps<Float64Array> {
    return this.columnSteps(
      `d:${name}`,
      (columns) => columns.numbers[name],
      of,
      () => null,
    );
  }

  /** The positions of the suites whose rows have a metric key; null when every suite has it. */
  private positionsWith(key: string): readonly Uint32Array[] | null {
    const { bySuite, metricKeys } = this.rows;
    const suites = SUITES.filter((suite) => metricKeys[suite].includes(key));
    return suites.length === SUITES.length ? null : suites.map((suite) => bySuite[suite]);
  }

  /** NaN for every row of the longest dataset: the column of a key a dataset lacks. */
  private absent(): Float64Array {
    if (this.absentColumn === null) {
      const longest = Math.max(0, ...this.rows.datasets.map(resultCount));
      this.absentColumn = new Float64Array(longest).fill(NaN);
    }
    return this.absentColumn;
  }

  /**
   * A column over every row, made the first time it is asked for: read at the positions
   * `positionsOf` gives (the rest NaN), or at every row when it gives null; as steps, a pause
   * every STEP_ROWS rows read.
   */
  private columnSteps(
    id: string,
    read: (columns: ResultColumns) => Source,
    of: (result: BenchmarkResult) => number | null | undefined,
    positionsOf: () => readonly Uint32Array[] | null,
  ): Steps<Float64Array> {
    return keptSteps(this.made, id, () => this.readSteps(read, of, positionsOf()));
  }

  /** A new column read from the datasets, as steps (see `columnSteps`). */
  private *readSteps(
    read: (columns: ResultColumns) => Source,
    of: (result: BenchmarkResult) => number | null | undefined,
    positions: readonly Uint32Array[] | null,
  ): Steps<Float64Array> {
    const { datasets, results } = this.rows;
    // NaN where it is not read, filled a megabyte a step: the first write to a new array's
    // memory is what costs (a fill of 8 MB took 22 ms at once, as long as copying into it).
    const out = new Float64Array(results.length);
    if (positions !== null) {
      for (let from = 0; from < out.length; from += FILL_STEP) {
        out.fill(NaN, from, Math.min(out.length, from + FILL_STEP));
        yield;
      }
    }
    // A dataset without the key reads a column of NaN as long as the longest; one without
    // columns (results made on this page) a column made from its results.
    const sources = datasets.map((dataset) => {
      const columns = datasetColumns(dataset);
      if (columns === null) return columnOfResults(dataset.results, of);
      return read(columns) ?? this.absent();
    });
    for (const at of positions ?? [null]) {
      const count = at === null ? out.length : at.length;
      for (let from = 0; from < count; from += STEP_ROWS) {
        gather(out, sources, this.rows, at, from, Math.min(count, from + STEP_ROWS));
        yield;
      }
    }
    return out;
  }
}
