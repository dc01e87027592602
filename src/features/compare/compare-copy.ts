import type { Comparison, MetricEntry } from '../../data/compare/compare-summary';

/** What `Copy as Markdown` will copy, in words. */
export function copyNote(
  rows: number,
  onlyRegressions: boolean,
  includeUnchanged: boolean,
): string {
  const count = `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
  if (onlyRegressions) return `Copies ${count}: the regressions shown.`;
  if (includeUnchanged) return `Copies all ${count}.`;
  return `Copies ${count}: regressions and improvements only.`;
}

/** The comparison as the markdown and the table list it under `Only regressions`. */
export function regressionsOnly(comparison: Comparison): Comparison {
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      metrics: row.metrics.filter((metric) => metric.verdict === 'regression'),
    })),
  };
}

/**
 * How many rows `Copy as Markdown` copies: regressions, with improvements unless only regressions
 * are shown, and every row when unchanged ones are included.
 */
export function markdownRowCount(
  entries: readonly MetricEntry[],
  onlyRegressions: boolean,
  includeUnchanged: boolean,
): number {
  if (includeUnchanged && !onlyRegressions) return entries.length;
  return entries.filter(
    (entry) =>
      entry.metric.verdict === 'regression' ||
      (!onlyRegressions && entry.metric.verdict === 'improvement'),
  ).length;
}
