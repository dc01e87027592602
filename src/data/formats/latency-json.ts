/**
 * `vllm bench latency --output-json` (older: `benchmarks/benchmark_latency.py`):
 * `{"avg_latency": s, "std_latency": s, "latencies": [s, …], "percentiles": {"10": s, …, "99": s}}`,
 * all in seconds. Results keep milliseconds, as CI's tables do (ms = s × 1000).
 */
import { isJsonObject } from './python-json';
import type { MetricValues } from '../results/result-model';
import { keepExtraNumbers, rawObjectReader } from './raw-object';
import {
  byPercentile,
  capText,
  finiteNumbers,
  finiteOf,
  own,
  ownObject,
  percentileOfSorted,
  percentileWord,
  type JsonRecord,
} from './shared';

const LATENCY_KEYS: ReadonlySet<string> = new Set([
  'avg_latency',
  'std_latency',
  'latencies',
  'percentiles',
]);
/** The percentiles vLLM writes, used when a file kept its latencies but not their percentiles. */
const DEFAULT_PERCENTILES = ['10', '25', '50', '75', '90', '99'];

/** True for a JSON object with the shape of a latency result. */
export function looksLikeLatencyResult(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    Object.hasOwn(value, 'avg_latency') &&
    (isJsonObject(own(value, 'percentiles')) || Array.isArray(own(value, 'latencies')))
  );
}

const seconds = (value: unknown): number | null => {
  const number = finiteOf(value);
  return number === null ? null : number * 1000;
};

/** One latency object → its metrics in ms (mean, median, std, then the other percentiles). */
export function latencyMetrics(
  object: JsonRecord,
  warnings: string[],
  where: string,
): MetricValues {
  const metrics: Record<string, number | null> = {};
  metrics.latency_mean = seconds(own(object, 'avg_latency'));

  const values = new Map<string, number | null>();
  const recorded = ownObject(object, 'percentiles');
  if (recorded !== null) {
    for (const [key, value] of Object.entries(recorded)) {
      const word = percentileWord(key.trim());
      if (word === null) {
        warnings.push(`${where}: the percentile "${capText(key, 'A key', [], 20)}" was not read.`);
        continue;
      }
      values.set(word, seconds(value));
    }
  } else {
    // No summary: the percentiles vLLM writes, computed as numpy does from the latencies.
    const latencies = finiteNumbers(own(object, 'latencies'));
    if (latencies !== null && latencies.length > 0) {
      const sorted = latencies.sort((a, b) => a - b);
      for (const word of DEFAULT_PERCENTILES) {
        const value = percentileOfSorted(sorted, Number(word));
        values.set(word, value === null ? null : value * 1000);
      }
    }
  }
  if (values.has('50')) metrics.latency_median = values.get('50') ?? null;
  if (Object.hasOwn(object, 'std_latency'))
    metrics.latency_std = seconds(own(object, 'std_latency'));
  const words = [...values.keys()].filter((word) => word !== '50').sort(byPercentile);
  for (const word of words) metrics[`latency_p${word}`] = values.get(word) ?? null;

  keepExtraNumbers(metrics, object, LATENCY_KEYS, where, warnings);
  return metrics;
}

const LATENCY_READER = rawObjectReader(
  'latency',
  { id: 'vllm-latency-json', label: 'vllm bench latency JSON' },
  (object, warnings) => latencyMetrics(object, warnings, 'The latency result'),
);

/** A latency object → its result. `stated` holds what another source (PyTorch args) says. */
export const readLatencyObject = LATENCY_READER.read;

/** A parsed latency JSON value → an outcome. */
export const parseLatencyJsonValue = LATENCY_READER.parse;
