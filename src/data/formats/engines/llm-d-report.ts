/**
 * llm-d's Benchmark Report v0.2 (ENGINES.md §8; `0.2.1` is a superset), YAML or JSON: `run`,
 * `scenario.{stack, load}` and `results.request_performance.aggregate.{requests, latency,
 * throughput}`, every statistic `{units, mean, stddev, p50, p90, p95, p99, p99p9, …}` in the
 * units it states. The report converts each harness's own metrics; it names TPOT and ITL apart
 * (TPOT per request excluding the first token, ITL between tokens) and they are read so.
 */
import { engineName } from '../../engines';
import { normalizeGpu } from '../../gpu';
import type { GpuSpec } from '../../results/result-model';
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type StatedFacts } from '../raw-result';
import { countOf, finiteOf, numberOf, own, ownObject, textOf, type JsonRecord } from '../shared';
import {
  attributesOf,
  dashboardKey,
  extraKey,
  loadOf,
  meanLength,
  newReadMetrics,
  ownPath,
  perSecondRate,
  putMetric,
  readStatGroup,
  runDate,
  toMilliseconds,
  type ReadMetrics,
  type StatGroup,
  statPaths,
  type StatPaths,
} from './read-metrics';
import { singleResultReader } from './single-result';

const FORMAT = { id: 'llm-d-report', label: 'llm-d Benchmark Report v0.2' } as const;
const AGGREGATE = 'results.request_performance.aggregate';

const STATS = statPaths({
  mean: 'mean',
  median: 'p50',
  std: 'stddev',
  percentiles: '',
  p999: 'p99p9',
});
const MEAN: StatPaths = [['mean', 'mean']];

const LATENCIES: StatGroup = {
  entries: [
    ['time_to_first_token', dashboardKey('ttft')],
    ['time_per_output_token', dashboardKey('tpot')],
    ['inter_token_latency', dashboardKey('itl')],
    ['request_latency', dashboardKey('e2el')],
    // Per request E2E ÷ output tokens, the first token included.
    ['normalized_time_per_output_token', extraKey('NTPOT incl. first token', 'ms')],
  ],
  unitKey: 'units',
  scaleOf: toMilliseconds,
  paths: STATS,
};
const THROUGHPUTS: StatGroup = {
  entries: [
    ['request_rate', () => 'request_throughput'],
    ['output_token_rate', () => 'output_throughput'],
    ['input_token_rate', () => 'input_throughput'],
    ['total_token_rate', () => 'total_token_throughput'],
  ],
  unitKey: 'units',
  scaleOf: perSecondRate,
  paths: MEAN,
};

/** `0.2`, `0.2.1`, or the number 0.2 an unquoted YAML version becomes. */
function isVersion02(version: unknown): boolean {
  if (version === 0.2) return true;
  return typeof version === 'string' && /^0\.2(?:\.\d+)?$/.test(version.trim());
}

function looksLike(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    isVersion02(own(value, 'version')) &&
    isJsonObject(own(value, 'run')) &&
    isJsonObject(own(value, 'results'))
  );
}

function readMetrics(report: JsonRecord, warnings: string[]): ReadMetrics {
  const into = newReadMetrics();
  const aggregate = ownPath(report, AGGREGATE);
  if (!isJsonObject(aggregate)) return into;
  const latency = ownObject(aggregate, 'latency') ?? {};
  readStatGroup(into, latency, 'latency.', LATENCIES, warnings);
  const throughput = ownObject(aggregate, 'throughput') ?? {};
  readStatGroup(into, throughput, 'throughput.', THROUGHPUTS, warnings);
  readRequests(into, ownObject(aggregate, 'requests') ?? {});
  return into;
}

/** Failures as written; completed requests = total − failures − incomplete. */
function readRequests(into: ReadMetrics, requests: JsonRecord): void {
  const total = finiteOf(own(requests, 'total'));
  const failures = finiteOf(own(requests, 'failures'));
  const incomplete = finiteOf(own(requests, 'incomplete')) ?? 0;
  if (failures !== null) putMetric(into, 'failed_requests', failures, 'requests.failures');
  if (total === null || failures === null) return;
  const completed = total - failures - incomplete;
  if (!Number.isFinite(completed) || completed < 0) return;
  const formula = 'requests.total − requests.failures − requests.incomplete';
  putMetric(into, 'num_requests', completed, formula);
}

/** The first inference engine of the stack (v0.2.1 `kind: inference_engine`, or one with GPUs). */
function engineComponent(report: JsonRecord): JsonRecord {
  const stack = ownPath(report, 'scenario.stack');
  if (!Array.isArray(stack)) return {};
  for (const component of stack.slice(0, 100)) {
    const standardized = isJsonObject(component) ? ownObject(component, 'standardized') : null;
    if (standardized === null) continue;
    const kind = own(standardized, 'kind');
    if (
      kind === 'inference_engine' ||
      (kind === undefined && isJsonObject(own(standardized, 'accelerator')))
    ) {
      return standardized;
    }
  }
  return {};
}

/** `NVIDIA-H100-80GB-HBM3` × count per replica × replicas. */
function gpuOf(engine: JsonRecord): GpuSpec | null {
  const accelerator = ownObject(engine, 'accelerator') ?? {};
  const gpu = normalizeGpu(own(accelerator, 'model'));
  if (gpu === null) return null;
  const count = countOf(own(accelerator, 'count'));
  const replicas = countOf(own(engine, 'replicas')) ?? 1;
  return { type: gpu.type, count: count === null ? null : count * replicas };
}

function stated(report: JsonRecord): StatedFacts {
  const engine = engineComponent(report);
  const parallelism = ownPath(engine, 'accelerator.parallelism');
  const standardized = ownPath(report, 'scenario.load.standardized');
  const load = isJsonObject(standardized) ? standardized : {};
  const concurrency = numberOf(own(load, 'concurrency'));
  const rate = own(load, 'rate_qps');
  const unbounded = concurrency === Infinity && numberOf(rate) === null;
  const tool = textOf(own(engine, 'tool'));
  return {
    ...NOTHING_STATED,
    model: textOf(ownPath(engine, 'model.name')),
    tp: isJsonObject(parallelism) ? countOf(own(parallelism, 'tp')) : null,
    pp: isJsonObject(parallelism) ? countOf(own(parallelism, 'pp')) : null,
    dp: isJsonObject(parallelism) ? countOf(own(parallelism, 'dp')) : null,
    ...(unbounded ? { qps: Infinity, concurrency: null } : loadOf(rate, own(load, 'concurrency'))),
    inputLen: meanLength(ownPath(load, 'input_seq_len.value')),
    outputLen: meanLength(ownPath(load, 'output_seq_len.value')),
    gpu: gpuOf(engine),
    engine: tool === null ? null : engineName(tool),
  };
}

/** An llm-d Benchmark Report v0.2 (YAML or JSON value) → one serving result. */
export const LLM_D_REPORT_READER = singleResultReader({
  suite: 'serving',
  looksLike,
  formatOf: () => ({ format: FORMAT, what: 'an llm-d Benchmark Report' }),
  missing: `any latency or throughput under ${AGGREGATE}`,
  hint: 'Expected latency.time_to_first_token or throughput.request_rate with their units.',
  metrics: readMetrics,
  stated,
  date: (report) => runDate(ownPath(report, 'run.time.start')),
  attributes: (report, warnings) => {
    const load = ownPath(report, 'scenario.load.standardized');
    const record = isJsonObject(load) ? load : {};
    return attributesOf(
      [
        ['load_tool', own(record, 'tool')],
        ['load_tool_version', own(record, 'tool_version')],
      ],
      warnings,
    );
  },
});
