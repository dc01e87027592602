/** Building the outcome every reader returns: results with their format, warnings and meta. */
import {
  parseFailure,
  type BenchmarkResult,
  type DetectedFormat,
  type ParseOutcome,
  type ResultsMeta,
} from '../results/result-model';
import type { RawContext } from './raw-result';
import { parsedOfColumns } from '../results/results-on-demand';
import type { ResultColumns } from '../results/result-columns';

/** The message and hint of a JSON value that is no results file of any kind we read. */
export const NOT_RESULTS_MESSAGE =
  'This JSON is not a benchmark results file this dashboard reads.';
export const NOT_RESULTS_HINT =
  'Expected one of: the benchmark page CI posts (benchmark_results.md) or its embedded JSON, ' +
  'benchmark_results.json, the JSON that vllm bench serve, latency or throughput writes ' +
  '(or benchmark_serving.py), JSON lines from --append-result, a .pytorch.json file; ' +
  "or another tool's: trtllm-bench --report_json, an AIPerf or GenAI-Perf profile export or " +
  "AIPerf's multi-run aggregate, GuideLLM benchmarks (.json or .yaml), an LLMPerf " +
  '_summary.json or _individual_responses.json, or an llm-d Benchmark Report v0.2 ' +
  '(.yaml or .json).';

export function notResults(): ParseOutcome {
  return parseFailure('not-results', NOT_RESULTS_MESSAGE, NOT_RESULTS_HINT);
}

/** A meta record with only the fields that have a value; null when none has. */
export function buildMeta(fields: {
  readonly date?: string | null;
  readonly vllmVersion?: string | null;
  readonly commands?: Readonly<Record<string, string>> | null;
  readonly platform?: Readonly<Record<string, string>> | null;
  readonly sources?: Readonly<Record<string, string>> | null;
}): ResultsMeta {
  const meta: {
    date?: string;
    vllmVersion?: string;
    commands?: Readonly<Record<string, string>>;
    platform?: Readonly<Record<string, string>>;
    sources?: Readonly<Record<string, string>>;
  } = {};
  if (fields.date !== null && fields.date !== undefined) meta.date = fields.date;
  if (fields.vllmVersion !== null && fields.vllmVersion !== undefined) {
    meta.vllmVersion = fields.vllmVersion;
  }
  if (fields.commands !== null && fields.commands !== undefined) meta.commands = fields.commands;
  if (fields.platform !== null && fields.platform !== undefined) meta.platform = fields.platform;
  if (fields.sources !== null && fields.sources !== undefined) meta.sources = fields.sources;
  return meta;
}

/** True when a meta record says nothing. */
export function isEmptyMeta(meta: ResultsMeta | undefined): boolean {
  return meta === undefined || Object.keys(meta).length === 0;
}

/**
 * Results → a success, or the typed `no-rows` error when a file of the right shape held none
 * that could be read (its warnings say why, and go into the hint).
 */
export function successOutcome(
  format: DetectedFormat,
  results: readonly BenchmarkResult[],
  warnings: readonly string[],
  meta?: ResultsMeta,
): ParseOutcome {
  if (results.length === 0) return noRows(format, warnings);
  return {
    ok: true,
    value: isEmptyMeta(meta)
      ? { format, results, warnings }
      : { format, results, warnings, meta: meta },
  };
}

function noRows(format: DetectedFormat, warnings: readonly string[]): ParseOutcome {
  const why = warnings.slice(0, 3).join(' ');
  return parseFailure(
    'no-rows',
    `This looks like ${format.label}, but it holds no result that could be read.`,
    why === '' ? undefined : why,
  );
}

/** `successOutcome` for results a reader wrote as columns: each made when it is asked for. */
export function columnsOutcome(
  format: DetectedFormat,
  columns: ResultColumns,
  warnings: readonly string[],
): ParseOutcome {
  if (columns.count === 0) return noRows(format, warnings);
  return { ok: true, value: parsedOfColumns({ format, warnings }, columns) };
}

/** One result read from a whole raw file → its outcome, the `.commands` file's commands as meta. */
export function rawFileOutcome(
  format: DetectedFormat,
  result: BenchmarkResult,
  context: RawContext,
): ParseOutcome {
  return successOutcome(
    format,
    [result],
    context.warnings,
    buildMeta({ commands: context.commands?.commands ?? null }),
  );
}
