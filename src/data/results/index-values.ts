/**
 * One metric (or number dimension) over every row of the result index, as one Float64Array in
 * reading order (NaN where a row has no value): what charts and sorts loop over. Each is made the
 * first time it is asked for, from the datasets' columns where they have them (a gather over
 * typed arrays, no result read) and from the results themselves otherwise, and kept for as long
 * as the index lives: a new index (new data) starts empty.
 */
import type { NumberDimension, ResultColumns } from './result-columns';
import { datasetColumns, type BenchmarkResult, type Dataset } from './result-model';

/** What the values are read from: the index's rows and where each came from. */
export interface IndexRows {
  readonly datasets: readonly Dataset[];
  /** Every row, in reading order. */
  readonly results: readonly BenchmarkResult[];
  /** Each row's dataset (an index into `datasets`) and its row in that dataset. */
  readonly datasetOf: Uint32Array;
  readonly rowOf: Uint32Array;
}

type Source = Float64Array | null;

/**
 * Something worked out from the index's rows alone (not from the filters), once per index: a
 * constant naming how to make it, and its type.
 */
export interface Derivation<T> {
  readonly make: (rows: IndexRows) => T;
}

function metricColumnOf(columns: ResultColumns, key: string): Source {
  for (let k = 0; k < columns.metricKeys.length; k += 1) {
    if (columns.strings[columns.metricKeys[k] ?? -1] === key) return columns.metrics[k] ?? null;
  }
  return null;
}

/** A dataset's column for a key: its own, an empty one when it has columns without the key. */
function columnFor(
  dataset: Dataset,
  read: (columns: ResultColumns) => Source,
  empty: () => Float64Array,
): Source {
  const columns = datasetColumns(dataset);
  if (columns === null) return null;
  return read(columns) ?? empty();
}

export class IndexValues {
  private readonly made = new Map<string, Float64Array>();
  private emptyColumn: Float64Array | null = null;
  private readonly derivations = new Map<Derivation<unknown>, unknown>();

  constructor(private readonly rows: IndexRows) {}

  /** What `derivation` makes of the rows, made the first time it is asked for. */
  derived<T>(derivation: Derivation<T>): T {
    if (!this.derivations.has(derivation)) {
      this.derivations.set(derivation, derivation.make(this.rows));
    }
    return this.derivations.get(derivation) as T;
  }

  /** A metric's values in reading order; NaN where a row has no value (or null). */
  metric(key: string): Float64Array {
    return this.column(
      `m:${key}`,
      (columns) => metricColumnOf(columns, key),
      (result) => (Object.hasOwn(result.metrics, key) ? result.metrics[key] : null),
    );
  }

  /** A number dimension's values (TP, QPS, concurrency, …) in reading order; NaN for none. */
  dimension(name: NumberDimension, of: (result: BenchmarkResult) => number | null): Float64Array {
    return this.column(`d:${name}`, (columns) => columns.numbers[name], of);
  }

  private column(
    id: string,
    read: (columns: ResultColumns) => Source,
    of: (result: BenchmarkResult) => number | null | undefined,
  ): Float64Array {
    const known = this.made.get(id);
    if (known !== undefined) return known;
    const { datasets, results, datasetOf, rowOf } = this.rows;
    const empty = (): Float64Array => (this.emptyColumn ??= new Float64Array(0));
    const sources = datasets.map((dataset) => columnFor(dataset, read, empty));
    const out = new Float64Array(results.length);
    const count = out.length;
    for (let position = 0; position < count; position += 1) {
      const source = sources[datasetOf[position] as number] as Source;
      if (source !== null) {
        // Past the end of an empty column (the dataset lacks the key) reads undefined: NaN.
        out[position] = source[rowOf[position] as number] as number;
        continue;
      }
      const result = results[position];
      out[position] = (result === undefined ? null : of(result)) ?? Number.NaN;
    }
    this.made.set(id, out);
    return out;
  }
}
