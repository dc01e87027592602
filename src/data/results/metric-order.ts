/** The order metric columns are shown in: CI's tables' order, then any others as first seen. */

const METRIC_ORDER: readonly string[] = [
  'latency_mean',
  'latency_median',
  'latency_p99',
  'latency_std',
  'latency_p10',
  'latency_p25',
  'latency_p75',
  'latency_p90',
  'request_throughput',
  'request_goodput',
  'token_throughput',
  'total_token_throughput',
  'output_throughput',
  'input_throughput',
  'ttft_mean',
  'ttft_median',
  'ttft_p99',
  'ttft_std',
  'tpot_mean',
  'tpot_median',
  'tpot_p99',
  'tpot_std',
  'itl_mean',
  'itl_median',
  'itl_p99',
  'itl_std',
  'e2el_mean',
  'e2el_median',
  'e2el_p99',
  'e2el_std',
  'num_requests',
  'total_tokens',
  'total_input_tokens',
  'total_output_tokens',
  'elapsed_time',
];

/** Metric keys in column order: the CI table's order first, then others as first seen. */
export function orderMetricKeys(keys: Iterable<string>): string[] {
  const seen = new Set(keys);
  const known = METRIC_ORDER.filter((key) => seen.has(key));
  const others = [...seen].filter((key) => !METRIC_ORDER.includes(key));
  return [...known, ...others];
}
