/**
 * `vllm bench throughput --output-json` (older: `benchmarks/benchmark_throughput.py`):
 * `{"elapsed_time", "num_requests", "total_num_tokens", "requests_per_second", "tokens_per_second"}`.
 */
import { isJsonObject } from './python-json';
import type { MetricValues } from '../results/result-model';
import { keepExtraNumbers, rawObjectReader } from './raw-object';
import { finiteOf, own, type JsonRecord } from './shared';

/** File keys and the metric each is kept under, in the order metrics are kept. */
const THROUGHPUT_KEYS: readonly (readonly [string, string])[] = [
  ['requests_per_second', 'request_throughput'],
  ['tokens_per_second', 'token_throughput'],
  ['elapsed_time', 'elapsed_time'],
  ['num_requests', 'num_requests'],
  ['total_num_tokens', 'total_tokens'],
];
const KNOWN: ReadonlySet<string> = new Set(THROUGHPUT_KEYS.map(([key]) => key));

/** True for a JSON object with the shape of a throughput result. */
export function looksLikeThroughputResult(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    Object.hasOwn(value, 'requests_per_second') &&
    (Object.hasOwn(value, 'tokens_per_second') || Object.hasOwn(value, 'elapsed_time'))
  );
}

/** One throughput object → its metrics; other numbers are kept as `x:` extras. */
export function throughputMetrics(object: JsonRecord, warnings: string[]): MetricValues {
  const metrics: Record<string, number | null> = {};
  for (const [fileKey, metricKey] of THROUGHPUT_KEYS) {
    if (Object.hasOwn(object, fileKey)) metrics[metricKey] = finiteOf(own(object, fileKey));
  }
  keepExtraNumbers(metrics, object, KNOWN, 'The throughput result', warnings);
  return metrics;
}

const THROUGHPUT_READER = rawObjectReader(
  'throughput',
  { id: 'vllm-throughput-json', label: 'vllm bench throughput JSON' },
  throughputMetrics,
);

/** A throughput object → its result. `stated` holds what another source (PyTorch args) says. */
export const readThroughputObject = THROUGHPUT_READER.read;

/** A parsed throughput JSON value → an outcome. */
export const parseThroughputJsonValue = THROUGHPUT_READER.parse;
