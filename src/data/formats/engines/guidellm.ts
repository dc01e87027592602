/**
 * GuideLLM's `benchmarks.json` / `.yaml` (ENGINES.md §6): `{metadata, config | args, benchmarks}`,
 * one benchmark per rate, each `type_: "generative_benchmark"`. Layouts: v0.3 (strategy under
 * `benchmarks[].args`, model at `benchmarks[].worker.backend_model`), v0.4–0.6 (top `args.model`,
 * strategy under `benchmarks[].config`) and v0.7+ (top `config`, `metadata.version: 2`).
 *
 * Each metric is `{successful, incomplete, errored, total}` of `{mean, median, std_dev, count,
 * percentiles: {p50, p90, p95, p99, p999, …}}`; the successful requests are read. GuideLLM's
 * `time_per_output_token_ms` counts the first token too, so it is not vLLM's TPOT: it is kept as
 * an extra of its own. Its `inter_token_latency_ms` is (E2E − TTFT) ÷ (tokens − 1) per request,
 * weighted by tokens: the pooled gap between tokens, read as ITL.
 */
import { parseFailure, type BenchmarkResult, type ParseOutcome } from '../../results/result-model';
import type { EngineReader } from '../engine-readers';
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type RawContext, type StatedFacts } from '../raw-result';
import { countOf, numberOf, own, ownObject, textOf, type JsonRecord } from '../shared';
import {
  AS_WRITTEN,
  attributesOf,
  dashboardKey,
  engineOutcome,
  engineResult,
  extraKey,
  hasCoreMetric,
  loadOf,
  meanLength,
  newReadMetrics,
  readScalars,
  readStats,
  runDate,
  toMilliseconds,
  type KeyOf,
  type ReadMetrics,
  type Scale,
  statPaths,
  type StatPaths,
} from './read-metrics';

const FORMAT = { id: 'guidellm', label: 'GuideLLM benchmarks report' } as const;
const GENERATIVE = 'generative_benchmark';
/** A report of more rates than this is cut, with a warning. */
const MAX_BENCHMARKS = 1000;

const STATS = statPaths({
  mean: 'mean',
  median: 'median',
  std: 'std_dev',
  percentiles: 'percentiles.',
  p999: 'percentiles.p999',
});
const MEAN: StatPaths = [['mean', 'mean']];

/** Distributions: file key, metric key, scale to the dashboard's unit, note on its meaning. */
const DISTRIBUTIONS: readonly (readonly [string, KeyOf, Scale, string])[] = [
  ['time_to_first_token_ms', dashboardKey('ttft'), AS_WRITTEN, ''],
  ['inter_token_latency_ms', dashboardKey('itl'), AS_WRITTEN, ''],
  [
    'time_per_output_token_ms',
    extraKey('TPOT incl. first token', 'ms'),
    AS_WRITTEN,
    ' (includes the first token: not vLLM’s TPOT)',
  ],
  ['request_latency', dashboardKey('e2el'), toMilliseconds('s') ?? AS_WRITTEN, ''],
];
const RATES: readonly (readonly [string, string])[] = [
  ['requests_per_second', 'request_throughput'],
  ['output_tokens_per_second', 'output_throughput'],
  ['tokens_per_second', 'total_token_throughput'],
];

function isGenerative(value: unknown): boolean {
  return isJsonObject(value) && own(value, 'type_') === GENERATIVE;
}

function looksLike(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const benchmarks = own(value, 'benchmarks');
  return Array.isArray(benchmarks) && benchmarks.slice(0, 50).some(isGenerative);
}

/** The successful requests' summary of a metric, empty when there is none (`count: 0`). */
function successful(metrics: JsonRecord, key: string): JsonRecord {
  const summary = ownObject(ownObject(metrics, key) ?? {}, 'successful') ?? {};
  return numberOf(own(summary, 'count')) === 0 ? {} : summary;
}

function readMetrics(benchmark: JsonRecord): ReadMetrics {
  const into = newReadMetrics();
  const metrics = ownObject(benchmark, 'metrics') ?? {};
  for (const [key, keyOf, scale, note] of DISTRIBUTIONS) {
    const summary = successful(metrics, key);
    readStats(into, keyOf, summary, STATS, scale, `metrics.${key}.successful.`, note);
  }
  for (const [key, metricKey] of RATES) {
    const summary = successful(metrics, key);
    readStats(into, () => metricKey, summary, MEAN, AS_WRITTEN, `metrics.${key}.successful.`);
  }
  // v0.4+ keeps the totals in metrics, v0.3 beside them.
  const inMetrics = isJsonObject(own(metrics, 'request_totals'));
  readScalars(into, inMetrics ? metrics : benchmark, inMetrics ? 'metrics.' : '', [
    ['request_totals.successful', 'num_requests'],
    ['request_totals.errored', 'failed_requests'],
  ]);
  readScalars(into, benchmark, '', [['duration', 'elapsed_time']]);
  return into;
}

/** The strategy of a benchmark: under `config` (v0.4+) or `args` (v0.3). */
function strategyOf(benchmark: JsonRecord): JsonRecord {
  const config = ownObject(benchmark, 'config') ?? ownObject(benchmark, 'args') ?? {};
  return ownObject(config, 'strategy') ?? {};
}

/** Load by strategy: a rate for constant and poisson, a stream count for concurrent. */
function loadOfStrategy(strategy: JsonRecord): { qps: number | null; concurrency: number | null } {
  const type = textOf(own(strategy, 'type_'));
  if (type === 'synchronous') return { qps: Infinity, concurrency: 1 };
  if (type === 'concurrent') return loadOf(null, own(strategy, 'streams'));
  if (type === 'throughput') {
    return { qps: Infinity, concurrency: countOf(own(strategy, 'max_concurrency')) };
  }
  if (type === 'constant' || type === 'poisson') {
    return loadOf(own(strategy, 'rate'), own(strategy, 'max_concurrency'));
  }
  return { qps: null, concurrency: null };
}

/** The model: top `config.model` (v0.7+) or `args.model` (v0.4–0.6), else the v0.3 worker's. */
function modelOf(report: JsonRecord, benchmark: JsonRecord): string | null {
  for (const section of ['config', 'args']) {
    const model = textOf(own(ownObject(report, section) ?? {}, 'model'));
    if (model !== null) return model;
  }
  return textOf(own(ownObject(benchmark, 'worker') ?? {}, 'backend_model'));
}

function meanOf(metrics: JsonRecord, key: string): number | null {
  return meanLength(own(successful(metrics, key), 'mean'));
}

function stated(report: JsonRecord, benchmark: JsonRecord): StatedFacts {
  const load = loadOfStrategy(strategyOf(benchmark));
  const metrics = ownObject(benchmark, 'metrics') ?? {};
  return {
    ...NOTHING_STATED,
    model: modelOf(report, benchmark),
    ...load,
    inputLen: meanOf(metrics, 'prompt_token_count'),
    outputLen: meanOf(metrics, 'output_token_count'),
  };
}

/** The unix start time of a benchmark: `scheduler_metrics.start_time`, v0.3 `start_time`. */
function dateOf(benchmark: JsonRecord): string | null {
  const scheduler = ownObject(benchmark, 'scheduler_metrics') ?? {};
  return runDate(own(scheduler, 'start_time')) ?? runDate(own(benchmark, 'start_time'));
}

function read(value: unknown, context: RawContext): ParseOutcome {
  const list = isJsonObject(value) ? own(value, 'benchmarks') : null;
  if (!isJsonObject(value) || !Array.isArray(list)) {
    return parseFailure('not-results', 'This is no GuideLLM report.');
  }
  if (list.length > MAX_BENCHMARKS) {
    context.warnings.push(
      `The report holds ${list.length} benchmarks; the first ${MAX_BENCHMARKS} were read.`,
    );
  }
  const results: BenchmarkResult[] = [];
  const reads: ReadMetrics[] = [];
  let date: string | null = null;
  list.slice(0, MAX_BENCHMARKS).forEach((benchmark: unknown, index) => {
    if (!isJsonObject(benchmark) || !isGenerative(benchmark)) return;
    const metrics = readMetrics(benchmark);
    if (!hasCoreMetric(metrics)) {
      context.warnings.push(
        `Benchmark ${index + 1} holds no latency or throughput; it was skipped.`,
      );
      return;
    }
    date ??= dateOf(benchmark);
    const strategy = attributesOf(
      [['strategy', own(strategyOf(benchmark), 'type_')]],
      context.warnings,
    );
    results.push(
      engineResult('serving', stated(value, benchmark), metrics, context, false, strategy),
    );
    reads.push(metrics);
  });
  if (results.length === 0) {
    return parseFailure(
      'no-rows',
      'This is a GuideLLM report without any generative benchmark holding a latency or throughput.',
      'Expected benchmarks[].metrics.{requests_per_second, time_to_first_token_ms, …}.successful.',
    );
  }
  return engineOutcome(FORMAT, results, context, date, reads);
}

/** A GuideLLM report → one serving result per generative benchmark (rate); engine null. */
export const GUIDELLM_READER: EngineReader = { looksLike, read };
