/**
 * `Download CSV` of a comparison: one row per metric comparison, numbers at full precision, with
 * the rule that decided each verdict.
 */
import type { CsvCell } from '../csv';
import { describeMetric } from '../metrics';
import { rowGpus } from './align-results';
import { metricEntries, type Comparison } from './compare-summary';
import { ruleText } from './compare-text';
import type { MetricRule } from './history-rule';

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
  'Decided by',
  'History runs',
  'Noise spread (%)',
  'Robust z',
];

/**
 * The rule that decided, in words, and its numbers: the band's runs, spread and the candidate's z
 * when history decided; the runs of history there were when the threshold did; empty when no rule
 * decided (a missing value, a metric without direction).
 */
function ruleCells(rule: MetricRule | null): CsvCell[] {
  if (rule === null) return [null, null, null, null];
  if (rule.kind === 'threshold') return [ruleText(rule), rule.historyRuns, null, null];
  return [ruleText(rule), rule.runs, rule.spreadPct, rule.z];
}

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
      ...ruleCells(metric.rule),
    ];
  });
  return { header: COMPARISON_CSV_HEADER, rows };
}
