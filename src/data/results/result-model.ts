/**
 * The one normalized model every results format is read into. Parsers produce it; the store,
 * tables and charts consume it. Nothing here knows where a result came from.
 */

import type { DatasetAssumptions } from './assumptions';
import type { ResultColumns } from './result-columns';

export type Suite = 'latency' | 'throughput' | 'serving';

export const SUITES: readonly Suite[] = ['latency', 'throughput', 'serving'];
/** A suite's code where results are columns: its index in SUITES. */
export const SUITE_CODES: Readonly<Record<Suite, number>> = {
  latency: 0,
  throughput: 1,
  serving: 2,
};

/** A GPU as a type and a count: `8×H100` is `{ type: 'H100', count: 8 }`; count is null when unknown. */
export interface GpuSpec {
  readonly type: string;
  readonly count: number | null;
}

/**
 * Metric values keyed by metric key (see metrics.ts). `null` means the file had the column but no
 * value (NaN, empty cell): shown as missing, never as 0.
 */
export type MetricValues = Readonly<Record<string, number | null>>;

/** One benchmark test's outcome on one machine. */
export interface BenchmarkResult {
  readonly suite: Suite;
  /** The test name as written in the file (e.g. `serving_llama8B_tp1_sharegpt_qps_inf`). */
  readonly testName: string;
  /** The model token (`llama8B`) or model id, as written; '' when the file does not say. */
  readonly model: string;
  readonly tp: number | null;
  readonly pp: number | null;
  /** Data-parallel replicas of the engine (`--data-parallel-size`); null when not stated. */
  readonly dp: number | null;
  readonly gpu: GpuSpec | null;
  /** Prompt dataset of a serving test (`sharegpt`, `random`, …). */
  readonly dataset: string | null;
  /** Test variant such as `specdecode`. */
  readonly variant: string | null;
  /** Offered request rate; `Infinity` means all requests sent at once (`inf`). */
  readonly qps: number | null;
  readonly concurrency: number | null;
  readonly inputLen: number | null;
  readonly outputLen: number | null;
  /**
   * The serving engine measured (`vLLM`, `SGLang`, `TensorRT-LLM`, see engines.ts); null when
   * the file does not say (a client such as AIPerf or LLMPerf measures whatever it is pointed at).
   */
  readonly engine: string | null;
  readonly metrics: MetricValues;
  /** Text columns the dashboard does not interpret (e.g. `dtype`), kept as written. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * A result as a plain object of its own fields, with `changes` over them. A result made from
 * columns reads its fields through getters, which a spread (`{ ...result }`) does not copy: a
 * changed copy of any result is made here.
 */
export function plainResult(
  result: BenchmarkResult,
  changes: Partial<BenchmarkResult> = {},
): BenchmarkResult {
  return {
    suite: result.suite,
    testName: result.testName,
    model: result.model,
    tp: result.tp,
    pp: result.pp,
    dp: result.dp,
    gpu: result.gpu,
    dataset: result.dataset,
    variant: result.variant,
    qps: result.qps,
    concurrency: result.concurrency,
    inputLen: result.inputLen,
    outputLen: result.outputLen,
    engine: result.engine,
    metrics: result.metrics,
    attributes: result.attributes,
    ...changes,
  };
}

/** How a file was read, shown beside every dataset (e.g. "vLLM markdown V4 · embedded JSON"). */
export interface DetectedFormat {
  readonly id: FormatId;
  readonly label: string;
}

export type FormatId =
  | 'vllm-embedded-json'
  | 'vllm-markdown'
  | 'vllm-records-json'
  | 'vllm-serve-json'
  | 'vllm-serve-json-lines'
  | 'vllm-latency-json'
  | 'vllm-throughput-json'
  | 'vllm-sweep-json'
  | 'pytorch-benchmark-json'
  | 'sglang-bench-serving'
  | 'trtllm-bench'
  | 'aiperf'
  | 'aiperf-aggregate'
  | 'genai-perf'
  | 'guidellm'
  | 'llmperf'
  | 'llmperf-requests'
  | 'llm-d-report'
  | 'perf-eval';

/** What a file says about the run as a whole, beside its results. Every field is optional. */
export interface ResultsMeta {
  /** When the run was made, ISO 8601 without a zone (the benchmark wrote local time). */
  readonly date?: string;
  /** Where the date was read when not in the file's content: its name, or a folder's. */
  readonly dateFrom?: 'file name' | 'folder name';
  /** The vLLM commit the file's path names (a folder or file named after a hash). */
  readonly commit?: string;
  /** The vLLM version the file names (`--metadata version=…`). */
  readonly vllmVersion?: string;
  /** Recorded commands by name (`server_command`, `client_command`, `latency_command`, …). */
  readonly commands?: Readonly<Record<string, string>>;
  /** The machine as the markdown page's Platform Information table describes it. */
  readonly platform?: Readonly<Record<string, string>>;
  /**
   * Where each metric was read, by metric key, for files whose keys or units are not the
   * dashboard's: the source key and any conversion (`results_ttft_s_mean × 1000 (s → ms)`) or
   * the formula of a derived value (`(total_isl + total_osl) ÷ benchmark_duration`).
   */
  readonly sources?: Readonly<Record<string, string>>;
}

/** What a parser returns when it understood the input. */
export interface ParsedResults {
  readonly format: DetectedFormat;
  readonly results: readonly BenchmarkResult[];
  /**
   * The same results, each made when first asked for, when the reader wrote them as columns (see
   * `parsedOfColumns`): a file of 100,000 results becomes a dataset of columns without an object
   * per row. Not enumerable, as a dataset's.
   */
  readonly onDemand?: RowsOfColumns;
  /** Things the reader should know: skipped rows with their position, disagreements, fallbacks. */
  readonly warnings: readonly string[];
  /** What the file says about the run as a whole; absent when it says nothing. */
  readonly meta?: ResultsMeta;
}

export type ParseErrorKind = 'empty' | 'binary' | 'invalid-json' | 'not-results' | 'no-rows';

/** Why an input was refused, in words a person can act on. */
export interface ParseError {
  readonly kind: ParseErrorKind;
  readonly message: string;
  readonly hint?: string;
}

export type ParseOutcome =
  | { readonly ok: true; readonly value: ParsedResults }
  | { readonly ok: false; readonly error: ParseError };

export function parseFailure(kind: ParseErrorKind, message: string, hint?: string): ParseOutcome {
  return { ok: false, error: hint === undefined ? { kind, message } : { kind, message, hint } };
}

export type DatasetSourceKind = 'bundled' | 'file' | 'paste';

/** Results by position, each one made when it is asked for (an array is one too). */
export interface ResultList {
  readonly length: number;
  /** The result at `position`, from 0 to length − 1. */
  at(position: number): BenchmarkResult | undefined;
}

/** Results by position that can also be read in passing, row after row. */
export interface PeekableResults extends ResultList {
  /**
   * The result at `position` to read and let go: the one `at` gives if made, else a new view
   * not kept, so a pass that reads a field of every row leaves no object per row behind.
   */
  peek(position: number): BenchmarkResult | undefined;
}

/** The rows of one set of columns as read, by position, each made when it is asked for. */
export interface RowsOfColumns extends PeekableResults {
  readonly columns: ResultColumns;
}

/** A loaded set of results: one nightly run, one dropped file. */
export interface Dataset {
  /** Stable id derived from the content, so the same content is recognized when it comes again. */
  readonly id: string;
  readonly label: string;
  readonly source: { readonly kind: DatasetSourceKind; readonly name: string };
  readonly format: DetectedFormat;
  readonly results: readonly BenchmarkResult[];
  /**
   * The same results, each made when first asked for, when the dataset came as columns and its
   * results are their rows as read (see `datasetOfColumns`). Not enumerable: a copy made by
   * spreading has `results` made in full and no `onDemand`, so it cannot go stale.
   */
  readonly onDemand?: RowsOfColumns;
  /**
   * The same results as columns, row for row, when the dataset came as columns (from the parsing
   * worker or from storage): what charts and sorts read, and what storage writes.
   */
  readonly columns?: ResultColumns;
  readonly warnings: readonly string[];
  /** What the file says about the run: date, vLLM version, commands, platform. */
  readonly meta?: ResultsMeta;
  /**
   * What the user said the file does not (engine, GPU), applied to `results` where the file
   * states nothing; `columns` stay as read. See assumptions.ts.
   */
  readonly assumed?: DatasetAssumptions;
}

/** What holds results: a dataset, or a file's parsed results (`results`, maybe `onDemand`). */
export type ResultsHolder = Pick<Dataset, 'results' | 'onDemand' | 'columns'>;

/**
 * A dataset's columns when they are its rows one for one (as read), else null: what every pass
 * that reads columns instead of rows checks first.
 */
export function datasetColumns(dataset: ResultsHolder): ResultColumns | null {
  const columns = dataset.columns ?? dataset.onDemand?.columns;
  return columns !== undefined && columns.count === resultCount(dataset) ? columns : null;
}

/**
 * Which results a dataset has, as something to compare and to remember work by: the same for
 * two datasets with the same results. It does not make the results of a dataset of columns.
 */
export function resultsOf(dataset: ResultsHolder): ResultList {
  return dataset.onDemand ?? dataset.results;
}

/** How many results a dataset has (without making them). */
export function resultCount(dataset: ResultsHolder): number {
  return resultsOf(dataset).length;
}

/** A dataset's result at `row`, 0 to its count − 1 (only that one made). */
export function resultAt(dataset: Dataset, row: number): BenchmarkResult | undefined {
  return resultsOf(dataset).at(row);
}

/** A dataset's result at `row`, 0 to its count − 1, to read and let go (see `PeekableResults`). */
export function peekAt(dataset: ResultsHolder, row: number): BenchmarkResult | undefined {
  return dataset.onDemand === undefined ? dataset.results[row] : dataset.onDemand.peek(row);
}
