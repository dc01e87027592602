/**
 * What `Copy as Markdown` copies under the view's settings, and what the view says about it:
 * under `Only regressions` the regressions shown; else regressions and improvements, or every
 * row with `Include unchanged`.
 */
import type { Comparison, MetricEntry } from './compare-summary';

function rowCount(rows: number): string {
  return `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
}

/** What `Copy as Markdown` will copy, in words. */
export function copyNote(
  rows: number,
  onlyRegressions: boolean,
  includeUnchanged: boolean,
): string {
  const count = rowCount(rows);
  if (onlyRegressions) return `Copies ${count}: the regressions shown.`;
  if (includeUnchanged) return `Copies all ${count}.`;
  return `Copies ${count}: regressions and improvements only.`;
}

/** What the view announces after a copy: how many rows it copied, or why it could not. */
export function copyAnnouncement(rows: number, copied: boolean): string {
  return copied
    ? `Copied ${rowCount(rows)} as Markdown.`
    : 'Could not copy: the browser did not allow it. Select the table and copy it instead.';
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
