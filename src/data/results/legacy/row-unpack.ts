/** Packed results back into result objects, all at once or a slice at a time. */
import { SUITES, type BenchmarkResult, type GpuSpec } from '../result-model';
import { INT_FIELDS, NONE, NUMBER_FIELDS, type ResultsPack } from './row-pack';

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

/** A cursor at the start of a pack, for `unpackSome`. */
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
