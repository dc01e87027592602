import { SUITES, type BenchmarkResult } from '../result-model';
import { sameKeys } from '../same-keys';

/**
 * Results as a few typed arrays and one table of distinct strings: the form parsed results cross
 * from the parsing worker to the page in. Typed arrays are transferred (their memory changes
 * owner, nothing is copied); only the small string table is cloned. Cloning 100,000 result
 * objects instead would stop the page for tens of milliseconds, and make as many garbage objects.
 *
 * Missing numbers travel as NaN: parsers never keep NaN as a value (they read it as missing).
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

/** The buffers to hand to `postMessage` as its transfer list. */
export function packTransferables(pack: ResultsPack): ArrayBuffer[] {
  return [pack.ints, pack.numbers, pack.metricValues, pack.attributeValues].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

class StringTable {
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
 * Interns key lists: the same keys in the same order get one id. Results of one table come one
 * after another with the same keys, so each record is first compared with the previous shape
 * (a `for…in` walk, no allocation) before its keys are collected and looked up.
 */
class ShapeTable {
  readonly shapes: number[][] = [];
  private readonly keyLists: string[][] = [];
  private readonly byKeys = new Map<string, number>();
  private last = -1;

  constructor(private readonly table: StringTable) {}

  private sameAsLast(record: object): boolean {
    const keys = this.keyLists[this.last];
    return keys !== undefined && sameKeys(record, keys);
  }

  id(record: object): { id: number; keys: readonly string[] } {
    if (!this.sameAsLast(record)) {
      const keys = Object.keys(record);
      const signature = JSON.stringify(keys);
      let id = this.byKeys.get(signature);
      if (id === undefined) {
        id = this.shapes.length;
        this.shapes.push(keys.map((key) => this.table.code(key)));
        this.keyLists.push(keys);
        this.byKeys.set(signature, id);
      }
      this.last = id;
    }
    return { id: this.last, keys: this.keyLists[this.last] ?? [] };
  }
}

function growable(length: number): Float64Array {
  return new Float64Array(Math.max(16, length));
}

/** Results → pack. The inverse of `unpackResults`. */
export function packResults(results: readonly BenchmarkResult[]): ResultsPack {
  const count = results.length;
  const strings = new StringTable();
  const metricShapes = new ShapeTable(strings);
  const attributeShapes = new ShapeTable(strings);
  const ints = new Int32Array(count * INT_FIELDS);
  const numbers = new Float64Array(count * NUMBER_FIELDS);
  let metricValues = growable(count * 8);
  let metricLength = 0;
  const attributeValues: number[] = [];
  const suiteCode = new Map(SUITES.map((suite, i) => [suite, i]));

  for (let i = 0; i < count; i += 1) {
    const result = results[i];
    if (result === undefined) continue;
    const metricShape = metricShapes.id(result.metrics);
    const attributeShape = attributeShapes.id(result.attributes);
    const at = i * INT_FIELDS;
    ints[at] = suiteCode.get(result.suite) ?? 0;
    ints[at + 1] = strings.code(result.testName);
    ints[at + 2] = strings.code(result.model);
    ints[at + 3] = result.gpu === null ? NONE : strings.code(result.gpu.type);
    ints[at + 4] = strings.nullable(result.dataset);
    ints[at + 5] = strings.nullable(result.variant);
    ints[at + 6] = metricShape.id;
    ints[at + 7] = attributeShape.id;
    const to = i * NUMBER_FIELDS;
    numbers[to] = result.tp ?? NaN;
    numbers[to + 1] = result.pp ?? NaN;
    numbers[to + 2] = result.gpu?.count ?? NaN;
    numbers[to + 3] = result.qps ?? NaN;
    numbers[to + 4] = result.concurrency ?? NaN;
    numbers[to + 5] = result.inputLen ?? NaN;
    numbers[to + 6] = result.outputLen ?? NaN;

    if (metricLength + metricShape.keys.length > metricValues.length) {
      const bigger = growable(
        Math.max(metricValues.length * 2, metricLength + metricShape.keys.length),
      );
      bigger.set(metricValues);
      metricValues = bigger;
    }
    // The keys in the shape's order (its own, as `for…in` walks them): a `for…in` read of the
    // object's own values is much faster than looking up each key of the list.
    const { metrics } = result;
    for (const key in metrics) {
      metricValues[metricLength] = metrics[key] ?? NaN;
      metricLength += 1;
    }
    for (const key of attributeShape.keys) {
      attributeValues.push(strings.code(result.attributes[key] ?? ''));
    }
  }
  return {
    count,
    strings: strings.strings,
    metricShapes: metricShapes.shapes,
    attributeShapes: attributeShapes.shapes,
    ints,
    numbers,
    // A copy of the used part only, so the transfer does not carry the slack.
    metricValues: metricValues.slice(0, metricLength),
    attributeValues: Int32Array.from(attributeValues),
  };
}
