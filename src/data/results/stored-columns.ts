/** Result columns as IndexedDB keeps them, and back. */
import { isResultColumns } from './columns-check';
import { exactBytes, isCount, isStringList } from './stored-checks';
import {
  NUMBER_DIMENSION_NAMES,
  absentTextCode,
  TEXT_DIMENSION_NAMES,
  columnArrays,
  type NumberDimension,
  type ResultColumns,
  type TextDimension,
} from './result-columns';

/**
 * Columns as IndexedDB keeps them: the small parts as they are, every column's bytes in one
 * Blob. Storing typed arrays makes the page serialize every byte while it waits (about 80 ms
 * for a 25 MB file's results); a Blob is handed to the browser, which stores it on its own.
 * The dimensions are named, so columns saved before a dimension was added still read: the new
 * one is missing (null) in every row.
 */
export interface StoredColumns {
  readonly count: number;
  readonly strings: readonly string[];
  readonly textDimensions: readonly string[];
  readonly numberDimensions: readonly string[];
  readonly metricKeys: readonly number[];
  readonly metricShapes: readonly (readonly number[])[];
  readonly attributeKeys: readonly number[];
  /** Float64 columns (number dimensions, metrics), Int32 (text, metric shape, attributes), suite. */
  readonly data: Blob;
}

/** Typed arrays' bytes, one after another, as one Blob: each copied with `pause()` awaited after it. */
export async function blobOf(
  arrays: readonly (Float64Array | Int32Array | Uint8Array)[],
  pause: () => Promise<void>,
): Promise<Blob> {
  const parts: Blob[] = [];
  for (const array of arrays) {
    parts.push(
      new Blob([new Uint8Array(array.buffer as ArrayBuffer, array.byteOffset, array.byteLength)]),
    );
    await pause();
  }
  return new Blob(parts);
}

/**
 * Columns → stored form. Each column is copied into a Blob of its own, with `pause()` awaited
 * now and then, so many columns are never copied in one long task; joining Blobs copies nothing.
 * The 8-byte columns come first, so every column starts aligned when read back.
 */
export async function storeColumns(
  columns: ResultColumns,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<StoredColumns> {
  const data = await blobOf(columnArrays(columns), pause);
  return {
    count: columns.count,
    strings: columns.strings,
    textDimensions: TEXT_DIMENSION_NAMES,
    numberDimensions: NUMBER_DIMENSION_NAMES,
    metricKeys: columns.metricKeys,
    metricShapes: columns.metricShapes,
    attributeKeys: columns.attributeKeys,
    data,
  };
}

/** True when a value read from storage has the shape of stored columns (bytes not yet read). */
export function isStoredColumns(value: unknown): value is StoredColumns {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Record<keyof StoredColumns, unknown>>;
  return (
    isCount(stored.count) &&
    isStringList(stored.textDimensions) &&
    isStringList(stored.numberDimensions) &&
    Array.isArray(stored.metricKeys) &&
    Array.isArray(stored.attributeKeys) &&
    typeof Blob !== 'undefined' &&
    stored.data instanceof Blob
  );
}

/** The columns of `names` that `known` lists, the rest made and filled with `missing`. */
function byName<K extends string, A extends Float64Array | Int32Array>(
  names: readonly K[],
  stored: readonly string[],
  read: readonly A[],
  make: (name: K) => A,
): Record<K, A> {
  return Object.fromEntries(
    names.map((name) => {
      const at = stored.indexOf(name);
      return [name, at === -1 ? make(name) : (read[at] as A)];
    }),
  ) as Record<K, A>;
}

/**
 * Stored form → columns, or null when it is damaged: the bytes must be exactly as many as the
 * counts say, and the columns they make must pass `isResultColumns`.
 */
export async function readStoredColumns(stored: StoredColumns): Promise<ResultColumns | null> {
  const { count, textDimensions, numberDimensions, metricKeys, attributeKeys } = stored;
  const floatColumns = numberDimensions.length + metricKeys.length;
  const intColumns = textDimensions.length + 1 + attributeKeys.length;
  const expected = count * (floatColumns * 8 + intColumns * 4 + 1);
  const buffer = await exactBytes(stored.data, expected);
  if (buffer === null) return null;
  let offset = 0;
  const floats = (): Float64Array => {
    const array = new Float64Array(buffer, offset, count);
    offset += count * 8;
    return array;
  };
  const ints = (): Int32Array => {
    const array = new Int32Array(buffer, offset, count);
    offset += count * 4;
    return array;
  };
  const numberColumns = numberDimensions.map(floats);
  const metrics = metricKeys.map(floats);
  const textColumns = textDimensions.map(ints);
  const metricShape = ints();
  const attributes = attributeKeys.map(ints);
  const strings = [...stored.strings];
  const columns = {
    count,
    strings,
    suite: new Uint8Array(buffer, offset, count),
    text: byName<TextDimension, Int32Array>(
      TEXT_DIMENSION_NAMES,
      textDimensions,
      textColumns,
      (name) => new Int32Array(count).fill(absentTextCode(name, strings)),
    ),
    numbers: byName<NumberDimension, Float64Array>(
      NUMBER_DIMENSION_NAMES,
      numberDimensions,
      numberColumns,
      () => new Float64Array(count).fill(NaN),
    ),
    metricKeys,
    metrics,
    metricShape,
    metricShapes: stored.metricShapes,
    attributeKeys,
    attributes,
  };
  return isResultColumns(columns) ? columns : null;
}
