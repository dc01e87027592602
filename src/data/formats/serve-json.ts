/**
 * `vllm bench serve --save-result` output (older: `benchmarks/benchmark_serving.py`):
 * one JSON object of header keys (`date`, `backend`, `model_id`, `request_rate`, every
 * `--metadata KEY=VALUE` pair, …) and results (`duration`, `completed`, `request_throughput`,
 * `mean_ttft_ms`, `p99_itl_ms`, …), plus per-request arrays that are not kept.
 */
import { isJsonObject } from './python-json';
import type {
  BenchmarkResult,
  DetectedFormat,
  ParseOutcome,
  ResultsMeta,
} from '../results/result-model';
import {
  commandFacts,
  finishRawResult,
  mergeStated,
  NOTHING_STATED,
  type RawContext,
  type StatedFacts,
} from './raw-result';
import { buildMeta, successOutcome } from './outcome';
import {
  attributeInterner,
  capText,
  countOf,
  emptyRecord,
  numberOf,
  own,
  pythonDateToIso,
  scalarText,
  textOf,
  type JsonRecord,
} from './shared';
import { normalizeGpu } from '../gpu';
import { engineName } from '../engines';
import { e2elSwapped, noneCompleted } from './serve-repairs';
import { SCALAR_KEYS, isResultKey, readServeMetrics } from './serve-metrics';

/** True for a JSON object with the shape of one serve result. */
export function looksLikeServeResult(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    Object.hasOwn(value, 'request_throughput') &&
    (Object.hasOwn(value, 'completed') || Object.hasOwn(value, 'duration'))
  );
}

/** Header keys shown as attributes, in this order, when present. */
const ATTRIBUTE_KEYS = [
  'backend',
  'endpoint_type',
  'label',
  'tokenizer_id',
  'num_prompts',
  'best_of',
  'use_beam_search',
  'burstiness',
  'ramp_up_strategy',
  'ramp_up_start_rps',
  'ramp_up_end_rps',
];

/** Keys read into dimensions or meta, so not kept again as attributes or extras. */
const CONSUMED_KEYS: ReadonlySet<string> = new Set([
  ...ATTRIBUTE_KEYS,
  ...SCALAR_KEYS.map(([key]) => key),
  'request_goodput:',
  'date',
  'model_id',
  'request_rate',
  'max_concurrency',
  'tensor_parallel_size',
  'tp',
  'pipeline_parallel_size',
  'pp',
  'data_parallel_size',
  'dp',
  'version',
  'vllm_version',
  'dataset_name',
  'input_len',
  'output_len',
  'random_input_len',
  'random_output_len',
  'gpu_type',
  'gpu',
]);

/** True for a key vLLM's serving benchmark writes (a header, a result), not one added to it. */
export function isServeKey(key: string): boolean {
  return CONSUMED_KEYS.has(key) || isResultKey(key);
}

/** What the header of a serve object states about its test. */
function statedByHeader(object: JsonRecord): StatedFacts {
  const qps = numberOf(own(object, 'request_rate'));
  const gpuText = textOf(own(object, 'gpu_type')) ?? textOf(own(object, 'gpu'));
  return {
    model: textOf(own(object, 'model_id')),
    tp: countOf(own(object, 'tensor_parallel_size')) ?? countOf(own(object, 'tp')),
    pp: countOf(own(object, 'pipeline_parallel_size')) ?? countOf(own(object, 'pp')),
    dp: countOf(own(object, 'data_parallel_size')) ?? countOf(own(object, 'dp')),
    dataset: textOf(own(object, 'dataset_name')),
    qps: qps !== null && qps > 0 ? qps : null,
    concurrency: countOf(own(object, 'max_concurrency')),
    inputLen: countOf(own(object, 'random_input_len')) ?? countOf(own(object, 'input_len')),
    outputLen: countOf(own(object, 'random_output_len')) ?? countOf(own(object, 'output_len')),
    gpu: gpuText === null || gpuText.length > 8192 ? null : normalizeGpu(gpuText),
    engine: engineOfHeader(object),
  };
}

/**
 * The engine a serve object names: a `framework` key (files that hold runs of several engines),
 * else the `backend` the client spoke when it names an engine (`vllm`, `sglang`, `tgi`, …; not
 * `openai`, a protocol any engine serves).
 */
function engineOfHeader(object: JsonRecord): string | null {
  for (const key of ['framework', 'backend']) {
    const hint = textOf(own(object, key));
    const engine = hint === null ? null : engineName(hint);
    if (engine !== null) return engine;
  }
  return null;
}

/** What the default file name (`openai-4.0qps-concurrency8-Llama-3.1-8B-Instruct-<date>.json`) states. */
function statedByFileName(context: RawContext): StatedFacts {
  const serve = context.fileName?.serve ?? null;
  if (serve === null) return NOTHING_STATED;
  return {
    ...NOTHING_STATED,
    model: serve.model === '' ? null : serve.model,
    qps: serve.qps,
    concurrency: serve.concurrency,
  };
}

interface ServeReadout {
  readonly result: BenchmarkResult;
  readonly date: string | null;
  readonly vllmVersion: string | null;
}

/** Reads one serve object into a result; warnings go to the context. */
export function readServeObject(
  object: JsonRecord,
  context: RawContext,
  options: {
    readonly useFileName: boolean;
    readonly where: string;
    readonly stated?: StatedFacts;
    /** The engine when the file names none (vLLM's tools measure vLLM; other clients, unknown). */
    readonly defaultEngine?: string | null;
    /** Appended to the test name: what tells this run from others of the same test (a sweep's). */
    readonly nameSuffix?: string;
    readonly internAttributes: ReturnType<typeof attributeInterner>;
    /** Where metrics were read when not under the dashboard's own keys, by metric key. */
    readonly sources?: Record<string, string>;
  },
): ServeReadout {
  const { warnings } = context;
  const { metrics, textExtras } = readServeMetrics(
    object,
    CONSUMED_KEYS,
    options.where,
    warnings,
    options.sources ?? emptyRecord(),
  );

  // The default file name ends with the same date, for a file whose header lost it.
  const date =
    pythonDateToIso(own(object, 'date')) ??
    (options.useFileName ? (context.fileName?.serve?.date ?? null) : null);
  const stated = mergeStated(
    options.stated ?? NOTHING_STATED,
    statedByHeader(object),
    commandFacts(context),
    statedByFileName(context),
  );

  const attributeEntries: [string, string][] = [];
  if (date !== null) attributeEntries.push(['date', date]);
  for (const key of ATTRIBUTE_KEYS) {
    const text = scalarText(own(object, key));
    if (text !== null)
      attributeEntries.push([key, capText(text, `${options.where}: "${key}"`, warnings)]);
  }
  const dtype = context.commands?.facts.dtype ?? null;
  if (dtype !== null && !textExtras.some(([name]) => name === 'dtype')) {
    attributeEntries.push(['dtype', dtype]);
  }
  attributeEntries.push(...textExtras);

  const finished = finishRawResult(
    'serving',
    stated,
    metrics,
    options.internAttributes(attributeEntries),
    context,
    options.useFileName,
  );
  const engine =
    stated.engine === null && options.defaultEngine !== undefined
      ? options.defaultEngine
      : finished.engine;
  const suffix = options.nameSuffix ?? '';
  const testName =
    suffix === ''
      ? finished.testName
      : context.intern(capText(`${finished.testName}_${suffix}`, 'A test name', warnings));
  const result =
    engine === finished.engine && testName === finished.testName
      ? finished
      : { ...finished, engine, testName };

  if (e2elSwapped(object) && 'e2el_mean' in metrics && 'e2el_median' in metrics) {
    const swappedMean = metrics.e2el_mean ?? null;
    metrics.e2el_mean = metrics.e2el_median ?? null;
    metrics.e2el_median = swappedMean;
    warnings.push(
      `${result.testName}: mean and median E2E latency were swapped in this file (a bug of vLLM’s serving benchmark in late 2024); they were put back.`,
    );
  }

  if (metrics.num_requests === 0) noneCompleted(metrics, result.testName, warnings);

  const version = textOf(own(object, 'vllm_version')) ?? textOf(own(object, 'version'));
  return {
    result,
    date,
    vllmVersion: version === null ? null : capText(version, 'The vLLM version', warnings),
  };
}

/** One entry of a file of serve objects: a parsed value, or why its line could not be parsed. */
export type ServeEntry =
  | {
      readonly where: string;
      readonly value: unknown;
      /** What another part of the record states (an SGLang run's server info), winning. */
      readonly stated?: StatedFacts;
      readonly defaultEngine?: string | null;
      readonly nameSuffix?: string;
    }
  | { readonly where: string; readonly problem: string };

/** Why an entry is a warm-up left out of the results, or null when it is a measured run. */
function warmUpOf(value: unknown): string | null {
  if (!isJsonObject(value)) return null;
  if (textOf(own(value, 'type'))?.toLowerCase() === 'warmup') return '"type": "warmup"';
  return numberOf(own(value, 'run_number')) === -1 ? '"run_number": -1' : null;
}

/** Several serve objects (one file) → an outcome, each entry with its position for warnings. */
export function readServeObjects(
  entries: readonly ServeEntry[],
  context: RawContext,
  format: DetectedFormat,
  sources: Readonly<Record<string, string>> | null = null,
): ParseOutcome {
  const internAttributes = attributeInterner();
  const collected = emptyRecord();
  if (sources !== null) Object.assign(collected, sources);
  const results: BenchmarkResult[] = [];
  let date: string | null = null;
  let vllmVersion: string | null = null;
  // CI's file name names the result when the file holds one.
  const useFileName =
    entries.filter(
      (entry) =>
        'value' in entry && looksLikeServeResult(entry.value) && warmUpOf(entry.value) === null,
    ).length === 1;
  for (const entry of entries) {
    if ('problem' in entry) {
      context.warnings.push(`Skipped ${entry.where}: ${entry.problem}.`);
      continue;
    }
    const warmUp = warmUpOf(entry.value);
    if (warmUp !== null) {
      context.warnings.push(
        `Left out ${entry.where}: a warm-up record (${warmUp}), not a measured run.`,
      );
      continue;
    }
    if (!looksLikeServeResult(entry.value)) {
      context.warnings.push(`Skipped ${entry.where}: it is not a vllm bench serve result.`);
      continue;
    }
    const readout = readServeObject(entry.value, context, {
      useFileName,
      where: entry.where,
      internAttributes,
      sources: collected,
      ...(entry.stated === undefined ? {} : { stated: entry.stated }),
      ...(entry.defaultEngine === undefined ? {} : { defaultEngine: entry.defaultEngine }),
      ...(entry.nameSuffix === undefined ? {} : { nameSuffix: entry.nameSuffix }),
    });
    results.push(readout.result);
    if (readout.date !== null && (date === null || readout.date < date)) date = readout.date;
    vllmVersion ??= readout.vllmVersion;
  }
  const meta: ResultsMeta = buildMeta({
    date,
    vllmVersion,
    commands: context.commands?.commands ?? null,
    sources: Object.keys(collected).length === 0 ? null : collected,
  });
  return successOutcome(format, results, context.warnings, meta);
}
