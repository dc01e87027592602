/** Whether a value read back from storage is a whole, consistent results pack. */
import { SUITES } from '../result-model';
import { INT_FIELDS, NONE, NUMBER_FIELDS, type ResultsPack } from './row-pack';
import { inRange, isCount, isIndexList, isStringList } from '../stored-checks';

/** `instanceof` that also holds for arrays made in another realm (a structured clone's, say). */
function isInt32Array(value: unknown): value is Int32Array {
  return Object.prototype.toString.call(value) === '[object Int32Array]';
}

function isFloat64Array(value: unknown): value is Float64Array {
  return Object.prototype.toString.call(value) === '[object Float64Array]';
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
    !isCount(count) ||
    !isStringList(strings) ||
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
  if (!inRange(ints, 0, SUITES.length, 0, INT_FIELDS)) return false;
  for (const field of [1, 2]) if (!inRange(ints, 0, limit, field, INT_FIELDS)) return false;
  for (const field of [3, 4, 5]) if (!inRange(ints, NONE, limit, field, INT_FIELDS)) return false;
  if (!inRange(ints, 0, metricShapeList.length, 6, INT_FIELDS)) return false;
  if (!inRange(ints, 0, attributeShapeList.length, 7, INT_FIELDS)) return false;
  let metricTotal = 0;
  let attributeTotal = 0;
  for (let i = 0; i < count; i += 1) {
    metricTotal += metricShapeList[ints[i * INT_FIELDS + 6] ?? 0]?.length ?? 0;
    attributeTotal += attributeShapeList[ints[i * INT_FIELDS + 7] ?? 0]?.length ?? 0;
  }
  return (
    metricValues.length === metricTotal &&
    attributeValues.length === attributeTotal &&
    inRange(attributeValues, 0, limit)
  );
}
