import { SUITES, type BenchmarkResult, type GpuSpec } from './result-model';

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

// ints: suite, testName, model, gpu type (−1: no GPU), dataset, variant, metric shape, attribute shape
const INT_FIELDS = 8;
// numbers: tp, pp, gpu count, qps, concurrency, input length, output length
const NUMBER_FIELDS = 7;
const NONE = -1;

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
    if (keys === undefined) return false;
    let i = 0;
    for (const key in record) {
      if (keys[i] !== key) return false;
      i += 1;
    }
    return i === keys.length;
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

function numberOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** Where unpacking stands, so a long pack can be unpacked a slice at a time. */
export interface UnpackCursor {
  /** Next result to unpack. */
  next: number;
  metricOffset: number;
  attributeOffset: number;
  readonly out: BenchmarkResult[];
  /** Each metric shape's names and template, by shape id, made when first met. */
  readonly shapes: MetricShape[];
}

export function startUnpacking(pack: ResultsPack): UnpackCursor {
  return {
    next: 0,
    metricOffset: 0,
    attributeOffset: 0,
    out: new Array<BenchmarkResult>(pack.count),
    shapes: [],
  };
}

const EMPTY_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * A metric shape's key names, and an object with those keys in that order (values null): each
 * result's metrics start as a copy of it, so every result of a shape gets its keys in one step
 * and shares one hidden class, instead of growing an empty object a key at a time.
 */
interface MetricShape {
  readonly names: readonly string[];
  readonly template: Readonly<Record<string, number | null>> | null;
}

function metricShape(pack: ResultsPack, shapes: MetricShape[], id: number): MetricShape {
  let shape = shapes[id];
  if (shape === undefined) {
    const names = (pack.metricShapes[id] ?? []).map((code) => pack.strings[code] ?? '');
    // Parsers only make known or `x:`-prefixed keys; a stored pack is data all the same, and a
    // `__proto__` key must stay an own key: such shapes are built key by key.
    const template = names.includes('__proto__')
      ? null
      : Object.fromEntries(names.map((name) => [name, null]));
    shape = { names, template };
    shapes[id] = shape;
  }
  return shape;
}

function metricsOf(
  shape: MetricShape,
  values: Float64Array,
  offset: number,
): Record<string, number | null> {
  const { names, template } = shape;
  if (template === null) {
    const metrics: Record<string, number | null> = {};
    names.forEach((name, k) => {
      Object.defineProperty(metrics, name, {
        value: numberOrNull(values[offset + k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return metrics;
  }
  const metrics = { ...template };
  for (let k = 0; k < names.length; k += 1) {
    metrics[names[k] ?? ''] = numberOrNull(values[offset + k]);
  }
  return metrics;
}

/**
 * Unpacks up to `limit` more results into `cursor.out`; returns true when all are done. Results
 * that share a GPU share one (frozen) GPU object, and results without attributes one empty object.
 */
export function unpackSome(pack: ResultsPack, cursor: UnpackCursor, limit: number): boolean {
  const { strings, ints, numbers, metricValues, attributeValues } = pack;
  const text = (code: number | undefined): string => strings[code ?? 0] ?? '';
  const nullableText = (code: number | undefined): string | null =>
    code === undefined || code === NONE ? null : text(code);
  // GPU objects by type, then by count (NaN, for no count, is its own entry).
  const gpus = new Map<number, Map<number, GpuSpec>>();
  const end = Math.min(pack.count, cursor.next + limit);
  for (let i = cursor.next; i < end; i += 1) {
    const at = i * INT_FIELDS;
    const to = i * NUMBER_FIELDS;
    const gpuType = ints[at + 3] ?? NONE;
    let gpu: GpuSpec | null = null;
    if (gpuType !== NONE) {
      const count = numberOrNull(numbers[to + 2]);
      let byCount = gpus.get(gpuType);
      if (byCount === undefined) {
        byCount = new Map();
        gpus.set(gpuType, byCount);
      }
      gpu = byCount.get(count ?? NaN) ?? null;
      if (gpu === null) {
        gpu = Object.freeze({ type: text(gpuType), count });
        byCount.set(count ?? NaN, gpu);
      }
    }
    const shape = metricShape(pack, cursor.shapes, ints[at + 6] ?? 0);
    const metrics = metricsOf(shape, metricValues, cursor.metricOffset);
    cursor.metricOffset += shape.names.length;
    const attributeKeys = pack.attributeShapes[ints[at + 7] ?? 0] ?? [];
    let attributes = EMPTY_ATTRIBUTES;
    if (attributeKeys.length > 0) {
      // No prototype: attribute keys are column names from files (`__proto__` stays a key).
      const record = Object.create(null) as Record<string, string>;
      for (const key of attributeKeys) {
        record[text(key)] = text(attributeValues[cursor.attributeOffset]);
        cursor.attributeOffset += 1;
      }
      attributes = record;
    }
    cursor.out[i] = {
      suite: SUITES[ints[at] ?? 0] ?? 'latency',
      testName: text(ints[at + 1]),
      model: text(ints[at + 2]),
      tp: numberOrNull(numbers[to]),
      pp: numberOrNull(numbers[to + 1]),
      gpu,
      dataset: nullableText(ints[at + 4]),
      variant: nullableText(ints[at + 5]),
      qps: numberOrNull(numbers[to + 3]),
      concurrency: numberOrNull(numbers[to + 4]),
      inputLen: numberOrNull(numbers[to + 5]),
      outputLen: numberOrNull(numbers[to + 6]),
      metrics,
      attributes,
    };
  }
  cursor.next = end;
  return end >= pack.count;
}

/** Pack → results, all at once (small packs, tests). */
export function unpackResults(pack: ResultsPack): BenchmarkResult[] {
  const cursor = startUnpacking(pack);
  unpackSome(pack, cursor, pack.count);
  return cursor.out;
}

/** `instanceof` that also holds for arrays made in another realm (a structured clone's, say). */
function isInt32Array(value: unknown): value is Int32Array {
  return Object.prototype.toString.call(value) === '[object Int32Array]';
}

function isFloat64Array(value: unknown): value is Float64Array {
  return Object.prototype.toString.call(value) === '[object Float64Array]';
}

function isIndexList(value: unknown, limit: number): value is readonly number[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) => Number.isInteger(item) && (item as number) >= 0 && (item as number) < limit,
    )
  );
}

function inRange(
  array: Int32Array,
  from: number,
  step: number,
  min: number,
  limit: number,
): boolean {
  for (let i = from; i < array.length; i += step) {
    const value = array[i] ?? min;
    if (value < min || value >= limit) return false;
  }
  return true;
}

/**
 * True when a value read back from storage is a whole, consistent pack: right array types,
 * lengths that add up, every index in range. Unpacking a pack that passes cannot go wrong.
 */
export function isResultsPack(value: unknown): value is ResultsPack {
  if (typeof value !== 'object' || value === null) return false;
  const pack = value as Partial<Record<keyof ResultsPack, unknown>>;
  const {
    count,
    strings,
    metricShapes,
    attributeShapes,
    ints,
    numbers,
    metricValues,
    attributeValues,
  } = pack;
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 0 ||
    !Array.isArray(strings) ||
    !strings.every((item) => typeof item === 'string') ||
    !Array.isArray(metricShapes) ||
    !Array.isArray(attributeShapes) ||
    !isInt32Array(ints) ||
    !isFloat64Array(numbers) ||
    !isFloat64Array(metricValues) ||
    !isInt32Array(attributeValues) ||
    ints.length !== count * INT_FIELDS ||
    numbers.length !== count * NUMBER_FIELDS
  ) {
    return false;
  }
  const limit = strings.length;
  if (!metricShapes.every((shape) => isIndexList(shape, limit))) return false;
  if (!attributeShapes.every((shape) => isIndexList(shape, limit))) return false;
  const metricShapeList = metricShapes as readonly (readonly number[])[];
  const attributeShapeList = attributeShapes as readonly (readonly number[])[];
  if (!inRange(ints, 0, INT_FIELDS, 0, SUITES.length)) return false;
  for (const field of [1, 2]) if (!inRange(ints, field, INT_FIELDS, 0, limit)) return false;
  for (const field of [3, 4, 5]) if (!inRange(ints, field, INT_FIELDS, NONE, limit)) return false;
  if (!inRange(ints, 6, INT_FIELDS, 0, metricShapeList.length)) return false;
  if (!inRange(ints, 7, INT_FIELDS, 0, attributeShapeList.length)) return false;
  let metricTotal = 0;
  let attributeTotal = 0;
  for (let i = 0; i < count; i += 1) {
    metricTotal += metricShapeList[ints[i * INT_FIELDS + 6] ?? 0]?.length ?? 0;
    attributeTotal += attributeShapeList[ints[i * INT_FIELDS + 7] ?? 0]?.length ?? 0;
  }
  return (
    metricValues.length === metricTotal &&
    attributeValues.length === attributeTotal &&
    inRange(attributeValues, 0, 1, 0, limit)
  );
}

/**
 * A pack as IndexedDB keeps it: the small parts as they are, the arrays' bytes as one Blob.
 * Storing typed arrays makes the page serialize every byte while it waits (about 80 ms for a
 * 25 MB file's results); a Blob is handed to the browser, which stores it on its own.
 */
export interface StoredPack {
  readonly count: number;
  readonly strings: readonly string[];
  readonly metricShapes: readonly (readonly number[])[];
  readonly attributeShapes: readonly (readonly number[])[];
  /** Element counts of numbers, metricValues, ints and attributeValues, in the Blob in that order. */
  readonly lengths: readonly [number, number, number, number];
  readonly data: Blob;
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
  const parts: Blob[] = [];
  for (const array of arrays) {
    parts.push(
      new Blob([new Uint8Array(array.buffer as ArrayBuffer, array.byteOffset, array.byteLength)]),
    );
    await pause();
  }
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
    data: new Blob(parts),
  };
}

function isLength(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** True when a value read from storage has the shape of a stored pack (its bytes not yet read). */
export function isStoredPack(value: unknown): value is StoredPack {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Record<keyof StoredPack, unknown>>;
  return (
    Array.isArray(stored.lengths) &&
    stored.lengths.length === 4 &&
    stored.lengths.every(isLength) &&
    typeof Blob !== 'undefined' &&
    stored.data instanceof Blob
  );
}

/**
 * Stored form → pack, or null when it is damaged: the bytes must be exactly as many as the
 * lengths say, and the pack they make must pass `isResultsPack`.
 */
export async function readStoredPack(stored: StoredPack): Promise<ResultsPack | null> {
  const [numbers, metricValues, ints, attributeValues] = stored.lengths;
  const floatBytes = (numbers + metricValues) * 8;
  const expected = floatBytes + (ints + attributeValues) * 4;
  if (stored.data.size !== expected) return null;
  let buffer: ArrayBuffer;
  try {
    buffer = await stored.data.arrayBuffer();
  } catch {
    return null;
  }
  if (buffer.byteLength !== expected) return null;
  const pack = {
    count: stored.count,
    strings: stored.strings,
    metricShapes: stored.metricShapes,
    attributeShapes: stored.attributeShapes,
    numbers: new Float64Array(buffer, 0, numbers),
    metricValues: new Float64Array(buffer, numbers * 8, metricValues),
    ints: new Int32Array(buffer, floatBytes, ints),
    attributeValues: new Int32Array(buffer, floatBytes + ints * 4, attributeValues),
  };
  return isResultsPack(pack) ? pack : null;
}
