/**
 * The PyTorch OSS benchmark format (`*.pytorch.json`, written when SAVE_TO_PYTORCH_BENCHMARK_FORMAT
 * is set): a list of one record per metric,
 * `{"benchmark": {"name", "extra_info": {"args": {...}}}, "model": {"name"},
 *   "metric": {"name", "benchmark_values": [...], "extra_info": {...}}}`, infinities as `"inf"`.
 * The records of one run share their args; each run becomes one result, read by the reader of
 * the tool that wrote it (serve, latency or throughput).
 */
import { isJsonObject } from './python-json';
import type { BenchmarkResult, ParseOutcome, Suite } from '../results/result-model';
import { readLatencyObject } from './latency-json';
import { buildMeta, successOutcome } from './outcome';
import { NOTHING_STATED, type RawContext, type StatedFacts } from './raw-result';
import { readServeObject } from './serve-json';
import {
  attributeInterner,
  countOf,
  numberOf,
  own,
  ownObject,
  textOf,
  type JsonRecord,
} from './shared';
import { readThroughputObject } from './throughput-json';

/** How many leading list items are looked at to recognize the format. */
const SNIFF = 20;

function isPytorchRecord(value: unknown): value is JsonRecord {
  if (!isJsonObject(value)) return false;
  const metric = ownObject(value, 'metric');
  return (
    ownObject(value, 'benchmark') !== null &&
    metric !== null &&
    typeof own(metric, 'name') === 'string'
  );
}

/** True for a JSON list whose leading items are PyTorch benchmark records. */
export function looksLikePytorchList(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.slice(0, SNIFF).some(isPytorchRecord);
}

function suiteOfMetric(name: string): Suite {
  if (name === 'latency') return 'latency';
  if (name === 'requests_per_second' || name === 'tokens_per_second') return 'throughput';
  return 'serving';
}

interface Run {
  readonly suite: Suite;
  readonly where: string;
  readonly args: JsonRecord;
  readonly modelName: string | null;
  /** The metric records' extra_info merged (a serve run repeats its whole result there). */
  readonly values: Map<string, unknown>;
}

/** What the recorded CLI args state about the test. */
function statedByArgs(run: Run): StatedFacts {
  const args = run.args;
  const qps = numberOf(own(args, 'request_rate'));
  const random = textOf(own(args, 'dataset_name')) === 'random';
  return {
    ...NOTHING_STATED,
    model: run.modelName ?? textOf(own(args, 'model')),
    tp: countOf(own(args, 'tensor_parallel_size')),
    pp: countOf(own(args, 'pipeline_parallel_size')),
    dp: countOf(own(args, 'data_parallel_size')),
    dataset: run.suite === 'latency' ? null : textOf(own(args, 'dataset_name')),
    qps: run.suite === 'serving' && qps !== null && qps > 0 ? qps : null,
    concurrency: run.suite === 'serving' ? countOf(own(args, 'max_concurrency')) : null,
    // `random_*_len` have defaults whatever the dataset: they only count for the random one.
    inputLen:
      countOf(own(args, 'input_len')) ?? (random ? countOf(own(args, 'random_input_len')) : null),
    outputLen:
      countOf(own(args, 'output_len')) ?? (random ? countOf(own(args, 'random_output_len')) : null),
  };
}

/** The key that tells runs apart: records of one run share their suite and args. */
function runKey(
  suite: Suite,
  args: JsonRecord,
  modelName: string | null,
  extra: JsonRecord | null,
): string {
  const scalar = (record: JsonRecord | null, key: string): string => {
    const value = record === null ? undefined : own(record, key);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  return JSON.stringify([
    suite,
    modelName ?? scalar(args, 'model'),
    scalar(args, 'tensor_parallel_size'),
    scalar(args, 'request_rate'),
    scalar(args, 'max_concurrency'),
    scalar(args, 'dataset_name'),
    scalar(args, 'input_len'),
    scalar(args, 'output_len'),
    scalar(args, 'random_input_len'),
    scalar(args, 'random_output_len'),
    scalar(args, 'batch_size'),
    scalar(args, 'num_prompts'),
    scalar(extra, 'date'),
  ]);
}

/** A PyTorch benchmark list → results, one per run. */
export function parsePytorchList(list: readonly unknown[], context: RawContext): ParseOutcome {
  const runs = new Map<string, Run>();
  list.forEach((item, index) => {
    const where = `record ${index + 1}`;
    if (!isPytorchRecord(item)) {
      context.warnings.push(`Skipped ${where}: it is not a PyTorch benchmark record.`);
      return;
    }
    const metric = ownObject(item, 'metric') ?? {};
    const name = textOf(own(metric, 'name'));
    const values = own(metric, 'benchmark_values');
    if (name === null || !Array.isArray(values)) {
      context.warnings.push(`Skipped ${where}: its metric has no name or no values.`);
      return;
    }
    const suite = suiteOfMetric(name);
    const args =
      ownObject(ownObject(ownObject(item, 'benchmark') ?? {}, 'extra_info') ?? {}, 'args') ?? {};
    const modelName = textOf(own(ownObject(item, 'model') ?? {}, 'name'));
    const extra = ownObject(metric, 'extra_info');
    const key = runKey(suite, args, modelName, extra);
    let run = runs.get(key);
    if (run === undefined) {
      run = { suite, where, args, modelName, values: new Map() };
      runs.set(key, run);
    }
    if (extra !== null) {
      for (const [field, value] of Object.entries(extra)) {
        if (!run.values.has(field)) run.values.set(field, value);
      }
    }
    // A serve metric holds one value; latency holds every iteration's latency.
    run.values.set(name, suite === 'latency' ? values : values[0]);
  });

  const internAttributes = attributeInterner();
  const results: BenchmarkResult[] = [];
  let date: string | null = null;
  const useFileName = runs.size === 1;
  for (const run of runs.values()) {
    // A record built from the run's values, in the shape the tool's own JSON has.
    const object = Object.create(null) as Record<string, unknown>;
    for (const [field, value] of run.values) object[field] = value;
    const stated = statedByArgs(run);
    if (run.suite === 'latency') {
      if (!Object.hasOwn(object, 'latencies')) object.latencies = object.latency;
      results.push(
        readLatencyObject(
          object,
          { ...context, fileName: useFileName ? context.fileName : null },
          stated,
        ),
      );
    } else if (run.suite === 'throughput') {
      results.push(
        readThroughputObject(
          object,
          { ...context, fileName: useFileName ? context.fileName : null },
          stated,
        ),
      );
    } else {
      const readout = readServeObject(object, context, {
        useFileName,
        where: run.where,
        stated,
        internAttributes,
      });
      results.push(readout.result);
      if (readout.date !== null && (date === null || readout.date < date)) date = readout.date;
    }
  }
  return successOutcome(
    { id: 'pytorch-benchmark-json', label: 'PyTorch benchmark JSON' },
    results,
    context.warnings,
    buildMeta({ date, commands: context.commands?.commands ?? null }),
  );
}
