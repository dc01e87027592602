/**
 * perf-eval's files (ENGINES.md §9). A median record (`lib/aggregate_perf.py`) is a serve record
 * whose numbers are each the median over repetitions of that key alone, plus
 * `aggregation_method` and `aggregated_repetitions`. A dashboard row (`lib/ingest_perf.py`,
 * InferenceX's `process_result.py`) keeps the serve statistics in seconds without `_ms`, adds
 * per-GPU throughput (`tput_per_gpu` = total tok/s ÷ the GPU divisor) and interactivity
 * (`*_intvty` = 1000 ÷ TPOT ms), and names its load and identity (`conc`, `isl`, `osl`, `hw` or
 * `device`, `framework`, `precision`, `tp`, `ep`).
 */
import { isJsonObject } from './python-json';
import type { BenchmarkResult, ParseOutcome } from '../results/result-model';
import { engineName } from '../engines';
import { normalizeGpu } from '../gpu';
import { buildMeta, successOutcome } from './outcome';
import { finishRawResult, NOTHING_STATED, type RawContext } from './raw-result';
import { looksLikeServeResult, readServeObjects } from './serve-json';
import { readServeMetrics } from './serve-metrics';
import {
  attributeInterner,
  capText,
  countOf,
  emptyRecord,
  own,
  scalarText,
  textOf,
  type JsonRecord,
} from './shared';

const FORMAT = { id: 'perf-eval', label: 'perf-eval median JSON' } as const;
const ROWS_FORMAT = { id: 'perf-eval', label: 'perf-eval dashboard rows JSON' } as const;

/** A median record: a serve record with perf-eval's aggregation keys. */
function looksLikeMedianRecord(value: unknown): value is JsonRecord {
  return looksLikeServeResult(value) && Object.hasOwn(value, 'aggregation_method');
}

/** A dashboard row: per-GPU throughput beside the load it was measured at. */
function looksLikeRow(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    Object.hasOwn(value, 'tput_per_gpu') &&
    (Object.hasOwn(value, 'conc') || Object.hasOwn(value, 'isl') || Object.hasOwn(value, 'osl'))
  );
}

function looksLikePerfEval(value: unknown): boolean {
  if (Array.isArray(value)) return value.slice(0, 50).some(looksLikeRow);
  return looksLikeMedianRecord(value) || looksLikeRow(value);
}

/** A median record → its result, with a warning that its numbers need not come from one run. */
function readMedianRecord(record: JsonRecord, context: RawContext): ParseOutcome {
  const repetitions = countOf(own(record, 'aggregated_repetitions'));
  const statedMethod = textOf(own(record, 'aggregation_method'));
  const method = statedMethod ?? 'median';
  const over = repetitions === null ? 'repetitions' : `${repetitions} repetitions`;
  const copy = Object.create(null) as Record<string, unknown>;
  Object.assign(copy, record);
  // What the number is, not a measurement: an attribute, and nothing when there is no count.
  if (repetitions === null) delete copy.aggregated_repetitions;
  else copy.aggregated_repetitions = String(repetitions);
  if (statedMethod === null) delete copy.aggregation_method;
  context.warnings.push(
    `Each number is the ${capText(method, 'The aggregation method', context.warnings)} over ${over}, taken per key: a P99 and a throughput may come from different runs.`,
  );
  return readServeObjects([{ where: 'the result', value: copy }], context, FORMAT);
}

/** Row keys that are dimensions of the result, not metrics or attributes. */
const DIMENSION_KEYS: ReadonlySet<string> = new Set([
  'model',
  'framework',
  'hw',
  'device',
  'conc',
  'isl',
  'osl',
  'tp',
  'date',
]);

/** Per-GPU throughputs under readable names, with how the row's writer computed them. */
const PER_GPU: ReadonlyMap<string, readonly [string, string]> = new Map([
  ['tput_per_gpu', ['Total token throughput per GPU (tok/s/GPU)', 'total tok/s ÷ GPUs']],
  ['output_tput_per_gpu', ['Output throughput per GPU (tok/s/GPU)', 'output tok/s ÷ GPUs']],
  ['input_tput_per_gpu', ['Input throughput per GPU (tok/s/GPU)', 'input tok/s ÷ GPUs']],
]);
const INTERACTIVITY_KEY = /^(mean|median|p\d{1,3}(?:\.\d{1,6})?)_intvty$/;
const GPU_DIVISOR =
  'GPUs: perf-eval divides by its tp argument (TP × DP), InferenceX by TP × PP × PCP';

/** One dashboard row → a result: statistics in seconds read as ms, per-GPU values as extras. */
function readRow(
  row: JsonRecord,
  where: string,
  context: RawContext,
  sources: Record<string, string>,
  internAttributes: ReturnType<typeof attributeInterner>,
): BenchmarkResult {
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(row)) {
    const perGpu = PER_GPU.get(key);
    const stat = INTERACTIVITY_KEY.exec(key)?.[1];
    if (perGpu !== undefined) {
      copy[perGpu[0]] = value;
      sources[`x:${perGpu[0]}`] = `${key}: ${perGpu[1]} (${GPU_DIVISOR})`;
    } else if (stat !== undefined) {
      const name = `${stat.charAt(0).toUpperCase()}${stat.slice(1)} interactivity (tok/s/user)`;
      copy[name] = value;
      sources[`x:${name}`] = `${key}: 1000 ÷ ${stat}_tpot_ms`;
    } else if (key !== 'std_intvty') {
      // std_intvty is 1000 ÷ std TPOT: no spread of anything. Numbers are metrics, the rest text.
      const kept = typeof value === 'number' ? value : scalarText(value);
      if (kept !== null || value === null) copy[key] = kept;
    }
  }
  for (const key of ['ep', 'pp', 'dp', 'pcp']) {
    if (Object.hasOwn(row, key)) copy[key] = scalarText(own(row, key));
  }
  const { metrics, textExtras } = readServeMetrics(
    copy,
    DIMENSION_KEYS,
    where,
    context.warnings,
    sources,
  );
  const framework = textOf(own(row, 'framework'));
  const isl = countOf(own(row, 'isl'));
  const osl = countOf(own(row, 'osl'));
  const date = textOf(own(row, 'date'));
  const stated = {
    ...NOTHING_STATED,
    model: textOf(own(row, 'model')),
    tp: countOf(own(row, 'tp')),
    concurrency: countOf(own(row, 'conc')),
    inputLen: isl,
    outputLen: osl,
    // Device tags are lower case (`h200`, `mi355x`): the dashboard names GPUs as vendors do.
    gpu: normalizeGpu((textOf(own(row, 'hw')) ?? textOf(own(row, 'device')))?.toUpperCase()),
    engine: framework === null ? null : engineName(framework),
  };
  const attributes: [string, string][] = [];
  if (date !== null) attributes.push(['date', capText(date, `${where}: "date"`, context.warnings)]);
  attributes.push(...textExtras);
  const result = finishRawResult(
    'serving',
    stated,
    metrics,
    internAttributes(attributes),
    context,
    false,
  );
  // Rows of one load differ by their sequence lengths and precision: the name says them.
  const parts = [
    result.testName,
    ...(isl === null || osl === null ? [] : [`isl_${isl}`, `osl_${osl}`]),
    ...[textOf(own(row, 'precision'))].filter((text) => text !== null),
  ];
  return { ...result, testName: context.intern(capText(parts.join('_'), 'A test name', [])) };
}

function readRows(value: unknown, context: RawContext): ParseOutcome {
  const items: readonly unknown[] = Array.isArray(value) ? (value as readonly unknown[]) : [value];
  const sources = emptyRecord();
  const internAttributes = attributeInterner();
  const results: BenchmarkResult[] = [];
  items.forEach((item, index) => {
    const where = Array.isArray(value) ? `row ${index + 1}` : 'the row';
    if (!looksLikeRow(item)) {
      context.warnings.push(`Skipped ${where}: it is not a dashboard row (no tput_per_gpu).`);
      return;
    }
    results.push(readRow(item, where, context, sources, internAttributes));
  });
  const first = items.find(looksLikeRow);
  const date = first === undefined ? null : textOf(own(first, 'date'));
  return successOutcome(
    ROWS_FORMAT,
    results,
    context.warnings,
    buildMeta({
      date: date === null ? null : capText(date.replace(' ', 'T'), 'A date', context.warnings),
      // Every row has tput_per_gpu, whose formula is always a source.
      sources,
    }),
  );
}

/** perf-eval's reader: median records and dashboard rows (one, or a list). */
export const PERF_EVAL_READER = {
  looksLike: looksLikePerfEval,
  read: (value: unknown, context: RawContext): ParseOutcome =>
    looksLikeMedianRecord(value) ? readMedianRecord(value, context) : readRows(value, context),
};
