/**
 * Repairs of what vLLM's serving benchmark wrote wrong in some vintages: mean and median E2E
 * latency swapped (late 2024), and zeros written for the throughput and latencies of a run where
 * no request completed.
 */
import { extraMetricKey } from '../metrics';
import {
  countOf,
  finiteNumbers,
  finiteOf,
  nearlyEqual,
  own,
  percentileOfSorted,
  pythonDateToIso,
  type JsonRecord,
} from './shared';

/** The first day of serve files whose mean and median E2E latency are swapped, and the day after the last. */
const SWAPPED_E2EL_FROM = '2024-08-21';
const SWAPPED_E2EL_UNTIL = '2025-01-01';

/** The arithmetic mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Whether a file's mean and median E2E latency are swapped (late-2024 `benchmark_serving.py` wrote
 * `mean_e2el_ms = median(e2els)` and `median_e2el_ms = mean(e2els)`). The per-request latencies,
 * when the file kept them, or a recorded P50 settle it; otherwise the date does.
 */
export function e2elSwapped(object: JsonRecord): boolean {
  const recordedMean = finiteOf(own(object, 'mean_e2el_ms'));
  const recordedMedian = finiteOf(own(object, 'median_e2el_ms'));
  if (recordedMean === null || recordedMedian === null) return false;
  if (nearlyEqual(recordedMean, recordedMedian)) return false;

  const latencies = finiteNumbers(own(object, 'latencies'));
  const completed = countOf(own(object, 'completed'));
  // One latency per completed request (a count is never 0, so an empty list settles nothing).
  if (latencies !== null && latencies.length === completed) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const computedMean = mean(sorted) * 1000;
    const computedMedian = (percentileOfSorted(sorted, 50) ?? 0) * 1000;
    if (nearlyEqual(recordedMean, computedMean) && nearlyEqual(recordedMedian, computedMedian)) {
      return false;
    }
    if (nearlyEqual(recordedMean, computedMedian) && nearlyEqual(recordedMedian, computedMean)) {
      return true;
    }
  }
  const p50 = finiteOf(own(object, 'p50_e2el_ms'));
  if (p50 !== null) {
    if (nearlyEqual(recordedMedian, p50)) return false;
    if (nearlyEqual(recordedMean, p50)) return true;
  }
  const date = pythonDateToIso(own(object, 'date'));
  return date !== null && date >= SWAPPED_E2EL_FROM && date < SWAPPED_E2EL_UNTIL;
}

/** What a run where no request completed still measured: its counts and its duration. */
const MEASURED_WITHOUT_COMPLETIONS: ReadonlySet<string> = new Set([
  'num_requests',
  'failed_requests',
  'elapsed_time',
]);

/**
 * A run where no request completed writes 0 for its throughput and latencies: nothing was
 * measured, so they become missing (`—`), never zeros, and a warning says the run failed.
 * Fields the dashboard does not know (`x:` extras) are kept as written.
 */
export function noneCompleted(
  metrics: Record<string, number | null>,
  testName: string,
  warnings: string[],
): void {
  for (const key of Object.keys(metrics)) {
    if (!MEASURED_WITHOUT_COMPLETIONS.has(key) && !key.startsWith(extraMetricKey(''))) {
      metrics[key] = null;
    }
  }
  const failed = metrics.failed_requests;
  warnings.push(
    `${testName}: no request completed${failed === null || failed === undefined ? '' : ` (${String(failed)} failed)`}: a failed run, its throughput and latencies shown as missing, not 0.`,
  );
}
