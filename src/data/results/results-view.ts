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

/** A row the search leaves out: it shows nowhere and counts for no value. */
const EXCLUDED = 255;

function markSearch(fails: Uint8Array, nameOf: Uint32Array, names: Uint8Array): void {
  for (let row = 0; row < fails.length; row += 1) {
    if (names[nameOf[row] as number] === 0) fails[row] = EXCLUDED;
  }
}

/** One more failure for each row whose value in group `g` is hidden; `g` is its failed group. */
function markHidden(
  fails: Uint8Array,
  failedGroup: Uint8Array,
  codes: Uint16Array,
  mask: Uint8Array,
  g: number,
): void {
  for (let row = 0; row < fails.length; row += 1) {
    const failed = fails[row] as number;
    if (failed !== EXCLUDED && mask[codes[row] as number] === 1) {
      fails[row] = failed + 1;
      failedGroup[row] = g;
    }
  }
}

/**
 * Every group's counts in one pass: a row no group hides counts for its value in each group, and
 * a row only one group hides counts in that group alone.
 */
function countGroups(
  counts: readonly Uint32Array[],
  codes: readonly Uint16Array[],
  fails: Uint8Array,
  failedGroup: Uint8Array,
): void {
  const groups = codes.length;
  for (let row = 0; row < fails.length; row += 1) {
    const failed = fails[row] as number;
    if (failed > 1) continue;
    const only = failed === 0 ? -1 : (failedGroup[row] as number);
    for (let g = 0; g < groups; g += 1) {
      if (only !== -1 && g !== only) continue;
      const code = (codes[g] as Uint16Array)[row] as number;
      const into = counts[g] as Uint32Array;
      if (code !== NOT_APPLICABLE) into[code] = (into[code] as number) + 1;
    }
  }
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
  // Column by column, each loop over one or two typed arrays: per row, how many groups hide it
  // (a row the search leaves out shows and counts nowhere) and which group, when one does.
  const fails = new Uint8Array(total);
  const failedGroup = new Uint8Array(total);
  if (names !== null) markSearch(fails, index.testNameOf, names);
  FILTER_GROUPS.forEach((group, g) => {
    const mask = masks[g] as Uint8Array;
    if (mask.includes(1)) markHidden(fails, failedGroup, index.codes[group], mask, g);
  });
  // A value's count is what it would show with the other groups' choices applied: rows hidden
  // by no group, or by this group alone.
  const counts = {} as Record<FilterGroup, Uint32Array>;
  for (const group of FILTER_GROUPS) {
    counts[group] = new Uint32Array(index.groupValues[group].length);
  }
  countGroups(
    FILTER_GROUPS.map((group) => counts[group]),
    FILTER_GROUPS.map((group) => index.codes[group]),
    fails,
    failedGroup,
  );

  const visible = {} as Record<Suite, Uint32Array>;
  let visibleCount = 0;
  for (const suite of SUITES) {
    const positions = index.bySuite[suite];
    let kept = 0;
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      if (fails[position] === 0) kept += 1;
    }
    const out = new Uint32Array(kept);
    let k = 0;
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] ?? 0;
      if (fails[position] === 0) {
        out[k] = position;
        k += 1;
      }
    }
    visible[suite] = out;
    visibleCount += kept;
  }

  return viewOf(index, visible, masks, counts, visibleCount);
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
  return Array.from(positions, (position) => index.results.at(position) as BenchmarkResult);
}
