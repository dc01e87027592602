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

/**
 * Positions (in reading order) sorted by the given columns, first column first. Missing values
 * go last in either direction; ties keep reading order. Returns the input when nothing is sorted.
 */
export function sortPositions(
  index: ResultIndex,
  positions: Uint32Array,
  sorting: SortSpec,
): Uint32Array {
  if (sorting.length === 0 || positions.length < 2) return positions;
  const keys = sorting.map((key) => ({
    values: sortValues(index, positions, key.id),
    sign: key.desc ? -1 : 1,
  }));
  const order = new Uint32Array(positions.length);
  for (let k = 0; k < order.length; k += 1) order[k] = k;
  order.sort((a, b) => {
    for (const { values, sign } of keys) {
      const x = values[a] ?? Number.NaN;
      const y = values[b] ?? Number.NaN;
      if (x === y) continue;
      const xMissing = Number.isNaN(x);
      const yMissing = Number.isNaN(y);
      if (xMissing && yMissing) continue;
      if (xMissing) return 1;
      if (yMissing) return -1;
      return x < y ? -sign : sign;
    }
    return a - b;
  });
  return Uint32Array.from(order, (k) => positions[k] ?? 0);
}
