/**
 * AIPerf's `profile_export_aiperf.json` and GenAI-Perf's `profile_export_genai_perf.json`
 * (ENGINES.md §5): metric objects `{unit, avg, p50, p90, p95, p99, std, …}` at top level beside
 * `input_config`. Both are clients: they do not know which engine served, so the engine is null.
 *
 * Their `inter_token_latency` is per request (E2E − TTFT) ÷ (OSL − 1), summarised over requests:
 * the dashboard's TPOT. Their `inter_chunk_latency` (gaps between streamed chunks) is its ITL.
 */
import { normalizeGpu } from '../../gpu';
import type { GpuSpec } from '../../results/result-model';
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type StatedFacts } from '../raw-result';
import { own, ownObject, textOf, type JsonRecord } from '../shared';
import {
  AS_WRITTEN,
  dashboardKey,
  extraKey,
  loadOf,
  meanLength,
  newReadMetrics,
  perSecondRate,
  putMetric,
  readStatGroup,
  runDate,
  toMilliseconds,
  toSeconds,
  unitOf,
  type ReadMetrics,
  type StatGroup,
  statPaths,
  type StatPaths,
} from './read-metrics';
import { singleResultReader } from './single-result';

const AIPERF = { id: 'aiperf', label: 'AIPerf profile export JSON' } as const;
const GENAI_PERF = { id: 'genai-perf', label: 'GenAI-Perf profile export JSON' } as const;

const LATENCY_STATS = statPaths({ mean: 'avg', median: 'p50', std: 'std', percentiles: '' });
const AVERAGE: StatPaths = [['avg', 'mean']];

const LATENCIES: StatGroup = {
  entries: [
    ['time_to_first_token', dashboardKey('ttft')],
    ['inter_token_latency', dashboardKey('tpot'), ' (per request (E2E − TTFT) ÷ (OSL − 1): TPOT)'],
    ['inter_chunk_latency', dashboardKey('itl'), ' (gaps between streamed chunks: ITL)'],
    ['request_latency', dashboardKey('e2el')],
  ],
  unitKey: 'unit',
  scaleOf: toMilliseconds,
  paths: LATENCY_STATS,
};
const PER_USER = extraKey('Output throughput per user', 'tok/s');
/** Rates, counts and the duration, read from `avg`. */
const SCALARS: readonly StatGroup[] = [
  {
    entries: [
      ['request_throughput', () => 'request_throughput'],
      ['output_token_throughput', () => 'output_throughput'],
      ['goodput', () => 'request_goodput'],
      ['request_goodput', () => 'request_goodput'],
      ['output_token_throughput_per_user', PER_USER],
      ['output_token_throughput_per_request', PER_USER],
    ],
    unitKey: 'unit',
    scaleOf: perSecondRate,
    paths: AVERAGE,
  },
  {
    entries: [
      ['request_count', () => 'num_requests'],
      ['error_request_count', () => 'failed_requests'],
      ['total_isl', () => 'total_input_tokens'],
      ['total_osl', () => 'total_output_tokens'],
    ],
    unitKey: 'unit',
    scaleOf: () => AS_WRITTEN,
    paths: AVERAGE,
  },
  {
    entries: [['benchmark_duration', () => 'elapsed_time']],
    unitKey: 'unit',
    scaleOf: toSeconds,
    paths: AVERAGE,
  },
];

/**
 * Every metric AIPerf exports that the dashboard reads, by group: the multi-run aggregate
 * (aiperf-aggregate.ts) reads the same metrics from its `<metric>_<stat>` objects.
 */
export const AIPERF_GROUPS: readonly StatGroup[] = [LATENCIES, ...SCALARS];

/** A metric object the export holds under `key`: an object with a `unit`. */
function metricObject(record: JsonRecord, key: string): JsonRecord | null {
  const object = ownObject(record, key);
  return unitOf(object, 'unit') !== null ? object : null;
}

function looksLike(value: unknown): boolean {
  if (!isJsonObject(value) || !isJsonObject(own(value, 'input_config'))) return false;
  return ['request_throughput', 'time_to_first_token', 'request_latency', 'inter_token_latency']
    .concat('output_token_throughput')
    .some((key) => metricObject(value, key) !== null);
}

function isAiperf(value: JsonRecord): boolean {
  const config = ownObject(value, 'input_config') ?? {};
  return (
    own(value, 'aiperf_version') !== undefined ||
    own(value, 'schema_version') !== undefined ||
    isJsonObject(own(config, 'loadgen')) ||
    isJsonObject(own(config, 'endpoint'))
  );
}

function readMetrics(value: JsonRecord, warnings: string[]): ReadMetrics {
  const into = newReadMetrics();
  for (const group of AIPERF_GROUPS) readStatGroup(into, value, '', group, warnings);
  deriveTotalThroughput(into);
  return into;
}

/** Total tok/s = (total_isl.avg + total_osl.avg) ÷ benchmark_duration.avg [s]. */
function deriveTotalThroughput(into: ReadMetrics): void {
  const input = into.metrics.total_input_tokens;
  const output = into.metrics.total_output_tokens;
  const seconds = into.metrics.elapsed_time ?? 0;
  // The totals are token counts whatever unit they state (or none), as read above.
  if (input == null || output == null || !(seconds > 0)) return;
  putMetric(
    into,
    'total_token_throughput',
    (input + output) / seconds,
    '(total_isl.avg + total_osl.avg) ÷ benchmark_duration.avg',
  );
}

/** The GPUs AIPerf's telemetry saw: `telemetry_data.endpoints.*.gpus.*.gpu_name`. */
function telemetryGpu(value: JsonRecord): GpuSpec | null {
  const endpoints = ownObject(ownObject(value, 'telemetry_data') ?? {}, 'endpoints');
  if (endpoints === null) return null;
  // A GPU without a name joins as an empty line, which names no GPU.
  const names: (string | null)[] = [];
  for (const endpoint of Object.values(endpoints).slice(0, 64)) {
    const gpus = isJsonObject(endpoint) ? ownObject(endpoint, 'gpus') : null;
    for (const gpu of Object.values(gpus ?? {}).slice(0, 256)) {
      names.push(isJsonObject(gpu) ? textOf(own(gpu, 'gpu_name')) : null);
    }
  }
  return normalizeGpu(names.join('\n'));
}

/** The first model name of a list or a name. */
function firstName(value: unknown): string | null {
  return Array.isArray(value) ? textOf(value[0]) : textOf(value);
}

function stated(value: JsonRecord): StatedFacts {
  const config = ownObject(value, 'input_config') ?? {};
  const loadgen = ownObject(config, 'loadgen') ?? config;
  const endpoint = ownObject(config, 'endpoint');
  const model = endpoint === null ? own(config, 'model') : own(endpoint, 'model_names');
  const load = loadOf(own(loadgen, 'request_rate'), own(loadgen, 'concurrency'));
  const isl = metricObject(value, 'input_sequence_length');
  const osl = metricObject(value, 'output_sequence_length');
  return {
    ...NOTHING_STATED,
    model: firstName(model),
    ...load,
    inputLen: isl === null ? null : meanLength(own(isl, 'avg')),
    outputLen: osl === null ? null : meanLength(own(osl, 'avg')),
    gpu: telemetryGpu(value),
  };
}

/** AIPerf and GenAI-Perf profile exports → one serving result each; engine null. */
export const AIPERF_READER = singleResultReader({
  suite: 'serving',
  looksLike,
  formatOf: (file) =>
    isAiperf(file)
      ? { format: AIPERF, what: 'an AIPerf export' }
      : { format: GENAI_PERF, what: 'a GenAI-Perf export' },
  missing: 'any latency or throughput metric',
  hint: 'Expected time_to_first_token, request_latency or request_throughput as {unit, avg, p50, …}.',
  metrics: readMetrics,
  stated,
  date: (file) => runDate(own(file, 'start_time')),
});
