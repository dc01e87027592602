/**
 * The workload each nightly suite runs, as CI's benchmark page describes it, as definition-list
 * entries for "How these numbers were measured".
 */
import type { Suite } from '../results/result-model';

/** The workload of one nightly suite, field by field as CI's page lists it. */
export interface SuiteWorkload {
  readonly suite: Suite;
  /** The section title on CI's page (`Latency tests`). */
  readonly title: string;
  /** The workload in one line (`32 input / 128 output tokens, batch 8`). */
  readonly summary: string;
  readonly input: string;
  readonly output: string;
  readonly batch: string;
  /** How requests arrive; null for suites that send them all at once. */
  readonly arrivals: string | null;
  readonly models: string;
  readonly metrics: string;
  /** Further bullets of the page (the speculative decoding test). */
  readonly notes: readonly string[];
}

/** Where SUITE_WORKLOADS comes from, to say beside it. */
export const SUITE_WORKLOAD_SOURCE =
  'The descriptions at the top of the benchmark page vLLM’s nightly CI posts (benchmark_results.md).';

const MODELS = 'llama-3.1 8B, llama-3 70B, mixtral 8x7B';
const SHAREGPT_INPUT = 'randomly sample 200 prompts from ShareGPT dataset (with fixed random seed)';
const SHAREGPT_OUTPUT = 'the corresponding output length of these 200 prompts';

/**
 * The nightly suites' workloads, as the bullet lists at the top of CI's benchmark page say them
 * (test/fixtures/nightly/*.md), without their final periods.
 */
export const SUITE_WORKLOADS: Readonly<Record<Suite, SuiteWorkload>> = {
  latency: {
    suite: 'latency',
    title: 'Latency tests',
    summary: '32 input / 128 output tokens, batch 8',
    input: '32 tokens',
    output: '128 tokens',
    batch: 'fixed (8)',
    arrivals: null,
    models: MODELS,
    metrics: 'end-to-end latency (mean, median, p99)',
    notes: [],
  },
  throughput: {
    suite: 'throughput',
    title: 'Throughput tests',
    summary: '200 ShareGPT prompts (fixed random seed)',
    input: SHAREGPT_INPUT,
    output: SHAREGPT_OUTPUT,
    batch: 'dynamically determined by vllm to achieve maximum throughput',
    arrivals: null,
    models: MODELS,
    metrics: 'throughput',
    notes: [],
  },
  serving: {
    suite: 'serving',
    title: 'Serving tests',
    summary: '200 ShareGPT prompts at QPS 1, 4, 16 and inf, Poisson arrivals (fixed seed)',
    input: SHAREGPT_INPUT,
    output: SHAREGPT_OUTPUT,
    batch: 'dynamically determined by vllm and the arrival pattern of the requests',
    arrivals:
      'Average QPS (query per second): 1, 4, 16 and inf. QPS = inf means all requests come at ' +
      'once. For other QPS values, the arrival time of each query is determined using a random ' +
      'Poisson process (with fixed random seed)',
    models: MODELS,
    metrics:
      'throughput, TTFT (time to the first token, with mean, median and p99), ITL (inter-token ' +
      'latency, with mean, median and p99)',
    notes: ['We also added a speculative decoding test for llama-3 70B, under QPS 2'],
  },
};

/** One line of a definition list: a term and what it is. */
export interface SetupFact {
  readonly term: string;
  readonly value: string;
}

/** A suite's workload as definition-list entries, in the page's order. */
export function workloadFacts(workload: SuiteWorkload): SetupFact[] {
  const facts: SetupFact[] = [
    { term: 'Input', value: workload.input },
    { term: 'Output', value: workload.output },
    { term: 'Batch size', value: workload.batch },
  ];
  if (workload.arrivals !== null)
    facts.push({ term: 'Request arrivals', value: workload.arrivals });
  facts.push({ term: 'Models', value: workload.models });
  facts.push({ term: 'Metrics', value: workload.metrics });
  for (const note of workload.notes) facts.push({ term: 'Also', value: note });
  return facts;
}
