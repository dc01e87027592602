/**
 * `vllm bench sweep serve` results: each run's `run=N.json` is a serve record plus `run_number`
 * and the sweep's parameters (`max_num_seqs`, `_benchmark_name`, …, snake- or kebab-case);
 * `summary.json` is a JSON list of a combination's runs; `warmup.json` has `run_number: -1` and
 * is left out. Parameters become attributes; the test name says the parameters that differ
 * between the file's runs and the run number, so repeated runs stay apart.
 */
import { isJsonObject } from './python-json';
import type { ParseOutcome } from '../results/result-model';
import type { RawContext } from './raw-result';
import { isServeKey, looksLikeServeResult, readServeObjects, type ServeEntry } from './serve-json';
import { numberOf, own, scalarText, type JsonRecord } from './shared';

export const SWEEP_FORMAT = { id: 'vllm-sweep-json', label: 'vllm bench sweep JSON' } as const;

/** True for one run of a sweep: a serve record with its run number. */
function looksLikeSweepRun(value: unknown): value is JsonRecord {
  return looksLikeServeResult(value) && Object.hasOwn(value, 'run_number');
}

function looksLikeSweepValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.slice(0, 50).some(looksLikeSweepRun);
  return looksLikeSweepRun(value);
}

/**
 * The sweep's own parameters of a run, by key, as text: keys the serving benchmark does not
 * write. A kebab-case parameter that names a serve key (`max-concurrency`) was read as that key.
 */
function parametersOf(run: JsonRecord): Map<string, string> {
  const parameters = new Map<string, string>();
  for (const [key, value] of Object.entries(run)) {
    if (key === 'run_number' || isServeKey(key) || isServeKey(key.replaceAll('-', '_'))) continue;
    // A parameter is a scalar: a list or an object has no text.
    const text = scalarText(value);
    if (text !== null) parameters.set(key, text);
  }
  return parameters;
}

/** A name part of a parameter: `max_num_seqs_256`, or the benchmark's name alone. */
function namePart(key: string, value: string): string {
  return key === '_benchmark_name' ? value : `${key}_${value}`;
}

/** The sweep's runs → results, each named by the parameters that differ and its run number. */
function readSweep(value: unknown, context: RawContext): ParseOutcome {
  const items: readonly unknown[] = Array.isArray(value) ? (value as readonly unknown[]) : [value];
  const parameters = items.map((item) => (isJsonObject(item) ? parametersOf(item) : null));
  // Only runs say which parameters differ: an entry that is not one is skipped, not compared.
  const runs = parameters.filter((byKey) => byKey !== null);
  const keys = new Set(runs.flatMap((byKey) => [...byKey.keys()]));
  const differing = [...keys].filter(
    (key) => new Set(runs.map((byKey) => byKey.get(key))).size > 1,
  );

  const entries = items.map((item, index): ServeEntry => {
    const where = Array.isArray(value) ? `run ${index + 1} of the list` : 'the run';
    if (!isJsonObject(item)) return { where, value: item };
    const byKey = parameters[index] ?? new Map<string, string>();
    // Parameters as text: attributes of the run, not metrics.
    const record = Object.create(null) as Record<string, unknown>;
    for (const [key, field] of Object.entries(item)) record[key] = byKey.get(key) ?? field;
    const runNumber = numberOf(own(item, 'run_number'));
    if (runNumber !== null) record.run_number = String(runNumber);
    const parts = differing.flatMap((key) => {
      const text = byKey.get(key);
      return text === undefined ? [] : [namePart(key, text)];
    });
    if (runNumber !== null) parts.push(`run_${runNumber}`);
    return { where, value: record, nameSuffix: parts.join('_') };
  });
  return readServeObjects(entries, context, SWEEP_FORMAT);
}

/** The sweep reader, asked before vLLM's single-run serve reader. */
export const SWEEP_READER = { looksLike: looksLikeSweepValue, read: readSweep };
