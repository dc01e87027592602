/** The one derivation behind every table and chart: the visible rows and the filter bar's counts. */
import {
  FILTER_GROUPS,
  NOT_APPLICABLE,
  type FilterGroup,
  type GroupValue,
  type HiddenValues,
} from './filter-groups';
import type { ResultIndex } from './result-index';
import { SUITES, type BenchmarkResult, type Suite } from './result-model';

/** A filter value with how many results it would show given the other groups' choices. */
export interface FacetValue extends GroupValue {
  readonly count: number;
  readonly hidden: boolean;
}

/** What every table and chart shows: visible positions per suite, in reading order. */
export interface ResultsView {
  readonly index: ResultIndex;
  readonly visible: Readonly<Record<Suite, Uint32Array>>;
  readonly facets: Readonly<Record<FilterGroup, readonly FacetValue[]>>;
  readonly visibleCount: number;
}

function hiddenMask(index: ResultIndex, group: FilterGroup, hidden: readonly string[]): Uint8Array {
  const values = index.groupValues[group];
  const mask = new Uint8Array(NOT_APPLICABLE + 1);
  if (hidden.length === 0) return mask;
  const hiddenSet = new Set(hidden);
  values.forEach((entry, code) => {
    if (hiddenSet.has(entry.value)) mask[code] = 1;
  });
  return mask;
}

/** Which distinct test names contain the search text (case-insensitive); null when there is no search. */
function searchMask(index: ResultIndex, search: string): Uint8Array | null {
  const needle = search.trim().toLowerCase();
  if (needle === '') return null;
  return Uint8Array.from(index.testNames, (name) => (name.toLowerCase().includes(needle) ? 1 : 0));
}

function increment(counts: Uint32Array, code: number): void {
  counts[code] = (counts[code] ?? 0) + 1;
}

/**
 * The one derivation behind every table and chart: rows whose values are all checked and whose
 * test name contains the search text, plus per-value counts for the filter bar (each count is
 * what that value would show with the other groups' choices applied). One pass over the rows.
 */
export function deriveResultsView(
  index: ResultIndex,
  hidden: HiddenValues,
  search: string,
): ResultsView {
  const total = index.results.length;
  const masks = FILTER_GROUPS.map((group) => hiddenMask(index, group, hidden[group]));
  const names = searchMask(index, search);
  if (names === null && masks.every((mask) => !mask.includes(1))) {
    // Nothing hidden and no search (the page as it opens, and after Reset): every row shows, and
    // each count is how many rows have the value, which the index counted as it was built.
    return viewOf(index, index.bySuite, masks, index.valueCounts, total);
  }
  const codes = FILTER_GROUPS.map((group) => index.codes[group]);
  const counts = FILTER_GROUPS.map((group) => new Uint32Array(index.groupValues[group].length));
  const keep = new Uint8Array(total);
  const groupCount = FILTER_GROUPS.length;

  for (let row = 0; row < total; row += 1) {
    if (names !== null && names[index.testNameOf[row] ?? 0] === 0) continue;
    let failures = 0;
    let failedGroup = -1;
    for (let g = 0; g < groupCount; g += 1) {
      if ((masks[g] as Uint8Array)[(codes[g] as Uint16Array)[row] ?? 0] === 1) {
        failures += 1;
        failedGroup = g;
      }
    }
    if (failures === 0) {
      keep[row] = 1;
      for (let g = 0; g < groupCount; g += 1) {
        const code = (codes[g] as Uint16Array)[row] ?? NOT_APPLICABLE;
        if (code !== NOT_APPLICABLE) increment(counts[g] as Uint32Array, code);
      }
    } else if (failures === 1) {
      const code = (codes[failedGroup] as Uint16Array)[row] ?? NOT_APPLICABLE;
      if (code !== NOT_APPLICABLE) increment(counts[failedGroup] as Uint32Array, code);
    }
  }

  const visible = {} as Record<Suite, Uint32Array>;
  let visibleCount = 0;
  for (const suite of SUITES) {
    const positions = index.bySuite[suite];
    let kept = 0;
    for (const position of positions) kept += keep[position] ?? 0;
    const out = new Uint32Array(kept);
    let k = 0;
    for (const position of positions) {
      if (keep[position] === 1) {
        out[k] = position;
        k += 1;
      }
    }
    visible[suite] = out;
    visibleCount += kept;
  }

  return viewOf(
    index,
    visible,
    masks,
    Object.fromEntries(FILTER_GROUPS.map((group, g) => [group, counts[g]])) as Record<
      FilterGroup,
      Uint32Array
    >,
    visibleCount,
  );
}

/** A view of visible positions, with each group's values, their counts and which are hidden. */
function viewOf(
  index: ResultIndex,
  visible: Readonly<Record<Suite, Uint32Array>>,
  masks: readonly Uint8Array[],
  counts: Readonly<Record<FilterGroup, Uint32Array>>,
  visibleCount: number,
): ResultsView {
  const facets = {} as Record<FilterGroup, FacetValue[]>;
  FILTER_GROUPS.forEach((group, g) => {
    const mask = masks[g] as Uint8Array;
    facets[group] = index.groupValues[group].map((entry, code) => ({
      ...entry,
      count: counts[group][code] ?? 0,
      hidden: mask[code] === 1,
    }));
  });
  return { index, visible, facets, visibleCount };
}

/** The rows at some positions, as objects (for charts and other small consumers). */
export function resultsAt(index: ResultIndex, positions: Uint32Array): BenchmarkResult[] {
  return Array.from(positions, (position) => index.results[position] as BenchmarkResult);
}
