/** A comparison's rows and metrics ordered most harmful first, and the "only regressions" filter. */
import type { CompareRow } from './align-results';
import type { MetricEntry } from './compare-summary';
import { harm, type MetricComparison, type Verdict } from './metric-verdict';

/**
 * Verdict groups, most harmful first. A missing value comes right after regressions: a metric or
 * test that vanished may hide one. Neutral metrics come last: they cannot be harmful.
 */
const VERDICT_RANK: Readonly<Record<Verdict, number>> = {
  regression: 0,
  missing: 1,
  'within noise': 2,
  improvement: 3,
  'no direction': 4,
};

/**
 * Most harmful first: regressions by size (largest first), then missing, then within noise and
 * improvements each from the worst to the best change, then metrics without a direction. Ties keep
 * their given order (the sort is stable).
 */
export function compareByHarm(a: MetricComparison, b: MetricComparison): number {
  const rank = VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict];
  if (rank !== 0) return rank;
  const x = harm(a);
  const y = harm(b);
  if (Number.isNaN(x) || Number.isNaN(y) || x === y) return 0;
  return x > y ? -1 : 1;
}

/** Metric entries, most harmful first (see compareByHarm); a new array. */
export function sortEntriesByHarm(entries: readonly MetricEntry[]): MetricEntry[] {
  return [...entries].sort((a, b) => compareByHarm(a.metric, b.metric));
}

/** A row's most harmful metric comparison; null for a row without metrics. */
function worstMetric(row: CompareRow): MetricComparison | null {
  let worst: MetricComparison | null = null;
  for (const metric of row.metrics) {
    if (worst === null || compareByHarm(metric, worst) < 0) worst = metric;
  }
  return worst;
}

/**
 * Rows ordered by their most harmful metric (see compareByHarm), so the test with the largest
 * regression comes first and tests missing on one side follow the regressions; a new array.
 */
export function sortRowsByHarm(rows: readonly CompareRow[]): CompareRow[] {
  const worst = new Map(rows.map((row) => [row, worstMetric(row)]));
  return [...rows].sort((a, b) => {
    const x = worst.get(a) ?? null;
    const y = worst.get(b) ?? null;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return compareByHarm(x, y);
  });
}

/** The "only regressions" filter on metric entries. */
export function onlyRegressions(entries: readonly MetricEntry[]): MetricEntry[] {
  return entries.filter((entry) => entry.metric.verdict === 'regression');
}

/** The "only regressions" filter on rows: those with at least one regression. */
export function rowsWithRegressions(rows: readonly CompareRow[]): CompareRow[] {
  return rows.filter((row) => row.metrics.some((metric) => metric.verdict === 'regression'));
}
