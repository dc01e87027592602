/**
 * The compare table's order: by one column either way, over the entries' most-harmful-first order
 * (which Verdict ascending is), so ties keep that order.
 */
import { metricHeader } from '../format';
import { rowGpuText } from './align-results';
import type { MetricEntry } from './compare-summary';
import { ruleText } from './compare-text';

export type CompareColumn =
  'test' | 'gpu' | 'metric' | 'baseline' | 'candidate' | 'change' | 'verdict' | 'rule';

/** The table's sort: one column and a direction. Verdict ascending is the default, most harmful first. */
export interface CompareSort {
  readonly column: CompareColumn;
  readonly desc: boolean;
}

export const DEFAULT_COMPARE_SORT: CompareSort = { column: 'verdict', desc: false };

/**
 * The sort after a click on a column's header: a new column ascending, then descending, then
 * back to the default order.
 */
export function nextCompareSort(sort: CompareSort, column: CompareColumn): CompareSort {
  if (sort.column !== column) return { column, desc: false };
  if (!sort.desc) return { column, desc: true };
  return DEFAULT_COMPARE_SORT;
}

const collator = new Intl.Collator('en', { numeric: true });

/** Numbers ascending (or descending), a missing number last either way. */
function byNumber(a: number | null, b: number | null, desc: boolean): number {
  if (a === b) return 0;
  if (a === null || Number.isNaN(a)) return 1;
  if (b === null || Number.isNaN(b)) return -1;
  return desc ? b - a : a - b;
}

/**
 * The entries in the order a sort asks for. Entries come most harmful first; every sort is
 * stable, so ties keep that order. Verdict ascending is that order, descending its reverse.
 */
export function sortEntries(entries: readonly MetricEntry[], sort: CompareSort): MetricEntry[] {
  const { column, desc } = sort;
  if (column === 'verdict') return desc ? [...entries].reverse() : [...entries];
  const sign = desc ? -1 : 1;
  const text = (entry: MetricEntry): string => {
    if (column === 'test') return entry.row.label;
    if (column === 'gpu') return rowGpuText(entry.row);
    if (column === 'rule') return ruleText(entry.metric.rule);
    return metricHeader(entry.metric.key);
  };
  if (column === 'rule') {
    // By the rule in words; metrics no rule decided (missing, no direction) last either way.
    const none = (entry: MetricEntry): number => (entry.metric.rule === null ? 1 : 0);
    return [...entries].sort(
      (a, b) => none(a) - none(b) || sign * collator.compare(text(a), text(b)),
    );
  }
  if (column === 'test' || column === 'gpu' || column === 'metric') {
    return [...entries].sort((a, b) => sign * collator.compare(text(a), text(b)));
  }
  const value = (entry: MetricEntry): number | null =>
    column === 'baseline'
      ? entry.metric.baseline
      : column === 'candidate'
        ? entry.metric.candidate
        : entry.metric.changePct;
  return [...entries].sort((a, b) => byNumber(value(a), value(b), desc));
}
