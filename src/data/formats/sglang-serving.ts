/**
 * SGLang's `python -m sglang.bench_serving` results: one JSON object per run, appended to a
 * `.jsonl` file (often a rate sweep). The keys are vLLM's older serve keys with a few of SGLang's
 * own (`total_throughput`, `*_e2e_latency_ms`, `total_input`, a measured `concurrency`), so a run
 * is renamed into a serve record and read by the serve reader; the renames are kept as sources.
 */
import { isJsonObject } from './python-json';
import { parseFailure, type ParseOutcome } from '../results/result-model';
import { engineName } from '../engines';
import { NOTHING_STATED, type RawContext, type StatedFacts } from './raw-result';
import { looksLikeServeResult, readServeObjects, type ServeEntry } from './serve-json';
import { countOf, emptyRecord, own, ownObject, textOf, type JsonRecord } from './shared';
import { extraMetricKey } from '../metrics';

export const SGLANG_LINES_FORMAT = {
  id: 'sglang-bench-serving',
  label: 'SGLang bench_serving JSONL',
} as const;
export const SGLANG_JSON_FORMAT = {
  id: 'sglang-bench-serving',
  label: 'SGLang bench_serving JSON',
} as const;

/** SGLang's keys → the serve reader's, with the dashboard metric each becomes (for sources). */
const RENAMED: readonly (readonly [string, string, string])[] = [
  ['total_throughput', 'total_token_throughput', 'total_token_throughput'],
  ['total_input', 'total_input_tokens', 'total_input_tokens'],
  ['total_output', 'total_output_tokens', 'total_output_tokens'],
];
const E2E_KEY = /^(mean|median|std|p\d{1,3}(?:\.\d{1,6})?)_e2e_latency_ms$/;
/** Datasets whose requests have the `random_input_len` / `random_output_len` lengths. */
const RANDOM_DATASETS: ReadonlySet<string> = new Set(['random', 'random-ids']);

/** True for one SGLang bench_serving run: its decisive keys and a throughput or a count. */
export function looksLikeSglangRun(value: unknown): value is JsonRecord {
  return (
    isJsonObject(value) &&
    (Object.hasOwn(value, 'total_throughput') ||
      Object.hasOwn(value, 'mean_e2e_latency_ms') ||
      Object.hasOwn(value, 'median_e2e_latency_ms')) &&
    (Object.hasOwn(value, 'request_throughput') || Object.hasOwn(value, 'completed'))
  );
}

/** A whole JSON value of SGLang runs: one run, or a list of them. */
function looksLikeSglangValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.slice(0, 50).some(looksLikeSglangRun);
  return looksLikeSglangRun(value);
}

/**
 * The engine a run measured: a `framework` key (files mixing engines), else the client's
 * `backend` (`sglang`, `sglang-oai` → SGLang, `vllm-chat` → vLLM, `openai` → unknown).
 */
function engineOfRun(run: JsonRecord): string | null {
  const framework = textOf(own(run, 'framework'));
  const named = framework === null ? null : engineName(framework);
  if (named !== null) return named;
  const backend = textOf(own(run, 'backend'));
  return backend === null ? null : engineName(backend.replace(/-chat$/i, ''));
}

/** What a run's server info (the server's `/get_server_info`, its launch arguments) states. */
function statedByServerInfo(run: JsonRecord): StatedFacts {
  const info = ownObject(run, 'server_info');
  if (info === null) return { ...NOTHING_STATED, engine: engineOfRun(run) };
  return {
    ...NOTHING_STATED,
    model: textOf(own(info, 'model_path')) ?? textOf(own(info, 'served_model_name')),
    tp: countOf(own(info, 'tp_size')),
    pp: countOf(own(info, 'pp_size')),
    dp: countOf(own(info, 'dp_size')),
    engine: engineOfRun(run),
  };
}

/**
 * One SGLang run → a serve record: keys renamed (each rename noted in `sources`), the random
 * dataset's lengths dropped for other datasets (SGLang writes their defaults for every run), the
 * measured `concurrency` kept as an extra metric, never as the cap (`max_concurrency`).
 */
function asServeRecord(run: JsonRecord, sources: Record<string, string>): JsonRecord {
  const record = Object.create(null) as Record<string, unknown>;
  const dataset = textOf(own(run, 'dataset_name'));
  const randomLengths = dataset !== null && RANDOM_DATASETS.has(dataset.toLowerCase());
  for (const [key, value] of Object.entries(run)) {
    if (!randomLengths && (key === 'random_input_len' || key === 'random_output_len')) continue;
    const renamed = RENAMED.find(([from, to]) => from === key && !Object.hasOwn(run, to));
    const e2eStat = E2E_KEY.exec(key)?.[1];
    if (renamed !== undefined) {
      record[renamed[1]] = value;
      sources[renamed[2]] = key;
    } else if (e2eStat !== undefined) {
      record[`${e2eStat}_e2el_ms`] = value;
      sources[`e2el_${e2eStat}`] = key;
    } else {
      record[key] = value;
    }
  }
  if (Object.hasOwn(run, 'concurrency')) {
    sources[extraMetricKey('concurrency')] =
      'concurrency: Σ request latency ÷ duration (measured, not the max_concurrency cap)';
  }
  return record;
}

/** Serve entries with every SGLang run among them renamed into a serve record. */
export function withSglangRuns(
  entries: readonly ServeEntry[],
  sources: Record<string, string>,
): { readonly entries: ServeEntry[]; readonly runs: number } {
  let runs = 0;
  const translated = entries.map((entry): ServeEntry => {
    if (!('value' in entry) || !looksLikeSglangRun(entry.value)) return entry;
    runs += 1;
    return {
      where: entry.where,
      value: asServeRecord(entry.value, sources),
      stated: statedByServerInfo(entry.value),
      defaultEngine: null,
    };
  });
  return { entries: translated, runs };
}

/** SGLang entries (lines of a file, or items of a list) → results; never throws. */
export function readSglangEntries(
  entries: readonly ServeEntry[],
  context: RawContext,
  format: typeof SGLANG_LINES_FORMAT | typeof SGLANG_JSON_FORMAT,
): ParseOutcome {
  const sources = emptyRecord();
  const translated = withSglangRuns(entries, sources);
  const usable = translated.entries.some(
    (entry) => 'value' in entry && looksLikeServeResult(entry.value),
  );
  if (!usable) {
    return parseFailure(
      'no-rows',
      'This is an SGLang bench_serving file without any throughput or latency metric: no run has request_throughput with completed or duration.',
      'bench_serving writes them for every run it finishes; check that the file was saved completely.',
    );
  }
  return readServeObjects(translated.entries, context, format, sources);
}

/** The SGLang reader asked before vLLM's: a whole JSON value of one run or a list of runs. */
export const SGLANG_READER = {
  looksLike: looksLikeSglangValue,
  read: (value: unknown, context: RawContext): ParseOutcome =>
    readSglangEntries(
      Array.isArray(value)
        ? (value as readonly unknown[]).map((item, index) => ({
            where: `item ${index + 1}`,
            value: item,
          }))
        : [{ where: 'the result', value }],
      context,
      SGLANG_JSON_FORMAT,
    ),
};
