/**
 * True when a record's keys, in `for…in` order, are exactly `keys` in that order: a walk that
 * allocates nothing, for rows that mostly repeat the previous row's keys.
 */
export function sameKeys(record: object, keys: readonly string[]): boolean {
  let i = 0;
  for (const key in record) {
    if (keys[i] !== key) return false;
    i += 1;
  }
  return i === keys.length;
}
