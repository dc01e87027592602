/** A row-major pack that older records hold, as columns: the one form the page reads. */
import { NONE, absentTextCode, type ResultColumns } from '../result-columns';
import { INT_FIELDS, NUMBER_FIELDS, type ResultsPack } from './row-pack';

/** A column per distinct key of the pack's key lists, and the lists as indices into them. */
function keyedColumns<T extends Float64Array | Int32Array>(
  shapes: readonly (readonly number[])[],
  make: () => T,
): { keys: number[]; columns: T[]; shapes: number[][] } {
  const at = new Map<number, number>();
  const keys: number[] = [];
  const columns: T[] = [];
  const lists = shapes.map((shape) =>
    shape.map((code) => {
      let index = at.get(code);
      if (index === undefined) {
        index = keys.length;
        at.set(code, index);
        keys.push(code);
        columns.push(make());
      }
      return index;
    }),
  );
  return { keys, columns, shapes: lists };
}

/**
 * Pack → columns: every field of a row to its column, metric and attribute values to the column
 * of their key. A pack that passes `isResultsPack` gives columns that pass `isResultColumns`.
 */
export function packColumns(pack: ResultsPack): ResultColumns {
  const { count, ints, numbers, metricValues, attributeValues } = pack;
  const metrics = keyedColumns(pack.metricShapes, () => new Float64Array(count).fill(NaN));
  const attributes = keyedColumns(pack.attributeShapes, () => new Int32Array(count).fill(NONE));
  const int = (): Int32Array => new Int32Array(count);
  const float = (): Float64Array => new Float64Array(count);
  const suite = new Uint8Array(count);
  const strings = [...pack.strings];
  const engine = new Int32Array(count).fill(absentTextCode('engine', strings));
  const text = {
    testName: int(),
    model: int(),
    gpuType: int(),
    dataset: int(),
    variant: int(),
    engine,
  };
  const textFields = [text.testName, text.model, text.gpuType, text.dataset, text.variant];
  const number = {
    tp: float(),
    pp: float(),
    gpuCount: float(),
    qps: float(),
    concurrency: float(),
    inputLen: float(),
    outputLen: float(),
  };
  // In the pack's field order: tp, pp, GPU count, QPS, concurrency, input and output length.
  const numberFields = Object.values(number);
  // Packs were written before DP was read: no row states it.
  const dp = new Float64Array(count).fill(NaN);
  const metricShape = int();
  let metricOffset = 0;
  let attributeOffset = 0;
  for (let row = 0; row < count; row += 1) {
    const at = row * INT_FIELDS;
    suite[row] = ints[at] ?? 0;
    textFields.forEach((column, f) => {
      column[row] = ints[at + 1 + f] ?? NONE;
    });
    numberFields.forEach((column, f) => {
      column[row] = numbers[row * NUMBER_FIELDS + f] ?? NaN;
    });
    const shape = ints[at + 6] ?? 0;
    metricShape[row] = shape;
    for (const k of metrics.shapes[shape] ?? []) {
      (metrics.columns[k] as Float64Array)[row] = metricValues[metricOffset] ?? NaN;
      metricOffset += 1;
    }
    for (const k of attributes.shapes[ints[at + 7] ?? 0] ?? []) {
      (attributes.columns[k] as Int32Array)[row] = attributeValues[attributeOffset] ?? NONE;
      attributeOffset += 1;
    }
  }
  return {
    count,
    strings,
    suite,
    text,
    numbers: { ...number, dp },
    metricKeys: metrics.keys,
    metrics: metrics.columns,
    metricShape,
    metricShapes: metrics.shapes,
    attributeKeys: attributes.keys,
    attributes: attributes.columns,
  };
}
