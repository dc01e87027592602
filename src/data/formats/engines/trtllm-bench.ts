/**
 * TensorRT-LLM's `trtllm-bench throughput --report_json`: `engine`, `machine`, `world_info`,
 * `request_info`, `performance` and, with `--streaming`, `streaming_metrics` (ENGINES.md §4).
 *
 * Read as suite `throughput`, not `serving`: trtllm-bench hands every request to the engine in
 * process (no server, no request rate; `world_info.issue_rate` is how fast it happened to enqueue
 * them, not a target), which is what `vllm bench throughput` measures. Its test name so reads
 * `throughput_<model>_tp<N>` beside vLLM's offline throughput results, and its total tok/s goes
 * under `token_throughput`, the key those results use for the same quantity.
 */
import { engineName } from '../../engines';
import { normalizeGpu } from '../../gpu';
import type { GpuSpec } from '../../results/result-model';
import { isJsonObject } from '../python-json';
import type { StatedFacts } from '../raw-result';
import { countOf, own, ownObject, textOf, type JsonRecord } from '../shared';
import {
  AS_WRITTEN,
  attributesOf,
  dashboardKey,
  extraKey,
  meanLength,
  newReadMetrics,
  readScalar,
  readScalars,
  readStats,
  toSeconds,
  type ReadMetrics,
  type ScalarPaths,
  statPaths,
} from './read-metrics';
import { singleResultReader } from './single-result';

const FORMAT = { id: 'trtllm-bench', label: 'trtllm-bench report JSON' } as const;
const TENSORRT_LLM = engineName('TensorRT-LLM');

/** trtllm-bench's percentile objects (statistics.py `PercentileStats`, nearest rank). */
const PERCENTILE_STATS = statPaths({ mean: 'average', median: 'p50', percentiles: '' });

function looksLike(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    isJsonObject(own(value, 'engine')) &&
    isJsonObject(own(value, 'world_info')) &&
    isJsonObject(own(value, 'performance'))
  );
}

/** One quantity's percentiles [ms], or its average alone when the percentiles are missing. */
function readLatency(
  into: ReadMetrics,
  quantity: 'ttft' | 'tpot' | 'e2el',
  section: JsonRecord,
  prefix: string,
  percentilesKey: string,
  averageKey: string,
): void {
  const percentiles = ownObject(section, percentilesKey) ?? {};
  const found = readStats(
    into,
    dashboardKey(quantity),
    percentiles,
    PERCENTILE_STATS,
    AS_WRITTEN,
    `${prefix}${percentilesKey}.`,
  );
  if (found === 0)
    readScalar(into, `${quantity}_mean`, section, averageKey, AS_WRITTEN, `${prefix}${averageKey}`);
}

const PERFORMANCE: ScalarPaths = [
  ['request_throughput_req_s', 'request_throughput'],
  ['system_output_throughput_tok_s', 'output_throughput'],
  ['system_total_throughput_tok_s', 'token_throughput'],
  ['total_latency_ms', 'elapsed_time', toSeconds('ms') ?? AS_WRITTEN],
  ['output_throughput_per_user_tok_s', extraKey('Output throughput per user', 'tok/s')('mean')],
  // Output tok/s ÷ world_size, as trtllm-bench computes it.
  ['output_throughput_per_gpu_tok_s', extraKey('Output throughput per GPU', 'tok/s')('mean')],
];
const REQUEST_INFO: ScalarPaths = [
  ['num_requests', 'num_requests'],
  ['avg_num_concurrent_requests', extraKey('Average concurrent requests', 'requests')('mean')],
];

function readMetrics(report: JsonRecord): ReadMetrics {
  const into = newReadMetrics();
  const performance = ownObject(report, 'performance') ?? {};
  readScalars(into, performance, 'performance.', PERFORMANCE);
  readLatency(
    into,
    'e2el',
    performance,
    'performance.',
    'request_latency_percentiles_ms',
    'avg_request_latency_ms',
  );
  const streaming = ownObject(report, 'streaming_metrics');
  if (streaming !== null) {
    readLatency(into, 'ttft', streaming, 'streaming_metrics.', 'ttft_percentiles', 'avg_ttft_ms');
    // Per request (E2E − TTFT) ÷ (tokens − 1), summarised over requests: vLLM's TPOT.
    readLatency(into, 'tpot', streaming, 'streaming_metrics.', 'tpot_percentiles', 'avg_tpot_ms');
  }
  readScalars(into, ownObject(report, 'request_info') ?? {}, 'request_info.', REQUEST_INFO);
  return into;
}

/** The GPU as `machine.name` names it, counted by `world_info.world_size`. */
function gpuOf(report: JsonRecord, worldSize: number | null): GpuSpec | null {
  const gpu = normalizeGpu(own(ownObject(report, 'machine') ?? {}, 'name'));
  return gpu === null ? null : { type: gpu.type, count: worldSize ?? gpu.count };
}

function stated(report: JsonRecord): StatedFacts {
  const engine = ownObject(report, 'engine') ?? {};
  const world = ownObject(report, 'world_info') ?? {};
  const requests = ownObject(report, 'request_info') ?? {};
  return {
    model: textOf(own(engine, 'model')),
    tp: countOf(own(world, 'tp_size')),
    pp: countOf(own(world, 'pp_size')),
    dp: null,
    dataset: null,
    qps: null,
    concurrency: null,
    inputLen: meanLength(own(requests, 'avg_input_length')),
    outputLen: meanLength(own(requests, 'avg_output_length')),
    gpu: gpuOf(report, countOf(own(world, 'world_size'))),
    engine: TENSORRT_LLM,
  };
}

/** The engine's own words: its version, backend, dtype and quantization. */
function engineAttributes(
  report: JsonRecord,
  warnings: string[],
): Readonly<Record<string, string>> {
  const engine = ownObject(report, 'engine') ?? {};
  return attributesOf(
    [
      ['trtllm_version', own(engine, 'version')],
      ['backend', own(engine, 'backend')],
      ['dtype', own(engine, 'dtype')],
      ['quantization', own(engine, 'quantization')],
    ],
    warnings,
  );
}

/** A trtllm-bench report → one throughput result of TensorRT-LLM. */
export const TRTLLM_BENCH_READER = singleResultReader({
  suite: 'throughput',
  looksLike,
  formatOf: () => ({ format: FORMAT, what: 'a trtllm-bench report' }),
  missing: 'any throughput or latency in its performance section',
  hint: 'Expected performance.request_throughput_req_s, system_output_throughput_tok_s or request_latency_percentiles_ms.',
  metrics: readMetrics,
  stated,
  // trtllm-bench writes no date.
  date: () => null,
  attributes: engineAttributes,
});
