/**
 * Ray LLMPerf's `{model}_{in}_{out}_summary.json` (ENGINES.md §7): a flat record, the nested
 * results joined with `_` under `results_`, `version: "2023-08-31"`. Latencies are in seconds.
 *
 * LLMPerf's inter-token latency is (TTFT + every gap) ÷ output tokens per request, about E2E ÷
 * tokens: neither vLLM's ITL nor its TPOT, so it is kept as an extra of its own. Its throughput
 * counts completed requests per minute.
 */
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type StatedFacts } from '../raw-result';
import { own, textOf, type JsonRecord } from '../shared';
import {
  AS_WRITTEN,
  PER_MIN_TO_PER_S,
  dashboardKey,
  extraKey,
  loadOf,
  meanLength,
  newReadMetrics,
  readScalars,
  readStats,
  runDate,
  toMilliseconds,
  type KeyOf,
  type ReadMetrics,
  statPaths,
} from './read-metrics';
import { singleResultReader } from './single-result';

const FORMAT = { id: 'llmperf', label: 'LLMPerf summary JSON' } as const;
const VERSION = '2023-08-31';

/** `quantiles` are pandas' linear-interpolation p25…p99, keyed `p{int(q × 100)}`. */
const STATS = statPaths({
  mean: 'mean',
  median: 'quantiles_p50',
  std: 'stddev',
  percentiles: 'quantiles_',
});

/** LLMPerf's own inter-token latency, kept as an extra (see above), and what its source says. */
export const LLMPERF_ITL: KeyOf = extraKey('LLMPerf ITL (≈ E2E ÷ tokens)', 'ms');
export const LLMPERF_ITL_NOTE = ' ((TTFT + gaps) ÷ tokens per request: not vLLM’s ITL or TPOT)';
/** The share of requests that failed. */
export const ERROR_RATE = extraKey('Error rate', 'fraction')('mean');

/** The per-request quantities LLMPerf summarises, each with its metric key and a note. */
export const LLMPERF_LATENCIES: readonly (readonly [string, KeyOf, string])[] = [
  ['ttft_s', dashboardKey('ttft'), ''],
  ['end_to_end_latency_s', dashboardKey('e2el'), ''],
  ['inter_token_latency_s', LLMPERF_ITL, LLMPERF_ITL_NOTE],
];

function looksLike(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    own(value, 'version') === VERSION &&
    Object.keys(value).some((key) => key.startsWith('results_'))
  );
}

function readMetrics(summary: JsonRecord): ReadMetrics {
  const into = newReadMetrics();
  const ms = toMilliseconds('s') ?? AS_WRITTEN;
  for (const [name, keyOf, note] of LLMPERF_LATENCIES) {
    const prefix = `results_${name}_`;
    readStats(
      into,
      keyOf,
      summary,
      STATS.map(([path, stat]) => [`${prefix}${path}`, stat]),
      ms,
      '',
      note,
    );
  }
  readScalars(into, summary, '', [
    ['results_num_completed_requests_per_min', 'request_throughput', PER_MIN_TO_PER_S],
    ['results_mean_output_throughput_token_per_s', 'output_throughput'],
    ['results_num_completed_requests', 'num_requests'],
    ['results_number_errors', 'failed_requests'],
    ['results_error_rate', ERROR_RATE],
  ]);
  return into;
}

function stated(summary: JsonRecord): StatedFacts {
  // A closed loop: N requests in flight, each sent when one finishes; no rate.
  const load = loadOf(null, own(summary, 'num_concurrent_requests'));
  return {
    ...NOTHING_STATED,
    model: textOf(own(summary, 'model')),
    ...load,
    inputLen: meanLength(own(summary, 'mean_input_tokens')),
    outputLen: meanLength(own(summary, 'mean_output_tokens')),
  };
}

/** An LLMPerf summary → one serving result; engine null. */
export const LLMPERF_READER = singleResultReader({
  suite: 'serving',
  looksLike,
  formatOf: () => ({ format: FORMAT, what: 'an LLMPerf summary' }),
  missing: 'any latency or throughput in its results',
  hint: 'Expected results_ttft_s_mean, results_end_to_end_latency_s_quantiles_p50 or results_num_completed_requests_per_min.',
  metrics: readMetrics,
  stated,
  date: (summary) => runDate(own(summary, 'timestamp')),
});
