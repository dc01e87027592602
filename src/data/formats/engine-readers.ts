/**
 * Readers of other tools' JSON results (SGLang, TensorRT-LLM, AIPerf, GuideLLM, LLMPerf, llm-d,
 * perf-eval), asked in this order before vLLM's own readers: each knows its format by the keys
 * that decide it (ENGINES.md §1), so a file is never read by the wrong one.
 */
import type { ParseOutcome } from '../results/result-model';
import type { RawContext } from './raw-result';
import { AIPERF_READER } from './engines/aiperf';
import { AIPERF_AGGREGATE_READER } from './engines/aiperf-aggregate';
import { GUIDELLM_READER } from './engines/guidellm';
import { LLM_D_REPORT_READER } from './engines/llm-d-report';
import { LLMPERF_READER } from './engines/llmperf';
import { LLMPERF_REQUESTS_READER } from './engines/llmperf-requests';
import { TRTLLM_BENCH_READER } from './engines/trtllm-bench';
import { PERF_EVAL_READER } from './perf-eval';
import { SWEEP_READER } from './serve-sweep';
import { SGLANG_READER } from './sglang-serving';

export interface EngineReader {
  /** True when a parsed JSON value has this format's decisive keys. */
  readonly looksLike: (value: unknown) => boolean;
  /** The value → results (or an error that says what was recognised and what is missing). */
  readonly read: (value: unknown, context: RawContext) => ParseOutcome;
}

export const ENGINE_READERS: readonly EngineReader[] = [
  SGLANG_READER,
  PERF_EVAL_READER,
  SWEEP_READER,
  TRTLLM_BENCH_READER,
  AIPERF_AGGREGATE_READER,
  AIPERF_READER,
  GUIDELLM_READER,
  LLMPERF_READER,
  LLMPERF_REQUESTS_READER,
  LLM_D_REPORT_READER,
];

/** The first reader that knows the value, or null. */
export function engineReaderOf(value: unknown): EngineReader | null {
  for (const reader of ENGINE_READERS) if (reader.looksLike(value)) return reader;
  return null;
}
