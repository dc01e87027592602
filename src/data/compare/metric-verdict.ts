/**
 * One metric of a comparison: its change in percent, its verdict (against the series' own noise
 * when it has enough history, else against a threshold), how harmful the change is, and the
 * change as people read it.
 */
import { MISSING } from '../format';
import { describeMetric, type MetricDirection } from '../metrics';
import type { UsableRun } from '../regression/series-input';
import { judgeByHistory, type MetricRule } from './history-rule';
import { thresholdFor, type ThresholdSpec } from './thresholds';

/**
 * - `regression` / `improvement`: the change is beyond the threshold, in the bad / good direction
 *   of the metric (up for `lower` metrics such as latency, down for `higher` ones such as
 *   throughput);
 * - `within noise`: both values present and the change is at most the threshold;
 * - `missing`: one side has no value (absent, null, or not a finite number);
 * - `no direction`: a neutral metric (request and token counts, unknown `x:` columns). A count
 *   going up is neither good nor bad, so it gets no verdict, is kept out of the counts of
 *   regressions and improvements and out of the geometric means.
 */
export type Verdict = 'regression' | 'improvement' | 'within noise' | 'missing' | 'no direction';

export const VERDICTS: readonly Verdict[] = [
  'regression',
  'improvement',
  'within noise',
  'missing',
  'no direction',
];

/**
 * Slack, in percentage points, under which a change still counts as equal to the threshold.
 * `100 → 105` is 5% in decimal but need not be exactly 5 in binary; a billionth of a point is far
 * below anything a benchmark measures, so it only absorbs rounding.
 */
export const THRESHOLD_SLACK = 1e-9;

function isValue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * (candidate − baseline) / baseline × 100. Null when either value is missing or not finite, or
 * the baseline is 0 (no relative change exists). Divides by |baseline| so the sign always tells
 * which side is larger; metrics are not negative in practice, so this is the plain formula.
 */
export function changePercent(
  baseline: number | null | undefined,
  candidate: number | null | undefined,
): number | null {
  if (!isValue(baseline) || !isValue(candidate) || baseline === 0) return null;
  const change = ((candidate - baseline) * 100) / Math.abs(baseline);
  return Number.isFinite(change) ? change : null;
}

/**
 * The verdict on one metric. The rule at the edge: a change whose size is exactly the threshold
 * (within THRESHOLD_SLACK) is `within noise`; only a larger one is a regression or improvement.
 * From a baseline of 0, any change is beyond every threshold (0 → 3 failed requests is a
 * regression), while 0 → 0 is within noise.
 */
export function judgeChange(
  direction: MetricDirection,
  baseline: number | null | undefined,
  candidate: number | null | undefined,
  threshold: number,
): Verdict {
  if (!isValue(baseline) || !isValue(candidate)) return 'missing';
  if (direction === 'neutral') return 'no direction';
  if (candidate === baseline) return 'within noise';
  const change = changePercent(baseline, candidate);
  if (change !== null && Math.abs(change) - threshold <= THRESHOLD_SLACK) return 'within noise';
  const worse = direction === 'lower' ? candidate > baseline : candidate < baseline;
  return worse ? 'regression' : 'improvement';
}

/** One metric of one aligned test, judged. */
export interface MetricComparison {
  readonly key: string;
  readonly direction: MetricDirection;
  readonly baseline: number | null;
  readonly candidate: number | null;
  /** See changePercent; null when it does not exist. */
  readonly changePct: number | null;
  /** The threshold (percent) this metric has, whether or not it decided (see `rule`). */
  readonly threshold: number;
  readonly verdict: Verdict;
  /**
   * What decided the verdict: the series' noise or the threshold. Null for `missing` and
   * `no direction`, which no rule decides.
   */
  readonly rule: MetricRule | null;
}

/**
 * Judges one metric key given both sides' values and, when known, the series' history before the
 * candidate (see history-rule.ts): with enough of it the series' noise decides, else the
 * threshold.
 */
export function compareMetric(
  key: string,
  baseline: number | null | undefined,
  candidate: number | null | undefined,
  thresholds: ThresholdSpec,
  history: readonly UsableRun[] = [],
): MetricComparison {
  const { direction } = describeMetric(key);
  const threshold = thresholdFor(key, thresholds);
  const changePct = changePercent(baseline, candidate);
  const byThreshold = judgeChange(direction, baseline, candidate, threshold);
  const values = {
    key,
    direction,
    baseline: baseline ?? null,
    candidate: candidate ?? null,
    changePct,
    threshold,
  };
  if (byThreshold === 'missing' || byThreshold === 'no direction') {
    return { ...values, verdict: byThreshold, rule: null };
  }
  const byHistory =
    direction === 'neutral' || candidate === null || candidate === undefined
      ? null
      : judgeByHistory(key, direction, candidate, changePct, history);
  if (byHistory !== null) return { ...values, ...byHistory };
  const rule: MetricRule = { kind: 'threshold', threshold, historyRuns: history.length };
  return { ...values, verdict: byThreshold, rule };
}

/**
 * How bad a change is, as a signed number: the change in percent turned so that positive is the
 * bad direction (+30 for a latency up 30%, +20 for a throughput down 20%). A change from a
 * baseline of 0 is ±Infinity; missing and neutral metrics have none (NaN).
 */
export function harm(metric: MetricComparison): number {
  if (metric.verdict === 'missing' || metric.verdict === 'no direction') return Number.NaN;
  const sign = metric.direction === 'lower' ? 1 : -1;
  if (metric.changePct !== null) return sign * metric.changePct;
  if (metric.baseline === metric.candidate) return 0;
  return metric.verdict === 'regression' ? Infinity : -Infinity;
}

const CHANGE_FORMAT = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
  useGrouping: false,
});

/**
 * A change in percent as the compare view and the markdown show it: sign and one decimal with an
 * ASCII hyphen-minus (`+30.0%`, `-20.4%`, `0.0%` for anything that rounds to zero), `—` when
 * there is no change to show. ASCII so the copied markdown and CSV stay plain text.
 */
export function formatChange(changePct: number | null): string {
  if (changePct === null || !Number.isFinite(changePct)) return MISSING;
  return `${CHANGE_FORMAT.format(changePct)}%`;
}
