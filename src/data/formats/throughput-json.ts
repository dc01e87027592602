/**
 * `vllm bench throughput --output-json` (older: `benchmarks/benchmark_throughput.py`):
 * `{"elapsed_time", "num_requests", "total_num_tokens", "requests_per_second", "tokens_per_second"}`.
 */
import { isJsonObject } from './python-json';
import type { BenchmarkResult, MetricValues, ParseOutcome } from '../results/result-model';
import { extraMetricKey } from '../metrics';
import { rawFileOutcome } from './outcome';
import {
  finishStatedResult,
  NOTHING_STATED,
  type RawContext,
  type StatedFacts,
} from './raw-result';
import { MAX_EXTRA_FIELDS, capText, finiteOf, own, type JsonRecord } from './shared';

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
  let extras = 0;
  for (const [key, value] of Object.entries(object)) {
    if (KNOWN.has(key) || typeof value !== 'number' || extras >= MAX_EXTRA_FIELDS) continue;
    metrics[extraMetricKey(capText(key, 'The throughput result: a field name', warnings))] =
      finiteOf(value);
    extras += 1;
  }
  return metrics;
}

/** A throughput object → its result. `stated` holds what another source (PyTorch args) says. */
export function readThroughputObject(
  object: JsonRecord,
  context: RawContext,
  stated: StatedFacts = NOTHING_STATED,
): BenchmarkResult {
  const metrics = throughputMetrics(object, context.warnings);
  return finishStatedResult('throughput', stated, metrics, context);
}

/** A parsed throughput JSON value → an outcome. */
export function parseThroughputJsonValue(value: JsonRecord, context: RawContext): ParseOutcome {
  const result = readThroughputObject(value, context);
  return rawFileOutcome(
    { id: 'vllm-throughput-json', label: 'vllm bench throughput JSON' },
    result,
    context,
  );
}
