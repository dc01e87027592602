/** Checks for values read back from storage: lists of indices, and codes within bounds. */

/** A list of integers in [0, limit). */
export function isIndexList(value: unknown, limit: number): value is readonly number[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) => Number.isInteger(item) && (item as number) >= 0 && (item as number) < limit,
    )
  );
}

/** Every `step`-th value from `from` on lies in [min, limit). */
export function inRange(
  array: ArrayLike<number>,
  min: number,
  limit: number,
  from = 0,
  step = 1,
): boolean {
  for (let i = from; i < array.length; i += step) {
    const value = array[i] ?? min;
    if (value < min || value >= limit) return false;
  }
  return true;
}

/** A whole count: a non-negative integer. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A Blob's bytes when there are exactly `expected` of them, else null (damaged, unreadable). */
export async function exactBytes(blob: Blob, expected: number): Promise<ArrayBuffer | null> {
  if (blob.size !== expected) return null;
  try {
    const buffer = await blob.arrayBuffer();
    return buffer.byteLength === expected ? buffer : null;
  } catch {
    return null;
  }
}
