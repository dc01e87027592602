// The writer of the row-major pack that records of versions 2 and 3 hold: the app only reads
// that form now, and tests write it to show old records still restore.
import { SUITES, type BenchmarkResult } from '../../src/data/results/result-model';
import {
  INT_FIELDS,
  NONE,
  NUMBER_FIELDS,
  type ResultsPack,
} from '../../src/data/results/legacy/row-pack';
import { sameKeys } from '../../src/data/results/same-keys';
import type { StoredPack } from '../../src/data/results/legacy/stored-row-pack';
import { Dictionary } from '../../src/data/results/result-columns';
import { blobOf } from '../../src/data/results/stored-columns';

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

  constructor(private readonly table: Dictionary) {}

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
  const strings = new Dictionary();
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

/**
 * Pack → stored form. Each array is copied into a Blob of its own, with `pause()` awaited
 * between them, so a large pack is never copied in one long task; joining Blobs copies nothing.
 * The 8-byte numbers come first, so every array starts aligned when read back.
 */
export async function storePack(
  pack: ResultsPack,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<StoredPack> {
  const arrays = [pack.numbers, pack.metricValues, pack.ints, pack.attributeValues] as const;
  const data = await blobOf(arrays, pause);
  return {
    count: pack.count,
    strings: pack.strings,
    metricShapes: pack.metricShapes,
    attributeShapes: pack.attributeShapes,
    lengths: [
      pack.numbers.length,
      pack.metricValues.length,
      pack.ints.length,
      pack.attributeValues.length,
    ],
    data,
  };
}
