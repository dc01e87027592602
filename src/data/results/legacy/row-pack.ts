/**
 * The row-major pack results travelled and were stored in before columns: a few typed arrays,
 * a row's fields one after another, and one table of distinct strings. IndexedDB records of
 * versions 2 and 3 hold it; it is only read now, and turned into columns (see pack-columns.ts).
 * Missing numbers are NaN.
 */
export interface ResultsPack {
  readonly count: number;
  /** Every distinct string: test names, models, GPU types, datasets, metric and attribute keys… */
  readonly strings: readonly string[];
  /** Distinct lists of metric keys (as string indices); results of one table share one. */
  readonly metricShapes: readonly (readonly number[])[];
  /** Distinct lists of attribute keys (as string indices). */
  readonly attributeShapes: readonly (readonly number[])[];
  /** Per result, INT_FIELDS integers: suite, then string indices (−1 for null), then shape ids. */
  readonly ints: Int32Array;
  /** Per result, NUMBER_FIELDS numbers (NaN for null). */
  readonly numbers: Float64Array;
  /** Metric values of every result, one after another in shape order (NaN for null). */
  readonly metricValues: Float64Array;
  /** Attribute values as string indices, one after another in shape order. */
  readonly attributeValues: Int32Array;
}

/**
 * Integers per result: suite, test name, model, GPU type (−1: no GPU), dataset, variant, metric
 * shape, attribute shape.
 */
export const INT_FIELDS = 8;
/** Numbers per result: tp, pp, gpu count, qps, concurrency, input length, output length. */
export const NUMBER_FIELDS = 7;
/** A string index meaning null (no GPU, no dataset, no variant). */
export const NONE = -1;
