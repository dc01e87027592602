import { describeMetric } from './metrics';

export const MISSING = '—';

const TWO_DECIMALS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const COUNT_UNITS: ReadonlySet<string> = new Set(['tokens', 'requests']);

/**
 * A metric value as a table shows it: two decimals with grouping (`1,046.91`), whole numbers for
 * counts, `—` when missing. Two decimals tell 833.27 from 833.76 and keep columns aligned.
 */
export function formatMetricValue(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return COUNT_UNITS.has(describeMetric(key).unit)
    ? WHOLE.format(value)
    : TWO_DECIMALS.format(value);
}

/** A QPS value as people write it: `inf` for all-at-once, the number otherwise, `—` when unknown. */
export function formatQps(qps: number | null): string {
  if (qps === null) return MISSING;
  if (qps === Infinity) return 'inf';
  return String(qps);
}

/** A metric's column header with its unit: `Mean TTFT (ms)`. */
export function metricHeader(key: string): string {
  const info = describeMetric(key);
  return info.unit === '' ? info.label : `${info.label} (${info.unit})`;
}
