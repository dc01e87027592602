/** Whether a value read back from storage are whole, consistent result columns. */
import {
  NONE,
  NUMBER_DIMENSION_NAMES,
  TEXT_DIMENSION_NAMES,
  type ResultColumns,
} from './result-columns';
import { SUITES } from './result-model';
import { inRange, isCount, isIndexList, isStringList } from './stored-checks';

/** `instanceof` that also holds for arrays made in another realm (a structured clone's, say). */
function isTyped(value: unknown, tag: string, length: number): boolean {
  return (
    Object.prototype.toString.call(value) === `[object ${tag}]` &&
    (value as { length: number }).length === length
  );
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

/**
 * True when a value read back from storage is whole, consistent columns: every column of the
 * right type and length, every code in range. Making rows of columns that pass cannot go wrong.
 */
export function isResultColumns(value: unknown): value is ResultColumns {
  if (!isRecord(value)) return false;
  const columns = value as Partial<Record<keyof ResultColumns, unknown>>;
  const { count, strings, suite, text, numbers, metricKeys, metrics } = columns;
  const { metricShape, metricShapes, attributeKeys, attributes } = columns;
  if (
    !isCount(count) ||
    !isStringList(strings) ||
    !isRecord(text) ||
    !isRecord(numbers) ||
    !isTyped(suite, 'Uint8Array', count) ||
    !isTyped(metricShape, 'Int32Array', count) ||
    !isIndexList(metricKeys, strings.length) ||
    !isIndexList(attributeKeys, strings.length) ||
    !Array.isArray(metrics) ||
    !Array.isArray(attributes) ||
    !Array.isArray(metricShapes) ||
    metrics.length !== metricKeys.length ||
    attributes.length !== attributeKeys.length
  ) {
    return false;
  }
  const limit = strings.length;
  return (
    inRange(suite as Uint8Array, 0, SUITES.length) &&
    TEXT_DIMENSION_NAMES.every(
      (name) =>
        isTyped(text[name], 'Int32Array', count) && inRange(text[name] as Int32Array, NONE, limit),
    ) &&
    NUMBER_DIMENSION_NAMES.every((name) => isTyped(numbers[name], 'Float64Array', count)) &&
    metrics.every((column) => isTyped(column, 'Float64Array', count)) &&
    attributes.every(
      (column) =>
        isTyped(column, 'Int32Array', count) && inRange(column as Int32Array, NONE, limit),
    ) &&
    metricShapes.every((shape) => isIndexList(shape, metrics.length)) &&
    inRange(metricShape as Int32Array, 0, metricShapes.length)
  );
}
