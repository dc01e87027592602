/** `Download CSV` of a comparison: one row per metric comparison, numbers at full precision. */
import type { CsvCell } from '../csv';
import { describeMetric } from '../metrics';
import { rowGpus } from './align-results';
import { metricEntries, type Comparison } from './compare-summary';

export const COMPARISON_CSV_HEADER: readonly string[] = [
  'Suite',
  'Test',
  'Baseline GPU',
  'Candidate GPU',
  'Metric key',
  'Metric',
  'Unit',
  'Direction',
  'Baseline',
  'Candidate',
  'Change (%)',
  'Threshold (%)',
  'Verdict',
];

/**
 * The full comparison for buildCsv: one row per metric comparison in row order, numbers at full
 * precision, missing values empty. Tests only one side has are included, their verdict `missing`.
 */
export function comparisonCsv(comparison: Pick<Comparison, 'rows'>): {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
} {
  const rows = metricEntries(comparison.rows).map(({ row, metric }): CsvCell[] => {
    const gpus = rowGpus(row);
    const info = describeMetric(metric.key);
    return [
      row.suite,
      row.label,
      gpus.baseline,
      gpus.candidate,
      metric.key,
      info.label,
      info.unit,
      metric.direction,
      metric.baseline,
      metric.candidate,
      metric.changePct,
      metric.threshold,
      metric.verdict,
    ];
  });
  return { header: COMPARISON_CSV_HEADER, rows };
}
