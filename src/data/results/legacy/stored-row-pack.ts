/** A results pack as IndexedDB keeps it, and back. */
import { isResultsPack } from './row-pack-check';
import { exactBytes, isCount } from '../stored-checks';
import type { ResultsPack } from './row-pack';

/** A row-major pack as version 3 records keep it: the small parts as they are, the arrays' bytes as one Blob. */
export interface StoredPack {
  readonly count: number;
  readonly strings: readonly string[];
  readonly metricShapes: readonly (readonly number[])[];
  readonly attributeShapes: readonly (readonly number[])[];
  /** Element counts of numbers, metricValues, ints and attributeValues, in the Blob in that order. */
  readonly lengths: readonly [number, number, number, number];
  readonly data: Blob;
}

/** True when a value read from storage has the shape of a stored pack (its bytes not yet read). */
export function isStoredPack(value: unknown): value is StoredPack {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Record<keyof StoredPack, unknown>>;
  return (
    Array.isArray(stored.lengths) &&
    stored.lengths.length === 4 &&
    stored.lengths.every(isCount) &&
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
  const buffer = await exactBytes(stored.data, expected);
  if (buffer === null) return null;
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
