import { FILTER_GROUPS, NOT_APPLICABLE, type FilterGroup, type ResultIndex } from './result-index';

/** One column of a sort: the column id (a filter group or a metric key) and its direction. */
export interface SortKey {
  readonly id: string;
  readonly desc: boolean;
}

export type SortSpec = readonly SortKey[];

function isFilterGroup(id: string): id is FilterGroup {
  return (FILTER_GROUPS as readonly string[]).includes(id);
}

/** Each row's sort value for a column; NaN where the row has none. */
function sortValues(index: ResultIndex, positions: Uint32Array, id: string): Float64Array {
  const values = new Float64Array(positions.length);
  if (isFilterGroup(id)) {
    // Group codes are ranks in people's order (QPS ∞ last, models by name), so they sort as shown.
    const codes = index.codes[id];
    positions.forEach((position, k) => {
      const code = codes[position] ?? NOT_APPLICABLE;
      values[k] = code === NOT_APPLICABLE ? Number.NaN : code;
    });
    return values;
  }
  positions.forEach((position, k) => {
    values[k] = index.results[position]?.metrics[id] ?? Number.NaN;
  });
  return values;
}

/** Dense ranks of values (equal values share a rank, NaN gets the highest) and the number of ranks. */
function denseRanks(values: Float64Array): { ranks: Uint32Array; levels: number } {
  // A native typed-array sort (no comparator) is the fastest sort the engine has; NaN ends last.
  const sorted = values.slice().sort();
  const distinct = new Float64Array(sorted.length);
  let count = 0;
  for (const value of sorted) {
    if (Number.isNaN(value)) break;
    if (count === 0 || distinct[count - 1] !== value) {
      distinct[count] = value;
      count += 1;
    }
  }
  const ranks = new Uint32Array(values.length);
  for (let k = 0; k < values.length; k += 1) {
    const value = values[k] ?? Number.NaN;
    if (Number.isNaN(value)) {
      ranks[k] = count;
      continue;
    }
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((distinct[middle] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    ranks[k] = low;
  }
  return { ranks, levels: count + 1 };
}

/** Stable counting sort of `order` by `keys[order[i]]`, keys below `levels`. */
function countingSort(order: Uint32Array, keys: Uint32Array, levels: number): Uint32Array {
  const RADIX_BITS = 16;
  const out = new Uint32Array(order.length);
  let from = order;
  let to = out;
  // One pass when the keys fit in 16 bits, otherwise low half then high half (LSD radix).
  const passes = levels <= 1 << RADIX_BITS ? 1 : 2;
  for (let pass = 0; pass < passes; pass += 1) {
    const shift = pass * RADIX_BITS;
    const buckets = new Uint32Array((passes === 1 ? levels : 1 << RADIX_BITS) + 1);
    for (const k of from) {
      const slot = (((keys[k] ?? 0) >>> shift) & 0xffff) + 1;
      buckets[slot] = (buckets[slot] ?? 0) + 1;
    }
    for (let b = 1; b < buckets.length; b += 1)
      buckets[b] = (buckets[b] ?? 0) + (buckets[b - 1] ?? 0);
    for (const k of from) {
      const bucket = ((keys[k] ?? 0) >>> shift) & 0xffff;
      const at = buckets[bucket] ?? 0;
      to[at] = k;
      buckets[bucket] = at + 1;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Positions (in reading order) sorted by the given columns, first column first. Missing values
 * go last in either direction; ties keep reading order. Returns the input when nothing is sorted.
 *
 * A comparator sort of a million rows takes ~0.5–0.9 s here, so each column's values are turned
 * into dense ranks (one native typed-array sort) and the rows are ordered by stable counting
 * sorts, last column first: O(n) per column after the ranking.
 */
export function sortPositions(
  index: ResultIndex,
  positions: Uint32Array,
  sorting: SortSpec,
): Uint32Array {
  if (sorting.length === 0 || positions.length < 2) return positions;
  let order = new Uint32Array(positions.length);
  for (let k = 0; k < order.length; k += 1) order[k] = k;
  for (let s = sorting.length - 1; s >= 0; s -= 1) {
    const key = sorting[s];
    if (key === undefined) continue;
    const { ranks, levels } = denseRanks(sortValues(index, positions, key.id));
    if (key.desc) {
      // Largest first, missing (rank levels − 1) still last.
      const missing = levels - 1;
      for (let k = 0; k < ranks.length; k += 1) {
        const rank = ranks[k] ?? 0;
        if (rank !== missing) ranks[k] = missing - 1 - rank;
      }
    }
    order = countingSort(order, ranks, levels);
  }
  return Uint32Array.from(order, (k) => positions[k] ?? 0);
}
