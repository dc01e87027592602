/**
 * Ray LLMPerf's `{model}_{in}_{out}_individual_responses.json`, written beside its summary: a JSON
 * list of one record per request, `{error_code, error_msg, inter_token_latency_s, ttft_s,
 * end_to_end_latency_s, request_output_throughput_token_per_s, number_total_tokens,
 * number_output_tokens, number_input_tokens}`, times in seconds. A request failed when its
 * `error_code` is not null (an HTTP status, or -1 when no answer came), as LLMPerf's own summary
 * counts errors; failed requests are counted and left out of every statistic.
 *
 * Statistics are computed as from vLLM's per-request arrays (serve-arrays.ts): numpy's mean,
 * median, population std and linear-interpolation percentiles (LLMPerf's summary writes pandas'
 * sample std, so its std differs a little). Its inter-token latency is the summary reader's extra.
 *
 * No throughput: the file holds no start or end time of the run (LLMPerf timed the run itself and
 * wrote only the rates, into the summary), and requests overlap, so neither req/s nor tok/s can
 * be worked out from it honestly. The load (`num_concurrent_requests`) is only in the summary.
 */
import { parseFailure, type ParseOutcome } from '../../results/result-model';
import type { EngineReader } from '../engine-readers';
import { isJsonObject } from '../python-json';
import { NOTHING_STATED, type RawContext, type StatedFacts } from '../raw-result';
import { requestsNote, statisticsOf } from '../serve-arrays';
import { countOf, finiteOf, own, type JsonRecord } from '../shared';
import { ERROR_RATE, LLMPERF_LATENCIES } from './llmperf';
import {
  engineOutcome,
  engineResult,
  hasCoreMetric,
  newReadMetrics,
  putMetric,
  type ReadMetrics,
} from './read-metrics';

const FORMAT = { id: 'llmperf-requests', label: 'LLMPerf individual responses JSON' } as const;
/** The keys every request record has, whatever became of the request. */
const DECISIVE = ['ttft_s', 'end_to_end_latency_s', 'error_code'] as const;
/** How many items of the list decide whether it is one. */
const SNIFF = 50;
/** More records than this are not read (a file may be hostile). */
const MAX_RECORDS = 10_000_000;
/** The percentiles kept beside mean, median and std: those LLMPerf's summary writes. */
const PERCENTILES = [90, 95, 99] as const;
/**
 * LLMPerf names its files `{model}_{mean input tokens}_{mean output tokens}`, every character of
 * the model other than a letter, digit, `_` or `-` replaced by `-`: `meta-llama/Llama-2-7b-chat-hf`
 * becomes `meta-llama-Llama-2-7b-chat-hf`, and where the organisation ended cannot be told.
 */
const FILE_NAME = /^(.+)_(\d+)_(\d+)_individual_responses$/;

function isRequestRecord(item: unknown): item is JsonRecord {
  return isJsonObject(item) && DECISIVE.every((key) => Object.hasOwn(item, key));
}

/** A non-empty list whose first objects are all request records. */
function looksLike(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  const head = (value as readonly unknown[]).slice(0, SNIFF).filter(isJsonObject);
  return head.length > 0 && head.every(isRequestRecord);
}

function failed(record: JsonRecord): boolean {
  const code = own(record, 'error_code');
  return code !== null && code !== undefined;
}

/** The records of the list; anything else in it is counted, to be warned about. */
function recordsOf(list: readonly unknown[]): { records: JsonRecord[]; others: number } {
  const records: JsonRecord[] = [];
  let others = 0;
  const length = Math.min(list.length, MAX_RECORDS);
  for (let i = 0; i < length; i += 1) {
    const item = list[i];
    if (isRequestRecord(item)) records.push(item);
    else others += 1;
  }
  return { records, others };
}

/**
 * The statistics of each quantity over the successful requests. A time that is not a positive
 * number is left out: LLMPerf writes 0 for a request that received no token.
 */
function readMetrics(records: readonly JsonRecord[]): ReadMetrics {
  const into = newReadMetrics();
  const succeeded = records.filter((record) => !failed(record));
  const failures = records.length - succeeded.length;
  for (const [name, keyOf, note] of LLMPERF_LATENCIES) {
    const seconds: number[] = [];
    for (const record of succeeded) {
      const value = finiteOf(own(record, name));
      if (value !== null && value > 0) seconds.push(value);
    }
    if (seconds.length === 0) continue;
    const source = `${name} × 1000 (s → ms)${note}, ${requestsNote(seconds.length, failures)}`;
    for (const [stat, ms] of statisticsOf(seconds, PERCENTILES)) {
      putMetric(into, keyOf(stat), ms, source);
    }
  }
  putMetric(into, 'num_requests', succeeded.length, 'records whose error_code is null');
  putMetric(into, 'failed_requests', failures, 'records with an error_code');
  putMetric(
    into,
    ERROR_RATE,
    failures / records.length,
    `records with an error_code ÷ ${records.length} records`,
  );
  return into;
}

/** Model, input and output length as the file's name gives them; nothing without the name. */
function statedByName(context: RawContext): StatedFacts {
  const match = FILE_NAME.exec(context.fileName?.base ?? '');
  if (match === null) return NOTHING_STATED;
  return {
    ...NOTHING_STATED,
    model: match[1] ?? null,
    inputLen: countOf(match[2]),
    outputLen: countOf(match[3]),
  };
}

function read(value: unknown, context: RawContext): ParseOutcome {
  if (!Array.isArray(value)) return parseFailure('not-results', 'This is no results file.');
  const { records, others } = recordsOf(value as readonly unknown[]);
  if (others > 0) {
    // LLMPerf's last collection of answers can put a record's key names in the list instead.
    context.warnings.push(
      `${others} item${others === 1 ? ' of the list is no request record' : 's of the list are no request records'} (with ${DECISIVE.join(', ')}): left out.`,
    );
  }
  const metrics = readMetrics(records);
  if (records.length === 0 || !hasCoreMetric(metrics)) {
    const failures = records.filter(failed).length;
    return parseFailure(
      'no-rows',
      `This is an LLMPerf individual-responses list without a successful request's latency (${records.length} requests, ${failures} failed).`,
      'A request counts when its error_code is null and its ttft_s or end_to_end_latency_s is a time in seconds.',
    );
  }
  const result = engineResult('serving', statedByName(context), metrics, context, true);
  return engineOutcome(FORMAT, [result], context, null, [metrics]);
}

/** LLMPerf's per-request list → one serving result computed from its requests; engine null. */
export const LLMPERF_REQUESTS_READER: EngineReader = { looksLike, read };
